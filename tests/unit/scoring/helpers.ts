import { emptyMessage, type MailMessage } from '../../../lib/mail/types';
import { policyForOrganisation } from '../../../lib/policy/defaults';
import { buildContext, sanitizeMessage, sanitizePolicy, type ScoringContext } from '../../../lib/scoring/context';
import type { Finding, ScoringPolicy } from '../../../lib/scoring/types';

export function message(fields: Partial<MailMessage>): MailMessage {
  return { ...emptyMessage('raw'), ...fields };
}

export function policy(domain = 'laocai.gov.vn', overrides: Partial<ScoringPolicy> = {}): ScoringPolicy {
  return { ...policyForOrganisation(domain), ...overrides };
}

export function contextFor(msg: MailMessage, pol: ScoringPolicy = policy()): ScoringContext {
  return buildContext(sanitizeMessage(msg), sanitizePolicy(pol));
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id).sort();
}
