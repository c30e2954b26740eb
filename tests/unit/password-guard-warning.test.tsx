// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LookalikeWarning, PasswordWarning } from '../../components/PasswordGuardWarning';
import { PasswordGuardSection } from '../../components/options/PasswordGuardSection';
import type { PasswordWarningData } from '../../lib/password-guard/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const warning: PasswordWarningData = {
  locale: 'vi',
  pageHost: 'dang-nhap-laichau.com',
  organisationName: 'Sở Thông tin và Truyền thông tỉnh Lai Châu',
  hotlines: ['02133.798.788', '0972 862 268'],
  reportAddresses: ['hotro@laichau.gov.vn'],
  changePasswordUrl: 'https://mail.laichau.gov.vn/?_task=settings&_action=plugin.password',
  alertsHelpDesk: false,
};

let container: HTMLElement;
function render(node: React.ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(node));
  return container;
}
afterEach(() => container.remove());

describe('the password warning', () => {
  it('is a modal alert dialog in Vietnamese: what happened, then change the password, call, report', () => {
    const el = render(<PasswordWarning warning={warning} onReport={vi.fn()} onClose={vi.fn()} />);
    const dialog = el.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('lang')).toBe('vi');
    expect(el.querySelector('#khienthu-pg-title')?.textContent).toBe('Bạn vừa gõ mật khẩu hộp thư công vụ vào một trang lạ');
    expect(el.querySelector('#khienthu-pg-what')?.textContent).toContain('dang-nhap-laichau.com');
    const steps = [...el.querySelectorAll('ol > li')].map((li) => li.textContent);
    expect(steps[0]).toBe('Đổi mật khẩu ngay');
    expect(steps[1]).toContain('Sở Thông tin và Truyền thông tỉnh Lai Châu');
    expect(steps[2]).toBe('Báo cho bộ phận hỗ trợ');
    const change = el.querySelector<HTMLAnchorElement>('[data-khienthu-action="change-password"]')!;
    expect(change.getAttribute('href')).toBe(warning.changePasswordUrl);
    expect(change.getAttribute('rel')).toContain('noopener');
    expect([...el.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'))).toEqual(['tel:02133798788', 'tel:0972862268']);
    // the first thing to do has the keyboard focus
    expect(document.activeElement).toBe(change);
  });

  it('after a report that was only recorded, names the address to write to', async () => {
    const onReport = vi.fn(async () => ({ recorded: true, delivered: false }));
    const el = render(<PasswordWarning warning={warning} onReport={onReport} onClose={vi.fn()} />);
    await act(async () => el.querySelector<HTMLButtonElement>('[data-khienthu-action="password-alert"]')!.click());
    expect(onReport).toHaveBeenCalledOnce();
    expect(el.querySelector('[data-khienthu-report="recorded"]')?.textContent).toContain('hotro@laichau.gov.vn');
  });

  it('says so when the alert reached the help desk, and when the policy alerts by itself', async () => {
    const el = render(<PasswordWarning warning={{ ...warning, alertsHelpDesk: true }} onReport={async () => ({ recorded: true, delivered: true })} onClose={vi.fn()} />);
    expect(el.textContent).toContain('bộ phận hỗ trợ được báo tự động');
    await act(async () => el.querySelector<HTMLButtonElement>('[data-khienthu-action="password-alert"]')!.click());
    expect(el.querySelector('[data-khienthu-report="delivered"]')?.textContent).toBe('Đã báo cho bộ phận hỗ trợ.');
  });

  it('never links a change-password address that is not http(s), and speaks English when the policy says so', () => {
    const el = render(<PasswordWarning warning={{ ...warning, locale: 'en', changePasswordUrl: 'javascript:alert(1)' }} onClose={vi.fn()} />);
    expect(el.querySelector('[data-khienthu-action="change-password"]')).toBeNull();
    expect(el.textContent).toContain('You just typed your official mail password on a foreign site');
    expect(el.textContent).toContain('Change your password now:');
  });

  it('closes only from its button, not from Escape', () => {
    const onClose = vi.fn();
    const el = render(<PasswordWarning warning={warning} onClose={onClose} />);
    act(() => el.querySelector('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onClose).not.toHaveBeenCalled();
    act(() => el.querySelector<HTMLButtonElement>('[data-khienthu-action="close"]')!.click());
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('the lookalike warning', () => {
  it('names the page and the word it borrows; leaving is the default', () => {
    const onLeave = vi.fn();
    const onStay = vi.fn();
    const el = render(
      <LookalikeWarning warning={{ locale: 'vi', pageHost: 'dang-nhap-laichau.com', evidence: 'Roundcube', organisationName: '', hotlines: ['02133.798.788'] }} onLeave={onLeave} onStay={onStay} />,
    );
    expect(el.querySelector('[role="alertdialog"]')?.textContent).toContain('“Roundcube”');
    const leave = el.querySelector<HTMLButtonElement>('[data-khienthu-action="leave"]')!;
    expect(document.activeElement).toBe(leave);
    // going on to the imitation is a deliberate click, never Escape
    act(() => el.querySelector('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onStay).not.toHaveBeenCalled();
    act(() => el.querySelector<HTMLButtonElement>('[data-khienthu-action="stay"]')!.click());
    expect(onStay).toHaveBeenCalledOnce();
    act(() => leave.click());
    expect(onLeave).toHaveBeenCalledOnce();
  });
});

describe('the options page section', () => {
  it('explains what is stored, shows when, and forgets', async () => {
    const onForget = vi.fn(async () => undefined);
    const el = render(<PasswordGuardSection locale="vi" enabled locked={false} fingerprint={{ savedAt: Date.UTC(2026, 0, 2, 3, 4), host: 'mail.laichau.gov.vn' }} onForget={onForget} />);
    expect(el.textContent).toContain('32 bit đầu của mã băm chậm PBKDF2-SHA-256 (600.000 vòng)');
    expect(el.textContent).toContain('16 byte');
    expect(el.textContent).toContain('độ dài mật khẩu');
    expect(el.querySelector('[data-fingerprint]')?.textContent).toContain('mail.laichau.gov.vn');
    await act(async () => el.querySelector<HTMLButtonElement>('[data-khienthu-action="forget-fingerprint"]')!.click());
    expect(onForget).toHaveBeenCalledOnce();
  });

  it('says when there is none, and when the administrator decides', () => {
    const el = render(<PasswordGuardSection locale="en" enabled={false} locked onForget={vi.fn()} />);
    expect(el.textContent).toContain('No fingerprint yet');
    expect(el.textContent).toContain('set by your administrator');
    expect(el.querySelector('[data-khienthu-action="forget-fingerprint"]')).toBeNull();
  });
});
