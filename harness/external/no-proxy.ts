/**
 * `NO_PROXY` as curl and Go read it: comma- or space-separated host names (a leading dot or `*.` matches
 * subdomains, a bare name matches itself and its subdomains), IP addresses, optional `:port`, or `*` for all.
 */
export function bypassesProxy(host: string, port: number | string | undefined, noProxy: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [pattern, entryPort] = splitPort(entry);
    if (entryPort !== undefined && String(port ?? '') !== entryPort) continue;
    const bare = pattern.replace(/^\*?\./, '');
    if (name === bare || name.endsWith(`.${bare}`)) return true;
  }
  return false;
}

function splitPort(entry: string): [string, string | undefined] {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
  return match ? [match[1]!.replace(/^\[|\]$/g, ''), match[2]] : [entry.replace(/^\[|\]$/g, ''), undefined];
}
