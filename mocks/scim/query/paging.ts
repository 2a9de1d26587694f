/**
 * Index paging (RFC 7644 §3.4.2.4): `startIndex` is 1-based and values below 1 mean 1; `count` is how many
 * to return, negative means 0, 0 asks for `totalResults` alone, and the provider may return fewer than
 * asked (here never more than {@link MAX_COUNT}). The client computes the next `startIndex` itself:
 * nothing on the wire links pages, which is why some Entra paging faults have no SCIM analogue.
 */
import { scimErrors } from '../wire/errors.js';

/** The most resources one page holds; advertised as `filter.maxResults` in /ServiceProviderConfig. */
export const MAX_COUNT = 100;
/** Page size when the client gives no `count`. */
const DEFAULT_COUNT = MAX_COUNT;

export interface PageWindow {
  /** 1-based, at least 1. */
  startIndex: number;
  /** 0..MAX_COUNT. */
  count: number;
}

export function readWindow(params: URLSearchParams): PageWindow {
  const startIndex = integer(params, 'startIndex') ?? 1;
  const count = integer(params, 'count') ?? DEFAULT_COUNT;
  return { startIndex: Math.max(1, startIndex), count: Math.min(MAX_COUNT, Math.max(0, count)) };
}

/** Zero-based offset and length of the window within a list of `total`. */
export function pageBounds(total: number, window: PageWindow): { offset: number; take: number } {
  const offset = window.startIndex - 1;
  return { offset, take: Math.max(0, Math.min(window.count, total - offset)) };
}

function integer(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw scimErrors.invalidValue(`${name}=${raw}: expected an integer`);
  // Beyond 2^53 the exact value stops mattering: it is clamped either way.
  return Number(raw);
}
