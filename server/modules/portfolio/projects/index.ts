import type { ModulePart } from '../../../platform/module-parts.ts';
import { createForum } from '../../governance/forums/service.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { portfolioPolicy } from '../policy.ts';
import { loadProjectsDemo } from './demo.ts';
import { reportSweepJob, statusReportReminder } from './reminders.ts';
import { projectRoutes } from './routes.ts';
import * as projects from './service.ts';

// Projects on the seam: their routes, the projects in the global search, how the audit trail
// names them, deviations as an agenda source of the steering group, the manager's report
// reminder and its nightly sweep, the manager's reports due on the start page, the demo's
// projects (seed 004's six steps) and the walks' records.

export const projectsPart: ModulePart = {
  name: 'projects',
  routes: projectRoutes,
  demo: loadProjectsDemo,
  notificationKinds: [statusReportReminder],
  jobs: [reportSweepJob],
  agendaSources: [
    { kind: projects.DEVIATION, waiting: projects.deviationsWaiting, describe: projects.deviationRefs },
  ],
  search: [
    {
      section: 'projects',
      async search(db, actor, term, limit) {
        if (!portfolioPolicy.read(actor)) return [];
        const page = await projects.listProjects(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((p) => ({
          id: p.id,
          title: p.name,
          detail: p.managerId ? (p.names.get(p.managerId) ?? null) : null,
          href: `/portfolio/projects/${p.id}`,
        }));
      },
    },
  ],
  startItems: [
    {
      section: 'projects',
      // The reader's own projects whose status report is due within 7 days or overdue.
      async items(db, actor) {
        if (!actor.personId || !portfolioPolicy.read(actor)) return [];
        const page = await projects.listProjects(db, actor, {
          managerId: actor.personId,
          limit: 50,
          includeArchived: false,
        });
        const until = new Date(Date.parse(`${todayInStockholm()}T12:00:00Z`) + 7 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return page.items
          .filter((p) => p.nextReportOn && p.nextReportOn <= until)
          .map((p) => ({
            section: 'projects',
            id: p.id,
            title: p.name,
            detail: `Statusrapport senast ${p.nextReportOn}`,
            href: `/portfolio/projects/${p.id}`,
            due: p.nextReportOn,
          }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'project',
      describe: projects.projectRefs,
      canReadHistory: (actor) => portfolioPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const forum = await createForum(db, tenant.actor, {
        name: 'Hemlig projektstyrgrupp',
        kind: 'steeringGroup',
        meetingsPerYear: 10,
        chairId: tenant.adminId,
        members: [{ personId: tenant.adminId }],
      });
      const row = await projects.createProject(db, tenant.actor, {
        name: 'Hemligt projekt',
        description: 'Hemlig projektbeskrivning',
        managerId: tenant.adminId,
        steeringGroupId: forum.id,
        unitId: tenant.unitId,
        milestones: [{ name: 'Hemlig milstolpe', plannedOn: '2026-06-30' }],
        risks: [{ description: 'Hemlig risk', probability: 3, consequence: 4 }],
      });
      await projects.addReport(db, tenant.actor, row.id, {
        periodFrom: '2026-01-01',
        periodTo: '2026-01-31',
        time: 'amber',
        cost: 'green',
        scope: 'green',
        summary: 'Hemlig statusrapport',
      });
      return {
        ids: { projects: row.id },
        secrets: [
          row.id,
          'Hemligt projekt',
          'Hemlig projektbeskrivning',
          'Hemlig milstolpe',
          'Hemlig risk',
          'Hemlig statusrapport',
        ],
      };
    },
    bodies: {
      'POST /api/v1/projects': (ids) => ({
        name: 'Nytt ärendehanteringssystem',
        description: 'Upphandling och införande av e-arkiv',
        phase: 'planning',
        managerId: ids.people,
        steeringGroupId: ids.forums,
        unitId: ids.units,
        systemIds: [ids.systems],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        reportCadence: 'quarterly',
        budget: [{ year: 2026, investment: 100_000_00, running: 20_000_00 }],
        milestones: [{ name: 'Upphandling klar', plannedOn: '2026-04-30' }],
        risks: [
          { description: 'Leverantören hinner inte', probability: 2, consequence: 4, ownerId: ids.people },
        ],
      }),
      'PATCH /api/v1/projects/{id}': () => ({ version: 1, phase: 'execution' }),
      'POST /api/v1/projects/{id}/archive': () => ({ version: 1, reason: 'Avbrutet' }),
      'POST /api/v1/projects/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/projects/{id}/reports': () => ({
        periodFrom: '2026-02-01',
        periodTo: '2026-02-28',
        time: 'green',
        cost: 'amber',
        costNote: 'Konsultkostnaderna är högre än planerat',
        scope: 'green',
      }),
      'POST /api/v1/projects/{id}/deviations': () => ({
        title: 'Leveransen försenas två månader',
        consequence: 'Införandet skjuts till hösten',
        proposedAction: 'Förläng avtalet med nuvarande leverantör',
        needsDecision: true,
      }),
      'POST /api/v1/projects/{id}/handover': (ids) => ({ version: 1, systemId: ids.systems }),
    },
  },
};
