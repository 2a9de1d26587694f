/**
 * Which fields hold credentials: the one list behind the runner's masking, the recording sanitizer, the
 * run's secret scan and the scrubber's field patterns. Names are compared without case, dashes or
 * underscores (`client_secret`, `ClientSecret` and `client-secret` are one field).
 *
 * On the wire only the exact names count: `nextPageToken`, `passwordLastSetDateTime` or `keyId` hold no
 * secret, and a recording that redacted them could not be replayed. In a connector's own configuration
 * nothing is a page token, so there a name that merely contains a credential word counts too
 * (`accessKeyId`, `private_key_id`, `signingKeyPassphrase`): masking more than needed costs nothing there.
 */

/** What a redacted value is replaced with, per kind of credential (the recording sanitizer's placeholders). */
export type SecretKind = 'secret' | 'token' | 'jwt' | 'password';

const SECRET_FIELDS: Readonly<Record<string, SecretKind>> = {
  clientsecret: 'secret',
  clientassertion: 'jwt',
  assertion: 'jwt',
  password: 'password',
  passwd: 'password',
  // A field called just `token` is a credential wherever it appears (a SCIM connector's bearer token).
  token: 'token',
  bearertoken: 'token',
  accesstoken: 'token',
  refreshtoken: 'token',
  idtoken: 'token',
  sessiontoken: 'token',
  securitytoken: 'token',
  secretaccesskey: 'secret',
  secretkey: 'secret',
  privatekey: 'secret',
  apikey: 'secret',
  codeverifier: 'secret',
  devicecode: 'token',
};

/** Words that make a configuration field a credential wherever they appear in its name. */
const CREDENTIAL_WORDS = /secret|token|key|password|passwd|passphrase|assertion|credential/;

export function normalizeField(name: string): string {
  return name
    .replace(/^[@$]+/, '')
    .replace(/[-_]/g, '')
    .toLowerCase();
}

/** The kind of credential a field holds on the wire (a JSON key, a form or query parameter), if any. */
export function secretFieldKind(name: string): SecretKind | undefined {
  return SECRET_FIELDS[normalizeField(name)];
}

/** Whether a field of a connector's configuration (its credentials) holds something to keep secret. */
export function isCredentialField(name: string): boolean {
  const field = normalizeField(name);
  return SECRET_FIELDS[field] !== undefined || CREDENTIAL_WORDS.test(field);
}

/**
 * A pattern source matching any of the exact names as written in text: `client_secret`, `clientSecret`,
 * `client-secret`. Used by the scrubber to blank `"name": "value"` and `name=value` when the value is unknown.
 */
export function secretFieldPattern(): string {
  const spelled = Object.keys(SECRET_FIELDS)
    .sort((a, b) => b.length - a.length)
    .map((field) => [...field].join('[-_]?'));
  return `(?:${spelled.join('|')})`;
}
