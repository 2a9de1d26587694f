/**
 * What a program needs in its environment to reach the simulators (or a recording) through the proxy with
 * no change to its code: HTTPS_PROXY for everything, the run's CA where Go (SSL_CERT_FILE), Node
 * (NODE_EXTRA_CA_CERTS), curl (CURL_CA_BUNDLE: Debian's curl sets its own bundle and ignores SSL_CERT_FILE)
 * and Python requests (REQUESTS_CA_BUNDLE) look for it, and the preload that makes Node's fetch and https
 * honour the proxy.
 * NO_PROXY is emptied so an inherited one cannot send a provider host around the proxy.
 */
import { withPreload } from './preload-path.js';

export function proxyEnvironment(proxyUrl: string, caFile: string): Record<string, string> {
  return {
    HTTPS_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    NO_PROXY: '',
    no_proxy: '',
    ...(caFile ? { SSL_CERT_FILE: caFile, NODE_EXTRA_CA_CERTS: caFile, CURL_CA_BUNDLE: caFile, REQUESTS_CA_BUNDLE: caFile } : {}),
    NODE_OPTIONS: withPreload(process.env.NODE_OPTIONS),
  };
}
