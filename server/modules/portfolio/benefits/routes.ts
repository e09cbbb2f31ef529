import {
  effectGoal,
  effectGoalCreate,
  effectGoalListQuery,
  effectGoalUpdate,
  followUpCreate,
} from '../../../../shared/portfolio/benefits.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { portfolioPolicy } from '../policy.ts';
import { presentGoal } from './present.ts';
import * as benefits from './service.ts';
import { exportGoals } from './transfer.ts';

// HTTP for effect goals: /api/v1/effect-goals (the seven record routes) and a goal's follow-ups.
// Staff read; the gate of a change is staff, and the service checks the project (its keepers and
// manager keep its goals; the responsible person records follow-ups too).

export function benefitRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'portfolio',
    path: '/api/v1/effect-goals',
    noun: 'effect goal',
    plural: 'effect goals',
    item: effectGoal,
    listQuery: effectGoalListQuery,
    create: effectGoalCreate,
    update: effectGoalUpdate,
    read: portfolioPolicy.read,
    write: portfolioPolicy.reportSome,
    present: presentGoal,
    list: benefits.listGoals,
    exportFile: exportGoals,
    get: benefits.getGoal,
    add: async (db, actor, input) =>
      benefits.getGoal(db, actor, (await benefits.createGoal(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await benefits.updateGoal(db, actor, id, input);
      return benefits.getGoal(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await benefits.archiveGoal(db, actor, id, input);
      return benefits.getGoal(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await benefits.restoreGoal(db, actor, id, version);
      return benefits.getGoal(db, actor, id);
    },
  });

  app.post(
    '/api/v1/effect-goals/:id/follow-ups',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Record a follow-up of an effect goal: the value measured on a day, answering its planned follow-up date',
        params: idParams,
        body: followUpCreate,
        response: { 201: effectGoal, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.reportSome },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      await benefits.addFollowUp(db, actor, request.params.id, request.body);
      return reply.code(201).send(presentGoal(await benefits.getGoal(db, actor, request.params.id), actor));
    },
  );
}
