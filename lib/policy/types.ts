import type { ScoringPolicy } from '../scoring/types';
import type { originalActions, reportModes } from './settings';

export type ReportMode = (typeof reportModes)[number];
export type OriginalAction = (typeof originalActions)[number];

/**
 * Every setting of Khiên Thư, shaped for the code that uses it. `./settings.ts` holds the same
 * settings as flat, documented keys (what admins write in managed storage); `./resolve.ts` turns
 * the layers of those into this.
 */
export interface Policy extends ScoringPolicy {
  /** The organisation as users know it, e.g. "Sở Thông tin và Truyền thông tỉnh Lai Châu". */
  organisationName: string;
  /** Help-desk phone numbers as printed in the province's letters. */
  hotlines: string[];
  /** Where users report suspicious mail. */
  reportAddresses: string[];
  /** The organisation's webmail hosts (`mail.laichau.gov.vn`, or `*.example.vn`). */
  webmailHosts: string[];
  /** The organisation's own words above the reasons; limited HTML, sanitised where it is shown. */
  warningText: { vi: string; en: string };
  /** Whether a user may close a warning. */
  allowDismiss: boolean;
  /** Whether a user may mark a sender as trusted. */
  allowTrustSender: boolean;
  report: {
    mode: ReportMode;
    /** Ask before reporting (with an optional comment). */
    confirm: boolean;
    /** Replaces the locale's "[Khiên Thư] Thư nghi giả mạo:" when set. */
    subjectPrefix: string;
    /** Use the Outlook-compatible `3|Phishing:` subject form. */
    outlookPrefix: boolean;
    /** What happens to the original once reported. */
    original: OriginalAction;
  };
  passwordGuard: {
    enabled: boolean;
    /** CSS selectors of the webmail's password field; empty: the built-in ones. */
    loginSelectors: string[];
    /** Hosts where typing the webmail password is expected (e.g. the SSO portal). */
    allowlist: string[];
    /** Also mail the help desk a short alert (page URL and time only). */
    alertHelpDesk: boolean;
  };
  /** The province preset in use, '' when none. */
  preset: string;
}
