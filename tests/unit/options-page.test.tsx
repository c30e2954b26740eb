// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsPageProps } from '../../components/options/OptionsPage';
import { resolvePolicy, type PolicyInputs } from '../../lib/policy/resolve';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
function render(inputs: PolicyInputs, overrides: Partial<OptionsPageProps> = {}) {
  container = document.createElement('div');
  document.body.append(container);
  const props: OptionsPageProps = {
    resolved: resolvePolicy(inputs),
    userOptions: (inputs.user as Record<string, unknown>) ?? {},
    onSave: vi.fn(async () => undefined),
    hostAccess: { needed: [], granted: [], onRequest: vi.fn() },
    sanitize: (html) => html.replace(/<[^>]*>/g, ''),
    ...overrides,
  };
  act(() => createRoot(container).render(<OptionsPage {...props} />));
  return { el: container, props };
}
afterEach(() => container.remove());

const setting = (el: HTMLElement, key: string) => el.querySelector<HTMLElement>(`[data-setting="${key}"]`)!;

/** React tracks input values itself: set them the way a user's typing does. */
function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(control) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(control, value);
  act(() => control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true })));
}

describe('OptionsPage', () => {
  it('shows what the administrator set read-only, "do quản trị viên đặt", and the rest editable', () => {
    const { el } = render({ managed: { hotlines: ['0213.3999.123'], reportAddresses: ['canhbao@laichau.gov.vn'] } });
    const hotlines = setting(el, 'hotlines');
    expect(hotlines.dataset.source).toBe('managed');
    expect(hotlines.textContent).toContain('do quản trị viên đặt');
    expect(hotlines.querySelector('textarea')!.readOnly).toBe(true);
    expect(hotlines.querySelector('textarea')!.value).toBe('0213.3999.123');
    const caution = setting(el, 'cautionThreshold');
    expect(caution.dataset.locked).toBeUndefined();
    expect(caution.querySelector('input')!.readOnly).toBe(false);
    expect(caution.textContent).toContain('mặc định');
  });

  it('lists every refused value with its reason, and which managed keys came and which did not', () => {
    const { el } = render({ managed: { reportAddresses: ['canhbao@laichau.gov.vn', 'x'], cautionThreshold: 80, dangerThreshold: 60 } });
    const issues = [...el.querySelectorAll('[data-issues] li')].map((li) => li.textContent);
    expect(issues).toEqual([
      'reportAddresses[1] = "x": không phải địa chỉ thư điện tử hợp lệ',
      'cautionThreshold = 80: phải nhỏ hơn ngưỡng nguy hiểm (60)',
    ]);
    expect(el.querySelector('[data-managed-received]')!.textContent).toContain('reportAddresses, cautionThreshold, dangerThreshold');
    expect(el.querySelector('[data-managed-absent]')!.textContent).toContain('allowDismiss');
  });

  it('says when there is no managed policy at all', () => {
    const { el } = render({});
    expect(el.querySelector('[data-managed]')!.textContent).toContain('Không có chính sách quản trị');
    expect(el.querySelector('[data-issues]')).toBeNull();
  });

  it('saves only what the user set, validated, and refuses a bad value with the reason', async () => {
    const onSave = vi.fn(async () => undefined);
    const { el } = render({ host: 'mail.laichau.gov.vn' }, { onSave });
    type(setting(el, 'hotlines').querySelector('textarea')!, '0912 000 111\n\n0912 000 222');
    type(setting(el, 'preset').querySelector('select')!, 'lao-cai');
    type(setting(el, 'allowDismiss').querySelector('select')!, 'false');
    await act(async () => el.querySelector<HTMLButtonElement>('.options__save')!.click());
    expect(onSave).toHaveBeenCalledWith({ hotlines: ['0912 000 111', '0912 000 222'], preset: 'lao-cai', allowDismiss: false });
    expect(el.querySelector('[role="status"]')!.textContent).toBe('Đã lưu.');

    type(setting(el, 'reportAddresses').querySelector('textarea')!, 'khong-phai-dia-chi');
    await act(async () => el.querySelector<HTMLButtonElement>('.options__save')!.click());
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(el.querySelector('.options__draft-issues')!.textContent).toContain('reportAddresses[0] = "khong-phai-dia-chi": không phải địa chỉ thư điện tử hợp lệ');
  });

  it('shows a pinned preset as locked and names it', () => {
    const { el } = render({ managed: { preset: 'lai-chau' } });
    expect(el.querySelector('.options__pinned')!.textContent).toContain('Sở Thông tin và Truyền thông tỉnh Lai Châu');
    expect(setting(el, 'preset').querySelector('select')).toBeNull();
    expect(setting(el, 'preset').querySelector('input')!.readOnly).toBe(true);
    expect(setting(el, 'hotlines').dataset.source).toBe('preset');
  });

  it('puts the official warning text on the page only through the sanitiser', () => {
    // DOMPurify itself is checked in a real Chromium (tests/e2e/policy.test.ts): under happy-dom it
    // keeps <img onerror> and drops <b>, so a sanitiser test here would prove nothing.
    const raw = '<b>Không</b> cung cấp mật khẩu <img src=x onerror=alert(1)>';
    const sanitize = vi.fn(() => '<b>Không</b> cung cấp mật khẩu');
    const { el } = render({ managed: { warningTextVi: raw } }, { sanitize });
    expect(sanitize).toHaveBeenCalledWith(raw);
    const preview = setting(el, 'warningTextVi').querySelector('.setting__preview div')!;
    expect(preview.innerHTML).toBe('<b>Không</b> cung cấp mật khẩu');
    expect(setting(el, 'warningTextVi').querySelector('img')).toBeNull();
  });

  it('asks for access to webmail hosts outside *.gov.vn from a button', () => {
    const onRequest = vi.fn();
    const { el } = render({}, { hostAccess: { needed: ['*://mail.example.com.vn/*'], granted: [], onRequest } });
    const button = el.querySelector<HTMLButtonElement>('[data-action="request-hosts"]')!;
    expect(el.querySelector('[data-host-access]')!.textContent).toContain('*://mail.example.com.vn/*');
    act(() => button.click());
    expect(onRequest).toHaveBeenCalledOnce();
  });

  it('speaks English when the policy says so', () => {
    const { el } = render({ managed: { locale: 'en', hotlines: ['0213.3999.123'] } });
    expect(setting(el, 'hotlines').textContent).toContain('set by your administrator');
    expect(el.querySelector('h1')!.textContent).toBe('Khiên Thư — Options');
  });
});
