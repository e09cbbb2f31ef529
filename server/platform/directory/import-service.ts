import { eq } from 'drizzle-orm';
import type { UnitKind } from '../../../shared/directory.ts';
import { endSessionsIn } from '../auth/sessions.ts';
import { isUniqueViolation, problems } from '../errors.ts';
import type { TenantScope } from '../tenancy.ts';
import { people, units } from './schema.ts';
import type { PersonRow, UnitRow } from './service.ts';

// The writers behind the CSV/XLSX import (./transfer.ts). They run inside the one TenantScope of
// the import, so a file is written all or nothing, and they write exactly what the import plan
// says: the plan is made (and every row checked) before anything is written. One audit event per
// created or changed row, in the same transaction, as every other write of this module.

export interface UnitValues {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  costCentre: string | null;
  orgNumber: string | null;
}

export interface PersonValues {
  givenName: string;
  familyName: string;
  email: string;
  title: string | null;
  phone: string | null;
  employeeNumber: string | null;
  unitId: string | null;
  active: boolean;
}

export interface Plan<Row, Values> {
  /** New rows with their ids, parents before children. */
  creates: (Values & { id: string })[];
  /** Existing rows and only the fields that change. */
  updates: { before: Row; changes: Partial<Values> }[];
  unchanged: number;
}

export type UnitPlan = Plan<UnitRow, UnitValues>;
export type PersonPlan = Plan<PersonRow, PersonValues> & { deactivated: string[] };

const collided = () =>
  problems.conflict(
    'Someone else changed the same records during the import; nothing was written. Import the file again.',
  );

/** The unique indexes were checked when planning; a violation now means a concurrent change. */
async function guardCollision<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw collided();
    throw error;
  }
}

/** Every unit of the tenant, archived ones too: the import matches against all of them. */
export function allUnits(s: TenantScope): Promise<UnitRow[]> {
  return s.tx.select().from(units).where(s.where(units));
}

/** Every person of the tenant, archived ones too (email and employee number are unique over all). */
export function allPeople(s: TenantScope): Promise<PersonRow[]> {
  return s.tx.select().from(people).where(s.where(people));
}

export function writeUnitPlan(s: TenantScope, plan: UnitPlan): Promise<void> {
  return guardCollision(async () => {
    // Creates first, in plan order (parents before children), so that an existing unit may be
    // moved below a new one.
    await s.insertMany(units, plan.creates, { audit: 'unit' });
    const now = new Date();
    for (const { before, changes } of plan.updates) {
      // The version guard: a row changed since the plan was made is not overwritten.
      const [after] = await s
        .update(
          units,
          { ...changes, version: before.version + 1, updatedAt: now },
          eq(units.id, before.id),
          eq(units.version, before.version),
        )
        .returning();
      if (!after) throw collided();
      const action =
        changes.parentId !== undefined && changes.parentId !== before.parentId ? 'move' : 'update';
      await s.audit({ entity: 'unit', entityId: before.id, action, before, after });
    }
  });
}

export function writePersonPlan(s: TenantScope, plan: PersonPlan): Promise<void> {
  return guardCollision(async () => {
    await s.insertMany(people, plan.creates, { audit: 'person' });
    const now = new Date();
    for (const { before, changes } of plan.updates) {
      const [after] = await s
        .update(
          people,
          { ...changes, version: before.version + 1, updatedAt: now },
          eq(people.id, before.id),
          eq(people.version, before.version),
        )
        .returning();
      if (!after) throw collided();
      const action = changes.unitId !== undefined && changes.unitId !== before.unitId ? 'move' : 'update';
      await s.audit({ entity: 'person', entityId: before.id, action, before, after });
    }
    // As with a single deactivation: whoever is no longer active is signed out, in this transaction.
    for (const personId of plan.deactivated) await endSessionsIn(s.tx, s.tenantId, personId);
  });
}
