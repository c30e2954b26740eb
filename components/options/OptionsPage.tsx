import { useMemo, useState, type ReactNode } from 'react';
import { t, type Locale } from '@/lib/i18n';
import '@/lib/policy/messages';
import { provincePresets } from '@/lib/policy/presets';
import type { ResolvedPolicy, SettingSource } from '@/lib/policy/resolve';
import {
  allowedValuesOf,
  isListSetting,
  jsonTypeOf,
  settingDefinitions,
  settingGroups,
  settingKeys,
  type PartialSettings,
  type SettingKey,
} from '@/lib/policy/settings';
import { describeIssue, validateSettings, type PolicyIssue } from '@/lib/policy/validate';
import { HostAccess, type HostAccessProps } from './HostAccess';
import { ManagedKeys } from './ManagedKeys';
import { PasswordGuardSection, type PasswordGuardSectionProps } from './PasswordGuardSection';
import { TrustedSenders, type TrustedSendersProps } from './TrustedSenders';

export interface OptionsPageProps {
  resolved: ResolvedPolicy;
  /** The user's saved options as stored (may hold keys the admin has since locked). */
  userOptions: Record<string, unknown>;
  onSave(options: PartialSettings): Promise<void>;
  hostAccess: HostAccessProps['access'];
  /** Turns the policy's warning text into safe HTML; absent, the preview is not shown. */
  sanitize?: (html: string) => string;
  /** What the password guard keeps, and "forget"; shown in its group. Absent, not shown. */
  passwordGuard?: Pick<PasswordGuardSectionProps, 'fingerprint' | 'onForget'>;
  /** The senders the user trusts ("I know this sender"), to see and remove; absent, not shown. */
  trustedSenders?: Omit<TrustedSendersProps, 'locale' | 'allowed'>;
}

/** A field's text while the user edits it; '' means "not set by me": the layer below applies. */
type Drafts = Partial<Record<SettingKey, string>>;

