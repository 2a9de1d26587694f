/** HTML helpers for the report pages; the escape itself is lib/markup-escape.ts, shared by every renderer. */
import { escapeHtml } from '../lib/markup-escape.js';

/** Escaping for HTML text and attribute values: everything from a run goes through here. */
export const esc = escapeHtml;

/** A number on the page with its value in `data-value`, so a test reads it without parsing the text. */
export function metric(name: string, value: number, text: string = String(value)): string {
  return `<span class="num" data-metric="${esc(name)}" data-value="${esc(value)}">${esc(text)}</span>`;
}
