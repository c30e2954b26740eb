// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { basePolicy } from '../policy/defaults';
import { resolvePolicy } from '../policy/resolve';
import type { PasswordFingerprint } from './fingerprint';
import { clientOf, findLoginField, foldForMatch, isWebmailLogin, lookalikeEvidence, looksLoggedIn } from './page';
import { changePasswordUrl, defaultLoginSelectors, guardRole, hostMatches, webmailWords } from './roles';

function page(html: string, title = ''): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  doc.body.innerHTML = html;
  return doc;
}

const words = [...webmailWords, 'Lai Châu'];

describe('a page that imitates the webmail login', () => {
  it('is a password field with the province’s name, with or without diacritics', () => {
    expect(lookalikeEvidence(page('<form><h2>Hộp thư công vụ tỉnh LAI CHAU</h2><input type="password"></form>'), words)).toBe('Lai Châu');
    expect(lookalikeEvidence(page('<form><input type="password"></form>', 'Roundcube Webmail :: Đăng nhập'), words)).toBe('Roundcube');
    expect(lookalikeEvidence(page('<div><div><label>Zimbra Web Client Sign In</label><input type="password"></div></div>'), words)).toBe('Zimbra');
  });

  it('needs a password field', () => {
    expect(lookalikeEvidence(page('<h1>Tin tức Lai Châu</h1><input type="text">'), words)).toBeUndefined();
  });

  it('is not any login form', () => {
    expect(lookalikeEvidence(page('<h1>Diễn đàn</h1><form><input type="password"></form>', 'Đăng nhập'), words)).toBeUndefined();
  });

  it('folds case, diacritics and spacing', () => {
    expect(foldForMatch('Sở TT&TT tỉnh Đắk Lắk')).toBe('sotttttinhdaklak');
  });
});

describe('the webmail login field', () => {
  it('is Roundcube’s or Zimbra’s by default, and a bad selector from policy is skipped', () => {
    const roundcube = page('<form><input id="rcmloginuser"><input id="rcmloginpwd" type="password"></form>');
    const field = findLoginField(roundcube, ['#bad[', ...defaultLoginSelectors]);
    expect(field?.id).toBe('rcmloginpwd');
    expect(clientOf(roundcube, field!)).toBe('roundcube');
    const zimbra = page('<form name="loginForm"><input name="username"><input id="password" name="password" type="password"></form>');
    expect(clientOf(zimbra, findLoginField(zimbra, defaultLoginSelectors)!)).toBe('zimbra');
  });

  it('recognises Roundcube’s and Zimbra’s own login forms, not a field that borrows their ids', () => {
    const roundcube = page(
      '<form name="login-form" method="post" action="./?_task=login"><input type="hidden" name="_token" value="t"><input type="hidden" name="_task" value="login"><input type="hidden" name="_action" value="login"><input id="rcmloginuser" name="_user"><input id="rcmloginpwd" name="_pass" type="password"></form>',
    );
    expect(isWebmailLogin(findLoginField(roundcube, defaultLoginSelectors)!)).toBe(true);
    const zimbra = page('<form name="loginForm" method="post"><input type="hidden" name="loginOp" value="login"><input name="username"><input name="password" type="password"></form>');
    expect(isWebmailLogin(findLoginField(zimbra, defaultLoginSelectors)!)).toBe(true);
    expect(isWebmailLogin(findLoginField(page('<form><input id="rcmloginuser"><input id="rcmloginpwd" type="password"></form>'), defaultLoginSelectors)!)).toBe(false);
    expect(isWebmailLogin(findLoginField(page('<input id="rcmloginpwd" type="password">'), defaultLoginSelectors)!)).toBe(false);
  });

  it('tells the mailbox (no password field) from the login form coming back', () => {
    expect(looksLoggedIn(page('<div id="messagelist"></div>'))).toBe(true);
    expect(looksLoggedIn(page('<form><input id="rcmloginpwd" type="password"></form>'))).toBe(false);
  });
});

