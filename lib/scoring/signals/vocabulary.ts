/** Words that lures use and legitimate mail rarely does (lib/scoring/vocabulary.ts). */
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { lexiconWordsOf, vocabularyLevel, vocabularyScore } from '../vocabulary';
import { shippedLexicon } from '../weights';
import type { Finding } from '../types';

export const vocabularySignalIds = ['vocabulary.lure-words'] as const;

/** The fit's feature for a band (`vocabulary.lure-words.2`); the finding shown is one. */
export function vocabularyFeature(level: number): string {
  return `vocabulary.lure-words.${level}`;
}

export function vocabularySignals(_message: MailMessage, context: ScoringContext): Finding[] {
  const lexicon = shippedLexicon();
  if (!lexicon) return [];
  const match = vocabularyScore(lexiconWordsOf(context.text.bare, lexicon), lexicon);
  const level = vocabularyLevel(match.score);
  if (level === 0) return [];
  // no hand-set weight: the fitted points of the band replace it (weights.ts)
  return [{ id: 'vocabulary.lure-words', feature: vocabularyFeature(level), category: 'vocabulary', weight: 0, evidence: match.words.slice(0, 5) }];
}
