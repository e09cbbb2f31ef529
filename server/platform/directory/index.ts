import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type Module, RawBody, type RecordRef } from '../seam.ts';
import { unitAttachments } from './attachments.ts';
import { roleGranted } from './notifications.ts';
import { directoryPolicy } from './policy.ts';
import { directoryRoutes } from './routes.ts';
import { people, roleAssignments, units } from './schema.ts';
import * as directory from './service.ts';
import { transferRoutes } from './transfer-routes.ts';

// What the directory registers on the seam, like any module: its routes, the `unit` scope kind,
// people and units in the global search, how its audited records are named, and the records and
// bodies of the access and bad-input walks.

async function unitRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: units.id, name: units.name, archivedAt: units.archivedAt })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), inArray(units.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/units/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

async function personRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({
      id: people.id,
      given: people.givenName,
      family: people.familyName,
      archivedAt: people.archivedAt,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `${r.given} ${r.family}`, href: `/people/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

/** A grant is shown as its holder: the history of a grant belongs on the person's page. */
async function roleAssignmentRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: roleAssignments.id, personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), inArray(roleAssignments.id, [...ids])));
  const holders = await personRefs(
    db,
    tenantId,
    rows.map((r) => r.personId),
  );
  return new Map(
    rows.flatMap((r) => {
      const holder = holders.get(r.personId);
      return holder ? [[r.id, { ...holder, id: r.id }] as const] : [];
    }),
  );
}

export const directoryModule: Module = {
  name: 'directory',
  routes(app, context) {
    directoryRoutes(app, context);
    transferRoutes(app, context.db);
  },
  notificationKinds: [roleGranted],
  scopeKinds: [
    {
      kind: 'unit',
      describe: unitRefs,
      async search(db, actor, term, limit) {
        const page = await directory.listUnits(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((u) => ({ id: u.id, name: u.name, href: `/units/${u.id}`, archived: false }));
      },
      enclosing: directory.unitAncestors,
    },
  ],
  attachmentKinds: [unitAttachments],
  search: [
    {
      section: 'people',
      async search(db, actor, term, limit) {
        const page = await directory.listPeople(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((p) => ({
          id: p.id,
          title: `${p.givenName} ${p.familyName}`,
          detail: [p.title, p.email].filter(Boolean).join(' · ') || null,
          href: `/people/${p.id}`,
        }));
      },
    },
    {
      section: 'units',
      async search(db, actor, term, limit) {
        const page = await directory.listUnits(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((u) => ({
          id: u.id,
          title: u.name,
          detail: u.costCentre,
          href: `/units/${u.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'unit', describe: unitRefs },
    {
      entity: 'person',
      describe: personRefs,
      // Everyone may read the history of their own person record (what was changed about them).
      canReadHistory: directoryPolicy.readPersonHistory,
    },
    { entity: 'roleAssignment', describe: roleAssignmentRefs },
  ],
  walk: {
    async seed(db, tenant) {
      const unit = await directory.createUnit(db, tenant.actor, {
        name: 'Hemlig enhet A',
        kind: 'subunit',
        parentId: tenant.unitId,
        costCentre: '9911',
      });
      const person = await directory.createPerson(db, tenant.actor, {
        givenName: 'Anna',
        familyName: 'Andersson',
        email: 'anna@a.example',
        unitId: unit.id,
      });
      const grant = await directory.grantRole(db, tenant.actor, { personId: person.id, role: 'reader' });
      return {
        ids: { units: unit.id, people: person.id, 'role-assignments': grant.id },
        secrets: [unit.id, person.id, grant.id, 'anna@a.example', 'Hemlig enhet A'],
      };
    },
    bodies: {
      'POST /api/v1/units': (ids) => ({
        name: 'Ny enhet',
        kind: 'subunit',
        parentId: ids.units,
        costCentre: '1',
        orgNumber: '212000-0001',
      }),
      'PATCH /api/v1/units/{id}': () => ({
        version: 1,
        name: 'Ändrad',
        kind: 'office',
        parentId: null,
        costCentre: '2',
        orgNumber: null,
      }),
      'POST /api/v1/units/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/units/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/people': (ids) => ({
        givenName: 'Ny',
        familyName: 'Person',
        email: 'ny@a.example',
        title: 'Titel',
        phone: '070-123 45 67',
        unitId: ids.units,
        employeeNumber: '1',
        active: true,
      }),
      'PATCH /api/v1/people/{id}': () => ({ version: 1, givenName: 'Ny', title: 'T', active: false }),
      'POST /api/v1/people/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/people/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/people/{id}/password-reset': () => ({ revokeTokens: true }),
      'POST /api/v1/units/import': () => new RawBody('text/csv', 'namn;typ;överordnad\nUnder A;enhet;9911\n'),
      'POST /api/v1/people/import': () =>
        new RawBody('text/csv', 'förnamn;efternamn;e-post;enhet\nB;Probe;probe@b.example;Hemlig enhet A\n'),
      'POST /api/v1/role-assignments': (ids) => ({
        personId: ids.people,
        role: 'economist',
        scope: 'unit',
        scopeId: ids.units,
      }),
    },
  },
};
