import { and, count, eq, isNull, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantableRoles } from '../shared/roles.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { rowsOf } from './db/client.ts';
import { createTestDatabase, type TestDatabase } from './db/testing.ts';
import { listAiApplications } from './modules/registry/ai/service.ts';
import {
  today as classificationToday,
  listClassifications,
  maxLevelsBySystem,
} from './modules/registry/classification/service.ts';
import { unitCosts } from './modules/registry/contracts/costs.ts';
import { listLicences } from './modules/registry/contracts/licences.ts';
import { listContracts } from './modules/registry/contracts/service.ts';
import {
  managementObjectSystems,
  managementObjects,
  managementPlans,
} from './modules/registry/management/schema.ts';
import { processingActivities } from './modules/registry/privacy/schema.ts';
import { listResponsibilities } from './modules/registry/systems/roles/service.ts';
import { listSystems } from './modules/registry/systems/service.ts';
import { productSeam } from './modules.ts';
import { auditEvents } from './platform/audit/schema.ts';
import { signIn } from './platform/auth/service.ts';
import { systemActor } from './platform/context.ts';
import { loadDemo } from './platform/directory/demo.ts';
import { people, roleAssignments, tenants, units } from './platform/directory/schema.ts';
import { findTenantBySlug } from './platform/directory/service.ts';
import type { App } from './platform/http.ts';
import { json, type Session, signIn as signInOverHttp } from './testing.ts';

// The demo municipality loads on a fresh database and holds what the demo promises, part by part.
// Loading it is the slow step (60 systems, 126 integrations, contracts, ...), so every check on the
// demo lives in this one file and the demo is loaded once per database kind. A part that adds demo
// data adds its describe here, named after the part.

let database: TestDatabase;
let app: App;

// How long the load takes is measured by the benchmark's cold start, not here: a timed test fails
// on a busy machine for no fault of the code.
beforeAll(async () => {
  database = await createTestDatabase();
  // The desk's history at a fifth of its 20,000 (DEMO_DESK_HISTORY): the same generator, so the
  // same patterns; the full size is what `npm start` loads.
  process.env.DEMO_DESK_HISTORY ??= '4000';
  await loadDemo(database.db, productSeam());
  // The dashboard is read over HTTP, as the browser reads it: the app on the same database.
  app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined }),
    database,
    logger: false,
  });
  await app.ready();
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function tenantId(slug: string): Promise<string> {
  const tenant = await findTenantBySlug(database.db, slug);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  return tenant.id;
}

// The organisation of the seeds, a holder of every grantable role and the fixed sign-ins.
describe('directory: demo data', () => {
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
});

// The demo register answers the question every source document turns on: who answers for each
// system. Every kommungemensamt system has an owner and a förvaltare; the gaps are the ones meant.
describe('registry systems: the demo register', () => {
  it('has an owner and a förvaltare for every kommungemensamt system, and exactly the gaps meant', async () => {
    const tenant = await findTenantBySlug(database.db, 'styrby');
    const actor = systemActor(tenant!.id);
    const shared = await listSystems(database.db, actor, { scope: 'shared', limit: 200 });
    const gaps = await listResponsibilities(database.db, actor, { gaps: true, limit: 200 });
    const gapNames = gaps.items.map((g) => `${g.systemName}:${g.kind}`);
    for (const system of shared.items.filter((s) => s.phase !== 'retired')) {
      expect(gapNames.filter((g) => g.startsWith(`${system.name}:`))).toEqual([]);
    }
    expect(gapNames.sort()).toEqual(
      [
        'Driftövervakning VA (SCADA):systemOwner',
        'Förskolans närvaro och schema:systemOwner',
        'Livsmedelskontroll mobil:systemManager',
      ].sort(),
    );
    const leaver = gaps.items.find((g) => g.systemName === 'Livsmedelskontroll mobil');
    expect(leaver).toMatchObject({ personName: 'Samuel Berggren', personArchived: true });
    const roles = await listResponsibilities(database.db, actor, { limit: 200 });
    expect(roles.items.length).toBeGreaterThan(100);
  });
});

