/**
 * The requests-over-time chart as inline SVG, drawn here (no chart library, no script): per slice a bar of
 * requests with its errors and throttled answers drawn over it, and retries as a line of dots.
 */
import { esc } from './html-text.js';
import type { Timeline } from './timeline.js';

const W = 720;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

export function svgTimeline(t: Timeline): string {
  if (t.buckets.length === 0) return '';
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const top = Math.max(1, ...t.buckets.map((b) => Math.max(b.requests, b.retries)));
  const slot = plotW / t.buckets.length;
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const x = (i: number) => PAD.left + i * slot + (slot - barW) / 2;
  const bar = (i: number, v: number, series: string, width = barW, offset = 0) =>
    v > 0
      ? `<rect class="${series}" data-series="${series}" data-bucket="${i}" data-count="${v}" x="${(x(i) + offset).toFixed(1)}" y="${y(v).toFixed(1)}" width="${width.toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}"/>`
      : '';
  const parts: string[] = [];
  t.buckets.forEach((b, i) => {
    parts.push(`<g><title>${esc(`${b.start}: ${b.requests} requests, ${b.throttled} throttled, ${b.errors} errors, ${b.retries} retries`)}</title>`);
    parts.push(bar(i, b.requests, 'requests'), bar(i, b.errors, 'errors', barW / 2), bar(i, b.throttled, 'throttled', barW / 2, barW / 2), '</g>');
  });
  const points = t.buckets.map((b, i) => [x(i) + barW / 2, y(b.retries)] as const);
  if (t.totals.retries > 0) {
    parts.push(`<polyline class="retries" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`);
    t.buckets.forEach((b, i) => {
      if (b.retries > 0)
        parts.push(
          `<circle class="retries" data-series="retries" data-bucket="${i}" data-count="${b.retries}" cx="${points[i]![0].toFixed(1)}" cy="${points[i]![1].toFixed(1)}" r="3"/>`,
        );
    });
  }
  const axis = [
    `<line class="axis" x1="${PAD.left}" y1="${y(0)}" x2="${W - PAD.right}" y2="${y(0)}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${y(0)}"/>`,
    `<text class="label" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${top}</text>`,
    `<text class="label" x="${PAD.left - 6}" y="${y(0)}" text-anchor="end">0</text>`,
    `<text class="label" x="${PAD.left}" y="${H - 14}">${esc(t.first ?? '')}</text>`,
    `<text class="label" x="${W - PAD.right}" y="${H - 14}" text-anchor="end">${esc(t.last ?? '')}</text>`,
  ];
  return `<svg class="timeline" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="requests and retries over time" xmlns="http://www.w3.org/2000/svg">${axis.join('')}${parts.join('')}</svg>`;
}
