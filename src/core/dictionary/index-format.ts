// The compact matching index shipped to the content script: a token trie in CSR form plus a small entity table.
// Built by compile.ts (at build time for the bundled dictionary, at run time for the user's own entries).

export type EntityType = 'person' | 'organization' | 'treaty' | 'country';
export const TYPES: EntityType[] = ['person', 'organization', 'treaty', 'country'];

/** what a dictionary form may match, beyond its tokens */
export const enum Flag {
  /** the text must have exactly this case (acronyms: ООН, US, WHO, РК) */
  Exact = 1,
  /** a person's surname alone: needs the full name elsewhere on the page, a title before it, or a distinctive office holder */
  Short = 2,
  /** also a common word, person or place: needs exact case and supporting context */
  Ambiguous = 4,
  /** the text's first letter must be upper case */
  Capital = 8,
  /** an initial and a surname ("С. Лавров"): the initial has already been checked by the tokens */
  Initial = 16,
  /** a short form distinctive enough to stand alone when its person holds a key office at the page's date */
  Distinctive = 32,
}

export interface IndexEntity {
  id: string;
  type: EntityType;
  name: string;
  /** English names of parent organizations (a body is also a mention of its parent) */
  partOf?: string[];
  /** key offices held, four numbers each: role code (ROLE_CODES), index of the country or organization,
   *  start and end as days since 1970 (0 = unknown start / still in office) */
  roles?: number[];
  /** a spokesperson: reports meetings rather than taking part in them */
  reporter?: boolean;
}

export interface IndexData {
  v: 1;
  entities: IndexEntity[];
  /** unique token keys, joined by '\n' */
  tokens: string;
  /** CSR trie in BFS order: children of node n are edges firstEdge[n]..firstEdge[n+1]-1, edge e leads to node e+1 */
  firstEdge: number[];
  edgeTok: number[];
  /** terminals of node n: entries termEntry[termFirst[n]]..termEntry[termFirst[n+1]-1] */
  termFirst: number[];
  termEntry: number[];
  /** entries: entity index, flags, and for Exact entries the exact-case surface (caseForm of tokens joined by ' ') */
  entries: [number, number, string?][];
  /** capitals and major cities: token keys joined by ' ' → English name */
  places?: Record<string, string>;
  /** tokens below this id are words of names; those from it on are other words the matcher asks about by id
   *  (title words). Unset: all are words of names. */
  nameTokens?: number;
}

/** roles the matcher and meeting extraction reason about, by code */
export const ROLE_CODES: Record<string, number> = {
  'head-of-state': 1, 'head-of-government': 2, 'foreign-minister': 3, 'secretary-general': 4, 'director-general': 4,
  'high-representative': 4, chair: 4, president: 4, spokesperson: 5, 'vice-president': 6,
};

export function dayNumber(date: string): number {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}
