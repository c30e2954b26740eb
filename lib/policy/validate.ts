/**
 * Checks one layer of settings (managed storage, user options) key by key. A bad value costs only
 * itself: every valid key is kept, a list keeps its valid entries, and each problem is named with
 * its key, the offending value and why — so an admin's typo never turns the whole policy off.
 */
import type { z } from 'zod';
import { t, type Locale } from '../i18n';
import './messages';
import { isListSetting, isSettingKey, settingDefinitions, type PartialSettings, type SettingKey } from './settings';

export type PolicyLayer = 'managed' | 'user';

export type PolicyProblem =
  | 'wrongType'
  | 'notAHost'
  | 'notADomain'
  | 'notAnAddress'
  | 'notAPhoneNumber'
  | 'notAllowed'
  | 'outOfRange'
  | 'tooShort'
  | 'tooLong'
  | 'thresholdOrder'
  | 'dangerBelowCaution'
  | 'unknownKey'
  | 'invalid';

export interface PolicyIssue {
  layer: PolicyLayer;
  key: string;
  /** The entry of a list that was refused (the others still apply). */
  index?: number;
  value: unknown;
  problem: PolicyProblem;
  params: Record<string, string | number>;
}

export interface ValidatedLayer {
  settings: PartialSettings;
  issues: PolicyIssue[];
  /** The keys present in the raw layer, valid or not: what actually arrived. */
  receivedKeys: string[];
}

const customProblems = new Set<string>(['notAHost', 'notADomain', 'notAnAddress', 'notAPhoneNumber']);

function problemOf(issue: z.core.$ZodIssue): Pick<PolicyIssue, 'problem' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      return { problem: 'wrongType', params: { expected: String(issue.expected) } };
    case 'invalid_value':
      return { problem: 'notAllowed', params: { allowed: issue.values.map(String).join(', ') } };
    case 'too_small':
      return issue.origin === 'string'
        ? { problem: 'tooShort', params: { min: Number(issue.minimum) } }
        : { problem: 'outOfRange', params: { min: Number(issue.minimum), max: '' } };
    case 'too_big':
      return issue.origin === 'string'
        ? { problem: 'tooLong', params: { max: Number(issue.maximum) } }
        : { problem: 'outOfRange', params: { min: '', max: Number(issue.maximum) } };
    case 'custom':
      return customProblems.has(issue.message) ? { problem: issue.message as PolicyProblem, params: {} } : { problem: 'invalid', params: {} };
    default:
      return { problem: 'invalid', params: {} };
  }
}

/** Thresholds are 1–100 whatever bound was crossed: say both, so the message reads whole. */
function withRange(key: SettingKey, found: Pick<PolicyIssue, 'problem' | 'params'>): Pick<PolicyIssue, 'problem' | 'params'> {
  if (found.problem !== 'outOfRange') return found;
  const schema = settingDefinitions[key].schema as z.ZodNumber;
  return { problem: 'outOfRange', params: { min: schema.minValue ?? '', max: schema.maxValue ?? '' } };
}

export function validateSettings(raw: unknown, layer: PolicyLayer): ValidatedLayer {
  const settings: Record<string, unknown> = {};
  const issues: PolicyIssue[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw !== undefined && raw !== null) issues.push({ layer, key: '', value: raw, problem: 'wrongType', params: { expected: 'object' } });
    return { settings: {}, issues, receivedKeys: [] };
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!isSettingKey(key)) {
      issues.push({ layer, key, value, problem: 'unknownKey', params: {} });
      continue;
    }
    const { schema } = settingDefinitions[key];
    if (!isListSetting(key)) {
      const parsed = schema.safeParse(value);
      if (parsed.success) settings[key] = parsed.data;
      else issues.push({ layer, key, value, ...withRange(key, problemOf(parsed.error.issues[0]!)) });
      continue;
    }
    if (!Array.isArray(value)) {
      issues.push({ layer, key, value, problem: 'wrongType', params: { expected: 'array' } });
      continue;
    }
    const kept: unknown[] = [];
    value.forEach((entry, index) => {
      const parsed = schema.safeParse(entry);
      if (!parsed.success) issues.push({ layer, key, index, value: entry, ...problemOf(parsed.error.issues[0]!) });
      else if (!kept.includes(parsed.data)) kept.push(parsed.data);
    });
    // A list whose every entry was refused is not "set to nothing": the layer below applies.
    if (kept.length > 0 || value.length === 0) settings[key] = kept;
  }
  // Within one layer the danger line is the firmer intent: an impossible caution gives way to it.
  const { cautionThreshold: caution, dangerThreshold: danger } = settings as PartialSettings;
  if (caution !== undefined && danger !== undefined && caution >= danger) {
    delete settings.cautionThreshold;
    issues.push({ layer, key: 'cautionThreshold', value: caution, problem: 'thresholdOrder', params: { danger } });
  }
  return { settings: settings as PartialSettings, issues, receivedKeys: entries.map(([key]) => key) };
}

/** One issue as a sentence, e.g. for the options page or a log line. */
export function describeIssue(issue: PolicyIssue, locale: Locale): string {
  const key = issue.index === undefined ? issue.key : `${issue.key}[${issue.index}]`;
  const reason = t(locale, `policy.problem.${issue.problem}`, issue.params);
  const value = JSON.stringify(issue.value) ?? String(issue.value);
  // a whole warning text would drown the reason: enough of it to recognise is enough
  const shown = value.length > 80 ? `${value.slice(0, 79)}…` : value;
  return t(locale, 'policy.issue', { key, value: shown, reason });
}
