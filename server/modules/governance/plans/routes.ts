import { plan, planCreate, planListQuery, planUpdate } from '../../../../shared/governance/plans.ts';
import type { App } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { presentPlan } from './present.ts';
import * as plans from './service.ts';
import { exportPlans } from './transfer.ts';

// HTTP for IT plans: /api/v1/plans (the seven record routes). Staff read; the IT-strateg and
// admins keep them.

export function planRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/plans',
    noun: 'IT plan',
    plural: 'IT plans',
    item: plan,
    listQuery: planListQuery,
    create: planCreate,
    update: planUpdate,
    read: governancePolicy.read,
    write: governancePolicy.manage,
    present: presentPlan,
    list: plans.listPlans,
    exportFile: exportPlans,
    get: plans.getPlan,
    add: async (db, actor, input) => plans.getPlan(db, actor, (await plans.createPlan(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await plans.updatePlan(db, actor, id, input);
      return plans.getPlan(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await plans.archivePlan(db, actor, id, input);
      return plans.getPlan(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await plans.restorePlan(db, actor, id, version);
      return plans.getPlan(db, actor, id);
    },
  });
}
