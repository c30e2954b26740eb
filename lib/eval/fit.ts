/**
 * Fitting the finding weights, the way SpamAssassin's and Rspamd's scores are made: each finding
 * id is a binary feature; a logistic regression learns how much each one says, pulled towards the
 * hand-set weight of its signal (an L2 prior, so a finding real mail rarely shows keeps the
 * weight its author gave it; a twentieth of that pull for a finding no legitimate message shows,
 * which the lures alone may raise), with every weight ≥ 0 (a lure feature never speaks for a message)
 * and capped (one feature alone never reaches danger, save the few that are proof on their own,
 * which always do).
 * The thresholds then come from a false-alarm budget on legitimate mail, not from the eye.
 *
 * Pure and deterministic: `npm run fit` feeds it the corpora and writes what it returns.
 */

export interface Example {
  /** Finding ids that fired (each once). */
  features: readonly string[];
  /** 1 for unsolicited mail, 0 for legitimate mail. */
  label: 0 | 1;
  /** Relative weight of the example in the loss. */
  weight: number;
}

export interface FitOptions {
  /** Hand-set points of each feature: the prior. */
  prior: Readonly<Record<string, number>>;
  /** Points per logit unit of the prior (60 points ≈ 3 logits by default). */
  priorScale?: number;
  /** Strength of the pull towards the prior. */
  lambda?: number;
  /**
   * Share of that pull for a feature no legitimate example shows: the data holds no evidence
   * against it, so the lures may raise it further (still capped below danger on its own).
   */
  unseenOnHam?: number;
  /**
   * Features that keep the full pull even unseen on legitimate mail: what the corpora's
   * legitimate mail could not show for its age (a 2002 mailbox has no Google Drive links).
   */
  fullPull?: ReadonlySet<string>;
  /** Share of legitimate mail allowed at caution or above, and at danger. */
  budget?: { caution: number; danger: number };
  /** Features that may reach danger on their own (proof of a lure by themselves). */
  uncapped?: ReadonlySet<string>;
  iterations?: number;
}

export interface FitResult {
  /** Points per feature id, integers. */
  points: Record<string, number>;
  thresholds: { caution: number; danger: number };
  /** Points per logit unit the points were made with. */
  scale?: number;
  /** Logit-space weights and intercept, for the record. */
  logit: { intercept: number; weights: Record<string, number> };
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Projected gradient descent with Adam steps on the weighted log-loss plus the prior. */
function logistic(
  examples: readonly Example[],
  ids: readonly string[],
  prior: Float64Array,
  lambda: Float64Array,
  caps: Float64Array,
  iterations: number,
): { intercept: number; w: Float64Array } {
  const index = new Map(ids.map((id, i) => [id, i]));
  const rows = examples.map((e) => Int32Array.from(e.features.map((f) => index.get(f) ?? -1).filter((i) => i >= 0)));
  const total = examples.reduce((s, e) => s + e.weight, 0) || 1;
  const w = Float64Array.from(prior, (p, i) => Math.min(p, caps[i] ?? Infinity));
  let b = 0;
  const m = new Float64Array(ids.length + 1);
  const v = new Float64Array(ids.length + 1);
  const grad = new Float64Array(ids.length + 1);
  const rate = 0.05;
  for (let t = 1; t <= iterations; t++) {
    grad.fill(0);
    for (let n = 0; n < examples.length; n++) {
      const row = rows[n] as Int32Array;
      let z = b;
      for (const i of row) z += w[i] as number;
      const e = examples[n] as Example;
      const g = ((sigmoid(z) - e.label) * e.weight) / total;
      for (const i of row) grad[i] = (grad[i] as number) + g;
      grad[ids.length] = (grad[ids.length] as number) + g;
    }
    for (let i = 0; i < ids.length; i++) grad[i] = (grad[i] as number) + 2 * (lambda[i] as number) * ((w[i] as number) - (prior[i] as number));
    for (let i = 0; i <= ids.length; i++) {
      const g = grad[i] as number;
      m[i] = 0.9 * (m[i] as number) + 0.1 * g;
      v[i] = 0.999 * (v[i] as number) + 0.001 * g * g;
      const step = (rate * ((m[i] as number) / (1 - 0.9 ** t))) / (Math.sqrt((v[i] as number) / (1 - 0.999 ** t)) + 1e-8);
      if (i === ids.length) b -= step;
      else w[i] = Math.min(caps[i] as number, Math.max(0, (w[i] as number) - step));
    }
  }
  return { intercept: b, w };
}

/** The lowest score at or above which at most `budget` of the legitimate examples fall. */
export function thresholdFor(hamScores: readonly number[], budget: number, minimum: number): number {
  const sorted = [...hamScores].sort((a, b) => b - a);
  const allowed = Math.floor(budget * sorted.length);
  const edge = sorted[allowed];
  if (edge === undefined) return minimum;
  return Math.max(minimum, edge + 1);
}

export function scoreOf(features: readonly string[], points: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const f of features) sum += points[f] ?? 0;
  return Math.max(0, Math.min(100, sum));
}

