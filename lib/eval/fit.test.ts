import { describe, expect, it } from 'vitest';
import { fitWeights, scoreOf, thresholdFor, type Example } from './fit';

/** A small world: `lure-word` is mostly in lures, `common` in half of each, `proof` only in lures. */
function examples(): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 400; i++) {
    const features = i % 2 === 0 ? ['common'] : [];
    if (i % 10 < 7) features.push('lure-word');
    if (i % 10 === 0) features.push('proof');
    if (i % 4 === 0) features.push('link');
    out.push({ features, label: 1, weight: 1 });
  }
  for (let i = 0; i < 800; i++) {
    const features = i % 2 === 0 ? ['common'] : [];
    if (i % 50 === 0) features.push('lure-word');
    if (i % 100 === 0) features.push('link');
    out.push({ features, label: 0, weight: 1 });
  }
  return out;
}

describe('fitWeights', () => {
  const prior = { 'lure-word': 10, common: 10, proof: 60, link: 10 };
  const result = fitWeights(examples(), { prior, uncapped: new Set(['proof']), iterations: 600 });

  it('weighs a feature by how much it tells lures from legitimate mail, never below zero', () => {
    const { points } = result;
    expect(points['lure-word']).toBeGreaterThan(points['common'] ?? 0);
    expect(points['link']).toBeGreaterThan(points['common'] ?? 0);
    for (const value of Object.values(points)) expect(value).toBeGreaterThanOrEqual(0);
  });

  it('keeps every capped feature below danger on its own, and lets a proof reach it', () => {
    const { points, thresholds } = result;
    expect(thresholds.caution).toBeLessThan(thresholds.danger);
    for (const id of ['lure-word', 'common', 'link']) expect(points[id]).toBeLessThan(thresholds.danger);
    expect(points['proof']).toBeGreaterThanOrEqual(thresholds.danger);
  });

  it('chooses thresholds within the false-alarm budget on the legitimate examples', () => {
    const ham = examples().filter((e) => e.label === 0).map((e) => scoreOf(e.features, result.points));
    expect(ham.filter((s) => s >= result.thresholds.caution).length / ham.length).toBeLessThanOrEqual(0.02);
    expect(ham.filter((s) => s >= result.thresholds.danger).length / ham.length).toBeLessThanOrEqual(0.003);
  });

  it('lets the lures raise a feature no legitimate example shows further than one that ham shows too', () => {
    const world = examples().map((e, i) => (e.label === 1 && i % 20 === 1 ? { ...e, features: [...e.features, 'only-lures'] } : e));
    const loose = fitWeights(world, { prior: { ...prior, 'only-lures': 10 }, uncapped: new Set(['proof']), iterations: 600 });
    const tight = fitWeights(world, { prior: { ...prior, 'only-lures': 10 }, uncapped: new Set(['proof']), iterations: 600, unseenOnHam: 1 });
    expect(loose.points['only-lures']).toBeGreaterThan(tight.points['only-lures'] ?? 0);
    expect(loose.points['only-lures']).toBeLessThan(loose.thresholds.danger);
  });

  it('is deterministic', () => {
    expect(fitWeights(examples(), { prior, uncapped: new Set(['proof']), iterations: 600 })).toEqual(result);
  });
});

describe('thresholdFor', () => {
  it('is one above the highest score past the budget, and never below the minimum', () => {
    const scores = [0, 0, 10, 20, 30, 40, 50, 60, 70, 80];
    expect(thresholdFor(scores, 0.1, 0)).toBe(71); // one of ten (80) may be flagged
    expect(thresholdFor(scores, 0, 0)).toBe(81);
    expect(thresholdFor(scores, 0.1, 90)).toBe(90);
    expect(thresholdFor([], 0.1, 15)).toBe(15);
  });
});

describe('scoreOf', () => {
  it('adds the points of the features, within 0–100', () => {
    expect(scoreOf(['a', 'b', 'unknown'], { a: 30, b: 20 })).toBe(50);
    expect(scoreOf(['a', 'b', 'c'], { a: 60, b: 50, c: 40 })).toBe(100);
  });
});
