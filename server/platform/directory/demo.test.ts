import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantableRoles } from '../../../shared/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { productSeam } from '../../modules.ts';
import { auditEvents } from '../audit/schema.ts';
import { signIn } from '../auth/service.ts';
import { loadDemo } from './demo.ts';
import { people, roleAssignments, tenants, units } from './schema.ts';
import { findTenantBySlug } from './service.ts';

// The demo municipality loads on a fresh database and holds what the demo promises: the
// organisation of the seeds, a holder of every grantable role and the fixed sign-ins.

let database: TestDatabase;

// How long the load takes is measured by the benchmark's cold start, not here: a timed test fails
// on a busy machine for no fault of the code.
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, productSeam());
}, 180_000);
afterAll(() => database.dispose());

async function tenantId(slug: string): Promise<string> {
  const tenant = await findTenantBySlug(database.db, slug);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  return tenant.id;
}

describe('demo data', () => {
  it('loads two tenants', async () => {
    const rows = await database.db.select({ slug: tenants.slug, name: tenants.name }).from(tenants);
    expect(rows.map((r) => r.slug).sort()).toEqual(['grannby', 'styrby']);
  });

  it('has the organisation of a municipality', async () => {
    const styrby = await tenantId('styrby');
    const all = await database.db.select().from(units).where(eq(units.tenantId, styrby));
    const departments = all.filter((u) => u.kind === 'department').map((u) => u.name);
    expect(departments.length).toBeGreaterThanOrEqual(6);
    expect(departments).toContain('Barn- och utbildningsförvaltningen');
    expect(departments).toContain('Kontoret för interna tjänster');
    expect(all.filter((u) => u.kind === 'company')).toHaveLength(2);
    expect(
      all.filter((u) => u.kind === 'company').every((u) => /^\d{6}-\d{4}$/.test(u.orgNumber ?? '')),
    ).toBe(true);
    expect(all.some((u) => u.kind === 'partner')).toBe(true);
    expect(all.some((u) => u.kind === 'office')).toBe(true);
    expect(all.some((u) => u.kind === 'subunit')).toBe(true);
    expect(all.every((u) => /^\d{4}$/.test(u.costCentre ?? ''))).toBe(true);

    const parentOf = (name: string) => {
      const parentId = all.find((u) => u.name === name)?.parentId;
      return all.find((u) => u.id === parentId)?.name;
    };
    expect(parentOf('IT-enheten')).toBe('Kontoret för interna tjänster');
    expect(parentOf('IT-strategiska staben')).toBe('Kommunledningskontoret');
  });

  it('has about eighty people with unique, ASCII addresses', async () => {
    const styrby = await tenantId('styrby');
    const rows = await database.db.select().from(people).where(eq(people.tenantId, styrby));
    expect(rows.length).toBeGreaterThanOrEqual(70);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(new Set(rows.map((r) => r.email)).size).toBe(rows.length);
    expect(rows.every((r) => /^[a-z0-9.-]+@[a-z0-9.-]+$/.test(r.email))).toBe(true);
    expect(rows.find((r) => r.givenName === 'Åsa')?.email).toBe('asa.linden@styrby.example');
    expect(rows.every((r) => r.phone && r.title && r.unitId)).toBe(true);

    const grannby = await tenantId('grannby');
    const [{ n } = { n: 0 }] = await database.db
      .select({ n: count() })
      .from(people)
      .where(eq(people.tenantId, grannby));
    expect(n).toBeGreaterThanOrEqual(5);
  });

  it('has a holder of every role that can be granted today', async () => {
    const styrby = await tenantId('styrby');
    const rows = await database.db
      .select({ role: roleAssignments.role, scope: roleAssignments.scope })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, styrby), isNull(roleAssignments.revokedAt)));
    const held = new Set(rows.map((r) => r.role));
    const grantable = grantableRoles(productSeam().scopeKinds);
    expect(grantable).toContain('accountManager');
    for (const role of grantable) expect(held, role).toContain(role);
    // One IT-kundansvarig per förvaltning.
    const accountManagers = await database.db
      .select({ unitId: roleAssignments.scopeId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, styrby), eq(roleAssignments.role, 'accountManager')));
    const departments = await database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.tenantId, styrby), eq(units.kind, 'department')));
    const covered = new Set(accountManagers.map((a) => a.unitId));
    for (const d of departments) expect(covered.has(d.id)).toBe(true);
  });

  it('wrote every change through the services, with audit events', async () => {
    const styrby = await tenantId('styrby');
    const [{ n } = { n: 0 }] = await database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, styrby),
          eq(auditEvents.entity, 'person'),
          eq(auditEvents.action, 'create'),
        ),
      );
    const [{ m } = { m: 0 }] = await database.db
      .select({ m: count() })
      .from(people)
      .where(eq(people.tenantId, styrby));
    expect(n).toBe(m);
  });

  it('lets the fixed demo accounts sign in with "demo"', async () => {
    const noWait = async () => {};
    const admin = await signIn(database.db, 'admin@styrbord.example', 'demo', 1, noWait);
    expect(admin.principal.grants.map((g) => g.role)).toContain('admin');
    expect(admin.mustChangePassword).toBe(false);

    const employee = await signIn(database.db, 'medarbetare@styrbord.example', 'demo', 1, noWait);
    expect(employee.principal.grants).toEqual([{ role: 'employee', scope: 'global', scopeId: null }]);

    const neighbour = await signIn(database.db, 'admin@grannkommun.example', 'demo', 1, noWait);
    expect(neighbour.principal.grants.map((g) => g.role)).toContain('admin');
    expect(neighbour.principal.tenantId).toBe(await tenantId('grannby'));
    expect(admin.principal.tenantId).toBe(await tenantId('styrby'));

    for (const email of [
      'helena.bergstrom@styrby.example',
      'niklas.wallin@styrby.example',
      'maria.johansson@styrby.example',
    ]) {
      await expect(signIn(database.db, email, 'demo', 1, noWait)).resolves.toBeDefined();
    }
  });

  it('refuses to load twice', async () => {
    await expect(loadDemo(database.db)).rejects.toThrow(/already exists/);
  });
});
