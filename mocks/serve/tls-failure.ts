/**
 * A TLS handshake that failed, journaled: a client that does not trust the certificate sends no request,
 * so without this the journal would be silent about why a connector never got its first page.
 */
import type { SimContext } from '../core/context.js';

/** The usual cause is a client that does not trust the run's CA: Go says "x509: certificate signed by unknown authority". */
export function recordTlsFailure(ctx: SimContext, provider: string, host: string, error: Error): void {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const untrusted =
    /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN)/.test(code) || /unknown ca|bad certificate|certificate unknown/i.test(error.message);
  const transportError = untrusted
    ? `TLS handshake with ${host} failed: the client does not trust the certificate (${error.message.trim()}); give it the run's CA (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS or curl --cacert)`
    : `TLS connection with ${host} failed: ${error.message.trim()}`;
  ctx.journal.record({ provider, method: 'TLS', url: `https://${host}/`, status: 0, transportError, latencyMs: 0, at: ctx.clock().toISOString() });
}
