/**
 * The one markup escape (HTML and XML) every renderer, simulator and sanitizer uses, so none forgets a
 * character. Three contexts need three sets: element text only needs `& < >` (AWS writes quotes in its
 * answers as they are), HTML text and attributes of either quote need the quotes too, and XML 1.0 (JUnit,
 * the diff page) cannot hold most control characters at all. Markdown is another concern:
 * reports/markdown-text.ts.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const entity = (c: string): string => ENTITIES[c]!;

/** Element text content: `&`, `<` and `>`; quotes stay as written. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, entity);
}

/** HTML text and attribute values in either quote: `&`, `<`, `>`, `"` and `'`. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, entity);
}

/** XML 1.0 text and double-quoted attributes; the control characters XML forbids (all but tab, LF, CR) are dropped. */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids, matched to drop them
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, entity);
}
