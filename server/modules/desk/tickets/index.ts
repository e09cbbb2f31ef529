import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { ticketRoutes } from './routes.ts';
import * as tickets from './service.ts';

// Tickets on the seam: their routes, tickets in the global search (an agent's by number, title and
// text; an employee's own), how the audit trail names them, and the walks' records.

export const ticketsPart: ModulePart = {
  name: 'tickets',
  routes: ticketRoutes,
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
