import { describe, expect, it } from 'vitest';
import { basePolicy, policyForOrganisation } from './defaults';
import { defaultThresholds, resolvePolicy } from './resolve';
import { settingKeys } from './settings';

describe('resolvePolicy: managed > user > preset > defaults', () => {
  it('uses the preset of the webmail domain when nobody configured anything', () => {
    const { policy, sources, presetChoice, locked } = resolvePolicy({ host: 'mail.laichau.gov.vn' });
    expect(policy.hotlines).toEqual(['02133.798.788', '0972 862 268']);
    expect(policy.reportAddresses).toEqual(['hotro@laichau.gov.vn']);
    expect(policy.organisationDomains).toEqual(['laichau.gov.vn']);
    expect(sources.hotlines).toBe('preset');
    expect(sources.cautionThreshold).toBe('default');
    expect(presetChoice).toBe('domain');
    expect(locked).toEqual([]);
  });

  it('keeps the behaviour of policyForOrganisation for the scan command and the tests', () => {
    expect(policyForOrganisation('canbo@soctrang.gov.vn')).toMatchObject({
      organisationDomains: ['soctrang.gov.vn'],
      hotlines: ['0299.3626800'],
      reportAddresses: ['tvthe@soctrang.gov.vn'],
      thresholds: defaultThresholds,
      locale: 'vi',
    });
    // a domain without a preset: the organisation is the domain, with no contacts
    expect(policyForOrganisation('mail.hanoi.gov.vn')).toMatchObject({ organisationDomains: ['hanoi.gov.vn'], hotlines: [], organisationName: '' });
    expect(basePolicy().organisationDomains).toEqual([]);
  });

  it('lets the user override the preset, and the admin override both', () => {
    const user = { hotlines: ['0912 000 111'], reportAddresses: ['toi@laichau.gov.vn'], locale: 'en' };
    const asUser = resolvePolicy({ host: 'mail.laichau.gov.vn', user });
    expect(asUser.policy.hotlines).toEqual(['0912 000 111']);
    expect(asUser.sources.hotlines).toBe('user');

    const managed = { hotlines: ['0213.3999.123'] };
    const asAdmin = resolvePolicy({ host: 'mail.laichau.gov.vn', user, managed });
    expect(asAdmin.policy.hotlines).toEqual(['0213.3999.123']);
    expect(asAdmin.sources.hotlines).toBe('managed');
    expect(asAdmin.locked).toEqual(['hotlines']);
    // what the admin did not set still follows the user, then the preset
    expect(asAdmin.policy.reportAddresses).toEqual(['toi@laichau.gov.vn']);
    expect(asAdmin.policy.locale).toBe('en');
    expect(asAdmin.policy.organisationName).toBe('Sở Thông tin và Truyền thông tỉnh Lai Châu');
  });

  it('applies the rest of a managed policy when some of its values are refused', () => {
    const { policy, issues, sources } = resolvePolicy({
      host: 'mail.laichau.gov.vn',
      managed: { reportAddresses: ['canhbao@laichau.gov.vn', 'khong-phai-dia-chi'], cautionThreshold: 80, dangerThreshold: 70, webmailHosts: ['not a host'] },
    });
    expect(policy.reportAddresses).toEqual(['canhbao@laichau.gov.vn']);
    expect(policy.thresholds).toEqual({ caution: defaultThresholds.caution, danger: 70 });
    expect(sources.cautionThreshold).toBe('default');
    // every entry refused: the preset's webmail host still applies
    expect(policy.webmailHosts).toEqual(['mail.laichau.gov.vn']);
    expect(sources.webmailHosts).toBe('preset');
    expect(issues.map((issue) => issue.key)).toEqual(['reportAddresses', 'webmailHosts', 'cautionThreshold']);
  });

  it('returns both thresholds to the defaults when layers cross each other', () => {
    const { policy, issues } = resolvePolicy({ managed: { dangerThreshold: 20 }, user: { cautionThreshold: 25 } });
    expect(policy.thresholds).toEqual(defaultThresholds);
    expect(issues).toMatchObject([{ layer: 'user', key: 'cautionThreshold', problem: 'thresholdOrder', params: { danger: 20 } }]);
    const alone = resolvePolicy({ managed: { dangerThreshold: 20 } });
    expect(alone.issues).toMatchObject([{ layer: 'managed', key: 'dangerThreshold', problem: 'dangerBelowCaution', params: { caution: defaultThresholds.caution } }]);
  });

  it('pins the preset an admin chose, unless the admin lets users pick', () => {
    const pinned = resolvePolicy({ host: 'mail.soctrang.gov.vn', managed: { preset: 'lao-cai' }, user: { preset: 'lai-chau' } });
    expect(pinned.preset?.id).toBe('lao-cai');
    expect(pinned.policy.hotlines).toEqual(['02143.841.288']);
    expect(pinned.locked).toContain('preset');

    const suggested = resolvePolicy({ managed: { preset: 'lao-cai', presetPinned: false }, user: { preset: 'lai-chau' } });
    expect(suggested.preset?.id).toBe('lai-chau');
    expect(suggested.sources.preset).toBe('user');
    expect(suggested.locked).not.toContain('preset');
    expect(resolvePolicy({ managed: { preset: 'lao-cai', presetPinned: false } }).preset?.id).toBe('lao-cai');
  });

  it('a user-chosen preset wins over the one of the webmail domain', () => {
    const { preset, policy, presetChoice } = resolvePolicy({ host: 'mail.soctrang.gov.vn', user: { preset: 'thai-nguyen' } });
    expect(preset?.id).toBe('thai-nguyen');
    expect(presetChoice).toBe('user');
    expect(policy.hotlines).toEqual(['0914.300.486', '0982.353.222']);
  });

  it('turns the password guard on by default for managed installs only', () => {
    expect(resolvePolicy({}).policy.passwordGuard.enabled).toBe(false);
    expect(resolvePolicy({ managed: { hotlines: ['0213.3999.123'] } }).policy.passwordGuard.enabled).toBe(true);
    expect(resolvePolicy({ managed: { passwordGuardEnabled: false } }).policy.passwordGuard.enabled).toBe(false);
  });

  it('lists which managed keys arrived and which did not', () => {
    const { managedKeys, absentManagedKeys } = resolvePolicy({ managed: { hotlines: ['0213.3999.123'], reportMode: 'bogus' } });
    expect(managedKeys).toEqual(['hotlines', 'reportMode']);
    expect(absentManagedKeys).toHaveLength(settingKeys.length - 2);
    expect(absentManagedKeys).toContain('allowDismiss');
    expect(absentManagedKeys).not.toContain('reportMode');
  });

  it('maps the flat settings onto the policy the scoring and the report use', () => {
    const { policy } = resolvePolicy({
      managed: {
        reportMode: 'send-after-confirm',
        reportOriginal: 'junk',
        reportOutlookPrefix: true,
        passwordGuardAllowlist: ['sso.laichau.gov.vn'],
        warningTextVi: '<b>Cảnh báo</b>',
        extraLurePhrases: ['nâng cấp hộp thư'],
      },
    });
    expect(policy.report).toEqual({ mode: 'send-after-confirm', confirm: true, subjectPrefix: '', outlookPrefix: true, original: 'junk' });
    expect(policy.passwordGuard.allowlist).toEqual(['sso.laichau.gov.vn']);
    expect(policy.warningText).toEqual({ vi: '<b>Cảnh báo</b>', en: '' });
    expect(policy.extraLurePhrases).toEqual(['nâng cấp hộp thư']);
  });
});

describe('the thresholds the settings describe', () => {
  it('state the defaults the fit chose, in both languages', async () => {
    for (const locale of ['vi', 'en']) {
      const { default: strings } = (await import(`../../locales/${locale}/settings.json`)) as { default: Record<string, string> };
      expect(strings['policy.cautionThreshold.description']).toMatch(new RegExp(`\\b${defaultThresholds.caution}\\.$`));
      expect(strings['policy.dangerThreshold.description']).toMatch(new RegExp(`\\b${defaultThresholds.danger}\\.$`));
    }
  });
});
