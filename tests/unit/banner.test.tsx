// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner, UncheckedNotice, type BannerProps, type UncheckedNoticeProps } from '../../components/Banner';
import type { Reason } from '../../lib/scoring/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const reason = (id: string, weight: number, message: string): Reason => ({ id, category: 'sender', weight, evidence: [], message });

const props: BannerProps = {
  level: 'danger',
  score: 92,
  reasons: [
    reason('sender.role-outside', 30, 'Người gửi xưng là quản trị: Postmaster <fem@fundacionhomi.org.co>'),
    reason('link.free-hosting', 25, 'Đường dẫn đến trang web tạo miễn phí: upcorss.weebly.com'),
    reason('reply-to.free-mail', 25, 'Trả lời sẽ đến mssmadar44@gmail.com'),
    reason('text.call-to-action', 10, 'Bấm vào đây'),
    reason('context.internal', -20, 'must not be listed'),
  ],
  contact: { organisationName: 'Sở TT&TT tỉnh Sóc Trăng', hotlines: ['0299.3626800'], reportAddresses: ['tvthe@soctrang.gov.vn'] },
  locale: 'vi',
};

let container: HTMLElement;
function render(overrides: Partial<BannerProps> = {}) {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<Banner {...props} {...overrides} />));
  return container;
}
afterEach(() => container.remove());

describe('Banner', () => {
  it('announces a danger in Vietnamese with the strongest reasons first and the rest folded', () => {
    const el = render();
    const section = el.querySelector('section')!;
    expect(section.getAttribute('role')).toBe('alert');
    expect(section.textContent).toContain('Thư này có dấu hiệu giả mạo để lấy cắp mật khẩu');
    const visible = [...el.querySelectorAll('section > ul > li')].map((li) => li.getAttribute('data-reason'));
    expect(visible).toEqual(['sender.role-outside', 'link.free-hosting', 'reply-to.free-mail']);
    expect(el.querySelector('details summary')?.textContent).toBe('Xem thêm 1 dấu hiệu khác');
    expect(el.textContent).not.toContain('must not be listed');
  });

  it('gives the hotline as a phone link and reports through the callback', () => {
    const onReport = vi.fn();
    const el = render({ onReport });
    expect(el.querySelector('a[href="tel:02993626800"]')?.textContent).toBe('0299.3626800');
    const button = el.querySelector<HTMLButtonElement>('[data-khienthu-action="report"]')!;
    expect(button.textContent).toBe('Báo cáo thư này cho tvthe@soctrang.gov.vn');
    act(() => button.click());
    expect(onReport).toHaveBeenCalledOnce();
  });

  it('names the report address when this webmail cannot report in one click', () => {
    const el = render({ onReport: undefined });
    expect(el.querySelector('[data-khienthu-action="report"]')).toBeNull();
    expect(el.textContent).toContain('hãy chuyển tiếp thư này cho tvthe@soctrang.gov.vn');
  });

  it('says to call the hotline when there is no report address', () => {
    const el = render({ contact: { ...props.contact, reportAddresses: [] }, onReport: vi.fn() });
    expect(el.querySelector('[data-khienthu-action="report"]')).toBeNull();
    expect(el.textContent).toContain('hãy gọi đường dây nóng');
  });

  it('is a polite status for caution, in English when asked', () => {
    const el = render({ level: 'caution', locale: 'en' });
    expect(el.querySelector('section')?.getAttribute('role')).toBe('status');
    expect(el.textContent).toContain('This message looks suspicious');
    expect(el.querySelector('details summary')?.textContent).toBe('Show 1 more sign');
  });

  it('renders hostile text from the message as text, never as markup', () => {
    const payload = '<img src=x onerror="alert(1)"><svg><animate onbegin=alert(2) attributeName=x dur=1s>';
    const el = render({ reasons: [reason('sender.role-outside', 30, `Người gửi: ${payload}`)] });
    expect(el.querySelector('img, svg animate, script')).toBeNull();
    expect(el.querySelector('li')?.textContent).toBe(`Người gửi: ${payload}`);
  });
});

describe('Banner options from policy', () => {
  let container: HTMLElement;
  afterEach(() => container.remove());

  it('offers to hide the warning only when policy allows it', () => {
    const onDismiss = vi.fn();
    container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(<Banner {...props} />));
    expect(container.querySelector('[data-khienthu-action="dismiss"]')).toBeNull();
    act(() => root.render(<Banner {...props} onDismiss={onDismiss} />));
    act(() => container.querySelector<HTMLButtonElement>('[data-khienthu-action="dismiss"]')!.click());
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe('UncheckedNotice', () => {
  function renderNotice(notice: UncheckedNoticeProps) {
    container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(<UncheckedNotice {...notice} />));
    return container;
  }

  it('says the message was not checked, with no score, no reasons and nothing to click but the hotline', () => {
    const el = renderNotice({ locale: 'vi', contact: props.contact });
    const section = el.querySelector('section')!;
    expect(section.getAttribute('role')).toBe('status');
    expect(section.className).toContain('banner--unchecked');
    expect(el.querySelector('h2')!.textContent).toBe('Khiên Thư chưa kiểm tra được thư này');
    expect(el.textContent).not.toContain('/100');
    expect(el.querySelectorAll('li, button')).toHaveLength(0);
    expect(el.querySelector('a[href="tel:02993626800"]')).not.toBeNull();
    expect(el.textContent).toContain('Sở TT&TT tỉnh Sóc Trăng');
  });

  it('falls back to the generic help desk when no check on the page named one, in English when asked', () => {
    const el = renderNotice({ locale: 'en' });
    expect(el.querySelector('section')!.getAttribute('lang')).toBe('en');
    expect(el.querySelector('h2')!.textContent).toBe('Khiên Thư could not check this message');
    expect(el.querySelectorAll('a')).toHaveLength(0);
  });
});