// The demo's contracts, licences and costs as the lists and reports show them.
describe('registry contracts: demo contracts, licences and costs', () => {
  it('has contracts ending soon, one past its notice deadline, DPAs missing, licences and costs that add up', async () => {
    const styrby = await findTenantBySlug(database.db, 'styrby');
    const actor = systemActor(styrby!.id);
    const query = { limit: 200, includeArchived: false, sort: 'title' as const };
    const all = (await listContracts(database.db, actor, query)).items;
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((c) => c.supplierId)).size).toBe(12);
    const soon = (await listContracts(database.db, actor, { ...query, endingWithinMonths: 6 })).items;
    expect(soon.length).toBeGreaterThanOrEqual(4);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    expect(
      all.filter((c) => c.noticeDeadline && c.noticeDeadline < today && c.endsOn! >= today),
    ).toHaveLength(1);
    expect(
      (await listContracts(database.db, actor, { ...query, dpaMissing: true })).items.length,
    ).toBeGreaterThan(0);
    expect(
      (await listLicences(database.db, actor, { limit: 200, includeArchived: false })).items.length,
    ).toBeGreaterThan(5);
    for (const year of [2025, 2026]) {
      const costs = await unitCosts(database.db, actor, year);
      expect(costs.total).toBeGreaterThan(0);
      expect(costs.units.reduce((sum, u) => sum + u.amount, 0) + costs.unallocated).toBe(costs.total);
    }
  });
});

// About 25 systems classified, some with several information sets, one at level 4, some overdue;
// and the two AI applications.
describe('registry classification and AI: demo classifications and AI register', () => {
  let actor: ReturnType<typeof systemActor>;
  beforeAll(async () => {
    actor = systemActor(await tenantId('styrby'));
  });

  it('classifies about 25 systems, one at level 4, some overdue', async () => {
    const all = await listClassifications(database.db, actor, {
      limit: 200,
      includeArchived: false,
      sort: 'system',
    });
    const systems = new Set(all.items.map((c) => c.systemId));
    expect(systems.size).toBeGreaterThanOrEqual(24);
    expect(all.items.length).toBeGreaterThan(systems.size);
    const levels = await maxLevelsBySystem(database.db, actor.tenantId, [...systems]);
    const atFour = all.items.filter((c) => c.maxLevel === 4).map((c) => c.systemName);
    expect([...new Set(atFour)]).toEqual(['Verksamhetssystem socialtjänst']);
    expect(levels.get(all.items.find((c) => c.maxLevel === 4)!.systemId)).toMatchObject({
      confidentiality: 4,
    });
    expect(all.items.filter((c) => c.nextReviewOn < classificationToday()).length).toBeGreaterThanOrEqual(3);
  });

  it('holds the chatbot (limited) and the beslutsstöd (high risk, public benefits, FRIA done)', async () => {
    const ai = await listAiApplications(database.db, actor, { limit: 50, includeArchived: false });
    expect(ai.items.map((a) => [a.name, a.riskCategory, a.highRiskArea, a.friaOn !== null])).toEqual([
      ['Beslutsstöd ekonomiskt bistånd', 'high', 'essentialServices', true],
      ['Chattbot kundservice', 'limited', null, false],
    ]);
  });
});

// The demo's processing register and förvaltningsobjekt.
describe('registry privacy and management: demo register', () => {
  let styrby: string;
  let grannby: string;
  beforeAll(async () => {
    styrby = await tenantId('styrby');
    grannby = await tenantId('grannby');
  });

  it('has a dozen processing activities of nämnder and a bolag, sensitive ones with a DPIA, one transfer under SCC', async () => {
    const rows = await database.db
      .select({ a: processingActivities, kind: units.kind })
      .from(processingActivities)
      .innerJoin(
        units,
        and(
          eq(units.tenantId, processingActivities.tenantId),
          eq(units.id, processingActivities.controllerId),
        ),
      )
      .where(eq(processingActivities.tenantId, styrby));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.a.controllerId)).size).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.kind === 'company')).toBe(true);
    expect(
      rows.filter((r) => r.a.sensitiveData && r.a.dpiaRequired && r.a.dpiaDate).length,
    ).toBeGreaterThanOrEqual(3);
    const transfers = rows.filter((r) => r.a.thirdCountryTransfer);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.a.transferSafeguard).toBe('scc');
    const none = await database.db
      .select({ id: processingActivities.id })
      .from(processingActivities)
      .where(eq(processingActivities.tenantId, grannby));
    expect(none).toEqual([]);
  });

  it('has three förvaltningsobjekt with systems and plans for 2025 (with outcome) and 2026', async () => {
    const objects = await database.db
      .select()
      .from(managementObjects)
      .where(eq(managementObjects.tenantId, styrby));
    expect(objects.map((o) => o.name).sort()).toEqual(['Ekonomi', 'Lön och personal', 'Skoladministration']);
    const members = await database.db
      .select()
      .from(managementObjectSystems)
      .where(eq(managementObjectSystems.tenantId, styrby));
    expect(members.length).toBeGreaterThanOrEqual(9);
    const plans = await database.db
      .select()
      .from(managementPlans)
      .where(eq(managementPlans.tenantId, styrby));
    expect(plans).toHaveLength(6);
    expect(plans.filter((p) => p.year === 2025).every((p) => p.outcomeMaintenance !== null)).toBe(true);
    expect(plans.filter((p) => p.year === 2026).every((p) => p.outcomeMaintenance === null)).toBe(true);
  });
});

