/**
 * A zod object that refuses unknown keys and knows its own keys, so the message can say "did you mean".
 * zod's own strict mode reports one issue for the whole object without the known keys; here each unknown
 * key fails on its own (a catch-all that accepts nothing), located at the key itself, while the known keys
 * are still checked in the same pass. `issue-message.ts` turns `params` into the message.
 */
import { z } from 'zod';

export interface UnknownKeyParams {
  at: 'key';
  unknownKey: true;
  known: string[];
}

/** `typeError` replaces the generic "expected a mapping" when the value is not one. */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, typeError?: string) {
  const params: UnknownKeyParams = { at: 'key', unknownKey: true, known: Object.keys(shape) };
  return z.object(shape, typeError ? { error: typeError } : undefined).catchall(z.custom<never>(() => false, { error: 'unknown key', params }));
}
