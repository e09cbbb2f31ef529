import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { changeRequestNotice } from './account-managers.ts';
import { slaCheckJob, slaSweepJob } from './clocks.ts';
import { loadTicketsDemo } from './demo.ts';
import { historySize, loadTicketHistory } from './demo-history.ts';
import { slaBreach, slaEscalateJob, slaWarning } from './escalation.ts';
import { ticketImportRoutes } from './import-routes.ts';
import { ticketRoutes } from './routes.ts';
import * as tickets from './service.ts';
import { autoCloseJob, ticketSettingsRefs } from './settings.ts';

// Tickets on the seam: their routes, tickets in the global search (an agent's by number, title and
// text; an employee's own), how the audit trail names them, and the walks' records.

export const ticketsPart: ModulePart = {
  name: 'tickets',
  routes(app, context) {
    ticketRoutes(app, context);
    ticketImportRoutes(app, context);
  },
  async demo(db, tenant, made) {
    await loadTicketsDemo(db, tenant, made);
    await loadTicketHistory(db, tenant, made, historySize());
  },
  jobs: [autoCloseJob(tickets.closeTicket), slaCheckJob, slaSweepJob, slaEscalateJob],
  notificationKinds: [slaWarning, slaBreach, changeRequestNotice],
  startItems: [
    {
      // The open tickets assigned to the signed-in agent, and the person's own tickets that wait
      // for their answer.
      section: 'tickets',
      async items(db, actor) {
        const base = { limit: 20, sort: 'updatedAt', order: 'desc', unassigned: false } as const;
        const assigned = deskPolicy.agent(actor)
          ? await tickets.listTickets(db, actor, { ...base, view: 'work', assigneeId: 'me', status: 'open' })
          : { items: [] };
        const waiting = await tickets.listTickets(db, actor, {
          ...base,
          view: 'mine',
          status: 'waitingRequester',
        });
        return [...assigned.items, ...waiting.items].map((t) => ({
          section: 'tickets',
          id: t.id,
          title: `${t.number} ${t.title}`,
          detail:
            t.status === 'waitingRequester' && t.assigneeId !== actor.personId ? 'Väntar på ditt svar' : null,
          href: `/desk/tickets/${t.id}`,
          due: t.dueAt ? t.dueAt.toISOString() : null,
        }));
      },
    },
  ],
  search: [
    {
      section: 'tickets',
      async search(db, actor, term, limit) {
        const view = deskPolicy.agent(actor) ? 'work' : 'mine';
        const page = await tickets.listTickets(db, actor, {
          view,
          search: term,
          limit,
          sort: 'updatedAt',
          order: 'desc',
          unassigned: false,
        });
        return page.items.map((t) => ({
          id: t.id,
          title: `${t.number} ${t.title}`,
          detail: null,
          href: `/desk/tickets/${t.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'ticketSettings', describe: ticketSettingsRefs },
    {
      entity: 'ticketImport',
      async describe(_db, tenantId, ids) {
        return new Map(
          ids
            .filter((id) => id === tenantId)
            .map((id) => [id, { id, name: 'Import av ärenden', href: '/desk/console', archived: false }]),
        );
      },
    },
    {
      entity: 'ticket',
      describe: tickets.ticketRefs,
      canReadHistory: (actor) => deskPolicy.allGroups(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await tickets.createTicket(db, tenant.actor, {
        type: 'incident',
        title: 'Hemligt ärende',
        description: 'Hemlig beskrivning av felet',
        requesterId: tenant.adminId,
        groupId: made.groups ?? null,
      });
      await tickets.addMessage(db, tenant.actor, row.id, {
        body: 'Hemlig intern anteckning',
        internal: true,
      });
      return {
        ids: { tickets: row.id },
        secrets: [row.id, 'Hemligt ärende', 'Hemlig beskrivning av felet', 'Hemlig intern anteckning'],
      };
    },
    bodies: {
      'POST /api/v1/tickets': () => ({
        title: 'Skrivaren skriver inte ut',
        description: 'Plan 3',
        urgency: 2,
      }),
      'PATCH /api/v1/tickets/{id}': () => ({ version: 1, impact: 2 }),
      'POST /api/v1/tickets/{id}/messages': () => ({ body: 'Vi tittar på det.' }),
      'POST /api/v1/tickets/{id}/reopen': () => ({ version: 1, reason: 'Felet är tillbaka' }),
      'POST /api/v1/tickets/{id}/rating': () => ({ version: 1, rating: 5, comment: 'Snabbt!' }),
      'PATCH /api/v1/desk/ticket-settings': () => ({ version: 1, reopenDays: 7 }),
      'POST /api/v1/tickets/import': (ids) => ({
        tickets: [
          {
            sourceRef: 'walk:1',
            title: 'Gammalt ärende',
            requesterId: ids.people,
            createdAt: '2025-03-03T08:00:00+01:00',
            events: [{ at: '2025-03-03T09:00:00+01:00', status: 'solved' }],
          },
        ],
      }),
    },
    selfService: [
      'GET /api/v1/desk/can',
      'GET /api/v1/tickets',
      'POST /api/v1/tickets',
      'GET /api/v1/tickets/{id}',
      'POST /api/v1/tickets/{id}/messages',
      'GET /api/v1/tickets/{id}/timeline',
      'POST /api/v1/tickets/{id}/reopen',
      'POST /api/v1/tickets/{id}/rating',
    ],
  },
};