// The data-quality dashboard (server/modules/registry/quality) on the demo municipality.
describe('registry quality: the dashboard on the demo municipality', () => {
  interface Result {
    check: string;
    count: number;
    items: { id: string; href: string }[];
  }
  const check = (body: { checks: Result[] }, id: string) => body.checks.find((c) => c.check === id);
  let keeper: Session;
  beforeAll(async () => {
    keeper = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
  });

  it("finds exactly the demo's deliberate gaps", async () => {
    const body = json(await app.inject({ url: '/api/v1/registry/quality', headers: keeper.headers() }));
    const named = (id: string) =>
      (check(body, id)?.items ?? []).map((i) => (i as unknown as { name: string }).name).sort();
    // Two systems were left without an owner; a förvaltare of a third has left the municipality.
    expect(named('systemsWithoutOwner')).toEqual([
      'Driftövervakning VA (SCADA)',
      'Förskolans närvaro och schema',
    ]);
    expect(named('systemsWithoutManager')).toContain('Livsmedelskontroll mobil');
    // A phase-out system still receives from the school register.
    expect(named('phaseOutWithLiveIntegrations')).toContain('Schemaläggning skola');
    // Five contracts end within six months; the Bygglov plan has one gallring without a decision.
    expect(check(body, 'contractsEnding')?.count).toBe(5);
    expect(check(body, 'recordTypesWithoutDisposalDecision')?.count).toBe(1);
    expect(check(body, 'classificationOverdue')?.count).toBeGreaterThan(0);
    // Every förvaltningsobjekt has this year's plan; both AI applications are assessed.
    expect(check(body, 'aiWithoutRiskAssessment')?.count).toBe(0);
    expect(body.checks.map((c: Result) => c.check).sort()).toEqual(
      [
        'aiWithoutRiskAssessment',
        'classificationMissing',
        'classificationOverdue',
        'contractsEnding',
        'managementPlanMissing',
        'phaseOutWithLiveIntegrations',
        'recordTypesWithoutDisposalDecision',
        'systemsWithoutManager',
        'systemsWithoutOwner',
      ].sort(),
    );
  });

  it('keeps the contracts from the self-service portal', async () => {
    const employee = await signInOverHttp(app, 'medarbetare@styrbord.example', 'demo');
    const body = json(await app.inject({ url: '/api/v1/registry/quality', headers: employee.headers() }));
    expect(check(body, 'contractsEnding')).toBeUndefined();
    expect(check(body, 'systemsWithoutOwner')).toBeDefined();
  });
});

describe('desk: groups, routing and the open tickets', () => {
  let agent: Session;
  let employee: Session;
  beforeAll(async () => {
    agent = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    employee = await signInOverHttp(app, 'medarbetare@styrbord.example', 'demo');
  });

  it("routes the demo's Heroma question to the förvaltning of the lön- och personalsystem", async () => {
    const page = json(await app.inject({ url: '/api/v1/tickets?search=Heroma', headers: agent.headers() }));
    const heroma = page.items.find((t: { title: string }) => t.title === 'Kan inte logga in i Heroma');
    expect(heroma.group.name).toBe('Förvaltning Lön- och personalsystem');
    expect(heroma.system.name).toBe('Lön- och personalsystem');
    expect(heroma.status).toBe('inProgress');
    const groups = json(await app.inject({ url: '/api/v1/groups?limit=50', headers: agent.headers() })).items;
    const members = Object.fromEntries(
      groups.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount]),
    );
    expect(members.Servicedesk).toBe(4);
    expect(members['Förvaltning Lön- och personalsystem']).toBe(2);
    const rules = json(await app.inject({ url: '/api/v1/routing-rules', headers: agent.headers() })).items;
    expect(rules.length).toBe(5);
  });

  it("shows the employee their own tickets only, never another's internal notes", async () => {
    const mine = json(
      await app.inject({ url: '/api/v1/tickets?view=mine', headers: employee.headers() }),
    ).items;
    expect(mine.map((t: { title: string }) => t.title).sort()).toEqual([
      'Beställ ny skärm',
      'Skrivaren på plan 3 skriver ut tomma sidor',
    ]);
    const work = await app.inject({ url: '/api/v1/tickets?view=work', headers: employee.headers() });
    expect(work.statusCode).toBe(403);
  });

  it('links the Outlook incident to its known error and the school outage to its reports', async () => {
    const find = async (title: string) =>
      json(
        await app.inject({
          url: `/api/v1/tickets?search=${encodeURIComponent(title)}`,
          headers: agent.headers(),
        }),
      ).items.find((t: { title: string }) => t.title === title);
    const links = async (id: string) =>
      json(await app.inject({ url: `/api/v1/tickets/${id}/links`, headers: agent.headers() })).items;
    const outlook = await find('Outlook startar inte efter uppdateringen');
    expect(await links(outlook.id)).toMatchObject([
      {
        relation: 'causedBy',
        ticket: { type: 'problem', knownError: true, workaround: expect.stringContaining('/safe') },
      },
    ]);
    const outage = await find('Nätverket på Västra skolan är nere');
    expect(outage.major).toBe(true);
    expect((await links(outage.id)).map((l: { relation: string }) => l.relation)).toEqual([
      'parentOf',
      'parentOf',
    ]);
  });
});