function fitOnce(examples: readonly Example[], options: FitOptions): FitResult {
  const priorScale = options.priorScale ?? 20;
  const lambda = options.lambda ?? 0.003;
  const budget = options.budget ?? { caution: 0.02, danger: 0.003 };
  const iterations = options.iterations ?? 1500;
  const ids = [...new Set([...Object.keys(options.prior), ...examples.flatMap((e) => e.features)])].sort();
  const prior = Float64Array.from(ids, (id) => (options.prior[id] ?? 10) / priorScale);
  const onHam = new Set(examples.filter((e) => e.label === 0).flatMap((e) => e.features));
  const unseenOnHam = options.unseenOnHam ?? 0.05;
  const lambdas = Float64Array.from(ids, (id) => (onHam.has(id) || options.fullPull?.has(id) ? lambda : lambda * unseenOnHam));
  // First pass uncapped beyond a generous bound; the cap needs the danger line, which needs weights.
  let caps = Float64Array.from(ids, () => 50);
  let fit = logistic(examples, ids, prior, lambdas, caps, iterations);
  const linear = (w: Float64Array) => {
    const byId = Object.fromEntries(ids.map((id, i) => [id, w[i] as number]));
    return examples.filter((e) => e.label === 0).map((e) => e.features.reduce((s, f) => s + (byId[f] ?? 0), 0));
  };
  const dangerLine = Math.max(2, thresholdFor(linear(fit.w).map((s) => Math.round(s * 1000)), budget.danger, 1) / 1000);
  caps = Float64Array.from(ids, (id) => (options.uncapped?.has(id) ? 50 : 0.95 * dangerLine));
  fit = logistic(examples, ids, prior, lambdas, caps, iterations);

  // Points: 20 a logit, as the priors were read, so a finding real mail rarely shows keeps its
  // hand-set points exactly; the integer sums on legitimate mail then decide the lines.
  const points: Record<string, number> = {};
  ids.forEach((id, i) => {
    points[id] = Math.round((fit.w[i] as number) * priorScale);
  });
  const hamScores = examples.filter((e) => e.label === 0).map((e) => scoreOf(e.features, points));
  const danger = Math.min(95, thresholdFor(hamScores, budget.danger, 40));
  const caution = Math.min(danger - 5, thresholdFor(hamScores, budget.caution, 15));
  // one soft feature alone stays below danger; a proof alone reaches it
  for (const id of ids) points[id] = options.uncapped?.has(id) ? Math.max(points[id] as number, danger) : Math.min(points[id] as number, danger - 1);
  return {
    points,
    thresholds: { caution, danger },
    logit: { intercept: fit.intercept, weights: Object.fromEntries(ids.map((id, i) => [id, fit.w[i] as number])) },
  };
}

/**
 * Points keep the scale admins know: the fit aims the danger line at 60, so a policy's own
 * `dangerThreshold` means about what it meant (at most five rounds, so it may end a few points
 * off: the shipped lines are in data/weights.json and the README). Fitting with points worth `s` a logit gives a
 * danger line D; the next fit takes `s · 60 / D`. The priors move with the scale, so a finding real
 * mail rarely shows still keeps its hand-set points.
 */
export function fitWeights(examples: readonly Example[], options: FitOptions): FitResult {
  let scale = options.priorScale ?? 20;
  let result = fitOnce(examples, { ...options, priorScale: scale });
  for (let round = 0; round < 5 && Math.abs(result.thresholds.danger - 60) > 2; round++) {
    scale = (scale * 60) / result.thresholds.danger;
    result = fitOnce(examples, { ...options, priorScale: scale });
  }
  return { ...result, scale };
}
