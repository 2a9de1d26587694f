/**
 * Bug: the connector advertises provisioning for groups (its capabilities say CAPABILITY_PROVISION) but the
 * group syncer has no grant/revoke, as when the provisioner is written but never registered. The SDK's
 * builder does not check the claim, so every grant fails at run time with "does not have provisioner
 * configured".
 */
import { derivedCapabilities } from '../../../c1z/contract/index.js';
import { createEntraConnector, type EntraConnector, type EntraConnectorOptions } from '../connector.js';

export function noProvisioner(options: EntraConnectorOptions): EntraConnector {
  const clean = createEntraConnector(options);
  const claimed = derivedCapabilities(clean);
  const { grant: _grant, revoke: _revoke, ...group } = clean.syncers.group!;
  return { ...clean, syncers: { ...clean.syncers, group }, capabilities: () => claimed };
}
