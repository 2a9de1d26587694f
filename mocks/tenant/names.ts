/**
 * How people and groups turn into sign-in names and mail addresses, Entra style: members
 * `first.last@<domain>`, guests and external identities `first.last_<their domain>#EXT#@<domain>`, and a
 * number appended (`john.smith2`) when a name is taken.
 */

/** Domains outsiders come from; reserved TLDs only, like the tenant's own domain. */
export const GUEST_DOMAINS = ['othermail.test', 'fabrikam.example', 'partner.example', 'northwind.test'];
export const EXTERNAL_DOMAINS = ['mail.example', 'webmail.test', 'social.invalid'];

/** What automation accounts are for; `svc-<purpose>` is how most tenants name them. */
export const SERVICE_PURPOSES = [
  'backup',
  'sync',
  'scanner',
  'deploy',
  'monitoring',
  'reporting',
  'etl',
  'mailer',
  'billing',
  'provisioning',
  'ci',
  'audit',
];

/**
 * A mail-safe local part: lower case ASCII letters, dots and hyphens (`O'Hara` -> `ohara`). Digits are
 * dropped so that only {@link numbered} ever puts one at the end.
 */
export function localPart(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const cleaned = ascii
    .replace(/[^a-z.\- ]/g, '')
    .replace(/[\s]+/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  return cleaned || 'user';
}

/** The n-th holder of a name gets `name<n>`; the first keeps the bare name. */
export function numbered(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}`;
}

/** Entra's UPN for an invited outsider: their address with `@` turned into `_`, then `#EXT#@<tenant domain>`. */
export function externalUpn(mail: string, tenantDomain: string): string {
  return `${mail.replace('@', '_')}#EXT#@${tenantDomain}`;
}
