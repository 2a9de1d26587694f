/**
 * What the run asked of the harness that it could not do: provisioning a type without a provisioner (the
 * SDK's text, harness/sync/provision.ts), and requests no simulated route matched.
 */
import type { Detector } from './context.js';
import { firstFew, quote, requestLine } from './journal-facts.js';

const provisionerMissingDetector: Detector = (c) => {
  const texts = [...new Set(c.texts.filter((t) => t.includes('does not have provisioner configured')))];
  if (texts.length === 0) return undefined;
  return {
    id: 'provisioner-missing',
    title: 'Provisioner missing: a grant/revoke targeted a resource type without grant and revoke',
    evidence: firstFew(
      texts.map((t) => quote(t)),
      3,
    ),
    fix: [
      'Implement both Grant and Revoke on the resource syncer of that type (the SDK requires both to route provisioning to it).',
      "Or leave that entitlement out of the scenario's actions if the connector is read-only for it.",
    ],
  };
};

const endpointNotSimulatedDetector: Detector = (c) => {
  const unmatched = c.ev.journal.filter((e) => e.status === 0 && e.nearestRoute);
  if (unmatched.length === 0) return undefined;
  return {
    id: 'endpoint-not-simulated',
    title: `Endpoint not simulated: ${unmatched.length} request(s) matched no simulated route`,
    evidence: firstFew(unmatched.map(requestLine), 5),
    fix: [
      'Compare each request with the nearest route: a typo (path, casing, API version) is a connector bug.',
      'If the endpoint is real but not simulated, the harness cannot check it: open an issue naming the endpoint, or mock it in the scenario.',
    ],
  };
};

export const coverageDetectors: Detector[] = [provisionerMissingDetector, endpointNotSimulatedDetector];
