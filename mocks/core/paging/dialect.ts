/**
 * How one provider pages its listings, as data: which request parameter carries the continuation (or the
 * offset), the page size parameter and its caps, and how an answer says there is more. Each provider
 * exports its own (mocks/<provider>/paging-dialect.ts) next to the code that serves pages, and the
 * doctor's paging audit reads them instead of spelling any provider's paging itself.
 */
export interface PagingDialect {
  /** Route names it covers (`graph.users.list`, `iam.ListUsers`...). */
  routes: RegExp;
  /** Where request parameters travel: the URL's query, or the body (AWS, journaled as `page.asked`). */
  params: 'query' | 'body';
  /** The parameter carrying the continuation the last answer handed out (token schemes). */
  token?: string;
  /** The 1-based offset parameter, for schemes where the client computes the next page itself (SCIM). */
  offset?: string;
  /** The page size parameter. */
  size: string;
  /** The largest page size each route allows, by route name; `*` for every other route of the dialect. */
  caps: Readonly<Record<string, number>>;
  /** What the provider does with a size above the cap: refuses the request, or serves the cap. */
  overCap: 'refused' | 'served-at-cap';
  /** How an answer says there is more, in the provider's own words. */
  more: string;
  /** Parameters that neither page nor choose what is listed (API version, projections), left out of a listing's identity. */
  ignored?: RegExp;
}

/** The dialect covering a route, from a provider's list. */
export function dialectFor(dialects: readonly PagingDialect[], route: string): PagingDialect | undefined {
  return dialects.find((d) => d.routes.test(route));
}

/** The cap for a route under its dialect. */
export function sizeCap(dialect: PagingDialect, route: string): number | undefined {
  return dialect.caps[route] ?? dialect.caps['*'];
}

/**
 * What a provider supports instead of a request it refused as malformed, keyed by the refusal's code (and
 * message), so a finding can say more than "400".
 */
export interface RefusalAdvice {
  code: RegExp;
  message?: RegExp;
  /** The parameter the refusal is about when its message does not name one. */
  param?: string;
  instead: string;
}

export function adviceFor(advice: readonly RefusalAdvice[], code: string, message: string): RefusalAdvice | undefined {
  return advice.find((a) => a.code.test(code) && (!a.message || a.message.test(message)));
}
