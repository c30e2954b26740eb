/**
 * What triage keeps about each report and each original lure. It is what the state file holds
 * across runs, so it is plain JSON and holds no message content beyond what the report shows
 * (subject, addresses, hosts, the reasons' evidence): never the bodies.
 */
import type { Level } from '../scoring/types';
import type { Wrapping } from './unwrap';

export interface ReportRef {
  /** The report's key (dedupe.ts). */
  key: string;
  /** Who reported (the report's From), '' when unknown. */
  reporter: string;
  /** When it was reported (ISO 8601): the report's Date, else its arrival. */
  at: string;
  /** Where it was read. */
  location: string;
}

export interface LinkHostRecord {
  host: string;
  /** The link findings the scorer made on this host (`link.free-host`…); empty when none. */
  findings: string[];
}

export interface OriginalRecord {
  key: string;
  how: Wrapping;
  subject: string;
  from: string;
  fromName: string;
  replyTo: string[];
  /** The original's Date header (ISO 8601), when it has one. */
  date?: string;
  level: Level;
  score: number;
  /** Reason ids with their evidence, strongest first; words come from the locale when shown. */
  reasons: { id: string; evidence: string[] }[];
  links: LinkHostRecord[];
  /** MinHash signature of the text (similarity.ts); empty for text too short to compare. */
  signature: number[];
  /** The organisation the original was scored for. */
  organisation: string;
  reports: ReportRef[];
}

export interface BrokenRecord {
  key: string;
  location: string;
  error: string;
  /** ISO 8601, when known. */
  at?: string;
  reporter?: string;
}

export interface TriageState {
  version: 1;
  /** Keys of every report already triaged. */
  reports: string[];
  originals: OriginalRecord[];
  broken: BrokenRecord[];
}

export function emptyState(): TriageState {
  return { version: 1, reports: [], originals: [], broken: [] };
}
