// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkGuard, type LinkGuardProps } from '../../components/LinkGuard';
import { flaggedLinks, score } from '../../lib/scoring';
import { policyForOrganisation } from '../../lib/policy/defaults';
import { emptyMessage } from '../../lib/mail/types';
import { FlaggedLinks, shownSite } from '../../lib/webmail/link-guard';
import { isWebUrl } from '../../entrypoints/webmail.content/link-guard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const lure = {
  ...emptyMessage('raw'),
  from: { name: 'Postmaster', address: 'fem@fundacionhomi.org.co' },
  to: [{ name: '', address: 'canbo@thainguyen.gov.vn' }],
  text: 'Hộp thư của bạn đã vượt quá giới hạn',
  links: [
    { href: 'https://baotri-hethong-mail.000webhostapp.com/login.php', text: 'https://mail.thainguyen.gov.vn/baotri' },
    { href: 'https://upcorss.weebly.com', text: 'Bấm vào đây' },
    { href: 'https://thainguyen.gov.vn/lich', text: 'Lịch công tác' },
    { href: 'mailto:hotro@thainguyen.gov.vn', text: 'hotro@thainguyen.gov.vn' },
  ],
};

function click(target: Element): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('flagged links', () => {
  const flagged = flaggedLinks(lure, policyForOrganisation('mail.thainguyen.gov.vn'));

  it('are the links a link signal fired on, and only those', () => {
    expect(flagged.map((l) => [l.hostname, l.findingIds])).toEqual([
      ['baotri-hethong-mail.000webhostapp.com', expect.arrayContaining(['link.free-host', 'link.organisation-spoof'])],
      ['upcorss.weebly.com', ['link.free-host']],
    ]);
  });

  it('still stop a short link pasted as it is, which the score does not count: neither shows where it ends up', () => {
    const survey = { ...lure, text: 'Khảo sát tại https://bit.ly/khaosat-snv', links: [{ href: 'https://bit.ly/khaosat-snv', text: 'https://bit.ly/khaosat-snv' }] };
    const policy = policyForOrganisation('mail.thainguyen.gov.vn');
    expect(flaggedLinks(survey, policy).map((l) => l.findingIds)).toEqual([['link.shortener']]);
    expect(score(survey, policy).reasons.map((r) => r.id)).not.toContain('link.shortener');
  });

  it('catch a click anywhere inside a flagged link, as the browser resolves its href', () => {
    document.body.innerHTML = `
      <a id="spoof" href="https://baotri-hethong-mail.000webhostapp.com/login.php"><b>https://mail.thainguyen.gov.vn/baotri</b></a>
      <a id="weebly" href="https://upcorss.weebly.com/">Bấm vào đây</a>
      <a id="own" href="https://thainguyen.gov.vn/lich">Lịch công tác</a>`;
    const links = new FlaggedLinks(flagged, document.baseURI);
    expect(links.forClick(click(document.querySelector('#spoof b')!))?.link.hostname).toBe('baotri-hethong-mail.000webhostapp.com');
    expect(links.forClick(click(document.getElementById('weebly')!))?.link.hostname).toBe('upcorss.weebly.com');
    expect(links.forClick(click(document.getElementById('own')!))).toBeUndefined();
    expect(links.forClick(click(document.body))).toBeUndefined();
  });
});

describe('shownSite', () => {
  it.each([
    ['https://mail.thainguyen.gov.vn/baotri', 'https://mail.thainguyen.gov.vn/baotri'],
    ['mail.laichau.gov.vn', 'https://mail.laichau.gov.vn/'],
    ['Bấm vào đây', undefined],
    ['javascript:alert(1)', undefined],
    ['hotro', undefined],
  ])('%s → %s', (text, expected) => {
    expect(shownSite(text)).toBe(expected);
  });
});

describe('LinkGuard', () => {
  let container: HTMLElement;
  afterEach(() => container.remove());

  function render(overrides: Partial<LinkGuardProps> = {}) {
    const props: LinkGuardProps = {
      destination: 'https://baotri-hethong-mail.000webhostapp.com/login.php',
      destinationHost: 'baotri-hethong-mail.000webhostapp.com',
      shownText: 'https://mail.thainguyen.gov.vn/baotri',
      shownSite: 'https://mail.thainguyen.gov.vn/baotri',
      reasons: ['Chữ của liên kết ghi địa chỉ của đơn vị, nhưng liên kết dẫn nơi khác'],
      locale: 'vi',
      onCancel: vi.fn(),
      onProceed: vi.fn(),
      onShownSite: vi.fn(),
      ...overrides,
    };
    container = document.createElement('div');
    document.body.append(container);
    act(() => createRoot(container).render(<LinkGuard {...props} />));
    return props;
  }

  it('shows the real destination and offers the three choices, cancel first and focused', () => {
    const props = render();
    expect(container.querySelector('[role="alertdialog"]')?.textContent).toContain('baotri-hethong-mail.000webhostapp.com/login.php');
    const actions = [...container.querySelectorAll('button')].map((b) => b.getAttribute('data-khienthu-action'));
    expect(actions).toEqual(['cancel', 'shown-site', 'proceed']);
    expect(document.activeElement?.getAttribute('data-khienthu-action')).toBe('cancel');
    act(() => container.querySelector<HTMLButtonElement>('[data-khienthu-action="proceed"]')!.click());
    expect(props.onProceed).toHaveBeenCalledOnce();
    act(() => container.querySelector<HTMLButtonElement>('[data-khienthu-action="shown-site"]')!.click());
    expect(props.onShownSite).toHaveBeenCalledOnce();
  });

  it('cancels on Escape', () => {
    const props = render();
    act(() => {
      container.querySelector('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onCancel).toHaveBeenCalledOnce();
  });

  it('keeps Tab and Shift+Tab inside the dialog', () => {
    render();
    const action = () => document.activeElement?.getAttribute('data-khienthu-action');
    const tab = (shiftKey = false) => {
      const target = document.activeElement ?? container;
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
      act(() => void target.dispatchEvent(event));
      return event.defaultPrevented;
    };
    expect(action()).toBe('cancel');
    // from the first control backwards: round to the last
    expect(tab(true)).toBe(true);
    expect(action()).toBe('proceed');
    // from the last forwards: round to the first
    expect(tab()).toBe(true);
    expect(action()).toBe('cancel');
    // in between, the browser moves focus as usual
    expect(tab()).toBe(false);
  });

  it('offers no shown site when the text names none', () => {
    render({ shownText: 'Bấm vào đây', shownSite: undefined, onShownSite: undefined });
    expect(container.querySelector('[data-khienthu-action="shown-site"]')).toBeNull();
  });

  it('offers no way on to a link that is not a web address', () => {
    render({ destination: 'javascript:alert(1)', destinationHost: 'javascript:alert(1)', onProceed: undefined });
    expect([...container.querySelectorAll('button')].map((b) => b.getAttribute('data-khienthu-action'))).toEqual(['cancel', 'shown-site']);
  });
});

describe('isWebUrl', () => {
  it('lets http(s) through, and nothing else', () => {
    expect(isWebUrl('https://mail.laichau.gov.vn/')).toBe(true);
    expect(isWebUrl('http://x.example/a?b')).toBe(true);
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'blob:https://x/1', 'file:///etc/passwd', 'vbscript:x', '', 'not a url']) {
      expect(isWebUrl(url)).toBe(false);
    }
  });
});
