/**
 * The precedence, as one pure function: managed storage > user options > province preset >
 * defaults. Each setting is taken from the highest layer that holds a valid value for it, and the
 * answer says where each came from, which ones the administrator locked, and what was refused.
 */
import { getDomain } from 'tldts';
import type { Policy } from './types';
import { presetById, presetForDomain, type ProvincePreset } from './presets';
import { settingKeys, type PartialSettings, type SettingKey, type Settings } from './settings';
import { validateSettings, type PolicyIssue } from './validate';
import { fittedThresholds } from '../scoring/weights';

export type SettingSource = 'managed' | 'user' | 'preset' | 'default';

export interface PolicyInputs {
  /** `storage.managed` as the browser gave it (`{}` when there is none). */
  managed?: unknown;
  /** The user's saved options. */
  user?: unknown;
  /** The webmail host the policy is for; without it, no preset is chosen by domain. */
  host?: string;
}

export interface ResolvedPolicy {
  policy: Policy;
  settings: Settings;
  sources: Record<SettingKey, SettingSource>;
  /** Set by the administrator: shown read-only, and the user's value is ignored. */
  locked: SettingKey[];
  issues: PolicyIssue[];
  /** The keys that arrived in managed storage, valid or not. */
  managedKeys: string[];
  /** Keys that did not arrive: Chromium drops a value of the wrong type without a word. */
  absentManagedKeys: SettingKey[];
  preset?: ProvincePreset;
  /** How the preset was chosen. */
  presetChoice: 'managed' | 'user' | 'domain' | 'none';
}

/** Chosen by `npm run fit` for a false-alarm budget on real legitimate mail (lib/scoring/weights.ts). */
export const defaultThresholds = { caution: fittedThresholds.caution, danger: fittedThresholds.danger } as const;

export function defaultSettings(): Settings {
  return {
    organisationName: '',
    organisationDomains: [],
    organisationNames: [],
    webmailHosts: [],
    hotlines: [],
    reportAddresses: [],
    warningTextVi: '',
    warningTextEn: '',
    allowDismiss: true,
    allowTrustSender: true,
    cautionThreshold: defaultThresholds.caution,
    dangerThreshold: defaultThresholds.danger,
    extraLurePhrases: [],
    blockedSenderDomains: [],
    trustedSenderDomains: [],
    blockedLinkHosts: [],
    trustedLinkHosts: [],
    reportMode: 'compose',
    reportConfirm: true,
    reportSubjectPrefix: '',
    reportOutlookPrefix: false,
    reportOriginal: 'keep',
    // Opt-in for people who installed it themselves; on by default where an admin manages it.
    passwordGuardEnabled: false,
    passwordGuardLoginSelectors: [],
    passwordGuardAllowlist: [],
    passwordGuardAlertHelpDesk: false,
    locale: 'vi',
    preset: '',
    presetPinned: true,
  };
}

export function presetSettings(preset: ProvincePreset): PartialSettings {
  return {
    organisationName: preset.organisationName,
    organisationDomains: preset.organisationDomains,
    organisationNames: preset.organisationNames,
    webmailHosts: preset.webmailHosts,
    hotlines: preset.hotlines,
    reportAddresses: preset.reportAddresses,
  };
}

/** The organisation of a webmail is its registrable domain: `mail.laichau.gov.vn` → `laichau.gov.vn`. */
export function organisationDomainOf(host: string | undefined): string | undefined {
  return (host && getDomain(host.toLowerCase())) || undefined;
}

