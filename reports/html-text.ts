/** Escaping for HTML text and attribute values: everything from a run goes through here. */
export function esc(text: string | number): string {
  return String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A number on the page with its value in `data-value`, so a test reads it without parsing the text. */
export function metric(name: string, value: number, text: string = String(value)): string {
  return `<span class="num" data-metric="${esc(name)}" data-value="${esc(value)}">${esc(text)}</span>`;
}
