import {
  deviationCreate,
  handoverBody,
  project,
  projectCreate,
  projectListQuery,
  projectUpdate,
  statusReportCreate,
} from '../../../../shared/portfolio/projects.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { portfolioPolicy } from '../policy.ts';
import { presentProject } from './present.ts';
import * as projects from './service.ts';
import { exportProjects } from './transfer.ts';

// HTTP for projects: /api/v1/projects (the seven record routes), and a project's status reports,
// deviations and handover. Staff read; the portfolio's keepers keep projects; the project's
// manager reports and raises deviations too.

export function projectRoutes(app: App, { db, seam }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'portfolio',
    path: '/api/v1/projects',
    noun: 'project',
    plural: 'projects',
    item: project,
    listQuery: projectListQuery,
    create: projectCreate,
    update: projectUpdate,
    read: portfolioPolicy.read,
    write: portfolioPolicy.edit,
    present: presentProject,
    list: projects.listProjects,
    exportFile: exportProjects,
    get: projects.getProject,
    add: async (db, actor, input) =>
      projects.getProject(db, actor, (await projects.createProject(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await projects.updateProject(db, actor, id, input);
      return projects.getProject(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await projects.archiveProject(db, actor, id, input);
      return projects.getProject(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await projects.restoreProject(db, actor, id, version);
      return projects.getProject(db, actor, id);
    },
  });

  const tags = ['portfolio'];
  const added = { 201: project, ...errorResponses };

  app.post(
    '/api/v1/projects/:id/reports',
    {
      schema: {
        tags,
        summary: 'Report the status of a project for a period: red, amber or green on time, cost and scope',
        params: idParams,
        body: statusReportCreate,
        response: added,
      },
      config: { authorize: portfolioPolicy.reportSome },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      await projects.addReport(db, actor, request.params.id, request.body);
      return reply
        .code(201)
        .send(presentProject(await projects.getProject(db, actor, request.params.id), actor));
    },
  );

  app.post(
    '/api/v1/projects/:id/deviations',
    {
      schema: {
        tags,
        summary: "Raise a deviation: onto the steering group's next meeting's agenda, or waiting for it",
        params: idParams,
        body: deviationCreate,
        response: added,
      },
      config: { authorize: portfolioPolicy.reportSome },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      await projects.raiseDeviation(db, actor, request.params.id, request.body, seam);
      return reply
        .code(201)
        .send(presentProject(await projects.getProject(db, actor, request.params.id), actor));
    },
  );

  app.post(
    '/api/v1/projects/:id/handover',
    {
      schema: {
        tags,
        summary:
          'Hand the project over to förvaltning: a system of the register into operation, or a new one',
        params: idParams,
        body: handoverBody,
        response: { 200: project, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.edit },
    },
    async (request) => {
      const actor = principalOf(request);
      await projects.handOver(db, actor, request.params.id, request.body);
      return presentProject(await projects.getProject(db, actor, request.params.id), actor);
    },
  );
}