function toDraft(key: SettingKey, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

function fromDrafts(drafts: Drafts, editable: readonly SettingKey[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of editable) {
    const draft = drafts[key]?.trim() ?? '';
    if (draft === '') continue;
    const type = jsonTypeOf(key);
    raw[key] =
      type === 'array'
        ? draft.split('\n').map((line) => line.trim()).filter(Boolean)
        : type === 'integer'
          ? Number(draft)
          : type === 'boolean'
            ? draft === 'true'
            : draft;
  }
  return raw;
}

function shownValue(locale: Locale, value: unknown): string {
  if (typeof value === 'boolean') return t(locale, value ? 'options.yes' : 'options.no');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function sourceLabel(locale: Locale, source: SettingSource): string {
  return t(locale, source === 'managed' ? 'options.locked' : `options.source.${source}`);
}

/**
 * Every setting, grouped, Vietnamese first. What the administrator set is shown read-only with
 * "set by your administrator"; what the admin wrote but could not be used is listed with the
 * reason, and everything else still applies.
 */
export function OptionsPage({ resolved, userOptions, onSave, hostAccess, sanitize, trustedSenders, passwordGuard }: OptionsPageProps) {
  const locale = resolved.settings.locale;
  const locked = useMemo(() => new Set(resolved.locked), [resolved.locked]);
  const editable = settingKeys.filter((key) => !locked.has(key) && key !== 'presetPinned');
  const [drafts, setDrafts] = useState<Drafts>(() =>
    Object.fromEntries(editable.map((key) => [key, toDraft(key, userOptions[key])])),
  );
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const [draftIssues, setDraftIssues] = useState<PolicyIssue[]>([]);

  const save = async () => {
    const { settings, issues } = validateSettings(fromDrafts(drafts, editable), 'user');
    setDraftIssues(issues);
    if (issues.length > 0) return;
    try {
      await onSave(settings);
      setStatus({ kind: 'saved', text: t(locale, 'options.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: t(locale, 'options.saveFailed', { error: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const field = (key: SettingKey): ReactNode => {
    const isLocked = locked.has(key);
    const value = resolved.settings[key];
    const id = `setting-${key}`;
    const set = (text: string) => setDrafts((current) => ({ ...current, [key]: text }));
    const draft = drafts[key] ?? '';
    const inherited = `${sourceLabel(locale, resolved.sources[key])}: ${shownValue(locale, value) || '—'}`;
    let control: ReactNode;
    if (key === 'presetPinned') {
      control = <output id={id}>{shownValue(locale, value)}</output>;
    } else if (isLocked) {
      control = isListSetting(key) || key.startsWith('warningText') ? (
        <textarea id={id} readOnly value={toDraft(key, value)} rows={Math.max(2, toDraft(key, value).split('\n').length)} />
      ) : (
        <input id={id} readOnly value={key === 'preset' ? presetName(String(value)) : shownValue(locale, value)} />
      );
    } else if (key === 'preset') {
      control = (
        <select id={id} value={draft} onChange={(e) => set(e.target.value)}>
          <option value="">{t(locale, 'options.preset.auto')}</option>
          {provincePresets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.organisationName}
            </option>
          ))}
        </select>
      );
    } else if (jsonTypeOf(key) === 'boolean' || allowedValuesOf(key)) {
      const choices = allowedValuesOf(key) ?? ['true', 'false'];
      control = (
        <select id={id} value={draft} onChange={(e) => set(e.target.value)}>
          <option value="">{inherited}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'true' || choice === 'false' ? shownValue(locale, choice === 'true') : choice}
            </option>
          ))}
        </select>
      );
    } else if (isListSetting(key) || key.startsWith('warningText')) {
      control = <textarea id={id} value={draft} placeholder={toDraft(key, value)} rows={3} onChange={(e) => set(e.target.value)} />;
    } else {
      control = (
        <input
          id={id}
          type={jsonTypeOf(key) === 'integer' ? 'number' : 'text'}
          value={draft}
          placeholder={shownValue(locale, value)}
          onChange={(e) => set(e.target.value)}
        />
      );
    }
    return (
      <div key={key} className="setting" data-setting={key} data-source={resolved.sources[key]} data-locked={isLocked || undefined}>
        <label htmlFor={id} className="setting__title">
          {t(locale, `policy.${key}.title`)}
        </label>
        <span className={`setting__source setting__source--${resolved.sources[key]}`}>{sourceLabel(locale, resolved.sources[key])}</span>
        <p className="setting__description">{t(locale, `policy.${key}.description`)}</p>
        {control}
        {isListSetting(key) && !isLocked && <p className="setting__hint">{t(locale, 'options.list.hint')}</p>}
        {key.startsWith('warningText') && sanitize && value !== '' && (
          <div className="setting__preview">
            <p>{t(locale, 'options.warningPreview')}</p>
            {/* sanitised: only simple formatting tags and safe links survive */}
            <div dangerouslySetInnerHTML={{ __html: sanitize(String(value)) }} />
          </div>
        )}
      </div>
    );
  };

  const pinnedPreset = locked.has('preset') && resolved.preset;
  return (
    <main className="options" lang={locale}>
      <h1>{t(locale, 'options.title')}</h1>
      <p>{t(locale, 'options.intro')}</p>
      {pinnedPreset && <p className="options__pinned">{t(locale, 'options.preset.pinned', { name: pinnedPreset.organisationName })}</p>}
      <IssueList locale={locale} issues={resolved.issues} />
      <ManagedKeys locale={locale} received={resolved.managedKeys} absent={resolved.absentManagedKeys} />
      <HostAccess locale={locale} access={hostAccess} />
      {trustedSenders && <TrustedSenders locale={locale} allowed={resolved.settings.allowTrustSender} {...trustedSenders} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {settingGroups.map((group) => (
          <fieldset key={group} className="options__group" data-group={group}>
            <legend>{t(locale, `options.group.${group}`)}</legend>
            {settingKeys.filter((key) => settingDefinitions[key].group === group).map(field)}
            {group === 'passwordGuard' && passwordGuard && (
              <PasswordGuardSection
                locale={locale}
                enabled={resolved.settings.passwordGuardEnabled}
                locked={locked.has('passwordGuardEnabled')}
                {...passwordGuard}
              />
            )}
          </fieldset>
        ))}
        {draftIssues.length > 0 && (
          <ul className="options__draft-issues" role="alert">
            {draftIssues.map((issue) => (
              <li key={`${issue.key}-${issue.index ?? ''}`}>{describeIssue(issue, locale)}</li>
            ))}
          </ul>
        )}
        <div className="options__actions">
          <button type="submit" className="options__save">
            {t(locale, 'options.save')}
          </button>
          <button type="button" onClick={() => setDrafts({})}>
            {t(locale, 'options.reset')}
          </button>
          {status && (
            <span role="status" className={`options__status options__status--${status.kind}`}>
              {status.text}
            </span>
          )}
        </div>
      </form>
    </main>
  );
}

function presetName(id: string): string {
  return provincePresets.find((preset) => preset.id === id)?.organisationName ?? id;
}

/** What was refused, by layer: the admin's first, since those are the ones users ask about. */
export function IssueList({ locale, issues }: { locale: Locale; issues: readonly PolicyIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <section className="options__issues" data-issues>
      <h2>{t(locale, 'options.issues.title')}</h2>
      {(['managed', 'user'] as const).map((layer) => {
        const mine = issues.filter((issue) => issue.layer === layer);
        if (mine.length === 0) return null;
        return (
          <div key={layer}>
            <h3>{t(locale, `options.issues.${layer}`)}</h3>
            <ul>
              {mine.map((issue) => (
                <li key={`${issue.key}-${issue.index ?? ''}`} data-issue={issue.key} data-problem={issue.problem}>
                  {describeIssue(issue, locale)}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
