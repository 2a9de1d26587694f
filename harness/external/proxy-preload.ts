/**
 * `NODE_OPTIONS=--import=sync-harness/proxy`: routes a Node program's HTTPS through `HTTPS_PROXY` without
 * touching its code. Node 20's own `fetch` and `https` ignore the proxy variables, so a Node connector would
 * otherwise go straight to the real hosts. Both are covered: `fetch` through undici's global dispatcher
 * (the same one Node's bundled fetch reads), `https.request` through a CONNECT agent as `https.globalAgent`.
 * `NO_PROXY` is honoured. The CA to trust comes from `SSL_CERT_FILE` (the variable Go and curl read) or
 * `NODE_EXTRA_CA_CERTS`, added to the public roots and handed to both paths explicitly: undici's own TLS
 * connections do not see the extra certificates Node loads at start-up.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { connect as connectTcp, isIP } from 'node:net';
import { connect as connectTls, rootCertificates } from 'node:tls';
import type { ClientRequest } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';
import { bypassesProxy } from './no-proxy.js';

const proxy = process.env.HTTPS_PROXY ?? process.env.https_proxy;
if (proxy) {
  const extra = [process.env.SSL_CERT_FILE, process.env.NODE_EXTRA_CA_CERTS].filter((file): file is string => Boolean(file));
  const ca = extra.length > 0 ? [...rootCertificates, ...extra.map((file) => readFileSync(file, 'utf8'))] : undefined;
  setGlobalDispatcher(new EnvHttpProxyAgent(ca ? { requestTls: { ca } } : {}));
  const noProxy = process.env.NO_PROXY ?? process.env.no_proxy ?? '';

  class EnvProxyAgent extends HttpsProxyAgent<string> {
    override async connect(req: ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
      const host = opts.host ?? 'localhost';
      const withCa = ca && opts.secureEndpoint ? { ...opts, ca } : opts;
      if (!bypassesProxy(host, opts.port, noProxy)) return super.connect(req, withCa);
      return opts.secureEndpoint ? connectTls({ ...withCa, host, ...(isIP(host) ? {} : { servername: host }) }) : connectTcp({ ...opts, host });
    }
  }
  https.globalAgent = new EnvProxyAgent(proxy, { keepAlive: true });
}
