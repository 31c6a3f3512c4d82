import { isHttpsLink } from '../domain/reviews/scope-and-reports';
import type { OptionGrammar } from './option-readers';

/** Readers for the options of a review's steps: numbers, lists of numbers, people and links. */

/** A whole number within bounds, e.g. `step:3` or `attendees:7`. */
export function numberOption(spec: {
  key: string;
  field: string;
  noun: string;
  min: number;
  max: number;
  required: boolean;
}): OptionGrammar {
  const hint = `${spec.key}:<${spec.min}–${spec.max}>`;
  return {
    field: spec.field,
    noun: spec.noun,
    hint,
    required: spec.required,
    read(value, written) {
      const n = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
      if (!Number.isInteger(n) || n < spec.min || n > spec.max)
        return {
          ok: false,
          message: `${written} isn't ${spec.noun} I can use; give a number from ${spec.min} to ${spec.max}.`,
        };
      return { ok: true, value: n };
    },
  };
}

/** Numbers separated by commas, e.g. `agreed:1,2,4`: a committee decides several at once. */
export function numberListOption(spec: {
  key: string;
  field: string;
  noun: string;
}): OptionGrammar {
  const hint = `${spec.key}:1,2`;
  return {
    field: spec.field,
    noun: spec.noun,
    hint,
    required: false,
    read(value, written) {
      const parts = value.split(/\s*,\s*/).filter((p) => p !== '');
      const numbers = parts.map((p) => (/^[1-9]\d{0,5}$/.test(p) ? Number(p) : NaN));
      if (parts.length === 0 || parts.length > 50 || numbers.some((n) => Number.isNaN(n)))
        return {
          ok: false,
          message: `${written} isn't a list of ${spec.noun} I can read; write their numbers with commas, e.g. ${hint}.`,
        };
      return { ok: true, value: [...new Set(numbers)] };
    },
  };
}

/** People mentioned right after the key: `invite:@Sam @Jo`, `management:@Max`. */
export function peopleOption(spec: {
  key: string;
  field: string;
  noun: string;
  people: 'one' | 'many';
  required: boolean;
}): OptionGrammar {
  const hint = `${spec.key}:@person`;
  return {
    field: spec.field,
    noun: spec.noun,
    hint,
    required: spec.required,
    people: spec.people,
    // Reached only when something other than a mention was typed after the key.
    read(_value, written) {
      return {
        ok: false,
        message: `${written} isn't a mention I can read: after ${spec.key}: pick the person from the list that appears as you type @, so their name is highlighted.`,
      };
    },
  };
}

/** A link to a document the landlord keeps; https only, so nothing travels in the clear. */
export function linkOption(spec: { key: string; field: string; noun: string }): OptionGrammar {
  const hint = `${spec.key}:https://…`;
  return {
    field: spec.field,
    noun: spec.noun,
    hint,
    required: false,
    read(value, written) {
      const link = value.trim();
      if (!isHttpsLink(link) || link.length > 500)
        return {
          ok: false,
          message: `${written} isn't a link I can keep; give one starting https:// (at most 500 characters).`,
        };
      return { ok: true, value: link };
    },
  };
}
