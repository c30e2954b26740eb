/**
 * Every setting of Khiên Thư, in one place: its name (the managed-policy key admins write), its
 * type and what a valid value is. Validation, the precedence, `managed_schema.json`, the options
 * page and the rollout kit are all derived from this table, so they cannot drift apart.
 *
 * The keys are flat, like Google Password Alert's policy: an admin writes
 * `"reportAddresses": ["hotro@laichau.gov.vn"]`, not a nested object, because flat keys are what
 * the Windows registry, GPO tools and `chrome://policy` show well.
 *
 * A failed check's message is a problem code (`notAnAddress`…), translated on the options page
 * (`policy.problem.<code>` in locales/) and by `describeIssue` for logs.
 */
import { getDomain } from 'tldts';
import { z } from 'zod';
import { provincePresets } from './presets';

export const reportModes = ['compose', 'send-after-confirm'] as const;
export const originalActions = ['keep', 'junk', 'delete'] as const;
export const settingLocales = ['vi', 'en'] as const;
export const presetIds = provincePresets.map((preset) => preset.id) as [string, ...string[]];

/** The groups the options page and the rollout kit's README show the settings in, in this order. */
export const settingGroups = ['organisation', 'contacts', 'warning', 'detection', 'report', 'passwordGuard', 'general'] as const;
export type SettingGroup = (typeof settingGroups)[number];

const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A DNS host name with a known public suffix (`mail.laichau.gov.vn`), optionally `*.` for every subdomain. */
export function isHostName(value: string, { wildcard = false } = {}): boolean {
  const host = wildcard && value.startsWith('*.') ? value.slice(2) : value;
  if (host.length > 253 || !host.includes('.')) return false;
  if (!host.split('.').every((label) => hostLabel.test(label))) return false;
  // an IP address has no registrable domain; a made-up suffix ("mail.local") has none either
  return getDomain(host, { allowPrivateDomains: true }) !== null && !/^[\d.]+$/.test(host);
}

export function isMailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  return at > 0 && z.email().safeParse(value).success && isHostName(value.slice(at + 1));
}

/** Vietnamese numbers are written with dots and spaces ("0972 862 268", "02133.798.788"). */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[\d .()-]{3,30}$/.test(value) && value.replace(/\D/g, '').length >= 3;
}

const text = (max: number) => z.string().trim().max(max);
const host = z.string().trim().toLowerCase().refine((v) => isHostName(v), 'notAHost');
const hostPattern = z.string().trim().toLowerCase().refine((v) => isHostName(v, { wildcard: true }), 'notAHost');
const domain = z.string().trim().toLowerCase().refine((v) => isHostName(v), 'notADomain');
const address = z.string().trim().toLowerCase().refine(isMailAddress, 'notAnAddress');
const phone = z.string().trim().refine(isPhoneNumber, 'notAPhoneNumber');
const phrase = z.string().trim().min(3).max(200);
const selector = z.string().trim().min(1).max(300);
const threshold = z.number().int().min(1).max(100);

interface SettingDefinition<T> {
  group: SettingGroup;
  /** The whole value, for a scalar; one entry, for a list (a bad entry never costs the good ones). */
  schema: z.ZodType<T>;
  list?: true;
}

const scalar = <T>(group: SettingGroup, schema: z.ZodType<T>): SettingDefinition<T> => ({ group, schema });
const list = <T>(group: SettingGroup, schema: z.ZodType<T>): SettingDefinition<T> & { list: true } => ({ group, schema, list: true });

/**
 * The settings, in the order the options page and the docs list them. Titles and descriptions
 * are in locales/ (`policy.<key>.title`, `policy.<key>.description`), Vietnamese first.
 */
export const settingDefinitions = {
  organisationName: scalar('organisation', text(200)),
  organisationDomains: list('organisation', domain),
  organisationNames: list('organisation', text(100).min(2)),
  webmailHosts: list('organisation', hostPattern),
  hotlines: list('contacts', phone),
  reportAddresses: list('contacts', address),
  warningTextVi: scalar('warning', text(2000)),
  warningTextEn: scalar('warning', text(2000)),
  allowDismiss: scalar('warning', z.boolean()),
  allowTrustSender: scalar('warning', z.boolean()),
  cautionThreshold: scalar('detection', threshold),
  dangerThreshold: scalar('detection', threshold),
  extraLurePhrases: list('detection', phrase),
  blockedSenderDomains: list('detection', domain),
  trustedSenderDomains: list('detection', domain),
  blockedLinkHosts: list('detection', host),
  trustedLinkHosts: list('detection', host),
  reportMode: scalar('report', z.enum(reportModes)),
  reportConfirm: scalar('report', z.boolean()),
  reportSubjectPrefix: scalar('report', text(100)),
  reportOutlookPrefix: scalar('report', z.boolean()),
  reportOriginal: scalar('report', z.enum(originalActions)),
  passwordGuardEnabled: scalar('passwordGuard', z.boolean()),
  passwordGuardLoginSelectors: list('passwordGuard', selector),
  passwordGuardAllowlist: list('passwordGuard', hostPattern),
  passwordGuardAlertHelpDesk: scalar('passwordGuard', z.boolean()),
  locale: scalar('general', z.enum(settingLocales)),
  preset: scalar('general', z.enum(presetIds)),
  presetPinned: scalar('general', z.boolean()),
} satisfies Record<string, SettingDefinition<unknown>>;

type Definitions = typeof settingDefinitions;
export type SettingKey = keyof Definitions;
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

type ValueOf<D> = D extends { list: true; schema: z.ZodType<infer T> } ? T[] : D extends { schema: z.ZodType<infer T> } ? T : never;

/** Every setting with a value: what the precedence produces. */
export type Settings = { [K in SettingKey]: ValueOf<Definitions[K]> };
/** What one layer (managed storage, user options, a preset) sets. */
export type PartialSettings = Partial<Settings>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}

export function isListSetting(key: SettingKey): boolean {
  return 'list' in settingDefinitions[key];
}

/** The JSON type a value of this setting has, as Chrome's managed schema names it. */
export function jsonTypeOf(key: SettingKey): JsonType {
  let type = jsonTypes.get(key);
  if (!type) {
    const found = isListSetting(key)
      ? 'array'
      : (z.toJSONSchema(settingDefinitions[key].schema, { io: 'input', unrepresentable: 'any' }) as { type?: string }).type;
    if (found !== 'string' && found !== 'integer' && found !== 'boolean' && found !== 'array') {
      throw new Error(`setting ${key} has no managed-schema type (${String(found)})`);
    }
    type = found;
    jsonTypes.set(key, type);
  }
  return type;
}
type JsonType = 'string' | 'integer' | 'boolean' | 'array';
const jsonTypes = new Map<SettingKey, JsonType>();

/** The allowed values of an enumerated setting, for descriptions and pickers. */
export function allowedValuesOf(key: SettingKey): readonly string[] | undefined {
  const schema = settingDefinitions[key].schema;
  return schema instanceof z.ZodEnum ? (schema.options as string[]) : undefined;
}