describe('desk: two years of history, imported', () => {
  const count = async (where: string) => {
    const result = await database.db.execute(
      sql.raw(`select count(*)::int as n from desk_tickets where channel = 'import' and ${where}`),
    );
    return rowsOf<{ n: number }>(result)[0]!.n;
  };

  it('has the asked-for number of tickets over two years, busiest at the school start', async () => {
    const size = Number(process.env.DEMO_DESK_HISTORY);
    const all = await count('true');
    // A few of the last minutes' tickets are left out, nothing more.
    expect(all).toBeGreaterThan(size * 0.99);
    expect(all).toBeLessThanOrEqual(size);
    expect(await count(`created_at < now() - interval '700 days'`)).toBeGreaterThan(0);
    const month = (m: number) =>
      count(`extract(month from created_at at time zone 'Europe/Stockholm') = ${m}`);
    expect(await month(8)).toBeGreaterThan((await month(7)) * 2.5);
  });

  it('measures the histories by the live rules: most met, some breached, the last days open', async () => {
    const solved = await count('solved_at is not null');
    const met = await count('solved_at is not null and resolution_breached_at is null');
    expect(met / solved).toBeGreaterThan(0.6);
    expect(met / solved).toBeLessThan(0.99);
    expect(
      await count(`status not in ('solved', 'closed') and created_at > now() - interval '3 days'`),
    ).toBeGreaterThan(0);
    expect(await count(`status = 'closed'`)).toBeGreaterThan(solved * 0.9);
    expect(await count('reopen_count > 0')).toBeGreaterThan(0);
    expect(await count('rating is not null')).toBeGreaterThan(0);
  });
});

describe('desk: the knowledge base', () => {
  let agent: Session;
  let employee: Session;
  beforeAll(async () => {
    agent = await signInOverHttp(app, 'tobias.engstrom@styrby.example', 'demo');
    employee = await signInOverHttp(app, 'medarbetare@styrbord.example', 'demo');
  });

  it('holds published articles for the demo systems, a draft and an archived one', async () => {
    const published = json(
      await app.inject({ url: '/api/v1/knowledge?limit=50', headers: employee.headers() }),
    );
    expect(published.items.length).toBe(13);
    const systems = new Set(published.items.map((a: { system: { name: string } | null }) => a.system?.name));
    for (const name of [
      'Lön- och personalsystem',
      'Lärplattform',
      'Utskriftstjänst',
      'Nätverk och brandvägg',
    ])
      expect(systems).toContain(name);
    const drafts = json(await app.inject({ url: '/api/v1/knowledge?state=draft', headers: agent.headers() }));
    expect(drafts.items.length).toBe(1);
    const archived = json(
      await app.inject({ url: '/api/v1/knowledge?state=archived', headers: agent.headers() }),
    );
    expect(archived.items.length).toBe(1);
    // The employees' answers: the password article helped most.
    const helpful = json(
      await app.inject({
        url: '/api/v1/knowledge?sort=helpful&order=desc&limit=1',
        headers: agent.headers(),
      }),
    ).items[0];
    expect(helpful).toMatchObject({
      title: 'Byt eller återställ ditt lösenord själv',
      helpful: 5,
      notHelpful: 1,
    });
  });

  it("suggests Heroma's login article for the demo ticket's title, and links the known error to its problem", async () => {
    const found = json(
      await app.inject({
        url: `/api/v1/knowledge/suggest?text=${encodeURIComponent('Kan inte logga in i Heroma')}`,
        headers: employee.headers(),
      }),
    );
    expect(found.items[0].title).toBe('Heroma: kontot är spärrat efter fel lösenord');
    const known = json(
      await app.inject({ url: '/api/v1/knowledge?kind=knownError&limit=50', headers: agent.headers() }),
    ).items.find((a: { title: string }) => a.title === 'Lönespecifikationen visas tom i Heroma-appen');
    const article = json(
      await app.inject({ url: `/api/v1/knowledge/${known.id}`, headers: agent.headers() }),
    );
    expect(article.problemTicket.number).toMatch(/^PRB-\d{4}-\d{6}$/);
    expect(article.workaround).toContain('webbläsaren');
  });
});

