/**
 * A connector that never reached the simulator: the connection was refused, the host did not resolve, or
 * the TLS handshake failed because the connector does not trust the certificate. The connector's own
 * output says which (read with the log doctor's rules, so Go's and Node's wordings both count); the
 * journal adds the handshakes the server saw broken off, which a quiet connector may never log.
 */
import type { Detector } from './context.js';
import type { Finding } from '../../reports/evidence.js';
import { networkDetectors, NETWORK_RULES } from './log/network.js';
import { parseLog } from './log/parse.js';

export const transportDetectors: Detector[] = [
  (c) => {
    const output = [...c.ev.log, ...(c.ev.error ? [{ level: 'error', msg: c.ev.error }] : [])].map((line) => JSON.stringify(line)).join('\n');
    const lines = parseLog(output);
    const findings = networkDetectors.map((detect) => detect({ lines, provider: c.ev.provider })).filter((f): f is Finding => f !== undefined);
    const broken = c.ev.journal.filter((e) => e.transportError && /does not trust/.test(e.transportError));
    if (broken.length > 0 && !findings.some((f) => f.id === 'tls-untrusted')) {
      const rule = NETWORK_RULES.find((r) => r.id === 'tls-untrusted')!;
      findings.push({
        id: rule.id,
        title: `${rule.title} (${broken.length} handshake(s) refused by the client)`,
        evidence: broken.slice(0, 4).map((e) => `journal #${e.seq}: ${e.transportError}`),
        fix: rule.fix,
      });
    }
    return findings;
  },
];

/** The run failed because nothing answered properly, not because of what the provider said. */
export function isTransportFailure(error: string | undefined): boolean {
  return error !== undefined && NETWORK_RULES.some((rule) => rule.pattern.test(error));
}
