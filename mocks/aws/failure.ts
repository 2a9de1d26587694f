/**
 * An AWS error answer before it is rendered: status, code and message, plus the extra members some JSON
 * errors carry (ResourceType, RetryAfterSeconds). Actions throw it; the Query (XML) and JSON routes each
 * render it in their protocol's shape.
 */
export class AwsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AwsFailure';
  }
}

/**
 * The wording of Smithy validation failures, as every AWS service words them:
 * `1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1`.
 */
export function constraintMessage(value: unknown, member: string, constraint: string): string {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}