describe('desk services: service levels, the catalogue and the published promises', () => {
  let admin: Session;
  let employee: Session;
  beforeAll(async () => {
    admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    employee = await signInOverHttp(app, 'medarbetare@styrbord.example', 'demo');
  });

  it('has the default level on the desk calendar, a shorter one and the underpinning contract with CGI', async () => {
    const levels = json(await app.inject({ url: '/api/v1/service-levels', headers: admin.headers() })).items;
    const byName = new Map(levels.map((l: { name: string }) => [l.name, l]));
    expect(byName.get('Standard')).toMatchObject({
      isDefault: true,
      kind: 'service',
      calendarName: 'Servicedeskens öppettider',
      targets: { '1': { response: 60, resolution: 240 }, '4': { response: 540, resolution: 2700 } },
    });
    expect(byName.get('Verksamhetskritiska system')).toMatchObject({ isDefault: false, kind: 'service' });
    expect(byName.get('CGI – avtalad servicenivå Heroma')).toMatchObject({
      kind: 'underpinning',
      contractTitle: 'Lön och personal Heroma',
      supplierName: 'CGI Sverige AB',
      clockStart: 'assignment',
    });
    expect(levels.filter((l: { isDefault: boolean }) => l.isDefault)).toHaveLength(1);
    // Grannby has its default level, and none of Styrby's.
    const grannby = await app.inject({
      url: '/api/v1/service-levels',
      headers: (await signInOverHttp(app, 'admin@grannkommun.example', 'demo')).headers(),
    });
    expect(json(grannby).items.map((l: { name: string }) => l.name)).toEqual(['Standard']);
  });

  it('offers the employee the orderable services, each with its group and an order form', async () => {
    const page = json(
      await app.inject({ url: '/api/v1/catalogue-services?orderable=true', headers: employee.headers() }),
    );
    const names = page.items.map((s: { name: string }) => s.name);
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names).toEqual(
      expect.arrayContaining([
        'Dator som tjänst',
        'Ny medarbetare – konto och behörigheter',
        'Behörighet i Heroma',
        'Mobiltelefon',
        'Skrivare och utskrift',
        'Programvara',
        'Lagringsyta',
        'Funktionsbrevlåda',
      ]),
    );
    for (const s of page.items) {
      expect(s.groupName, s.name).toBeTruthy();
      expect(s.orderForm.length, s.name).toBeGreaterThan(0);
      expect(s.can.order, s.name).toBe(true);
    }
    const heroma = page.items.find((s: { name: string }) => s.name === 'Behörighet i Heroma');
    expect(heroma).toMatchObject({
      groupName: 'Förvaltning Lön- och personalsystem',
      serviceLevelName: 'Verksamhetskritiska system',
      systemName: 'Lön- och personalsystem',
      ownerName: 'Camilla Strand',
    });
    const all = json(await app.inject({ url: '/api/v1/catalogue-services', headers: employee.headers() }));
    expect(all.items.some((s: { orderable: boolean }) => !s.orderable)).toBe(true);
  });

  it("publishes the desk's promises with the phone measured over the last 30 days", async () => {
    const promised = json(await app.inject({ url: '/api/v1/desk/promises', headers: employee.headers() }));
    expect(promised).toMatchObject({
      timeZone: 'Europe/Stockholm',
      phoneAnswerSeconds: 60,
      phoneAnswerShare: 0.8,
      firstContactResolutionTarget: 0.7,
    });
    // Weekdays 07–16 unless a holiday falls in the week; the weekend closed.
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'])
      expect([[], [['07:00', '16:00']]]).toContainEqual(promised.openingHours[day]);
    expect(promised.openingHours.sat).toEqual([]);
    expect(promised.measured.phoneAnsweredWithin).toBeGreaterThan(0.5);
    expect(promised.measured.phoneAnsweredWithin).toBeLessThanOrEqual(1);
  });
});

