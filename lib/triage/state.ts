/**
 * The state file: every report already triaged and what was learnt from it, so the next run over
 * the same mailbox counts only what is new and still reports on everything. Written to a temporary
 * file and renamed, so an interrupted run never leaves half a state.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { emptyState, type TriageState } from './types';

export class StateError extends Error {
  override name = 'StateError';
}

function isState(value: unknown): value is TriageState {
  const record = value as Partial<TriageState> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.version === 1 &&
    Array.isArray(record.reports) &&
    Array.isArray(record.originals) &&
    Array.isArray(record.broken)
  );
}

/** The state in `file`; an empty one when the file does not exist yet. */
export async function loadState(file: string): Promise<TriageState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new StateError(`cannot read the state file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateError(`the state file ${file} is not JSON; move it away to start afresh`);
  }
  if (!isState(parsed)) throw new StateError(`the state file ${file} is not a triage state (version 1)`);
  return parsed;
}

export async function saveState(file: string, state: TriageState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, file);
}
