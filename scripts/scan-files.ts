import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** One thing to scan: a file, or a path that could not be listed and is reported as such. */
export type ScanTarget = { file: string } | { file: string; error: string };

/** A file-system error in words an administrator reads, without Node's stack-trace prefix. */
export function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Code-point order, not the locale's: the same tree lists the same way on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, out: ScanTarget[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ file: dir, error: fileErrorMessage(error) });
    return;
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links to directories are not followed, so a link loop cannot hang the scan.
    if (entry.isDirectory()) await walk(path, out);
    else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.eml')) {
      out.push({ file: path });
    }
  }
}

/**
 * The files a `scan` of `paths` reads, in a stable order: a file named on the command line is
 * taken as it is (whatever its extension), a directory contributes its `.eml` files at any
 * depth, sorted. A path that does not exist becomes an error target, so the scan goes on.
 */
export async function listScanTargets(paths: readonly string[]): Promise<ScanTarget[]> {
  const targets: ScanTarget[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      targets.push({ file: path, error: fileErrorMessage(error) });
      continue;
    }
    if (isDirectory) await walk(path, targets);
    else targets.push({ file: path });
  }
  return targets;
}
