// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/Popup';
import type { OpenMessageStatus } from '../../lib/messaging';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const contact = { organisationName: 'Sở TT&TT tỉnh Sóc Trăng', hotlines: ['0299.3626800'], reportAddresses: ['tvthe@soctrang.gov.vn'] };
const status: OpenMessageStatus = {
  subject: 'Đã vượt quá hạn ngạch',
  level: 'danger',
  score: 92,
  reasons: [
    { id: 'sender.role-outside', category: 'sender', weight: 30, evidence: [], message: 'Người gửi xưng là quản trị' },
    { id: 'reply-to.free-mail', category: 'replyTo', weight: 25, evidence: [], message: 'Trả lời sẽ đến mssmadar44@gmail.com' },
    { id: 'context.internal', category: 'context', weight: -20, evidence: [], message: 'không được liệt kê' },
  ] as OpenMessageStatus['reasons'],
  contact,
  locale: 'vi',
  canReport: true,
};

let container: HTMLElement;
function render(props: Partial<PopupProps>) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => createRoot(container).render(<Popup state={{ kind: 'none' }} locale="vi" contact={{ ...contact, organisationName: '' }} {...props} />));
  return container;
}
afterEach(() => container.remove());

describe('Popup', () => {
  it('shows the verdict, the subject, the warning reasons and the hotline as a phone link', () => {
    const el = render({ state: { kind: 'message', status } });
    expect(el.querySelector('[data-level]')!.getAttribute('data-level')).toBe('danger');
    expect(el.textContent).toContain('Thư có dấu hiệu giả mạo để lấy cắp mật khẩu');
    expect(el.textContent).toContain('Tiêu đề: Đã vượt quá hạn ngạch');
    expect([...el.querySelectorAll('[data-reason]')].map((li) => li.getAttribute('data-reason'))).toEqual(['sender.role-outside', 'reply-to.free-mail']);
    expect(el.querySelector('a[href="tel:02993626800"]')!.textContent).toBe('0299.3626800');
  });

  it('reports through the tab and says whether it could', async () => {
    const onReport = vi.fn(async () => true);
    const el = render({ state: { kind: 'message', status }, onReport });
    const button = el.querySelector<HTMLButtonElement>('[data-khienthu-action="report"]')!;
    await act(async () => button.click());
    expect(onReport).toHaveBeenCalledOnce();
    expect(el.querySelector('[role="status"]')!.textContent).toBe('Đã mở báo cáo trong hộp thư.');
    expect(button.disabled).toBe(true);
  });

  it('says so when the tab could not report', async () => {
    const el = render({ state: { kind: 'message', status }, onReport: async () => false });
    await act(async () => el.querySelector<HTMLButtonElement>('[data-khienthu-action="report"]')!.click());
    expect(el.querySelector('[role="status"]')!.textContent).toContain('Không báo cáo được từ đây');
  });

  it('says no message is open, and still gives the hotline of the policy', () => {
    const el = render({ state: { kind: 'none' }, onReport: vi.fn() });
    expect(el.textContent).toContain('Chưa mở thư nào');
    expect(el.querySelector('[data-khienthu-action="report"]')).toBeNull();
    expect(el.querySelector('a[href="tel:02993626800"]')).not.toBeNull();
  });

  it('speaks the language of the message status', () => {
    const el = render({ state: { kind: 'message', status: { ...status, level: 'safe', reasons: [], locale: 'en' } } });
    expect(el.textContent).toContain('No sign of phishing');
  });
});
