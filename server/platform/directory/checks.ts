import { inArray, isNull } from 'drizzle-orm';
import { problems } from '../errors.ts';
import type { TenantScope } from '../tenancy.ts';
import { people } from './schema.ts';

/**
 * Refuses a request whose person fields name anyone but an active person of the scope's tenant,
 * naming the first such field: another tenant's person, like an archived one, reads as no such
 * active person. `fields` maps each field's path (`body.ownerId`, `body.members.2.personId`) to
 * the id it names; empty fields are skipped. One query however many fields.
 */
export async function checkActivePeople(
  s: TenantScope,
  fields: Record<string, string | null | undefined>,
): Promise<void> {
  const named = Object.entries(fields).filter((e): e is [string, string] => !!e[1]);
  if (named.length === 0) return;
  const found = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(
      s.where(people, inArray(people.id, [...new Set(named.map(([, id]) => id))]), isNull(people.archivedAt)),
    );
  const active = new Set(found.map((p) => p.id));
  for (const [field, id] of named) if (!active.has(id)) throw problems.field(field, 'No such active person');
}
