/**
 * The points each finding adds. Every signal states a hand-set weight where it is written (the
 * prior); `data/weights.json`, written by `npm run fit` from labelled real mail, replaces it by
 * the fitted one. So the weights stay data beside the rules, a finding without a fitted weight
 * keeps its hand-set one, and a verdict still reads as a sum of named reasons.
 */
import fitted from './data/weights.json';
import type { Finding } from './types';

export interface FittedWeights {
  /** How the weights were made: the corpora, the method, cross-validated figures. */
  about: string;
  thresholds: { caution: number; danger: number };
  weights: Record<string, number>;
  /** Lure words and their log-odds (lib/scoring/vocabulary.ts); absent before the first fit. */
  lexicon?: Record<string, number>;
}

const table: Readonly<Record<string, number>> = (fitted as FittedWeights).weights;

/** The fitted points of a finding id, else the weight its signal gave. */
export function shippedWeight(id: string, fallback: number): number {
  const value = table[id];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Mitigations (negative, `context.*`) are computed from the other findings, never fitted. */
export function withShippedWeight(finding: Finding): Finding {
  if (finding.weight < 0) return finding;
  const weight = shippedWeight(finding.feature ?? finding.id, finding.weight);
  return weight === finding.weight ? finding : { ...finding, weight };
}

/** The thresholds the fit chose for its false-alarm budget: the defaults of every policy. */
export const fittedThresholds: Readonly<{ caution: number; danger: number }> = (fitted as FittedWeights).thresholds;

export function shippedLexicon(): Readonly<Record<string, number>> | undefined {
  return (fitted as FittedWeights).lexicon;
}
