// Shapes other tools read: the CLI's `scan --json` output (see ../shared/corpus/README.md) and the
// 'diplolens:summary' answer of the content script. One definition each; tests pin them.
import type { EntityType } from './dictionary/index-format.ts';

export interface EntityRef { id: string; name: string; type: EntityType; partOf?: string[] }

export interface MentionOut {
  start: number;
  end: number;
  text: string;
  entity: EntityRef;
  approximate?: boolean;
}

export type MeetingKind = 'in-person' | 'call' | 'visit' | 'negotiation' | 'agreement' | 'announced';

export interface MeetingOut {
  participants: { id: string; name: string }[];
  date: string | null;
  place: string | null;
  kind: MeetingKind;
  /** GDELT/CAMEO event code: 041 call, 042 visit made, 043 visit hosted, 044 meeting at a third location, 046 negotiation, 057 agreement */
  cameo: string;
  planned?: boolean;
  evidence: string;
}

export interface ScanOutput { mentions: MentionOut[]; meetings: MeetingOut[] }

/** The answer to { type: 'diplolens:summary' } sent to a tab's content script. */
export interface PageSummary {
  url: string;
  title: string;
  lang: string;
  date: string | null;
  mentions: { start: number; end: number; text: string; entity: { id: string; name: string; type: EntityType } }[];
  meetings: MeetingOut[];
}