export function resolvePolicy({ managed, user, host }: PolicyInputs): ResolvedPolicy {
  const fromManaged = validateSettings(managed, 'managed');
  const fromUser = validateSettings(user, 'user');
  const issues = [...fromManaged.issues, ...fromUser.issues];
  const m = fromManaged.settings;
  const u = fromUser.settings;
  const domain = organisationDomainOf(host);

  // An admin's preset is pinned unless they say the user may pick another.
  const pinned = m.preset !== undefined && m.presetPinned !== false;
  const [presetId, presetChoice]: [string | undefined, ResolvedPolicy['presetChoice']] = pinned
    ? [m.preset, 'managed']
    : u.preset !== undefined
      ? [u.preset, 'user']
      : m.preset !== undefined
        ? [m.preset, 'managed']
        : [undefined, 'domain'];
  const preset = presetId ? presetById(presetId) : domain ? presetForDomain(domain) : undefined;

  const defaults: Settings = {
    ...defaultSettings(),
    ...(domain && { organisationDomains: [domain] }),
    ...(fromManaged.receivedKeys.length > 0 && { passwordGuardEnabled: true }),
  };
  const layers: [SettingSource, PartialSettings][] = [
    ['managed', m],
    ['user', u],
    ['preset', preset ? { ...presetSettings(preset), preset: preset.id } : {}],
  ];
  const settings = { ...defaults } as Record<SettingKey, unknown>;
  const sources = {} as Record<SettingKey, SettingSource>;
  for (const key of settingKeys) {
    const [source, layer] = layers.find(([, values]) => values[key] !== undefined) ?? ['default', defaults];
    settings[key] = layer[key];
    sources[key] = source;
  }
  // The preset the user picked is theirs even when the admin suggested another.
  if (presetChoice === 'user') sources.preset = 'user';
  const resolved = settings as Settings;

  // Each layer was consistent on its own; across layers (an admin's danger line below the user's
  // caution line) the thresholds may still cross, and then both return to the defaults.
  if (resolved.cautionThreshold >= resolved.dangerThreshold) {
    const cautionIsSet = sources.cautionThreshold === 'managed' || sources.cautionThreshold === 'user';
    const key = cautionIsSet ? 'cautionThreshold' : 'dangerThreshold';
    const layer = sources[key] === 'managed' ? 'managed' : 'user';
    issues.push(
      cautionIsSet
        ? { layer, key, value: resolved.cautionThreshold, problem: 'thresholdOrder', params: { danger: resolved.dangerThreshold } }
        : { layer, key, value: resolved.dangerThreshold, problem: 'dangerBelowCaution', params: { caution: resolved.cautionThreshold } },
    );
    resolved.cautionThreshold = defaultThresholds.caution;
    resolved.dangerThreshold = defaultThresholds.danger;
    sources.cautionThreshold = sources.dangerThreshold = 'default';
  }

  const locked = settingKeys.filter((key) => sources[key] === 'managed' && (key !== 'preset' || pinned));
  const received = new Set(fromManaged.receivedKeys);
  return {
    policy: policyFromSettings(resolved),
    settings: resolved,
    sources,
    locked,
    issues,
    managedKeys: fromManaged.receivedKeys,
    absentManagedKeys: settingKeys.filter((key) => !received.has(key)),
    preset,
    presetChoice: preset ? presetChoice : 'none',
  };
}

export function policyFromSettings(s: Settings): Policy {
  return {
    organisationName: s.organisationName,
    organisationDomains: s.organisationDomains,
    organisationNames: s.organisationNames,
    webmailHosts: s.webmailHosts,
    hotlines: s.hotlines,
    reportAddresses: s.reportAddresses,
    warningText: { vi: s.warningTextVi, en: s.warningTextEn },
    allowDismiss: s.allowDismiss,
    allowTrustSender: s.allowTrustSender,
    thresholds: { caution: s.cautionThreshold, danger: s.dangerThreshold },
    extraLurePhrases: s.extraLurePhrases,
    blockedSenderDomains: s.blockedSenderDomains,
    trustedSenderDomains: s.trustedSenderDomains,
    blockedLinkHosts: s.blockedLinkHosts,
    trustedLinkHosts: s.trustedLinkHosts,
    report: {
      mode: s.reportMode,
      confirm: s.reportConfirm,
      subjectPrefix: s.reportSubjectPrefix,
      outlookPrefix: s.reportOutlookPrefix,
      original: s.reportOriginal,
    },
    passwordGuard: {
      enabled: s.passwordGuardEnabled,
      loginSelectors: s.passwordGuardLoginSelectors,
      allowlist: s.passwordGuardAllowlist,
      alertHelpDesk: s.passwordGuardAlertHelpDesk,
    },
    locale: s.locale,
    preset: s.preset,
  };
}
