import {
  followUpParams,
  goal,
  goalCreate,
  goalListQuery,
  goalUpdate,
  goalValueInput,
  indicatorSources,
} from '../../../../shared/governance/goals.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { followUp, yearFollowUp } from './followup.ts';
import { presentGoal, presentSource } from './present.ts';
import * as goals from './service.ts';
import { exportGoals } from './transfer.ts';

// HTTP for the IT strategy's goals: /api/v1/goals (the seven record routes), a year's value or
// target of an indicator, the indicator sources the modules register, and a year's follow-up.
// Staff read; the IT-strateg and admins keep them.

export function goalRoutes(app: App, { db, seam }: ModuleContext) {
  const tags = ['governance'];

  app.get(
    '/api/v1/goals/sources',
    {
      schema: {
        tags,
        summary: 'The figures an indicator may be computed from, as the modules register them',
        response: { 200: indicatorSources, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async () => ({ items: seam.indicatorSources.map(presentSource) }),
  );

  app.get(
    '/api/v1/goals/follow-up/:year',
    {
      schema: {
        tags,
        summary: "A year's follow-up: goals by perspective with their indicators, and the plans covering it",
        params: followUpParams,
        response: { 200: followUp, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) => yearFollowUp(db, principalOf(request), request.params.year, seam),
  );

  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/goals',
    noun: 'goal',
    plural: 'goals',
    item: goal,
    listQuery: goalListQuery,
    create: goalCreate,
    update: goalUpdate,
    read: governancePolicy.read,
    write: governancePolicy.manage,
    present: presentGoal,
    list: (db, actor, query) => goals.listGoals(db, actor, query, seam),
    exportFile: (db, actor, query, format) => exportGoals(db, actor, query, format, seam),
    get: (db, actor, id) => goals.getGoal(db, actor, id, seam),
    add: async (db, actor, input) =>
      goals.getGoal(db, actor, (await goals.createGoal(db, actor, input, seam)).id, seam),
    change: async (db, actor, id, input) => {
      await goals.updateGoal(db, actor, id, input, seam);
      return goals.getGoal(db, actor, id, seam);
    },
    archive: async (db, actor, id, input) => {
      await goals.archiveGoal(db, actor, id, input);
      return goals.getGoal(db, actor, id, seam);
    },
    restore: async (db, actor, id, version) => {
      await goals.restoreGoal(db, actor, id, version);
      return goals.getGoal(db, actor, id, seam);
    },
  });

  app.put(
    '/api/v1/goals/:id/values',
    {
      schema: {
        tags,
        summary:
          "Set one year of an indicator: its target, its value by hand, or freeze a computed figure (with the goal's version)",
        params: idParams,
        body: goalValueInput,
        response: { 200: goal, ...errorResponses },
      },
      config: { authorize: governancePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      await goals.setGoalValue(db, actor, request.params.id, request.body, seam);
      return presentGoal(await goals.getGoal(db, actor, request.params.id, seam), actor);
    },
  );
}
