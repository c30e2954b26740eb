import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScanTargets } from '../../scripts/scan-files';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'khienthu-scan-files-'));
  await mkdir(join(dir, 'b/nested'), { recursive: true });
  await mkdir(join(dir, 'a'));
  for (const file of ['z.eml', 'a/2.eml', 'a/10.eml', 'b/nested/deep.EML', 'b/notes.txt', 'b/x.eml.bak', 'B.eml']) {
    await writeFile(join(dir, file), 'From: a@example.org\n\nx');
  }
  // A link back up the tree: following it would never end.
  await symlink(dir, join(dir, 'b/loop'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listScanTargets', () => {
  it('walks directories recursively, keeps only .eml files and sorts by code point', async () => {
    const targets = await listScanTargets([dir]);
    expect(targets).toEqual(
      ['B.eml', 'a/10.eml', 'a/2.eml', 'b/nested/deep.EML', 'z.eml'].map((file) => ({ file: join(dir, file) })),
    );
  });

  it('takes a file named on the command line whatever its extension, in the order given', async () => {
    const targets = await listScanTargets([join(dir, 'z.eml'), join(dir, 'b/notes.txt'), join(dir, 'a')]);
    expect(targets).toEqual([
      { file: join(dir, 'z.eml') },
      { file: join(dir, 'b/notes.txt') },
      { file: join(dir, 'a/10.eml') },
      { file: join(dir, 'a/2.eml') },
    ]);
  });

  it('reports a missing path as an error target and goes on', async () => {
    const missing = join(dir, 'missing.eml');
    const targets = await listScanTargets([missing, join(dir, 'z.eml')]);
    expect(targets).toEqual([{ file: missing, error: 'no such file or directory' }, { file: join(dir, 'z.eml') }]);
  });
});
