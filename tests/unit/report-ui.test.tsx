// @vitest-environment happy-dom
/** The report's confirmation, its notices, and the banner's and popup's "reported" state. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from '../../components/Banner';
import { Popup } from '../../components/Popup';
import { ReportDialog } from '../../components/ReportDialog';
import { ReportNotice } from '../../components/ReportNotice';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
function render(node: React.ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(node));
  return container;
}
afterEach(() => container.remove());

const contact = { organisationName: 'Sở TT&TT tỉnh Lai Châu', hotlines: ['02133.798.788'], reportAddresses: ['hotro@laichau.gov.vn'] };

describe('ReportDialog', () => {
  it('says what goes where, takes a comment, and confirms with it', () => {
    const onConfirm = vi.fn();
    const el = render(
      <ReportDialog locale="vi" address="hotro@laichau.gov.vn" route="compose" original="junk" onConfirm={onConfirm} onCancel={() => {}} />,
    );
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('hotro@laichau.gov.vn');
    expect(dialog.textContent).toContain('bấm Gửi');
    expect(dialog.textContent).toContain('Thư rác');
    const comment = el.querySelector('textarea')!;
    expect(el.querySelector(`label[for="${comment.id}"]`)).not.toBeNull();
    act(() => {
      comment.value = 'Đã nhận hai lần';
      comment.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => el.querySelector<HTMLButtonElement>('[data-khienthu-action="report-confirm"]')!.click());
    expect(onConfirm).toHaveBeenCalledWith('Đã nhận hai lần');
  });

  it('cancels on Escape and on its button, and names a direct send', () => {
    const onCancel = vi.fn();
    const el = render(<ReportDialog locale="en" address="hotro@laichau.gov.vn" route="direct" original="keep" onConfirm={() => {}} onCancel={onCancel} />);
    expect(el.textContent).toContain('sent as soon as you press');
    expect(el.textContent).not.toContain('Junk');
    act(() => el.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    act(() => el.querySelector<HTMLButtonElement>('[data-khienthu-action="report-cancel"]')!.click());
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});

describe('ReportNotice', () => {
  it('thanks, says what became of the original, and what to do after a click, with the hotline', () => {
    const el = render(<ReportNotice kind="thanks" locale="vi" address="hotro@laichau.gov.vn" hotlines={['02133.798.788']} original="junk" onClose={() => {}} />);
    const notice = el.querySelector('[data-khienthu-notice="thanks"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('Thư gốc đã được chuyển vào thư mục Thư rác');
    expect(notice.textContent).toContain('đổi mật khẩu ngay');
    expect(el.querySelector('a[href="tel:02133798788"]')).not.toBeNull();
  });

  it('offers the downloaded .eml and the mailto: again when the webmail route failed', () => {
    const el = render(
      <ReportNotice
        kind="fallback"
        locale="vi"
        address="hotro@laichau.gov.vn"
        hotlines={[]}
        error="HTTP 500"
        download={{ url: 'blob:x', filename: 'Hộp thư đầy.eml' }}
        mailto="mailto:hotro%40laichau.gov.vn?subject=x"
        onClose={() => {}}
      />,
    );
    expect(el.textContent).toContain('HTTP 500');
    expect(el.querySelector('a[download="Hộp thư đầy.eml"]')?.getAttribute('href')).toBe('blob:x');
    expect(el.querySelector('[data-khienthu-action="mailto"]')?.getAttribute('href')).toMatch(/^mailto:/);
  });
});

describe('reported state', () => {
  it('the banner says "already reported" once the report went, and when it had gone before', async () => {
    let finish: (done: boolean) => void = () => {};
    const onReport = vi.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    const el = render(<Banner level="danger" score={90} reasons={[]} contact={contact} locale="vi" onReport={onReport} />);
    expect(el.querySelector('[data-khienthu-reported]')).toBeNull();
    act(() => el.querySelector<HTMLButtonElement>('[data-khienthu-action="report"]')!.click());
    await act(async () => finish(true));
    expect(el.querySelector('[data-khienthu-reported]')?.textContent).toBe('Đã báo cáo thư này');
    container.remove();
    const before = render(<Banner level="caution" score={40} reasons={[]} contact={contact} locale="vi" onReport={onReport} reported />);
    expect(before.querySelector('[data-khienthu-reported]')).not.toBeNull();
  });

  it('the popup counts the reports and says when the open message was reported', () => {
    const status = { subject: 'x', level: 'danger' as const, score: 90, reasons: [], contact, locale: 'vi' as const, canReport: true, reported: true };
    const el = render(<Popup state={{ kind: 'message', status }} locale="vi" contact={contact} reportedCount={3} onReport={async () => true} />);
    expect(el.querySelector('[data-khienthu-reported-count="3"]')?.textContent).toBe('Bạn đã báo cáo 3 thư nghi giả mạo.');
    expect(el.textContent).toContain('Thư này đã được báo cáo.');
  });
});
