import { getDomain } from 'tldts';
import type { Policy } from './types';
import { presetForDomain } from './presets';

export const defaultThresholds = { caution: 30, danger: 60 } as const;

/** The policy every install starts from, before presets, user options and managed storage. */
export function basePolicy(): Policy {
  return {
    organisationName: '',
    organisationDomains: [],
    organisationNames: [],
    hotlines: [],
    reportAddresses: [],
    thresholds: { ...defaultThresholds },
    extraLurePhrases: [],
    blockedSenderDomains: [],
    trustedSenderDomains: [],
    blockedLinkHosts: [],
    trustedLinkHosts: [],
    locale: 'vi',
  };
}

/**
 * The policy to use when nobody configured one: the organisation is the registrable domain of
 * `hostOrAddress` (the webmail host, or the recipient's address in the `scan` command), with the
 * province preset for that domain when there is one.
 */
export function policyForOrganisation(hostOrAddress: string): Policy {
  const policy = basePolicy();
  const host = hostOrAddress.includes('@') ? hostOrAddress.slice(hostOrAddress.lastIndexOf('@') + 1) : hostOrAddress;
  const domain = getDomain(host.toLowerCase());
  if (!domain) return policy;
  const preset = presetForDomain(domain);
  return {
    ...policy,
    organisationDomains: [domain],
    ...(preset && {
      organisationName: preset.organisationName,
      organisationNames: preset.organisationNames,
      hotlines: preset.hotlines,
      reportAddresses: preset.reportAddresses,
    }),
  };
}
