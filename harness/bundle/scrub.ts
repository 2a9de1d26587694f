/**
 * Text made safe to attach to a ticket: the run's known secrets in every encoding they travel in, then
 * anything shaped like a credential (JWTs, private keys, Bearer and Basic values, secret-named fields).
 * Page tokens are kept: they are how a pagination bug is diagnosed, and they grant nothing.
 */
import type { Secret } from '../record/index.js';

const MARK = '[redacted]';
/** Field names whose values are credentials; page and continuation tokens are not. */
const SECRET_NAME = String.raw`(?:client_?secret|secret(?:_?access)?_?key|password|passwd|access_?token|refresh_?token|id_?token|session_?token|client_?assertion|assertion|private_?key|api_?key|authorization)`;

const PATTERNS: Array<[RegExp, string]> = [
  // A PEM block, raw or JSON-escaped (\n as two characters).
  [/-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g, `[private key ${MARK}]`],
  [/eyJ[\w-]{6,}\.eyJ[\w-]{6,}\.[\w-]*/g, `[jwt ${MARK}]`],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/gi, `$1 ${MARK}`],
  [new RegExp(String.raw`("${SECRET_NAME}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${MARK}"`],
  [new RegExp(String.raw`\b(${SECRET_NAME}=)[^&\s"']+`, 'gi'), `$1${MARK}`],
  // AWS access key ids: not secret alone, but they name the credential a leaked secret key goes with.
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, `[aws access key id ${MARK}]`],
];

export function scrubText(text: string, secrets: readonly Secret[] = []): string {
  let out = text;
  for (const { value } of secrets) {
    for (const form of encodings(value)) out = out.split(form).join(MARK);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** The forms a secret takes on the wire and in logs, longest first so a longer form is replaced whole. */
function encodings(value: string): string[] {
  const forms = new Set([
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ]);
  return [...forms].filter((f) => f.length >= 6).sort((a, b) => b.length - a.length);
}
