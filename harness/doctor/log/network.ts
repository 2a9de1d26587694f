/**
 * The connector could not reach a host at all: nothing listening, a name that does not resolve, or a
 * certificate it does not trust (usually a TLS-inspecting proxy). Go and Node word these differently;
 * both are matched.
 */
import type { Finding } from '../../../reports/evidence.js';
import { cite, matching, type LogContext, type LogDetector } from './context.js';

export interface NetworkRule {
  id: string;
  title: string;
  pattern: RegExp;
  fix: string[];
}

const PROXY_STEP = "Behind a proxy, set HTTPS_PROXY (and NO_PROXY for internal hosts) in the connector's environment.";

export const NETWORK_RULES: readonly NetworkRule[] = [
  {
    id: 'connection-refused',
    title: 'Connection refused: the host answered but nothing listens on that port',
    pattern: /ECONNREFUSED|connect: connection refused|Connection refused/i,
    fix: [
      'Check the base URL and port the connector is configured with (a typo or a local test URL left in the configuration is common).',
      'Check a firewall or security group allows outbound HTTPS (443) from this host to the provider and to ConductorOne.',
      PROXY_STEP,
    ],
  },
  {
    id: 'dns-failure',
    title: 'DNS failure: a host name did not resolve',
    pattern: /ENOTFOUND|EAI_AGAIN|no such host|getaddrinfo|Name or service not known|server misbehaving/i,
    fix: [
      'Check the host name in the configuration (tenant or domain spelling, the API region).',
      'Check the host or container can resolve public names (resolv.conf, the cluster DNS); a proxy-only network needs HTTPS_PROXY instead.',
      PROXY_STEP,
    ],
  },
  {
    id: 'connection-reset',
    title: 'Connection reset: the connection dropped in the middle of an answer',
    pattern: /ECONNRESET|connection reset by peer|other side closed|UND_ERR_SOCKET|unexpected EOF/i,
    fix: [
      'A proxy, load balancer or firewall between the connector and the provider is cutting connections: check its idle and response-size limits and its logs for the time of the failure.',
      "The Baton SDK does not retry a read that fails mid-body: run the sync again; if it recurs at the same listing, capture it with `npx sync-harness record` for the provider's support.",
      PROXY_STEP,
    ],
  },
  {
    id: 'request-timeout',
    title: 'Request timeout: the provider (or something in between) did not answer in time',
    pattern:
      /Client\.Timeout exceeded|context deadline exceeded|TimeoutError|ETIMEDOUT|UND_ERR_(HEADERS|BODY)_TIMEOUT|request timed out|aborted due to timeout/i,
    fix: [
      'Check whether a proxy or firewall holds connections open without forwarding them (a blocked host often hangs rather than refuses).',
      "Check the provider's service health for the time of the failure, then run the sync again.",
      PROXY_STEP,
    ],
  },
  {
    id: 'tls-untrusted',
    title: 'TLS untrusted: the server certificate is not signed by a trusted authority',
    pattern:
      /x509: certificate signed by unknown authority|x509: certificate is not trusted|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|self[- ]signed certificate|unable to get local issuer certificate/i,
    fix: [
      'A TLS-inspecting proxy or a private CA signs the certificates this host sees: add that CA to the trust store rather than turning verification off.',
      'Debian/Ubuntu: copy the CA (PEM, .crt) to /usr/local/share/ca-certificates/ and run update-ca-certificates; Go connectors also honour SSL_CERT_FILE / SSL_CERT_DIR; Node honours NODE_EXTRA_CA_CERTS.',
      "Or exempt the provider's and ConductorOne's hosts from TLS inspection on the proxy.",
    ],
  },
];

function detector(rule: NetworkRule): LogDetector {
  return (c: LogContext): Finding | undefined => {
    const lines = matching(c, rule.pattern);
    if (lines.length === 0) return undefined;
    return { id: rule.id, title: `${rule.title} (${lines.length} line(s))`, ...cite(lines), fix: rule.fix };
  };
}

export const networkDetectors: LogDetector[] = NETWORK_RULES.map(detector);