describe('what the guard does on a host', () => {
  const fp = { host: 'mail.laichau.gov.vn' } as PasswordFingerprint;
  const on = (host: string, user: Record<string, unknown> = {}, fingerprint: PasswordFingerprint | null = fp) =>
    guardRole({ host, policy: resolvePolicy({ user: { passwordGuardEnabled: true, ...user }, host }).policy, fingerprint: fingerprint ?? undefined }).role;

  it('is off unless enabled', () => {
    expect(guardRole({ host: 'x.com', policy: basePolicy(), fingerprint: fp })).toEqual({ role: 'off' });
  });

  it('takes the login on the policy’s webmail hosts and where the fingerprint came from, watches elsewhere', () => {
    expect(on('mail.laichau.gov.vn')).toBe('webmail');
    expect(on('dang-nhap-laichau.com')).toBe('watch');
    expect(on('laichau.gov.vn.dang-nhap.com')).toBe('watch');
    expect(on('sso.laichau.gov.vn', { passwordGuardAllowlist: ['sso.laichau.gov.vn'] })).toBe('off');
    expect(on('webmail.other.vn', { webmailHosts: ['*.other.vn'] })).toBe('webmail');
  });

  it('finds an unnamed *.gov.vn webmail only until a fingerprint exists, and only by its own login form', () => {
    const unnamed = (host: string, fingerprint?: PasswordFingerprint) =>
      guardRole({ host, policy: resolvePolicy({ user: { passwordGuardEnabled: true }, host }).policy, fingerprint });
    // mail.tinh-khac.gov.vn has no preset: the policy names no webmail
    expect(unnamed('mail.tinh-khac.gov.vn')).toMatchObject({ role: 'webmail', confirm: true });
    expect(unnamed('mail.tinh-khac.gov.vn', { host: 'mail.tinh-khac.gov.vn' } as PasswordFingerprint)).toMatchObject({ role: 'webmail', confirm: true });
    expect(on('mail.tinh-khac.gov.vn')).toBe('watch');
  });

  it('never gives the webmail role to a host the policy does not name, not even a *.gov.vn one', () => {
    // the Lai Châu preset names mail.laichau.gov.vn: a compromised subdomain with a cloned login is foreign
    expect(on('xyz.laichau.gov.vn', {}, null)).toBe('watch');
    expect(on('xyz.laichau.gov.vn')).toBe('watch');
    // even where the fingerprint was once taken (before the policy named its webmail)
    expect(on('xyz.laichau.gov.vn', {}, { host: 'xyz.laichau.gov.vn' } as PasswordFingerprint)).toBe('watch');
    expect(guardRole({ host: 'mail.laichau.gov.vn', policy: resolvePolicy({ user: { passwordGuardEnabled: true }, host: 'mail.laichau.gov.vn' }).policy, fingerprint: undefined })).toMatchObject({
      role: 'webmail',
      confirm: false,
    });
    // named by a managed list, another *.gov.vn host is foreign too
    expect(on('mail.tinh-khac.gov.vn', { webmailHosts: ['mail.laichau.gov.vn'] }, null)).toBe('watch');
  });

  it('matches host patterns', () => {
    expect(hostMatches('mail.laichau.gov.vn', ['*.laichau.gov.vn'])).toBe(true);
    expect(hostMatches('laichau.gov.vn', ['*.laichau.gov.vn'])).toBe(true);
    expect(hostMatches('evillaichau.gov.vn', ['*.laichau.gov.vn'])).toBe(false);
  });

  it('links to the webmail’s own password page', () => {
    expect(changePasswordUrl({ webmailUrl: 'https://mail.laichau.gov.vn/roundcube/', client: 'roundcube' })).toBe(
      'https://mail.laichau.gov.vn/roundcube/?_task=settings&_action=plugin.password',
    );
    expect(changePasswordUrl({ webmailUrl: 'https://mail.laocai.gov.vn/', client: 'zimbra' })).toBe('https://mail.laocai.gov.vn/h/changepass');
    expect(changePasswordUrl({ webmailUrl: 'javascript:alert(1)', client: 'other' })).toBeUndefined();
  });
});
