/**
 * A one-line progress bar for long runs, on stderr so that `--json` on stdout stays clean. It is
 * drawn only on a terminal and only when the run is long enough to need one; redrawing is limited
 * to a few times a second, so it costs nothing next to parsing mail.
 */

export interface ProgressFrame {
  done: number;
  total: number;
  /** Milliseconds since the start, for the rate and the time left. */
  elapsedMs: number;
  /** Columns available. */
  columns?: number;
}

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}

/** `[███████░░░░░░░░] 120/400  30%  ~14s`, fitted to `columns`. */
export function renderProgress({ done, total, elapsedMs, columns = 80 }: ProgressFrame): string {
  const safeTotal = Math.max(total, 1);
  const ratio = Math.min(1, Math.max(0, done / safeTotal));
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const counts = `${done}/${total}`;
  const remaining = done > 0 && done < total ? `  ~${duration((elapsedMs / done) * (total - done))}` : '';
  const tail = ` ${counts} ${percent}${remaining}`;
  const width = Math.max(10, Math.min(40, columns - tail.length - 3));
  const filled = Math.round(ratio * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${tail}`;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

/** Runs with fewer messages than this finish before a bar would help. */
export const progressMinimum = 50;

export function progressBar(stream: ProgressStream, total: number, options: { enabled?: boolean; now?: () => number } = {}): ProgressBar {
  const now = options.now ?? (() => Date.now());
  const enabled = (options.enabled ?? true) && stream.isTTY === true && total > progressMinimum;
  if (!enabled) return { update: () => {}, finish: () => {} };
  const start = now();
  let lastDraw = -Infinity;
  let last = 0;
  const draw = (done: number) => {
    stream.write(`\r${renderProgress({ done, total, elapsedMs: now() - start, columns: stream.columns ?? 80 })}\u001b[K`);
    lastDraw = now();
  };
  return {
    update(done) {
      last = done;
      if (now() - lastDraw >= 100 || done >= total) draw(done);
    },
    finish() {
      draw(last);
      stream.write('\n');
    },
  };
}
