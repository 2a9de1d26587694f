/**
 * Escapes text for XML (JUnit reports) and for HTML text and double-quoted attributes (the diff page): the
 * one escape every markup renderer uses, so none can forget a character.
 */
export function xml(text: string): string {
  // Control characters other than tab and newline are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
