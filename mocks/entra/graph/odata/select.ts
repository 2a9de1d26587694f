/**
 * `$select` projection and default property sets. Properties the schema knows but the simulator does not
 * model come back `null`, as Graph returns unset properties.
 */
/** `defaults` are the object's own type's (a member group keeps group defaults in a members list). */
export function project(obj: Record<string, unknown>, select: readonly string[] | undefined, defaults: readonly string[]): Record<string, unknown> {
  const names = select ?? defaults;
  const out: Record<string, unknown> = {};
  // Mixed collections (members) tell each object's type; Graph keeps it whatever was selected.
  if (obj['@odata.type'] !== undefined) out['@odata.type'] = obj['@odata.type'];
  for (const name of names) out[name] = obj[name] ?? null;
  return out;
}

/** The `(a,b,principal())` part of `@odata.context` for a select/expand. */
export function contextProjection(select: readonly string[] | undefined, expand: readonly string[] = []): string {
  const parts = [...(select ?? []), ...expand.map((e) => `${e}()`)];
  return parts.length ? `(${parts.join(',')})` : '';
}
