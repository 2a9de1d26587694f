/**
 * Answering a request from a list of simulator handlers without intercepting anything: the loopback server
 * and in-process scenario runs both dispatch here, so neither patches the process's global fetch.
 */
import { getResponse, type HttpHandler } from 'msw';
import { directRoute } from './route.js';

/**
 * The first handler, in order, that answers: routes made by `route()` are matched directly, anything else
 * (the AWS dispatcher, handlers from tests) goes through MSW's own `getResponse`.
 */
export async function dispatch(handlers: HttpHandler[], request: Request, baseUrl: string): Promise<Response | undefined> {
  const url = new URL(request.url);
  const target = `${url.origin}${url.pathname}`;
  for (const handler of handlers) {
    const direct = directRoute(handler);
    if (!direct) {
      const response = await getResponse([handler], request, { baseUrl });
      if (response) return response;
      continue;
    }
    if (direct.method !== request.method) continue;
    const match = direct.pattern.exec(target);
    if (!match) continue;
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, safeDecode(v)]));
    return direct.handle({ request, params });
  }
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
