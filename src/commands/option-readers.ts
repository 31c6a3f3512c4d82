import type { DateContext } from './dates';
import { readDate, readDueDate } from './dates';
import { nearest } from './nearest';
import { readReference, readStandardKey } from './references';
import { normaliseDashes } from './spacing';
import { listJoined } from './wording';

export type ValueReading =
  { ok: true; value: string | number | readonly number[] } | { ok: false; message: string };

/** How one key:value option is read. `written` is the option as typed, e.g. `role:chiar`. */
export interface OptionGrammar {
  /** The property of the command it fills. */
  field: string;
  /** How refusals name it: "a role", "a due date". */
  noun: string;
  /** What a person should type, e.g. "role:member, chair, … or committee". */
  hint: string;
  required: boolean;
  /**
   * The option names people, mentioned right after it (`invite:@Sam @Jo`): 'one' fills the
   * field with one user id, 'many' with a list. `read` then only sees a value typed instead.
   */
  people?: 'one' | 'many';
  read(value: string, written: string, context: DateContext): ValueReading;
}

/**
 * A choice from a fixed list, in any case, with word processors' dashes and spaces or
 * underscores read as hyphens. `aliases` maps other accepted spellings to the stored value
 * (`light` → `light-touch`); the choices shown are what people are taught to type.
 */
export function choiceOption(spec: {
  key: string;
  field: string;
  noun: string;
  choices: readonly string[];
  required: boolean;
  aliases?: Readonly<Record<string, string>>;
}): OptionGrammar {
  const hint = `${spec.key}:${listJoined(spec.choices, 'or')}`;
  return {
    field: spec.field,
    noun: spec.noun,
    hint,
    required: spec.required,
    read(value, written) {
      const typed = normaliseDashes(value.trim())
        .toLowerCase()
        .replace(/[\s_]+/g, '-');
      const aliased = spec.aliases?.[typed];
      if (aliased !== undefined) return { ok: true, value: aliased };
      if (spec.choices.includes(typed)) return { ok: true, value: typed };
      const guess = nearest(typed, spec.choices);
      const advice = guess ? `Did you mean ${spec.key}:${guess}?` : `Use ${hint}.`;
      return { ok: false, message: `${written} isn't ${spec.noun} I know. ${advice}` };
    },
  };
}

export function textOption(spec: {
  key: string;
  field: string;
  noun: string;
  example: string;
  maxLength: number;
}): OptionGrammar {
  return {
    field: spec.field,
    noun: spec.noun,
    hint: `${spec.key}:${spec.example}`,
    required: false,
    read(value, written) {
      const text = value.trim();
      if (text.length > spec.maxLength) {
        return {
          ok: false,
          message: `${written.slice(0, spec.key.length + 1)} is too long (${text.length} characters); keep it to ${spec.maxLength}.`,
        };
      }
      return { ok: true, value: text };
    },
  };
}

export function dateOption(spec: {
  key: string;
  field: string;
  noun: string;
  required: boolean;
  /** Due dates may not be in the past; a "member since" date usually is. */
  notBeforeToday: boolean;
}): OptionGrammar {
  return {
    field: spec.field,
    noun: spec.noun,
    hint: `${spec.key}:21/12/2026, ${spec.key}:21 Dec, ${spec.key}:today, ${spec.key}:friday or ${spec.key}:+N wd (working days)`,
    required: spec.required,
    read(value, written, context) {
      const reading = spec.notBeforeToday
        ? readDueDate(value, written, context)
        : readDate(value, written, context);
      return reading.ok ? { ok: true, value: reading.date } : reading;
    },
  };
}

export function reviewReferenceOption(): OptionGrammar {
  return {
    field: 'reviewRef',
    noun: 'a review reference',
    hint: 'review:R-12',
    required: false,
    read(value, written) {
      const ref = readReference(value, 'R');
      if (ref) return { ok: true, value: ref };
      return {
        ok: false,
        message: `${written} isn't a review reference; they look like R-12.`,
      };
    },
  };
}

export function checkReferenceOption(): OptionGrammar {
  return {
    field: 'checkRef',
    noun: 'a check reference',
    hint: 'check:C-40',
    required: true,
    read(value, written) {
      const ref = readReference(value, 'C');
      if (ref) return { ok: true, value: ref };
      return {
        ok: false,
        message: `${written} isn't a check reference; they look like C-40.`,
      };
    },
  };
}

export function standardKeyOption(): OptionGrammar {
  return {
    field: 'standardRef',
    noun: "a service standard's key",
    hint: 'standard:lift-inspections',
    required: false,
    read(value, written) {
      const key = readStandardKey(value);
      if (key) return { ok: true, value: key };
      return {
        ok: false,
        message: `${written} isn't a service standard's key; use a key listed by \`standards\`, e.g. standard:lift-inspections.`,
      };
    },
  };
}

/**
 * Which page of a long list to show (`standards page:2`): cards show a page at a time so they
 * stay within what Teams and Slack accept.
 */
export function pageOption(): OptionGrammar {
  const hint = 'page:<N>, e.g. page:2';
  return {
    field: 'page',
    noun: 'a page number',
    hint,
    required: false,
    read(value, written) {
      const page = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
      if (!Number.isInteger(page) || page < 1)
        return { ok: false, message: `${written} isn't a page I can show. Use ${hint}.` };
      return { ok: true, value: page };
    },
  };
}

/** A whole number of one unit, typed bare or with the unit (`6`, `6y`, `6 years`), from 1 to max. */
function countOption(
  spec: { key: string; field: string; noun: string },
  unit: { hint: string; short: string; long: string; what: string; max: number },
): OptionGrammar {
  const digits = String(unit.max).length;
  const pattern = new RegExp(`^(\\d{1,${digits}})\\s*(${unit.short}|${unit.long}s?)?$`, 'i');
  return {
    field: spec.field,
    noun: spec.noun,
    hint: unit.hint,
    required: false,
    read(value, written) {
      const match = pattern.exec(value.trim());
      const count = match ? Number(match[1]) : NaN;
      if (!Number.isInteger(count) || count < 1 || count > unit.max)
        return {
          ok: false,
          message: `${written} isn't ${unit.what} I can read. Use ${unit.hint} (1 to ${unit.max} ${unit.long}s).`,
        };
      return { ok: true, value: count };
    },
  };
}

/** A number of years, typed `6`, `6y` or `6 years`, from 1 to 100. */
export function yearsOption(spec: { key: string; field: string; noun: string }): OptionGrammar {
  return countOption(spec, {
    hint: `${spec.key}:<years>, e.g. ${spec.key}:6`,
    short: 'y',
    long: 'year',
    what: 'a number of years',
    max: 100,
  });
}

/** A number of months, typed `6m`, `6` or `6 months`, from 1 to 60. */
export function monthsOption(spec: { key: string; field: string; noun: string }): OptionGrammar {
  return countOption(spec, {
    hint: `${spec.key}:<N>m, e.g. ${spec.key}:6m`,
    short: 'm',
    long: 'month',
    what: 'a period',
    max: 60,
  });
}
