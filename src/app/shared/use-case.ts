import type { z } from 'zod';
import type { Result } from '../../domain/shared/result';
import type { Actor } from './actor';
import type { AppContext } from './context';
import { inputRefusal } from './input-problems';

export type UseCase<TInput, TOutput> = (
  ctx: AppContext,
  actor: Actor,
  input: TInput | unknown,
) => Promise<Result<TOutput>>;

/**
 * An operation the channels call. Input arrives untrusted (a command's words, a card's fields):
 * it is parsed by the zod schema first, and a bad input is refused with a sentence naming each
 * field, before anything is read or changed.
 */
export function defineUseCase<TSchema extends z.ZodType, TOutput>(spec: {
  name: string;
  input: TSchema;
  run: (ctx: AppContext, actor: Actor, input: z.output<TSchema>) => Promise<Result<TOutput>>;
}): UseCase<z.input<TSchema>, TOutput> {
  const useCase = async (ctx: AppContext, actor: Actor, raw: unknown) => {
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false as const,
        refusals: [inputRefusal(parsed.error)],
      };
    }
    return spec.run(ctx, actor, parsed.data);
  };
  Object.defineProperty(useCase, 'name', { value: spec.name });
  return useCase;
}
