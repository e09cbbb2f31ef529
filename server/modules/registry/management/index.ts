import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadManagementDemo } from './demo.ts';
import { managementQualityChecks } from './quality.ts';
import { managementRoutes } from './routes.ts';
import * as management from './service.ts';

// Förvaltningsobjekt (pm3) on the seam: routes, the global search, the audit trail's names, the
// demo objects with their plans, and the walks' records.

export const managementPart: Part = {
  name: 'management',
  quality: managementQualityChecks,
  routes: managementRoutes,
  demo: loadManagementDemo,
  search: [
    {
      section: 'managementObjects',
      async search(db, actor, term, limit) {
        const page = await management.listObjects(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((o) => ({
          id: o.id,
          title: o.name,
          detail: o.description,
          href: `/management-objects/${o.id}`,
        }));
      },
    },
  ],
  startItems: [
    {
      section: 'managementPlans',
      async items(db, actor) {
        // The year in Stockholm: a plan is the municipality's calendar (and budget) year.
        const year = Number(
          new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(
            new Date(),
          ),
        );
        const rows = await management.objectsWithoutPlan(db, actor, year);
        return rows.map((o) => ({
          section: 'managementPlans',
          id: `${o.id}:${year}`,
          title: `Förvaltningsplan ${year} saknas: ${o.name}`,
          detail: null,
          href: `/management-objects/${o.id}`,
          due: null,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'managementObject',
      describe: management.objectRefs,
      canReadHistory: registryPolicy.readHistory,
    },
    { entity: 'managementPlan', describe: management.planRefs, canReadHistory: registryPolicy.readHistory },
  ],
  walk: {
    async seed(db, tenant) {
      const object = await management.createObject(db, tenant.actor, {
        name: 'Hemligt förvaltningsobjekt A',
        ownerId: tenant.adminId,
      });
      const plan = await management.createPlan(db, tenant.actor, object.id, {
        year: 2025,
        goals: ['Hemligt mål'],
        budgetMaintenance: 100_00,
      });
      return {
        ids: { 'management-objects': object.id, 'management-plans': plan.id },
        secrets: [object.id, plan.id, 'Hemligt förvaltningsobjekt A', 'Hemligt mål'],
      };
    },
    bodies: {
      'POST /api/v1/management-objects': (ids) => ({
        name: 'Nytt förvaltningsobjekt',
        description: 'Beskrivning',
        ownerId: ids.people,
        managerId: ids.people,
        systemIds: [],
      }),
      'PATCH /api/v1/management-objects/{id}': () => ({ version: 1, name: 'Ändrat' }),
      'POST /api/v1/management-objects/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/management-objects/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/management-objects/{id}/plans': () => ({
        year: 2026,
        status: 'draft',
        goals: ['Mål'],
        activities: [{ title: 'Uppgradering', kind: 'maintenance', status: 'planned' }],
        budgetMaintenance: 1_000_000,
        budgetDevelopment: 500_000,
      }),
      'PATCH /api/v1/management-plans/{id}': () => ({ version: 1, outcomeMaintenance: 90_00 }),
    },
  },
};
