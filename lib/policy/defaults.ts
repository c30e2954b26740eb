import type { Policy } from './types';
import { defaultSettings, defaultThresholds, policyFromSettings, resolvePolicy } from './resolve';

export { defaultThresholds };

/** The policy every install starts from, before presets, user options and managed storage. */
export function basePolicy(): Policy {
  return policyFromSettings(defaultSettings());
}

/**
 * The policy to use when nobody configured one: the organisation is the registrable domain of
 * `hostOrAddress` (the webmail host, or the recipient's address in the `scan` command), with the
 * province preset for that domain when there is one.
 */
export function policyForOrganisation(hostOrAddress: string): Policy {
  const host = hostOrAddress.includes('@') ? hostOrAddress.slice(hostOrAddress.lastIndexOf('@') + 1) : hostOrAddress;
  return resolvePolicy({ host }).policy;
}
