/**
 * For a request no simulated route matched: the closest route, so a journal says "did you mean
 * GET /v1.0/groups/{id}/members" instead of leaving the user to guess whether it is a typo or a gap.
 */
import { editDistance } from '../../lib/edit-distance.js';
import type { Method } from './route.js';

export interface KnownRoute {
  provider: string;
  name: string;
  method: Method;
  url: string;
}

/** The route whose method and path segments are closest to the request (ties: same host first). */
export function nearestRoute(request: { method: string; url: string }, routes: readonly KnownRoute[]): KnownRoute | undefined {
  const target = new URL(request.url);
  const segments = target.pathname.split('/').filter(Boolean);
  let best: { route: KnownRoute; score: number } | undefined;
  for (const route of routes) {
    const pattern = new URL(route.url.replace(/:([A-Za-z]+)/g, '_$1_'));
    const parts = pattern.pathname.split('/').filter(Boolean);
    let score = Math.abs(parts.length - segments.length) * 2;
    for (let i = 0; i < Math.max(parts.length, segments.length); i++) {
      const want = parts[i];
      const got = segments[i];
      if (want === undefined || got === undefined) continue;
      if (/^_.+_$/.test(want)) continue; // a path parameter matches anything
      if (want.toLowerCase() !== got.toLowerCase()) score += editDistance(want.toLowerCase(), got.toLowerCase()) <= 2 ? 1 : 3;
    }
    if (route.method !== request.method.toUpperCase()) score += 2;
    if (pattern.host !== target.host) score += 4;
    if (!best || score < best.score) best = { route, score };
  }
  return best?.route;
}
