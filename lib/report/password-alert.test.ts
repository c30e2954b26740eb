import { describe, expect, it } from 'vitest';
import { policyForOrganisation } from '../policy/defaults';
import { passwordAlertCompose } from './password-alert';

const policy = policyForOrganisation('mail.laichau.gov.vn');
const fingerprint = { client: 'roundcube' as const, webmailUrl: 'https://mail.laichau.gov.vn/roundcube/', host: 'mail.laichau.gov.vn' };
const alert = { pageUrl: 'https://dang-nhap-laichau.com/login', at: Date.UTC(2026, 10, 23, 1, 2, 3), kind: 'auto' as const };

describe('the password alert to the help desk', () => {
  it("opens Roundcube's compose where the webmail lives, to the help desk, sent at once, nothing attached", () => {
    const compose = passwordAlertCompose(alert, { policy, fingerprint }, '0.1.0')!;
    const url = new URL(compose.url);
    expect(url.origin + url.pathname).toBe('https://mail.laichau.gov.vn/roundcube/');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ _task: 'mail', _action: 'compose', _to: policy.reportAddresses.join(', ') });
    expect(url.searchParams.get('_subject')).toContain('mail.laichau.gov.vn');
    expect(compose.pending).toMatchObject({ kind: 'password-alert', mode: 'send-after-confirm', original: 'keep', to: policy.reportAddresses });
    // the same compose is opened again if Roundcube loses it
    expect(compose.pending.composeUrl).toBe(compose.url);
  });

  it('says the page, the time (Vietnam and ISO), the webmail and who raised it, and nothing else', () => {
    const { body } = passwordAlertCompose(alert, { policy, fingerprint }, '0.1.0')!.pending;
    expect(body).toContain('https://dang-nhap-laichau.com/login');
    expect(body).toContain('08:02:03');
    expect(body).toContain('2026-11-23T01:02:03.000Z');
    expect(body).toContain('Gửi tự động theo chính sách của đơn vị.');
    const byUser = passwordAlertCompose({ ...alert, kind: 'user' }, { policy, fingerprint }, '0.1.0')!.pending.body;
    expect(byUser).toContain('Người dùng bấm nút báo cho bộ phận hỗ trợ.');
  });

  it('has no route without a report address, on Zimbra, or for an address that is not a web page', () => {
    expect(passwordAlertCompose(alert, { policy: { ...policy, reportAddresses: [] }, fingerprint }, '0.1.0')).toBeUndefined();
    expect(passwordAlertCompose(alert, { policy, fingerprint: { ...fingerprint, client: 'zimbra' } }, '0.1.0')).toBeUndefined();
    expect(passwordAlertCompose(alert, { policy, fingerprint: { ...fingerprint, webmailUrl: 'javascript:alert(1)' } }, '0.1.0')).toBeUndefined();
  });
});
