import { createPerson } from '../../../platform/directory/service.ts';
import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadSystemsDemo } from './demo.ts';
import { systemIndicatorSources } from './indicators.ts';
import { systemQualityChecks } from './quality.ts';
import { syncSystemRolesJob } from './roles/job.ts';
import { systemRoleRoutes } from './roles/routes.ts';
import * as roles from './roles/service.ts';
import { systemRoutes } from './routes.ts';
import * as systems from './service.ts';

// Systems on the seam: their routes, the `system` scope kind (so roles are granted per system),
// systems in the global search, how the audit trail names them, the figures goals may follow
// (./indicators.ts), and the walks' records.

export const systemsPart: Part = {
  name: 'systems',
  routes(app, context) {
    systemRoutes(app, context);
    systemRoleRoutes(app, context);
  },
  demo: loadSystemsDemo,
  quality: systemQualityChecks,
  jobs: [syncSystemRolesJob],
  indicatorSources: systemIndicatorSources,
  startItems: [
    {
      section: 'mySystems',
      // The systems the signed-in person answers for that need attention: a required role no one
      // active holds (an owner or förvaltare who has left), or the system is being phased out.
      async items(db, actor) {
        const systems = await roles.systemsNeedingAttention(db, actor);
        return systems.map((s) => ({
          section: 'mySystems',
          id: s.id,
          title: s.name,
          detail: [
            ...s.gaps.map((g) => `Saknar ${roles.kindName(g).toLowerCase()}`),
            ...(s.phaseOut ? ['Under avveckling'] : []),
          ].join(' · '),
          href: `/systems/${s.id}`,
          due: s.phaseOut ? s.phaseOutFrom : null,
        }));
      },
    },
  ],
  scopeKinds: [
    {
      kind: 'system',
      describe: systems.systemRefs,
      async search(db, actor, term, limit) {
        const page = await systems.listSystems(db, actor, {
          search: term,
          limit,
          includeArchived: false,
        });
        return page.items.map((s) => ({ id: s.id, name: s.name, href: `/systems/${s.id}`, archived: false }));
      },
    },
  ],
  search: [
    {
      section: 'systems',
      async search(db, actor, term, limit) {
        const page = await systems.listSystems(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((s) => ({
          id: s.id,
          title: s.shortName ? `${s.name} (${s.shortName})` : s.name,
          detail: [s.product, s.productVersion].filter(Boolean).join(' ') || null,
          href: `/systems/${s.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'system',
      describe: systems.systemRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
    {
      entity: 'systemRole',
      describe: roles.systemRoleRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const system = await systems.createSystem(db, tenant.actor, {
        name: 'Hemligt system A',
        scope: 'business',
        owningUnitId: tenant.unitId,
        usingUnits: [{ unitId: tenant.unitId, users: 12 }],
      });
      const holder = await createPerson(db, tenant.actor, {
        givenName: 'Hemlig',
        familyName: 'Förvaltare',
        email: 'hemlig.forvaltare@a.example',
        unitId: tenant.unitId,
      });
      const role = await roles.createRole(db, tenant.actor, system.id, {
        kind: 'systemManager',
        personId: holder.id,
        note: 'Hemlig anteckning A',
      });
      return {
        ids: { systems: system.id, 'system-roles': role.id, systemRoleHolder: holder.id },
        secrets: [system.id, 'Hemligt system A', role.id, 'Hemlig anteckning A'],
      };
    },
    bodies: {
      'POST /api/v1/systems': (ids) => ({
        name: 'Nytt system',
        shortName: 'NS',
        description: 'Beskrivning',
        scope: 'shared',
        category: 'Ekonomi',
        owningUnitId: ids.units,
        usingUnits: [{ unitId: ids.units, users: 3 }],
        phase: 'operation',
        inOperationFrom: '2020-01-01',
        operationForm: 'saas',
        criticality: 'high',
        timeAssessment: 'invest',
        timeMotivation: 'Motivering',
        product: 'Produkt',
        productVersion: '1.0',
        eService: true,
        ownDeveloped: false,
        links: [{ label: 'Start', url: 'https://example.se' }],
        tags: ['ekonomi'],
      }),
      'PATCH /api/v1/systems/{id}': () => ({ version: 1, name: 'Ändrat', criticality: 'low' }),
      'POST /api/v1/systems/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/systems/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/systems/{id}/roles': (ids) => ({
        kind: 'systemOwner',
        personId: ids.systemRoleHolder,
        validFrom: '2026-01-01',
        validTo: null,
        note: 'Utsedd av nämnden',
      }),
      'PATCH /api/v1/system-roles/{id}': () => ({ version: 1, validTo: '2030-12-31', note: 'Ändrad' }),
      'POST /api/v1/system-roles/{id}/end': () => ({ version: 1, endsOn: '2030-12-31' }),
    },
  },
};
