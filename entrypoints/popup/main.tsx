import '@/components/banner.css';
import '@/components/popup.css';
import { createRoot } from 'react-dom/client';
import { Popup, type PopupState } from '@/components/Popup';
import type { OpenMessageStatus, ReportRequest, StatusRequest } from '@/lib/messaging';
import { resolvePolicy } from '@/lib/policy/resolve';
import { readPolicyLayers } from '@/lib/policy/store';
import type { ReportRequest as ReportServiceRequest } from '@/lib/report/messages';

const root = createRoot(document.getElementById('root')!);

/**
 * Asks the active tab's frames; only the frame showing a checked message answers. No answer at all
 * (not a webmail, nothing open, the extension cannot run there) rejects: that is "no message".
 */
async function ask<T>(tabId: number, request: StatusRequest | ReportRequest): Promise<T | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, request)) as T | undefined;
  } catch {
    return undefined;
  }
}

async function show(): Promise<void> {
  const { managed, user } = await readPolicyLayers();
  const { policy } = resolvePolicy({ managed, user });
  const contact = { organisationName: policy.organisationName, hotlines: policy.hotlines, reportAddresses: policy.reportAddresses };
  const reportedCount = await browser.runtime
    .sendMessage({ type: 'khienthu:report-count' } satisfies ReportServiceRequest)
    .then((count) => (typeof count === 'number' ? count : 0), () => 0);
  const render = (state: PopupState, tabId?: number) =>
    root.render(
      <Popup
        state={state}
        locale={policy.locale}
        contact={contact}
        reportedCount={reportedCount}
        onReport={tabId === undefined ? undefined : async () => (await ask<boolean>(tabId, { type: 'khienthu:report' })) === true}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />,
    );
  render({ kind: 'loading' });
  // the active tab's id needs no `tabs` permission; its URL would, and is not needed
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const status = tab?.id === undefined ? undefined : await ask<OpenMessageStatus>(tab.id, { type: 'khienthu:status' });
  render(status ? { kind: 'message', status } : { kind: 'none' }, tab?.id);
}

void show();
