/**
 * A real Chromium policy file for the extension, the way a province deploys it:
 * /etc/chromium/policies/managed/<name>.json with a `3rdparty.extensions.<id>` section, read by
 * Debian's Chromium at start-up and published to the extension's `storage.managed`.
 *
 * The folder is machine-wide: every Chromium started while a file exists sees it, and Chromium
 * merges every file it finds. So one test at a time may hold a policy file: `installManagedPolicy`
 * takes a machine-wide lock (a folder under the system temp dir, taken over when its owner is
 * dead) and `remove()` gives it back. The file is also removed when the process exits.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_ID } from '../../wxt.config';

export const policyDir = '/etc/chromium/policies/managed';
const lockDir = join(tmpdir(), 'khienthu-managed-policy.lock');

export interface ManagedPolicyFile {
  path: string;
  remove(): void;
}

function ownerAlive(): boolean {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(lockDir);
  } catch {
    if (ownerAlive()) return false;
    rmSync(lockDir, { recursive: true, force: true });
    return false; // try again on the next turn, so two takers cannot both win
  }
  writeFileSync(join(lockDir, 'pid'), String(process.pid));
  return true;
}

/** Writes `settings` as the extension's managed policy, once no other test holds one. */
export function installManagedPolicy(settings: Record<string, unknown>, timeoutMs = 120_000): Promise<ManagedPolicyFile> {
  return installChromiumPolicy({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }, timeoutMs);
}

/** Writes a whole Chromium policy file (any policies, `3rdparty` included), under the same lock. */
export async function installChromiumPolicy(policy: Record<string, unknown>, timeoutMs = 120_000): Promise<ManagedPolicyFile> {
  const deadline = Date.now() + timeoutMs;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`Another test has held ${lockDir} for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const path = join(policyDir, `khienthu-e2e-${randomBytes(6).toString('hex')}.json`);
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    rmSync(path, { force: true });
    rmSync(lockDir, { recursive: true, force: true });
    process.off('exit', remove);
  };
  process.on('exit', remove);
  try {
    mkdirSync(policyDir, { recursive: true });
    writeFileSync(path, JSON.stringify(policy, null, 2));
  } catch (error) {
    remove();
    throw error;
  }
  return { path, remove };
}
