import { DateTime } from 'luxon';
import { z } from 'zod';
import { cleanIfText } from '../../commands/typed-text';

/** Parsers for the fields commands and cards send, with messages a member can act on. */
export const recordId = z
  .string({ error: 'expected an id' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, { error: 'expected an id of 24 hexadecimal characters' });

export const localDate = z
  .string({ error: 'expected a date like 2026-12-01' })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid, {
    error: 'expected a date like 2026-12-01',
  });

// Free text is cleaned of control characters, escape sequences and bidi overrides here too
// (see commands/typed-text.ts), so a use-case reached other than through the parsers stores
// none either.
export const requiredText = (max: number) =>
  z.preprocess(
    cleanIfText,
    z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(max, { error: `at most ${max} characters` }),
  );

export const optionalText = (max: number) =>
  z.preprocess(
    cleanIfText,
    z
      .string()
      .trim()
      .max(max, { error: `at most ${max} characters` })
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
  );

export const httpsUrl = z
  .string({ error: 'expected a link starting https://' })
  .trim()
  .refine(
    (v) => {
      try {
        return new URL(v).protocol === 'https:';
      } catch {
        return false;
      }
    },
    { error: 'expected a link starting https://' },
  );
