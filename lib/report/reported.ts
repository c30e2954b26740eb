/**
 * Which messages this browser has reported, per webmail account, kept locally (the background's
 * IndexedDB, see reported-store.ts; never sent anywhere): the same message is never reported twice, and the popup can say how many
 * were. A message is known by its Message-ID when the raw message gave one, else by the client's
 * own folder and id.
 */

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const reportedKey = 'reportedMessages';
/** Per account; the oldest are forgotten first. A year of reports from a busy mailbox fits. */
export const maxReportedPerAccount = 5000;

type Reported = Record<string, string[]>;

function isReported(value: unknown): value is Reported {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'))
  );
}

/** `<abc@x>` and `abc@x`, in any case of the domain, are the same message. */
export function messageKey(messageId: string | undefined, folder: string | undefined, clientId: string): string {
  const id = messageId?.trim().replace(/^<|>$/g, '');
  if (id) {
    const at = id.lastIndexOf('@');
    return `mid:${at < 0 ? id : `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}`}`;
  }
  return `uid:${folder ?? ''}/${clientId}`;
}

export class ReportedMessages {
  /** One write at a time, so two reports in quick succession cannot lose each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea) {}

  private async read(): Promise<Reported> {
    const stored = (await this.area.get(reportedKey))[reportedKey];
    return isReported(stored) ? stored : {};
  }

  async has(account: string, key: string): Promise<boolean> {
    await this.queue;
    return (await this.read())[account]?.includes(key) ?? false;
  }

  /** Remembers `key`; resolves false when it was already there. */
  add(account: string, key: string): Promise<boolean> {
    const next = this.queue.then(async () => {
      const all = await this.read();
      const ids = all[account] ?? [];
      if (ids.includes(key)) return false;
      all[account] = [...ids, key].slice(-maxReportedPerAccount);
      await this.area.set({ [reportedKey]: all });
      return true;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async count(): Promise<number> {
    await this.queue;
    return Object.values(await this.read()).reduce((sum, ids) => sum + ids.length, 0);
  }
}
