import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.ts';
import { auditEvents } from './audit/schema.ts';
import { people, units } from './directory/schema.ts';
import { newId } from './ids.ts';
import { archiveRow, lockRow, restoreRow } from './records.ts';
import { inTenant } from './tenancy.ts';

// The platform's record helpers on a real database (PGlite, and PostgreSQL with TEST_DB=pg),
// on the directory's tables.

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const bulkPerson = (i: number) => ({
  id: newId(),
  givenName: 'Bulk',
  familyName: `Person ${i}`,
  email: `bulk${i}@a.example`,
  unitId: t.a.unitId,
});

describe('TenantScope.insertMany', () => {
  it('writes 5,000 rows in one call, in chunks under the parameter limit, with an audit event each', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => bulkPerson(i));
    const written = await inTenant(t.db, t.a.actor, (s) => s.insertMany(people, rows, { audit: 'person' }));
    expect(written).toHaveLength(5000);
    expect(written.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(written.every((r) => r.tenantId === t.a.id)).toBe(true);

    const [counted] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(and(eq(people.tenantId, t.a.id), like(people.email, 'bulk%@a.example')));
    expect(counted!.n).toBe(5000);
    const [audited] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, t.a.id),
          eq(auditEvents.entity, 'person'),
          eq(auditEvents.action, 'create'),
          inArray(
            auditEvents.entityId,
            rows.map((r) => r.id),
          ),
        ),
      );
    expect(audited!.n).toBe(5000);
  });

  it('writes all chunks or none: a duplicate in the last chunk leaves no row', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ ...bulkPerson(i), email: `again${i}@a.example` }));
    rows[2499]!.email = 'again0@a.example';
    await expect(
      inTenant(t.db, t.a.actor, (s) => s.insertMany(people, rows, { audit: 'person' })),
    ).rejects.toThrow();
    const [counted] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(like(people.email, 'again%'));
    expect(counted!.n).toBe(0);
  });

  it('writes nothing for no rows', async () => {
    expect(await inTenant(t.db, t.a.actor, (s) => s.insertMany(units, []))).toEqual([]);
  });
});

describe('lockRow, archiveRow and restoreRow', () => {
  it("finds no row by another tenant's id", async () => {
    const own = await inTenant(t.db, t.b.actor, (s) => lockRow(s, units, t.b.unitId));
    expect(own?.id).toBe(t.b.unitId);
    const other = await inTenant(t.db, t.a.actor, (s) => lockRow(s, units, t.b.unitId));
    expect(other).toBeUndefined();
  });

  it("answers 404 for another tenant's record and 409 for a stale version, and changes nothing", async () => {
    const [unit] = await inTenant(t.db, t.b.actor, (s) =>
      s.insertMany(units, [{ id: newId(), name: 'Arkivprov', kind: 'office', parentId: t.b.unitId }]),
    );
    const reason = { version: 1, reason: 'Prov' };
    await expect(
      inTenant(t.db, t.a.actor, (s) => archiveRow(s, units, unit!.id, reason, { entity: 'unit' })),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      inTenant(t.db, t.b.actor, (s) =>
        archiveRow(s, units, unit!.id, { ...reason, version: 2 }, { entity: 'unit' }),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'version-conflict' });
    await expect(
      inTenant(t.db, t.b.actor, (s) => restoreRow(s, units, unit!.id, { version: 1 }, { entity: 'unit' })),
    ).rejects.toMatchObject({ status: 409, detail: 'The unit is not archived' });

    // The module's check runs on the locked row and refuses before anything is written.
    await expect(
      inTenant(t.db, t.b.actor, (s) =>
        archiveRow(s, units, unit!.id, reason, {
          entity: 'unit',
          check(row) {
            if (row.name === 'Arkivprov') throw new Error('refused by the module');
          },
        }),
      ),
    ).rejects.toThrow('refused by the module');
    const still = await inTenant(t.db, t.b.actor, (s) => lockRow(s, units, unit!.id));
    expect(still).toMatchObject({ version: 1, archivedAt: null });

    const archived = await inTenant(t.db, t.b.actor, (s) =>
      archiveRow(s, units, unit!.id, reason, { entity: 'unit' }),
    );
    expect(archived).toMatchObject({ version: 2, archiveReason: 'Prov' });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await expect(
      inTenant(t.db, t.b.actor, (s) =>
        archiveRow(s, units, unit!.id, { ...reason, version: 2 }, { entity: 'unit' }),
      ),
    ).rejects.toMatchObject({ status: 409, detail: 'The unit is already archived' });

    const restored = await inTenant(t.db, t.b.actor, (s) =>
      restoreRow(s, units, unit!.id, { version: 2 }, { entity: 'unit' }),
    );
    expect(restored).toMatchObject({ version: 3, archivedAt: null, archiveReason: null });
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.b.id), eq(auditEvents.entityId, unit!.id)))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(['archive', 'restore']);
  });
});