describe('governance: the forums of seeds 001 and 003 and the decision log', () => {
  let strateg: Session;
  beforeAll(async () => {
    strateg = await signInOverHttp(app, 'helena.bergstrom@styrby.example', 'demo');
  });

  it('has the seven forums with their cadence, officers and members', async () => {
    const forums = json(
      await app.inject({ url: '/api/v1/forums?limit=50', headers: strateg.headers() }),
    ).items;
    expect(forums.map((f: { name: string }) => f.name).sort()).toEqual(
      [
        'Finansieringsgrupp',
        'IT-strategiska beredningsgruppen',
        'IT-styrgrupp',
        'Kommundirektörens ledningsgrupp (KDL)',
        'Produktråd intranätet',
        'Systemägargrupp',
        'Tjänsterådet',
      ].sort(),
    );
    const styrgrupp = forums.find((f: { name: string }) => f.name === 'IT-styrgrupp');
    expect(styrgrupp).toMatchObject({
      kind: 'steeringGroup',
      meetingsPerYear: 10,
      meetingsPerYearMax: 12,
      chair: { name: 'Karin Lindqvist' },
      convener: { name: 'Helena Bergström' },
    });
    expect(styrgrupp.members.find((m: { name: string }) => m.name === 'Lars Öberg')).toMatchObject({
      deputyName: 'Fredrik Sjöberg',
    });
  });

  it("holds seed 004's KF decision of the implementation plan and finds it by a stemmed search", async () => {
    const kf = json(
      await app.inject({
        url: '/api/v1/decisions?body=Kommunfullm%C3%A4ktige&year=2014',
        headers: strateg.headers(),
      }),
    ).items;
    expect(kf.find((d: { paragraph: number }) => d.paragraph === 160)).toMatchObject({
      decidedOn: '2014-06-27',
      registrationNumber: 'KS 2013/1341',
      status: 'inProgress',
    });
    const all = json(
      await app.inject({ url: '/api/v1/decisions?limit=200', headers: strateg.headers() }),
    ).items;
    expect(all.length).toBeGreaterThanOrEqual(25);
    const found = json(
      await app.inject({ url: '/api/v1/decisions?search=upphandlingen', headers: strateg.headers() }),
    ).items.map((d: { paragraph: number; year: number }) => `${d.year} § ${d.paragraph}`);
    expect(found).toContain('2014 § 201');
  });

  it("holds seed 001's målbild in four perspectives, with the register's e-services computed and 2025 frozen", async () => {
    const goals = json(
      await app.inject({ url: '/api/v1/goals?limit=200', headers: strateg.headers() }),
    ).items;
    expect(new Set(goals.map((g: { perspective: string }) => g.perspective))).toEqual(
      new Set(['society', 'service', 'staff', 'economy']),
    );
    const eServices = goals.find((g: { title: string }) => g.title.startsWith('Antalet e-tjänster'));
    const one = json(await app.inject({ url: `/api/v1/goals/${eServices.id}`, headers: strateg.headers() }));
    const computed = one.indicators[0];
    expect(computed.source.key).toBe('registry.eServices');
    expect(computed.years.find((y: { year: number }) => y.year === 2025)).toMatchObject({ origin: 'frozen' });
    expect(computed.years.find((y: { year: number }) => y.year === 2025).value).toBeGreaterThan(0);
    // Their use, from the using units' user counts in the register.
    const users = one.indicators[1];
    expect(users.source.key).toBe('registry.eServiceUsers');
    expect(users.years.find((y: { year: number }) => y.year === 2025).value).toBeGreaterThan(0);
    const printed = goals
      .flatMap((g: { indicators: { name: string; years: unknown[] }[] }) => g.indicators)
      .find((i: { name: string }) => i.name === 'Utskrivna sidor');
    expect(printed.years).toHaveLength(4);
  });

  it("holds seed 004's six-step plan adopted by KF § 160, its procurement cancelled with what it cost", async () => {
    const plans = json(
      await app.inject({ url: '/api/v1/plans?year=2014', headers: strateg.headers() }),
    ).items;
    const plan = plans.find((p: { title: string }) => p.title.startsWith('Genomförandeplan'));
    expect(plan.decision.name).toContain('Kommunfullmäktige 2014 § 160');
    expect(plan.initiatives).toHaveLength(6);
    expect(plan.initiatives[0]).toMatchObject({ status: 'cancelled', outcomeCost: 400_000_000 });
    expect(plan.initiatives[0].decision.name).toContain('2014 § 201');
    // The procurement itself, in the portfolio, named by KF's decision to cancel it.
    const procurements = json(
      await app.inject({ url: '/api/v1/procurements?search=telefoni', headers: strateg.headers() }),
    ).items;
    const drift = procurements.find(
      (p: { title: string }) => p.title === 'Upphandling av IT-drift och telefoni',
    );
    expect(drift).toMatchObject({ status: 'cancelled', cancelledOn: '2014-11-24', cancelCost: 400_000_000 });
    const kf = json(
      await app.inject({
        url: `/api/v1/decisions/${plan.initiatives[0].decision.id}`,
        headers: strateg.headers(),
      }),
    );
    expect(kf.links).toContainEqual(expect.objectContaining({ kind: 'procurement', id: drift.id }));
    const follow = json(
      await app.inject({ url: '/api/v1/goals/follow-up/2026', headers: strateg.headers() }),
    );
    expect(follow.plans.map((p: { title: string }) => p.title)).toEqual(['IT-plan 2026']);
  });

  it("holds seed 002's governing documents, the riktlinjer under their policy and some overdue", async () => {
    const docs = json(
      await app.inject({ url: '/api/v1/documents?limit=50', headers: strateg.headers() }),
    ).items;
    expect(docs.map((d: { title: string }) => d.title)).toEqual(
      expect.arrayContaining([
        'IT-policy',
        'Informationssäkerhetspolicy',
        'Kontinuitetsplan för IT',
        'IT-strategi 2023–2026',
      ]),
    );
    const overdue = json(
      await app.inject({ url: '/api/v1/documents?overdue=true', headers: strateg.headers() }),
    ).items;
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const klassning = docs.find((d: { title: string }) => d.title === 'Riktlinje för informationsklassning');
    expect(klassning.parent.name).toBe('Informationssäkerhetspolicy');
    const strategi = docs.find((d: { title: string }) => d.title === 'IT-strategi 2023–2026');
    expect(strategi.adoptedBy.name).toContain('Kommunstyrelsen 2015 § 94');
  });
});

