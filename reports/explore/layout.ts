/** The page every explorer view sits in, and the small pieces views share (links, pagers, raw JSON). */
import { esc } from '../html-text.js';

export interface PageOptions {
  title: string;
  /** What is explored, shown in the header: the file, the two files, or the run folder. */
  subject: string;
  /** Breadcrumbs above the title: [href, text], the last one the current page's parent. */
  crumbs?: Array<[string, string]>;
  body: string;
}

export function page({ title, subject, crumbs = [], body }: PageOptions): string {
  const trail = crumbs.length
    ? `<nav class="crumbs" aria-label="breadcrumbs">${crumbs.map(([href, text]) => link(href, text)).join(' / ')}</nav>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · sync-harness explore</title>
<link rel="stylesheet" href="/static/explore.css"><script src="/static/explore.js" defer></script></head>
<body><header><a href="/">sync-harness explore</a><span class="what">${esc(subject)}</span><span class="what">press / to search</span></header>
<main>${trail}<h1>${esc(title)}</h1>
${body}
</main></body></html>
`;
}

export function link(href: string, text: string, attributes = ''): string {
  return `<a href="${esc(href)}"${attributes ? ` ${attributes}` : ''}>${esc(text)}</a>`;
}

/** `path` with its query, empty values left out. */
export function href(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** "1-50 of 1,000" with previous and next links that keep the other parameters. */
export function pager(path: string, query: Record<string, string | number | undefined>, offset: number, limit: number, total: number): string {
  if (total === 0) return '<p class="pager">none</p>';
  const prev = offset > 0 ? link(href(path, { ...query, offset: Math.max(0, offset - limit) || undefined }), '← previous', 'rel="prev"') : '';
  const next = offset + limit < total ? link(href(path, { ...query, offset: offset + limit }), 'next →', 'rel="next"') : '';
  const shown = `${(offset + 1).toLocaleString('en-US')}-${Math.min(total, offset + limit).toLocaleString('en-US')} of <span data-total="${total}">${total.toLocaleString('en-US')}</span>`;
  return `<p class="pager">${prev}<span>${shown}</span>${next}</p>`;
}

/** An object's protobuf JSON, folded away until asked for. */
export function rawJson(label: string, value: unknown): string {
  return `<details class="raw"><summary>${esc(label)}</summary><pre>${esc(JSON.stringify(value, null, 2))}</pre></details>`;
}

export function num(n: number): string {
  return `<td class="num">${esc(n.toLocaleString('en-US'))}</td>`;
}
