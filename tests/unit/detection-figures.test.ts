/**
 * The detection figures of the README as floors: the shared development corpus of real mail
 * (../shared/corpus, beside the checkout in CI; never copied into the repository) and the
 * repository's own corpora, scored by the same code as `npm run eval`. Each floor sits a little
 * below what was measured, so that a change that makes detection worse on real mail fails here.
 * Raise them when detection gets better; never lower one without saying why in the commit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countLevels, parseLabels, rates, scoreFolder, type Scored } from '../../lib/eval/evaluate';

const repo = join(import.meta.dirname, '..', '..');
const shared = join(repo, '..', 'shared', 'corpus');
const haveShared = existsSync(join(shared, 'phish')) && existsSync(join(shared, 'ham'));

function figures(items: readonly Scored[]) {
  const counts = countLevels(items);
  return { files: counts.files, ...rates(counts) };
}

describe.skipIf(!haveShared)('on the shared corpus of real mail (../shared/corpus)', () => {
  let lures: Scored[] = [];
  let ham: Scored[] = [];

  beforeAll(async () => {
    const labels = parseLabels(readFileSync(join(repo, 'tests', 'corpus', 'phish-labels.csv'), 'utf8'));
    lures = await scoreFolder({ folder: join(shared, 'phish'), label: 'phish', kind: 'lure' }, { labels });
    ham = await scoreFolder({ folder: join(shared, 'ham'), label: 'ham', kind: 'ham' });
  }, 180_000);

  it('reads all of it', () => {
    expect(lures.length).toBeGreaterThanOrEqual(1100);
    expect(ham.length).toBeGreaterThanOrEqual(1300);
    expect(lures.filter((i) => i.error).length + ham.filter((i) => i.error).length).toBeLessThanOrEqual(2);
  });

  // measured 1.8% caution+ and 0.3% danger (24 and 4 of 1,325; cross-validated 2.3% / 0.4%); the
  // issue's ceilings are 3% and 0.5%: a ceiling a few messages over what is measured
  it('leaves legitimate mail alone: caution+ ≤ 2.5%, danger ≤ 0.4%', () => {
    const { flagged, danger } = figures(ham);
    expect(flagged).toBeLessThanOrEqual(0.025);
    expect(danger).toBeLessThanOrEqual(0.004);
  });

  // measured 96.1% / 92.4% (357; cross-validated 96.1% / 91.0%); the issue asks 95% / 80%: a floor
  // a message or two under what is measured
  it('flags credential lures: caution+ ≥ 95.5%, danger ≥ 90%', () => {
    const { files, flagged, danger } = figures(lures.filter((i) => i.klass === 'credential'));
    expect(files).toBeGreaterThanOrEqual(300);
    expect(flagged).toBeGreaterThanOrEqual(0.955);
    expect(danger).toBeGreaterThanOrEqual(0.9);
  });

  // measured 89.5% / 76.2% (399)
  it('flags scams: caution+ ≥ 88%, danger ≥ 74%', () => {
    const { flagged, danger } = figures(lures.filter((i) => i.klass === 'scam'));
    expect(flagged).toBeGreaterThanOrEqual(0.88);
    expect(danger).toBeGreaterThanOrEqual(0.74);
  });

  // measured 83.6% / 73.3% (1,170); the issue asks 70%
  it('flags unsolicited mail as a whole: caution+ ≥ 82%, danger ≥ 71%', () => {
    const { flagged, danger } = figures(lures);
    expect(flagged).toBeGreaterThanOrEqual(0.82);
    expect(danger).toBeGreaterThanOrEqual(0.71);
  });
});

describe('on the real Vietnamese corpus (tests/corpus/vi-real)', () => {
  const folder = (kind: 'lure' | 'ham') => join(repo, 'tests', 'corpus', 'vi-real', kind);

  // measured none flagged of 110; the ceilings are 5% caution+ and no danger
  it('leaves real Vietnamese notices and warnings alone: caution+ ≤ 5%, no danger', async () => {
    const { files, flagged, danger } = figures(await scoreFolder({ folder: folder('ham'), label: 'vi-ham', kind: 'ham' }));
    expect(files).toBeGreaterThanOrEqual(100);
    expect(flagged).toBeLessThanOrEqual(0.05);
    expect(danger).toBe(0);
  });

  // measured 48.6% / 35.1% (18 and 13 of 37); the issue asks 90%: 15 of the 19 missed are quoted as
  // a subject or a title alone, see tests/corpus/vi-real/README.md
  it('flags real Vietnamese lures: caution+ ≥ 45.5%, danger ≥ 32%', async () => {
    const { files, flagged, danger } = figures(await scoreFolder({ folder: folder('lure'), label: 'vi-lure', kind: 'lure' }));
    expect(files).toBeGreaterThanOrEqual(37);
    expect(flagged).toBeGreaterThanOrEqual(0.455);
    expect(danger).toBeGreaterThanOrEqual(0.32);
  });
});

describe("on the repository's own corpus (tests/corpus)", () => {
  it('gives every lure danger and every legitimate message, warning letters included, safe', async () => {
    const lures = await scoreFolder({ folder: join(repo, 'tests', 'corpus', 'lures'), label: 'lures', kind: 'lure' });
    const benign = await scoreFolder({ folder: join(repo, 'tests', 'corpus', 'benign'), label: 'benign', kind: 'ham' });
    expect(lures.length).toBeGreaterThanOrEqual(12);
    expect(lures.filter((i) => i.verdict.level !== 'danger').map((i) => i.file)).toEqual([]);
    expect(benign.length).toBeGreaterThanOrEqual(7);
    expect(benign.filter((i) => i.verdict.level !== 'safe').map((i) => i.file)).toEqual([]);
  });
});

if (!haveShared) {
  // say it where CI's log shows it, not only as a skipped count
  console.warn(`detection-figures: ${shared} is missing, so the figures on real mail were not checked`);
}
