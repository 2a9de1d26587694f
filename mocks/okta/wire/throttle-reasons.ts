/** The `throttle` fault's `reason=` on Okta: the org-wide per-minute limit, or the concurrent limit (wire/dialect.ts). */
export const THROTTLE_REASONS = ['org', 'concurrent'] as const;
