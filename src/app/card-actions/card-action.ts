import { z } from 'zod';
import type { Speaker } from '../conversations/speaker';
import type { Reply } from '../dispatch/reply';
import type { AppContext } from '../shared/context';

/**
 * One button or form on a card: its verb, the fields its payload carries and what it does,
 * defined once (the shape of the Agents SDK's onAdaptiveCardAction(verb, handler)).
 */
export interface CardActionHandler {
  verb: string;
  /** The payload, verb included; the registry joins these into one schema (index.ts). */
  schema: z.ZodObject<{ verb: z.ZodLiteral<string> }>;
  /** Its answer is a form, which Slack must open at once (dispatch/form-requests.ts). */
  answersWithForm: boolean;
  // A method, so each handler may take its own payload's type; runCardAction only hands it a
  // payload its own schema has parsed.
  handle(ctx: AppContext, speaker: Speaker, action: { verb: string }): Promise<Reply>;
}

type Payload<V extends string, F extends z.ZodRawShape> = z.output<
  z.ZodObject<{ verb: z.ZodLiteral<V> } & F>
>;

export function defineCardAction<const V extends string, F extends z.ZodRawShape>(spec: {
  verb: V;
  fields: F;
  /** Fields beside these pass through too: checklist answers, one input per register entry. */
  keepsOtherFields?: true;
  answersWithForm?: true;
  handle: (ctx: AppContext, speaker: Speaker, action: Payload<V, F>) => Promise<Reply>;
}): CardActionHandler {
  const shape = { verb: z.literal(spec.verb), ...spec.fields };
  return {
    verb: spec.verb,
    schema: spec.keepsOtherFields ? z.looseObject(shape) : z.object(shape),
    answersWithForm: spec.answersWithForm === true,
    // The registry parses a payload with the schema built above before handing it over, so it
    // is this payload type; TypeScript cannot follow that through the generic zod types.
    handle: spec.handle as CardActionHandler['handle'],
  };
}

/** Payload fields more than one action takes. A blank form field means "not given". */
export const emptyToUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;
export const ref = z.string().trim().min(1).max(20);
export const id = z.string().trim().min(1).max(64);
export const optionalPage = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().min(1).max(9999).optional(),
);
