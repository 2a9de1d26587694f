/**
 * Secrets: which fields hold them, the forms they travel in, finding them and scrubbing them. No project
 * imports beyond this folder, so the runner, the recorder, bundles and reports all share it.
 *
 *   which       credential-fields.ts  secretFieldKind(name) on the wire, isCredentialField(name) in a config
 *   forms       secret-forms.ts       SecretMatcher: plain, URL, form, JSON, base64 at any alignment, PEM, JWT
 *   find        secret-views.ts       findSecrets(matcher, text): also inside URL-decoded and JSON-unescaped text
 *   scrub       scrubber.ts           Scrubber: known secrets in every form, then credential-shaped text
 *   prove       secret-scan.ts        scanForSecrets(secrets, paths): files, folders and tarballs
 *   collect     credential-secrets.ts credentialSecrets(credentials): a connector configuration's secrets
 */
export { isCredentialField, normalizeField, secretFieldKind, type SecretKind } from './credential-fields.js';
export { credentialSecrets } from './credential-secrets.js';
export { PEM_RUN, SecretMatcher, type Secret, type SecretForm, type SecretHit } from './secret-forms.js';
export { findSecrets, type SecretSpan } from './secret-views.js';
export { MARK, Scrubber, scrubText } from './scrubber.js';
export { scanForSecrets, scanText, type ScanResult, type SecretFinding } from './secret-scan.js';
