/**
 * Escaping for Markdown that GitHub, GitLab and ticket systems render: text from a run (error messages,
 * URLs, finding evidence) must show literally, never as formatting, links or inline HTML.
 */

/**
 * Plain text on one line, shown literally by a renderer and still readable raw (a ticket, a terminal): only
 * what could start formatting is escaped, with backslashes rather than HTML entities, so "Certificates &
 * secrets > New client secret" stays as written. `&` is escaped only where it would start an entity, `>`
 * only where it would start a quote, `<` always (it could open HTML or an autolink).
 */
export function mdText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(/([\\`*_[\]|~<])/g, '\\$1')
      .replace(/&(?=#\d+;|#x[\da-f]+;|[a-z][a-z\d]*;)/gi, '\\&')
      // Only at the start can these open a heading, list or quote.
      .replace(/^([#+>-])/, '\\$1')
  );
}

/**
 * A table cell or list item of the diff report: one line, pipes literal, nothing else touched. Lighter than
 * mdText because most of that text (ids, type names, file paths) sits inside code spans, where a backslash
 * would show as written.
 */
export function mdCell(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('|', '\\|');
}

/** An inline code span whose fence is longer than any backtick run inside, so the text cannot close it. */
export function mdCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block that keeps the text verbatim, line breaks included. */
export function mdBlock(text: string): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, ...text.split('\n'), fence];
}

export function mdTable(headers: string[], rows: string[][], numericFrom = 1): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map((_, i) => (i < numericFrom ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}
