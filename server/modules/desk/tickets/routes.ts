import { z } from 'zod';
import {
  ticket,
  ticketCreate,
  ticketListQuery,
  ticketMessage,
  ticketRating,
  ticketReopen,
  ticketRow,
  ticketSettings,
  ticketSettingsUpdate,
  ticketUpdate,
  timeline,
  timelineEntry,
} from '../../../../shared/desk/tickets.ts';
import { page } from '../../../../shared/records.ts';
import type { Database } from '../../../db/client.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import type { Actor } from '../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { supplierClocksOf } from '../suppliers/service.ts';
import { presentEntry, presentTicket, presentTicketRow, slaOf } from './present.ts';
import * as tickets from './service.ts';
import { ticketSettingsOf, updateTicketSettings } from './settings.ts';
import { watches } from './watchers.ts';

// HTTP for tickets: /api/v1/tickets. Everyone signed in reaches these routes (the portal); the
// service decides per ticket who may read and change it, and answers 404 for a ticket the caller
// may not see, so that ids reveal nothing.

function presentSettings(row: import('./settings.ts').SettingsRow) {
  return { ...row, updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null };
}

export async function present(db: Database, actor: Actor, row: tickets.TicketRow) {
  const [names, settings, sla, watching, supplierClocks] = await Promise.all([
    tickets.namesOf(db, actor.tenantId, [row]),
    ticketSettingsOf(db, actor.tenantId),
    slaOf(db, actor.tenantId, row),
    watches(db, actor, row.id),
    tickets.worksOn(actor, row) ? supplierClocksOf(db, actor.tenantId, row.id) : undefined,
  ]);
  // The stays with suppliers are the agents' (the requester sees the ticket's own clocks).
  return {
    ...presentTicket(row, names, actor, settings.reopenDays, sla, new Date(), watching),
    supplierClocks,
  };
}

export function ticketRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];

  app.get(
    '/api/v1/desk/can',
    {
      schema: {
        tags,
        summary: 'What the caller may do in the desk (the web app shows the console and settings by it)',
        description:
          'allGroups: an agent of every group, who works the inbox of received mail no ticket holds.',
        response: {
          200: z.object({ agent: z.boolean(), configure: z.boolean(), allGroups: z.boolean() }),
          ...errorResponses,
        },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      return {
        agent: deskPolicy.agent(actor),
        configure: deskPolicy.configure(actor),
        allGroups: deskPolicy.allGroups(actor),
      };
    },
  );

  app.get(
    '/api/v1/desk/ticket-settings',
    {
      schema: {
        tags,
        summary: 'The rules for tickets: priority matrix, days to reopen, days to automatic closing',
        response: { 200: ticketSettings, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => presentSettings(await ticketSettingsOf(db, principalOf(request).tenantId)),
  );

  app.patch(
    '/api/v1/desk/ticket-settings',
    {
      schema: {
        tags,
        summary: 'Change the rules for tickets (with the version read)',
        body: ticketSettingsUpdate,
        response: { 200: ticketSettings, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => presentSettings(await updateTicketSettings(db, principalOf(request), request.body)),
  );

  app.get(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: "List tickets: the caller's own (view=mine) or those they work as an agent (view=work)",
        querystring: ticketListQuery,
        response: { 200: page(ticketRow), ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await tickets.listTickets(db, actor, request.query);
      const names = await tickets.namesOf(db, actor.tenantId, result.items);
      return {
        items: result.items.map((row) => presentTicketRow(row, names)),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/tickets/:id',
    {
      schema: { tags, summary: 'One ticket', params: idParams, response: { 200: ticket, ...errorResponses } },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await tickets.getTicket(db, actor, request.params.id));
    },
  );

  app.post(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: "Register a ticket (the portal: one's own; agents: for anyone)",
        body: ticketCreate,
        response: { 201: ticket, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await tickets.createTicket(db, actor, request.body);
      return reply.code(201).send(await present(db, actor, row));
    },
  );

  app.patch(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change a ticket: status, group, assignee, impact and urgency, problem fields',
        params: idParams,
        body: ticketUpdate,
        response: { 200: ticket, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await tickets.updateTicket(db, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/api/v1/tickets/:id/timeline',
    {
      schema: {
        tags,
        summary: "A ticket's timeline: replies, notes (agents only) and changes, oldest first",
        params: idParams,
        response: { 200: timeline, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      const rows = await tickets.timelineOf(db, actor, request.params.id);
      const authors = await tickets.personNames(
        db,
        actor.tenantId,
        rows.map((r) => r.authorId),
      );
      return { items: rows.map((r) => presentEntry(r, authors)) };
    },
  );

  app.post(
    '/api/v1/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply to the requester, or write an internal note (internal: true, agents only)',
        params: idParams,
        body: ticketMessage,
        response: { 201: timelineEntry, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const entry = await tickets.addMessage(db, actor, request.params.id, request.body);
      const authors = await tickets.personNames(db, actor.tenantId, [entry.authorId]);
      return reply.code(201).send(presentEntry(entry, authors));
    },
  );

  app.post(
    '/api/v1/tickets/:id/reopen',
    {
      schema: {
        tags,
        summary: "Reopen a solved ticket within the tenant's reopenDays, with a reason",
        params: idParams,
        body: ticketReopen,
        response: { 200: ticket, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await tickets.reopenTicket(db, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/tickets/:id/rating',
    {
      schema: {
        tags,
        summary: 'Rate the resolution, 1–5 with a comment (the requester)',
        params: idParams,
        body: ticketRating,
        response: { 200: ticket, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => {
      const actor = principalOf(request);
      return present(db, actor, await tickets.rateTicket(db, actor, request.params.id, request.body));
    },
  );
}
