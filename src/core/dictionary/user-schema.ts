// The user's own dictionary entries: the bundled schema with two relaxations (see user.ts). Validation only:
// the content script never loads this module (zod stays out of what every page pays for).
import { z } from 'zod';
import { personSchema, organizationSchema, treatySchema, countrySchema } from './schema.ts';
import type { EntityType } from './index-format.ts';

const relaxed = {
  user: z.literal(true),
  sources: z.array(z.string().regex(/^https:\/\/[^\s]+$/, 'expected an https:// URL')).optional(),
  asOf: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD').optional(),
};

const PREFIX: Record<EntityType, string> = { person: 'person', organization: 'org', treaty: 'treaty', country: 'country' };

export const userEntitySchema = z
  .discriminatedUnion('type', [personSchema.extend(relaxed), organizationSchema.extend(relaxed), treatySchema.extend(relaxed), countrySchema.extend(relaxed)])
  .superRefine((e, ctx) => {
    if (!e.id.startsWith(PREFIX[e.type] + ':')) ctx.addIssue({ code: 'custom', path: ['id'], message: `a ${e.type} id starts with "${PREFIX[e.type]}:"` });
    for (const [lang, list] of Object.entries(e.ambiguous ?? {})) for (const [i, a] of (list ?? []).entries()) {
      const all = [...(e.names[lang as 'en'] ?? []), ...(e.abbr?.[lang as 'en'] ?? [])];
      if (!all.includes(a)) ctx.addIssue({ code: 'custom', path: ['ambiguous', lang, i], message: 'must also appear in names or abbr' });
    }
  });

export const userDictionarySchema = z.array(userEntitySchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const [i, e] of list.entries()) {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${e.id}" appears twice` });
    seen.add(e.id);
  }
});

export type UserEntity = z.infer<typeof userEntitySchema>;

