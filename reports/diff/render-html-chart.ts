/**
 * The diff page's chart, drawn as inline SVG by hand (the page loads nothing): for one table, a pair of
 * horizontal bars per resource type, the base sync's count against the compared sync's, on one scale.
 * Each bar carries `data-type`, `data-table`, `data-side` and `data-value`, and prints its number, so a test
 * can read the chart back and check it against the JSON.
 */
import { escapeXml } from '../../lib/markup-escape.js';
import type { Table, TypeCounts } from './report.js';

const BAR = 12;
const GAP = 3;
const GROUP_GAP = 10;
const PLOT = 420;
/** Room right of the longest bar for its number. */
const NUMBER_ROOM = 70;
const CHAR = 7;
const LABEL_CHARS = 32;

const SIDES = ['base', 'compare'] as const;

export function barChart(table: Table, rows: TypeCounts[]): string {
  const shown = rows.filter((row) => row[table].base + row[table].compare > 0);
  if (shown.length === 0) return `<p class="empty" data-table="${table}">No ${table} on either side.</p>`;
  const max = Math.max(...shown.flatMap((row) => [row[table].base, row[table].compare]));
  const labelWidth = Math.min(LABEL_CHARS, Math.max(...shown.map((row) => row.resourceType.length))) * CHAR + 12;
  const groupHeight = 2 * BAR + GAP + GROUP_GAP;
  const height = shown.length * groupHeight;
  const width = labelWidth + PLOT + NUMBER_ROOM;
  const groups = shown.map((row, i) => {
    const top = i * groupHeight;
    const label = row.resourceType.length > LABEL_CHARS ? `${row.resourceType.slice(0, LABEL_CHARS - 1)}…` : row.resourceType;
    const bars = SIDES.map((side, k) => {
      const value = row[table][side];
      // A count too small to see at this scale still gets a visible sliver; zero gets none.
      const length = value === 0 ? 0 : Math.max(1, (value / max) * PLOT);
      const y = top + k * (BAR + GAP);
      return (
        `<g class="bar ${side}" data-type="${escapeXml(row.resourceType)}" data-table="${table}" data-side="${side}" data-value="${value}">` +
        `<title>${escapeXml(row.resourceType)} ${table}, ${side} sync: ${value}</title>` +
        `<rect x="${labelWidth}" y="${y}" width="${length.toFixed(2)}" height="${BAR}"/>` +
        `<text class="value" x="${(labelWidth + length + 4).toFixed(2)}" y="${y + BAR - 2}">${value.toLocaleString('en-US')}</text></g>`
      );
    }).join('');
    return `<g class="type"><text class="label" x="${labelWidth - 6}" y="${top + BAR + 5}" text-anchor="end"><title>${escapeXml(row.resourceType)}</title>${escapeXml(label)}</text>${bars}</g>`;
  });
  return (
    `<svg class="chart" data-table="${table}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${table} per resource type, base against compare" xmlns="http://www.w3.org/2000/svg">` +
    groups.join('') +
    `</svg>`
  );
}