// Last, so that every part above reads the demo as loaded once.
describe('desk: underpinning contracts followed up', () => {
  it("measures CGI's and Formpipe's stays against their contracts' levels", async () => {
    const admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    const report = json(await app.inject({ url: '/api/v1/desk/suppliers/report', headers: admin.headers() }));
    const byContract = new Map(
      report.rows.map((r: { contract: { title: string } | null }) => [r.contract?.title ?? null, r]),
    );
    for (const title of ['Lön och personal Heroma', 'Diarium och e-arkiv Formpipe']) {
      const row = byContract.get(title) as {
        tickets: number;
        response: { measured: number; share: number };
        resolution: { measured: number; share: number; minutes: { median: number } };
      };
      expect(row, title).toBeDefined();
      expect(row.tickets).toBeGreaterThan(5);
      expect(row.resolution.measured).toBeGreaterThan(0);
      expect(row.resolution.share).toBeGreaterThan(0.3);
      expect(row.resolution.share).toBeLessThanOrEqual(1);
      expect(row.resolution.minutes.median).toBeGreaterThan(0);
    }
  });
});

// The portfolio's demands: about forty across the units, a few prepared, one decided (seed 003).
describe('portfolio demands: the demo backlog', () => {
  it('holds about forty demands, prepared ones ranked first, one decided with its decision', async () => {
    const admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    const ranked = (
      await app.inject({ url: '/api/v1/demands?sort=rank&limit=200', headers: admin.headers() })
    ).json();
    expect(ranked.items.length).toBeGreaterThanOrEqual(38);
    expect(ranked.items[0].score).toBeGreaterThan(70);
    const decided = ranked.items.filter((d: { status: string }) => d.status === 'decided');
    expect(decided).toHaveLength(1);
    const one = (
      await app.inject({ url: `/api/v1/demands/${decided[0].id}`, headers: admin.headers() })
    ).json();
    expect(one.outcome).toBe('approved');
    expect(one.decision.name).toContain('§ 14');
    expect(one.agenda[0].forumKind).toBe('preparationGroup');
  });

  it('carries demands through their decisions: one in progress, seed 004 procurement project from its own', async () => {
    const admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    const find = async (title: string) => {
      const page = json(
        await app.inject({
          url: `/api/v1/demands?search=${encodeURIComponent(title)}`,
          headers: admin.headers(),
        }),
      );
      return json(await app.inject({ url: `/api/v1/demands/${page.items[0].id}`, headers: admin.headers() }));
    };
    const selfService = await find('Självservice för lösenordsbyte');
    expect(selfService.status).toBe('inProgress');
    expect(selfService.decision.name).toContain('§ 16');
    // Decided by KS under the cost rule (30 MSEK), carried out by the project KF cancelled (archived).
    const procurement = await find('Upphandla kommunens IT-drift och telefoni');
    expect(procurement.decision.name).toContain('§ 12');
    const projects = json(
      await app.inject({
        url: `/api/v1/projects?demandId=${procurement.id}&includeArchived=true`,
        headers: admin.headers(),
      }),
    );
    expect(projects.items.map((p: { name: string }) => p.name)).toEqual([
      'Upphandling IT-drift och telefoni',
    ]);
  });
});

