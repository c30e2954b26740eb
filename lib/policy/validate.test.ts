import { describe, expect, it } from 'vitest';
import { describeIssue, validateSettings } from './validate';

describe('validateSettings', () => {
  it('keeps every valid key and names each bad one with why', () => {
    const { settings, issues } = validateSettings(
      {
        organisationName: 'Sở TT&TT tỉnh Lai Châu',
        hotlines: ['02133.798.788', '0972 862 268'],
        reportMode: 'send-now',
        cautionThreshold: 140,
        allowDismiss: 'no',
      },
      'managed',
    );
    expect(settings).toEqual({ organisationName: 'Sở TT&TT tỉnh Lai Châu', hotlines: ['02133.798.788', '0972 862 268'] });
    expect(issues.map(({ key, problem }) => [key, problem])).toEqual([
      ['reportMode', 'notAllowed'],
      ['cautionThreshold', 'outOfRange'],
      ['allowDismiss', 'wrongType'],
    ]);
    expect(describeIssue(issues[0]!, 'en')).toBe('reportMode = "send-now": not one of the allowed values (compose, send-after-confirm)');
    expect(describeIssue(issues[1]!, 'vi')).toBe('cautionThreshold = 140: ngoài khoảng cho phép (1–100)');
  });

  it('keeps the good entries of a list and names the refused ones by index', () => {
    const { settings, issues } = validateSettings(
      {
        reportAddresses: ['hotro@laichau.gov.vn', 'khong-phai-dia-chi', 'HOTRO@laichau.gov.vn'],
        webmailHosts: ['mail.laichau.gov.vn', 'not a host', '*.example.com.vn', '10.0.0.5'],
        hotlines: ['gọi ngay'],
      },
      'managed',
    );
    // case-folded duplicates are one address
    expect(settings.reportAddresses).toEqual(['hotro@laichau.gov.vn']);
    expect(settings.webmailHosts).toEqual(['mail.laichau.gov.vn', '*.example.com.vn']);
    // a list with nothing valid left is not "no hotline": the layer below still applies
    expect(settings).not.toHaveProperty('hotlines');
    expect(issues.map(({ key, index, problem }) => `${key}[${index}] ${problem}`)).toEqual([
      'reportAddresses[1] notAnAddress',
      'webmailHosts[1] notAHost',
      'webmailHosts[3] notAHost',
      'hotlines[0] notAPhoneNumber',
    ]);
    expect(describeIssue(issues[0]!, 'vi')).toBe('reportAddresses[1] = "khong-phai-dia-chi": không phải địa chỉ thư điện tử hợp lệ');
  });

  it('refuses a caution threshold at or above the danger one, and keeps the danger one', () => {
    const { settings, issues } = validateSettings({ cautionThreshold: 80, dangerThreshold: 60 }, 'managed');
    expect(settings).toEqual({ dangerThreshold: 60 });
    expect(issues).toEqual([
      { layer: 'managed', key: 'cautionThreshold', value: 80, problem: 'thresholdOrder', params: { danger: 60 } },
    ]);
  });

  it('names keys that are not settings, and a layer that is not an object', () => {
    expect(validateSettings({ hotline: '0299.3626800' }, 'user').issues).toMatchObject([{ key: 'hotline', problem: 'unknownKey' }]);
    expect(validateSettings(['x'], 'managed').issues).toMatchObject([{ problem: 'wrongType' }]);
    expect(validateSettings(undefined, 'managed')).toEqual({ settings: {}, issues: [], receivedKeys: [] });
  });

  it('normalises hosts and addresses to lower case and trims', () => {
    const { settings } = validateSettings({ organisationDomains: [' LaiChau.gov.vn '], blockedLinkHosts: ['Upcorss.Weebly.com'] }, 'user');
    expect(settings).toEqual({ organisationDomains: ['laichau.gov.vn'], blockedLinkHosts: ['upcorss.weebly.com'] });
  });

  it('accepts every preset id and refuses others', () => {
    expect(validateSettings({ preset: 'lai-chau' }, 'user').settings).toEqual({ preset: 'lai-chau' });
    expect(validateSettings({ preset: 'ha-noi' }, 'user').issues).toMatchObject([{ key: 'preset', problem: 'notAllowed' }]);
  });
});
