/**
 * Bug: the client re-sends a request answered 429 at once, up to three times, ignoring Retry-After, and
 * only then hands the error to the engine: a burst of calls into a throttled tenant, which keeps the
 * throttling going (and on Graph counts against the app's quota).
 */
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';

const IMMEDIATE_RETRIES = 3;

export function ignoresRetryAfter(options: EntraConnectorOptions): EntraConnector {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  const impatient: typeof fetch = async (input, init) => {
    let response = await send(input, init);
    for (let retry = 0; retry < IMMEDIATE_RETRIES && response.status === 429; retry++) {
      // Read to the end rather than cancelled: an abandoned body keeps the connection (and MSW) waiting.
      await response.text();
      response = await send(input, init);
    }
    return response;
  };
  return createEntraConnector({ ...options, fetch: impatient });
}
