// The dictionary's source format (assets/dictionary/**/*.json), validated at build time.
// The rules a curator needs are in assets/dictionary/README.md; this file is their machine form.
import { z } from 'zod';

export const LANGS = ['en', 'ru', 'kk', 'uk', 'fr', 'de', 'es', 'tr', 'zh', 'ar', 'ja', 'it', 'pt', 'pl'] as const;
export type Lang = (typeof LANGS)[number];

const lang = z.enum(LANGS);
/** YYYY, YYYY-MM or YYYY-MM-DD: a fact is recorded as precisely as it is known, never more. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const fullDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
const url = z.string().regex(/^https:\/\/[^\s]+$/, 'expected an https:// URL');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Strings per language: { "en": [...], "ru": [...] } */
const perLang = z.partialRecord(lang, z.array(nonEmpty).min(1));
/** One string per language: { "en": "...", "ru": "..." } */
const textPerLang = z.partialRecord(lang, nonEmpty);

export const ID_PATTERN = /^(person|org|treaty|country):[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID_PATTERN, 'expected "<type>:<slug>" with type person|org|treaty|country');
const ref = (prefix: string) => id.refine((v) => v.startsWith(prefix + ':'), `must be a ${prefix}: id`);

export const ROLES = [
  'head-of-state', 'head-of-government', 'foreign-minister', 'deputy-foreign-minister', 'minister',
  'spokesperson', 'aide', 'ambassador', 'speaker', 'vice-president', 'deputy-head-of-government',
  'secretary-general', 'deputy-secretary-general', 'director-general', 'chair', 'president',
  'high-representative', 'head', 'special-envoy', 'other',
] as const;
export type Role = (typeof ROLES)[number];

const position = z.strictObject({
  role: z.enum(ROLES),
  /** the country or organization the office belongs to */
  of: z.string().regex(/^(country|org):[a-z0-9-]+$/, 'expected a country: or org: id'),
  /** the exact title where the role alone says too little */
  title: textPerLang.optional(),
  start: partialDate.optional(),
  end: partialDate.optional(),
  /** several holders at once by design (co-princes, collective presidencies) */
  shared: z.boolean().optional(),
  /** acting or interim holder */
  acting: z.boolean().optional(),
  source: url.optional(),
});

const common = {
  id,
  name: nonEmpty,
  wikidata: z.string().regex(/^Q\d+$/, 'expected a Wikidata QID like Q42').optional(),
  names: perLang.refine((v) => (v.en?.length ?? 0) > 0, 'needs at least one English name'),
  /** case-sensitive abbreviations and acronyms per language (ООН, UN, РК, U.S.) */
  abbr: perLang.optional(),
  /** names that are also common words or other things: matched only with supporting context */
  ambiguous: perLang.optional(),
  desc: textPerLang.refine((v) => !!v.en && !!v.ru, 'needs an English and a Russian description'),
  sources: z.array(url).min(1, 'needs at least one source URL'),
  asOf: fullDate,
};

export const personSchema = z.strictObject({
  ...common,
  type: z.literal('person'),
  gender: z.enum(['male', 'female']).optional(),
  /** how the person is called alone after being named in full; default: each name's last word */
  short: perLang.optional(),
  /** hand-written inflected forms where a generator errs */
  forms: perLang.optional(),
  positions: z.array(position).default([]),
});

export const organizationSchema = z.strictObject({
  ...common,
  type: z.literal('organization'),
  founded: partialDate.optional(),
  headquarters: textPerLang.optional(),
  partOf: z.array(ref('org')).optional(),
  members: z.array(z.strictObject({ id: ref('country'), since: partialDate.optional(), until: partialDate.optional() })).optional(),
  forms: perLang.optional(),
});

export const treatySchema = z.strictObject({
  ...common,
  type: z.literal('treaty'),
  signed: z.strictObject({ date: partialDate.optional(), place: textPerLang.optional() }).optional(),
  inForce: partialDate.optional(),
  status: z.enum(['in-force', 'expired', 'terminated', 'suspended', 'not-in-force', 'political']).optional(),
  parties: z
    .array(z.strictObject({
      id: z.string().regex(/^(country|org):[a-z0-9-]+$/, 'expected a country: or org: id'),
      signed: partialDate.optional(), ratified: partialDate.optional(), withdrawn: partialDate.optional(),
    }))
    .optional(),
  forms: perLang.optional(),
});

export const countrySchema = z.strictObject({
  ...common,
  type: z.literal('country'),
  iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
  iso3: z.string().regex(/^[A-Z]{3}$/).optional(),
  capital: textPerLang.optional(),
  un: z.enum(['member', 'observer', 'none']),
  forms: perLang.optional(),
});

export const entitySchema = z.discriminatedUnion('type', [personSchema, organizationSchema, treatySchema, countrySchema]);
export const sourceFileSchema = z.array(entitySchema);

export type Position = z.infer<typeof position>;
export type PersonSource = z.infer<typeof personSchema>;
export type OrganizationSource = z.infer<typeof organizationSchema>;
export type TreatySource = z.infer<typeof treatySchema>;
export type CountrySource = z.infer<typeof countrySchema>;
export type EntitySource = z.infer<typeof entitySchema>;
export type EntityType = EntitySource['type'];