// The catalogue's chargeback (issue 16): this year's months locked, this month a preview, one
// open dispute, an asset for every employee, and the export settings that let a locked month go
// to the finance system as SIE.
describe('catalogue: the chargeback year', () => {
  it('has the past months locked, this month a preview, one open dispute and a SIE file that balances', async () => {
    const admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    const get = (url: string) => app.inject({ url, headers: admin.headers() });
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const runs = json(await get('/api/v1/catalogue/runs?limit=24')).items as {
      id: string;
      period: string;
      state: string;
      total: number;
    }[];
    const thisYear = runs.filter((r) => r.period.startsWith(thisMonth.slice(0, 4)));
    expect(thisYear.find((r) => r.period === thisMonth)?.state).toBe('preview');
    const locked = thisYear.filter((r) => r.state === 'locked');
    expect(locked).toHaveLength(now.getUTCMonth());
    const disputes = json(await get('/api/v1/catalogue/disputes?state=open')).items;
    expect(disputes).toHaveLength(now.getUTCMonth() > 0 ? 1 : 0);
    expect(json(await get('/api/v1/catalogue/export-settings'))).toMatchObject({
      complete: true,
      series: 'IT',
    });
    const last = locked.sort((a, b) => b.period.localeCompare(a.period))[0];
    if (!last) return;
    expect(last.total).toBeGreaterThan(0);
    const sie = await get(`/api/v1/catalogue/runs/${last.id}/sie`);
    expect(sie.statusCode, sie.body).toBe(200);
    const text = iconv.decode(sie.rawPayload, 'cp437');
    // Every voucher balances, and what is charged to the units (all but the IT unit's income
    // account) is the run's total.
    let charged = 0;
    for (const voucher of text.split('#VER').slice(1)) {
      const rows = [...voucher.matchAll(/#TRANS "([^"]+)" \{[^}]*\} (-?[\d.]+)/g)].map((m) => ({
        account: m[1],
        ore: Math.round(Number(m[2]) * 100),
      }));
      expect(rows.reduce((a, r) => a + r.ore, 0)).toBe(0);
      charged += rows.filter((r) => r.account !== '3510').reduce((a, r) => a + r.ore, 0);
    }
    expect(charged).toBe(last.total);
    // The desk's billable hours of the year are charged too, to the socialförvaltning's cost centre.
    const hourLines = [];
    for (const run of locked) {
      const lines = json(await get(`/api/v1/catalogue/runs/${run.id}/lines?limit=200`)).items as {
        source: string;
        amount: number;
      }[];
      hourLines.push(...lines.filter((l) => l.source === 'deskHours'));
    }
    expect(hourLines.length).toBeGreaterThan(0);
    expect(hourLines.every((l) => l.amount > 0)).toBe(true);
  });

  it('rents an asset to every employee', async () => {
    const admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    const page = json(
      await app.inject({
        url: '/api/v1/catalogue/assets?state=issued&kind=computer&limit=200',
        headers: admin.headers(),
      }),
    );
    const people = json(await app.inject({ url: '/api/v1/people?limit=200', headers: admin.headers() }));
    const units = json(await app.inject({ url: '/api/v1/units?limit=200', headers: admin.headers() }));
    // Employees: the active people of the kommun's own units; a partner's staff rent nothing.
    const partners = new Set(
      units.items.filter((u: { kind: string }) => u.kind === 'partner').map((u: { id: string }) => u.id),
    );
    const employees = people.items.filter(
      (p: { active: boolean; archivedAt: string | null; unitId: string }) =>
        p.active && !p.archivedAt && !partners.has(p.unitId),
    );
    expect(employees.length).toBeGreaterThan(50);
    expect(page.items.length).toBeGreaterThanOrEqual(employees.length);
  });
});

// The cost figures (issue 16 point 6): Styrby's budgets against its chargeback this year, and
// both municipalities share their totals, so that the comparison shows two.
describe('catalogue: the cost figures', () => {
  it('sets the budgets against the outcome and compares two municipalities', async () => {
    const admin = await signInOverHttp(app, 'admin@styrbord.example', 'demo');
    const get = async (url: string) => json(await app.inject({ url, headers: admin.headers() }));
    const figures = await get('/api/v1/catalogue/figures');
    expect(figures.total.budget).toBeGreaterThan(0);
    expect(figures.total.employees).toBeGreaterThan(50);
    expect(figures.total.workplaces).toBeGreaterThan(50);
    const comparison = await get('/api/v1/catalogue/figures/comparison');
    expect(comparison.shared).toBe(true);
    expect(comparison.tenants.map((t: { name: string }) => t.name)).toEqual([
      'Grannby kommun',
      'Styrby kommun',
    ]);
    // Grannby rents a computer to each of its employees, billed every month before this one.
    const grannby = comparison.tenants[0];
    expect(grannby.workplaces).toBe(grannby.employees);
    expect(grannby.lockedMonths).toBe(new Date().getUTCMonth());
    if (grannby.lockedMonths > 0) expect(grannby.perWorkplace).toBe(39_500 * grannby.lockedMonths);
  });
});

describe('directory: loading the demo again', () => {
  it('refuses to load twice', async () => {
    await expect(loadDemo(database.db)).rejects.toThrow(/already exists/);
  });
});
