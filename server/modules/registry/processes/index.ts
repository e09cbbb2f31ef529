import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadProcessesDemo } from './demo.ts';
import { processRoutes } from './routes.ts';
import * as service from './service.ts';

// The process tree on the seam: its routes, processes in the global search and the audit trail,
// the demo's tree and the walks' records.

export const processesPart: Part = {
  name: 'processes',
  routes: processRoutes,
  demo: loadProcessesDemo,
  search: [
    {
      section: 'processes',
      async search(db, actor, term, limit) {
        const page = await service.listProcesses(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((p) => ({
          id: p.id,
          title: `${p.code} ${p.name}`,
          detail: p.description,
          href: `/processes/${p.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'process',
      describe: service.processRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const root = await service.createProcess(db, tenant.actor, {
        level: 'activityType',
        code: '9',
        name: 'Hemlig verksamhetstyp A',
      });
      const area = await service.createProcess(db, tenant.actor, {
        parentId: root.id,
        level: 'area',
        code: '9.1',
        name: 'Hemligt område A',
      });
      const group = await service.createProcess(db, tenant.actor, {
        parentId: area.id,
        level: 'group',
        code: '9.1.1',
        name: 'Hemlig processgrupp A',
      });
      const process = await service.createProcess(db, tenant.actor, {
        parentId: group.id,
        level: 'process',
        code: '9.1.1.1',
        name: 'Hemlig process A',
      });
      if (made.systems)
        await service.setSystemProcesses(db, tenant.actor, made.systems, { processIds: [process.id] });
      return {
        ids: { processes: process.id, processGroups: group.id },
        secrets: [process.id, group.id, 'Hemlig process A', 'Hemlig processgrupp A'],
      };
    },
    bodies: {
      'POST /api/v1/processes': (ids) => ({
        parentId: ids.processGroups,
        level: 'process',
        code: '9.1.1.2',
        name: 'Ny process',
        description: 'Beskrivning',
      }),
      'PATCH /api/v1/processes/{id}': () => ({ version: 1, name: 'Ändrad process', code: '9.1.1.9' }),
      'POST /api/v1/processes/{id}/move': (ids) => ({ version: 1, parentId: ids.processGroups }),
      'POST /api/v1/processes/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/processes/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/processes/reference': () => ({}),
      'PUT /api/v1/systems/{id}/processes': (ids) => ({ processIds: [ids.processes], version: 1 }),
    },
  },
};
