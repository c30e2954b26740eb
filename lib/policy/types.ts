import type { ScoringPolicy } from '../scoring/types';

/**
 * Every setting of Khiên Thư. Issue #5 turns this into the one schema (validation, managed_schema.json,
 * presets, precedence); until then the built-in defaults below are what every install uses.
 */
export interface Policy extends ScoringPolicy {
  /** The organisation as users know it, e.g. "Sở Thông tin và Truyền thông tỉnh Lai Châu". */
  organisationName: string;
  /** Help-desk phone numbers as printed in the province's letters. */
  hotlines: string[];
  /** Where users report suspicious mail. */
  reportAddresses: string[];
}
