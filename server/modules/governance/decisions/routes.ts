import {
  decision,
  decisionBodies,
  decisionCreate,
  decisionListQuery,
  decisionUpdate,
  governanceSettings,
  governanceSettingsUpdate,
} from '../../../../shared/governance/decisions.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { presentDecision, presentSettings } from './present.ts';
import * as decisions from './service.ts';
import { governanceSettingsOf, updateGovernanceSettings } from './settings.ts';
import { exportDecisions } from './transfer.ts';

// HTTP for decisions: /api/v1/decisions (the seven record routes; the list is the decision log
// with Swedish full-text search), the external bodies used so far, and the tenant's settings (the
// diarienummer's templates). Staff read; the keepers and a forum's members record its decisions.

export function decisionRoutes(app: App, { db, seam }: ModuleContext) {
  const tags = ['governance'];

  app.get(
    '/api/v1/decisions/bodies',
    {
      schema: {
        tags,
        summary: 'The external bodies decisions name so far (KF, KS, a nämnd …), most used first',
        response: { 200: decisionBodies, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) => ({ items: await decisions.decisionBodies(db, principalOf(request)) }),
  );

  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/decisions',
    noun: 'decision',
    plural: 'decisions',
    item: decision,
    listQuery: decisionListQuery,
    create: decisionCreate,
    update: decisionUpdate,
    read: governancePolicy.read,
    write: governancePolicy.recordSomeDecision,
    present: presentDecision,
    list: (db, actor, query) => decisions.listDecisions(db, actor, query, seam),
    exportFile: (db, actor, query, format) => exportDecisions(db, actor, query, format, seam),
    get: (db, actor, id) => decisions.getDecision(db, actor, id, seam),
    add: async (db, actor, input) =>
      decisions.getDecision(db, actor, (await decisions.createDecision(db, actor, input, seam)).id, seam),
    change: async (db, actor, id, input) => {
      await decisions.updateDecision(db, actor, id, input, seam);
      return decisions.getDecision(db, actor, id, seam);
    },
    archive: async (db, actor, id, input) => {
      await decisions.archiveDecision(db, actor, id, input);
      return decisions.getDecision(db, actor, id, seam);
    },
    restore: async (db, actor, id, version) => {
      await decisions.restoreDecision(db, actor, id, version);
      return decisions.getDecision(db, actor, id, seam);
    },
  });

  app.get(
    '/api/v1/governance/settings',
    {
      schema: {
        tags,
        summary: "The tenant's governance settings: the templates a diarienummer must follow",
        response: { 200: governanceSettings, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await governanceSettingsOf(db, actor.tenantId), actor);
    },
  );

  app.patch(
    '/api/v1/governance/settings',
    {
      schema: {
        tags,
        summary: 'Change the governance settings (with the version read)',
        body: governanceSettingsUpdate,
        response: { 200: governanceSettings, ...errorResponses },
      },
      config: { authorize: governancePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await updateGovernanceSettings(db, actor, request.body), actor);
    },
  );
}
