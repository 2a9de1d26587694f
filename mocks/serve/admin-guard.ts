/**
 * Who may call the admin API (`/__harness/`): only a client that addressed this server by a loopback name
 * and is not a web page from elsewhere. A browser lets any site send a simple POST to 127.0.0.1 (with an
 * `Origin` header), and a DNS-rebinding site's requests arrive with its own name in `Host`: both are
 * refused, as dev servers do (vite's host check). Requests inside a proxy tunnel were addressed to the
 * tunnel's host, so that host is the one allowed there.
 */

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Why this request may not use the admin API, or undefined when it may. `served` is the origin it reached. */
export function adminRefusal(host: string | undefined, origin: string | undefined, served: string): string | undefined {
  const allowed = allowedHosts(served);
  if (host === undefined || !allowed.has(host.toLowerCase())) {
    return `admin API refused: Host ${host === undefined ? '(none)' : JSON.stringify(host)} is not this server (address it as ${[...allowed][0]}); a foreign Host is how DNS rebinding reaches a local server`;
  }
  if (origin !== undefined && !sameOrigin(origin, allowed, new URL(served).protocol)) {
    return `admin API refused: a request from the web page at ${JSON.stringify(origin)} (only clients without an Origin, or pages served here, may call /__harness/)`;
  }
  return undefined;
}

/** `host[:port]` forms that name the served origin: the loopback names at its port, or the tunnel's host. */
function allowedHosts(served: string): Set<string> {
  const url = new URL(served);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const isDefault = url.port === '';
  const names = LOOPBACK_NAMES.includes(url.hostname) ? LOOPBACK_NAMES : [url.hostname.toLowerCase()];
  return new Set(names.flatMap((name) => (isDefault ? [name, `${name}:${port}`] : [`${name}:${port}`])));
}

function sameOrigin(origin: string, allowed: Set<string>, protocol: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes "null" (sandboxed frames, file:// pages)
  }
  if (url.protocol !== protocol) return false;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowed.has(`${url.hostname}:${port}`) || (url.port === '' && allowed.has(url.hostname));
}
