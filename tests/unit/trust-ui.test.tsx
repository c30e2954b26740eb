// @vitest-environment happy-dom
/** "I know this sender" in the views: the banner's button, the note once trusted, the popup, the options page's list. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner, type BannerProps } from '../../components/Banner';
import { Popup } from '../../components/Popup';
import { OptionsPage } from '../../components/options/OptionsPage';
import { TrustedSenders, type TrustedSendersProps } from '../../components/options/TrustedSenders';
import type { OpenMessageStatus } from '../../lib/messaging';
import { resolvePolicy } from '../../lib/policy/resolve';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const contact = { organisationName: 'Sở TT&TT tỉnh Sóc Trăng', hotlines: ['0299.3626800'], reportAddresses: ['tvthe@soctrang.gov.vn'] };
const address = 'hotro.saomai@gmail.com';
const banner: BannerProps = {
  level: 'caution',
  score: 40,
  reasons: [
    { id: 'sender.role-claim', category: 'sender', weight: 25, evidence: [address], message: 'Người gửi xưng là bộ phận hỗ trợ' },
    { id: 'sender.free-mail', category: 'sender', weight: 15, evidence: [address], message: 'Thư gửi từ hộp thư miễn phí' },
  ],
  contact,
  locale: 'vi',
  onDismiss: () => undefined,
};

let container: HTMLElement;
function render(node: React.ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => createRoot(container).render(node));
  return container;
}
afterEach(() => container.remove());

const trustButton = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('[data-khienthu-action="trust"]');

describe('the banner\'s "I know this sender"', () => {
  it('is absent unless offered', () => {
    expect(trustButton(render(<Banner {...banner} />))).toBeNull();
  });

  it('names the exact address, in Vietnamese, says what it does, and sits before "hide"', () => {
    const el = render(<Banner {...banner} trust={{ address, onTrust: vi.fn(async () => true) }} />);
    const button = trustButton(el)!;
    expect(button.textContent).toBe(`Tôi biết người gửi này (${address})`);
    const hint = el.querySelector(`#${button.getAttribute('aria-describedby')}`)!;
    expect(hint.textContent).toContain('chỉ đúng địa chỉ này');
    expect(hint.textContent).toContain('vẫn được kiểm tra');
    const actions = [...el.querySelectorAll('button')].map((b) => b.getAttribute('data-khienthu-action'));
    expect(actions.indexOf('trust')).toBe(actions.indexOf('dismiss') - 1);
  });

  it('asks once, stays focusable while it works, and says so when it could not', async () => {
    let settle: (done: boolean) => void = () => undefined;
    const onTrust = vi.fn(() => new Promise<boolean>((resolve) => (settle = resolve)));
    const el = render(<Banner {...banner} locale="en" trust={{ address, onTrust }} />);
    const button = trustButton(el)!;
    expect(button.textContent).toBe(`I know this sender (${address})`);
    act(() => button.click());
    act(() => button.click());
    expect(onTrust).toHaveBeenCalledOnce();
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await act(async () => settle(false));
    expect(el.querySelector('[role="status"].banner__trust-status')!.textContent).toContain('Could not mark this sender');
    expect(button.hasAttribute('aria-disabled')).toBe(false);
  });

  it('says, once trusted, what was set aside and what is still checked', () => {
    const el = render(<Banner {...banner} reasons={[]} trustedSender={address} />);
    const note = el.querySelector('[data-khienthu-trusted]')!;
    expect(note.textContent).toContain(`Bạn đã đánh dấu tin cậy ${address}`);
    expect(note.textContent).toContain('nội dung, đường dẫn và tệp đính kèm vẫn được kiểm tra');
    expect(trustButton(el)).toBeNull();
  });
});

describe('the popup', () => {
  const status: OpenMessageStatus = { subject: 'Lịch bảo trì', level: 'safe', score: 0, reasons: [], contact, locale: 'vi', canReport: true };

  it('says when the open message\'s sender is one the user trusts', () => {
    const el = render(<Popup state={{ kind: 'message', status: { ...status, sender: { address, trusted: true } } }} locale="vi" contact={contact} />);
    expect(el.querySelector('[data-khienthu-trusted]')!.textContent).toContain(address);
  });

  it('says nothing of trust otherwise', () => {
    const el = render(<Popup state={{ kind: 'message', status: { ...status, sender: { address, trusted: false } } }} locale="vi" contact={contact} />);
    expect(el.querySelector('[data-khienthu-trusted]')).toBeNull();
  });
});

describe('the options page\'s trusted senders', () => {
  const props = (overrides: Partial<TrustedSendersProps> = {}): TrustedSendersProps => ({
    locale: 'vi',
    trusted: { 'mail.soctrang.gov.vn': [address, 'an.nguyen@yahoo.com'], 'mail.laichau.gov.vn': ['b@laocai.gov.vn'] },
    allowed: true,
    onRemove: vi.fn(async () => undefined),
    ...overrides,
  });

  it('lists every address by webmail, each with a labelled remove button', () => {
    const el = render(<TrustedSenders {...props()} />);
    expect([...el.querySelectorAll('[data-host]')].map((h) => h.getAttribute('data-host'))).toEqual(['mail.laichau.gov.vn', 'mail.soctrang.gov.vn']);
    const button = el.querySelector(`[data-address="${address}"] button`)!;
    expect(button.textContent).toBe('Bỏ tin cậy');
    expect(button.getAttribute('aria-label')).toBe(`Bỏ tin cậy ${address}`);
  });

  it('removes exactly the one address on its host, and says it did', async () => {
    const p = props();
    const el = render(<TrustedSenders {...p} />);
    await act(async () => el.querySelector<HTMLButtonElement>(`[data-address="${address}"] button`)!.click());
    expect(p.onRemove).toHaveBeenCalledExactlyOnceWith('mail.soctrang.gov.vn', address);
    expect(el.querySelector('[role="status"]')!.textContent).toBe(`Đã bỏ tin cậy ${address}.`);
  });

  it('says when the list is empty, and when the administrator turned trust off', () => {
    const el = render(<TrustedSenders {...props({ trusted: {}, allowed: false })} />);
    expect(el.textContent).toContain('Bạn chưa tin cậy người gửi nào.');
    expect(el.querySelector('.options__trusted-disabled')!.textContent).toContain('Quản trị viên không cho phép');
  });

  it('is on the options page, following the policy\'s allowTrustSender', () => {
    const el = render(
      <OptionsPage
        resolved={resolvePolicy({ managed: { allowTrustSender: false } })}
        userOptions={{}}
        onSave={vi.fn(async () => undefined)}
        hostAccess={{ needed: [], granted: [], onRequest: vi.fn() }}
        trustedSenders={{ trusted: { 'mail.soctrang.gov.vn': [address] }, onRemove: vi.fn(async () => undefined) }}
      />,
    );
    expect(el.querySelector(`[data-trusted-senders] [data-address="${address}"]`)).not.toBeNull();
    expect(el.querySelector('.options__trusted-disabled')).not.toBeNull();
  });
});
