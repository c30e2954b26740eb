/**
 * The one question the background answers for a content script: how dangerous is the message
 * open in this webmail, and whom should the user call. Pure, so it is tested without a browser.
 */
import { getHostname } from 'tldts';
import type { Locale } from './i18n';
import { policyForOrganisation } from './policy/defaults';
import type { Policy } from './policy/types';
import { score } from './scoring';
import type { Verdict } from './scoring/types';
import { fromDomMessage } from './webmail/message';
import type { DomMessage } from './webmail/types';

export interface Contact {
  organisationName: string;
  hotlines: string[];
  reportAddresses: string[];
}

export interface CheckResult {
  verdict: Verdict;
  contact: Contact;
  locale: Locale;
}

export function policyForPage(pageUrl: string): Policy {
  return policyForOrganisation(getHostname(pageUrl) ?? '');
}

export function checkMessage(message: DomMessage, policy: Policy): CheckResult {
  return {
    verdict: score(fromDomMessage(message), policy),
    contact: {
      organisationName: policy.organisationName,
      hotlines: policy.hotlines,
      reportAddresses: policy.reportAddresses,
    },
    locale: policy.locale,
  };
}
