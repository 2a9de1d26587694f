/**
 * A certificate authority made for one run, so HTTPS clients can be told to trust exactly it (curl
 * `--cacert`, Go's `SSL_CERT_FILE`, Node's `NODE_EXTRA_CA_CERTS`) and nothing the machine trusts otherwise
 * answers for the providers' hosts. Keys are made by node:crypto (native, fast); node-forge only builds and
 * signs the certificates. Only the certificate is written: the CA's private key never leaves this process's
 * memory, since nothing else needs it and a run folder or bundle holding it could mint certificates its
 * clients trust for the providers' hosts until it expires.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { makeDirs } from '../../lib/fs/make-dirs.js';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import forge from 'node-forge';
import { writeFileAtomic } from '../../lib/fs/atomic-write.js';

export interface RunCa {
  /** PEM path of the CA certificate: what clients are told to trust. */
  certPath: string;
  certPem: string;
  /** A TLS context presenting a certificate for this host (DNS name or IP), signed by the CA; made once per host. */
  contextFor(host: string): SecureContext;
  /** The leaf's PEM key and certificate for `host`, for servers that take them directly. */
  leafFor(host: string): { key: string; cert: string };
}

const VALID_DAYS = 7;

export function createRunCa(dir: string, name = 'sync-harness run CA'): RunCa {
  makeDirs(dir, { label: 'the CA folder', mode: 0o700 });
  const caKeys = rsaKeys();
  const now = new Date();
  const caCert = certificate({ subject: name, issuer: name, publicKey: caKeys.publicKey, signingKey: caKeys.privateKey, now, ca: true });
  const certPem = forge.pki.certificateToPem(caCert);
  const certPath = join(dir, 'ca.pem');
  writeFileAtomic(certPath, certPem);

  // One key for every leaf: hosts differ by name only, and an RSA key per host would cost tens of ms each.
  const leafKeys = rsaKeys();
  const leafKeyPem = forge.pki.privateKeyToPem(leafKeys.privateKey);
  const leaves = new Map<string, { key: string; cert: string }>();
  const contexts = new Map<string, SecureContext>();
  const leafFor = (host: string) => {
    let leaf = leaves.get(host);
    if (!leaf) {
      const cert = certificate({ subject: host, issuer: name, publicKey: leafKeys.publicKey, signingKey: caKeys.privateKey, now, host });
      leaf = { key: leafKeyPem, cert: forge.pki.certificateToPem(cert) };
      leaves.set(host, leaf);
    }
    return leaf;
  };
  return {
    certPath,
    certPem,
    leafFor,
    contextFor(host) {
      let context = contexts.get(host);
      if (!context) {
        context = createSecureContext(leafFor(host));
        contexts.set(host, context);
      }
      return context;
    },
  };
}

interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: forge.pki.rsa.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  now: Date;
  ca?: boolean;
  /** A leaf's host: its only subjectAltName, which Go and curl check (they ignore the common name). */
  host?: string;
}

function certificate(spec: CertificateSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.publicKey;
  // Positive (RFC 5280; Go 1.23+ refuses a negative serial) and unique: node-forge writes the hex as it is and
  // drops leading zero bytes, so the first byte is kept between 01 and 7f.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  cert.serialNumber = serial.toString('hex');
  // An hour back, so a client whose clock runs a little behind still accepts it.
  cert.validity.notBefore = new Date(spec.now.getTime() - 3_600_000);
  cert.validity.notAfter = new Date(spec.now.getTime() + VALID_DAYS * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: spec.subject }]);
  cert.setIssuer([{ name: 'commonName', value: spec.issuer }]);
  const extensions: object[] = spec.ca
    ? [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        { name: 'subjectKeyIdentifier' },
      ]
    : [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [isIP(spec.host!) ? { type: 7, ip: spec.host } : { type: 2, value: spec.host }] },
      ];
  cert.setExtensions(extensions);
  cert.sign(spec.signingKey, forge.md.sha256.create());
  return cert;
}

function rsaKeys(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}
