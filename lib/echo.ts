/**
 * A value the user gave, as an error line may repeat it: control characters escaped, so a path or id with a
 * newline in it cannot break the one-line error into two (or forge a second line), and cut after `max`
 * characters, so a 100 KB id does not become a 100 KB error.
 */
export function echo(value: string, max = 80): string {
  const chars = [...value];
  const cut = chars.length > max;
  return (cut ? chars.slice(0, max) : chars).map(escapeChar).join('') + (cut ? `… (${chars.length} characters)` : '');
}

/** A whole message made one line: every control character escaped, nothing cut. */
export function oneLine(text: string): string {
  return [...text].map(escapeChar).join('');
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  // C0 controls, DEL, C1 controls, and the line and paragraph separators some terminals break on.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
    return NAMED[char] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return char;
}
