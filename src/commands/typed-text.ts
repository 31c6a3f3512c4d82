import { z } from 'zod';

/**
 * Text people type (reasons, details, titles, names, findings) is stored and shown to others,
 * so the characters that only ever hide or disguise what was written are taken out before
 * anything reads it:
 *
 * - ANSI escape sequences (`ESC [ 31 m`, `ESC ] … BEL`): they recolour or rewrite a terminal
 *   when someone reads the audit trail or logs there;
 * - C0 controls and NUL, DEL and the C1 controls: invisible in chat, and NUL truncates the
 *   string in some downstream tools. Tab, newline and carriage return stay: a findings text
 *   area has lines;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a
 *   right-to-left override makes "txt.exe" read as "exe.txt" and a reason say what it does not.
 *   The plain direction marks (U+200E, U+200F, U+061C) stay: Arabic and Hebrew text needs them.
 *
 * They are stripped, not refused: they arrive mostly in text pasted from a terminal, a PDF or
 * a word processor, where the person cannot see them, so a refusal would name something they
 * have no way to find and remove. What is left is exactly what they could see.
 */

// CSI (ESC [ params intermediates final, or its one-byte form U+009B), OSC (ESC ] … BEL or
// ESC \), and the rest: ESC, any intermediates, one final byte (`ESC c`, `ESC ( B`). An OSC
// without its terminator loses only its ESC ]: a terminal would swallow the rest of the line,
// but here that would be the rest of someone's reason.
const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[ -/]*[0-~]/g;
// Every C0 control but \t \n \r, then DEL and the C1 range.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/** Typed text with escape sequences, control characters and bidi overrides taken out. */
export function cleanTypedText(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '').replace(BIDI_CONTROL, '');
}

/**
 * Every string in a submitted payload cleaned, however deep: a card or modal submission is
 * cleaned as a whole, so a field added to a form later is cleaned without anyone remembering to.
 * Ids and references never hold these characters, so cleaning them too costs nothing.
 */
export function cleanTypedValues(value: unknown): unknown {
  if (typeof value === 'string') return cleanTypedText(value);
  if (Array.isArray(value)) return value.map(cleanTypedValues);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, cleanTypedValues(inner)]),
    );
  return value;
}

/** For z.preprocess: a string cleaned, anything else left for the schema to judge. */
export function cleanIfText(value: unknown): unknown {
  return typeof value === 'string' ? cleanTypedText(value) : value;
}

/**
 * A free-text field of at most `max` characters, cleaned first, so text that was nothing but
 * control characters counts as empty and is refused as such.
 */
export function typedText(max: number) {
  return z.preprocess(cleanIfText, z.string().trim().min(1).max(max));
}
