import { z } from 'zod';
import { bulkResult, bulkUpdate } from '../../../../shared/desk/bulk.ts';
import { queueCounts } from '../../../../shared/desk/filters.ts';
import {
  linkCreate,
  linkParams,
  majorMessage,
  majorMessageResult,
  majorSolve,
  majorSolveResult,
  mergeResult,
  ticketLink,
  ticketLinks,
  ticketMerge,
  watchers,
} from '../../../../shared/desk/links.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { problems } from '../../../platform/errors.ts';
import { type App, errorResponses, idParams, iso } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { bulkUpdateTickets } from './bulk.ts';
import { createLink, linksOf, removeLink } from './links.ts';
import { sendMajorMessage, solveMajorIncident } from './major.ts';
import { mergeTicket } from './merge.ts';
import { queueCounts as countQueues } from './queues.ts';
import { present } from './routes.ts';
import { getTicket, personNames, worksOn } from './service.ts';
import { watchersWithOrigin } from './watchers.ts';

// HTTP for working tickets together: links (linked records), merging a duplicate, a major
// incident's message and solution, the console's bulk change and its queue counts. Agents only;
// the services decide per ticket (404 for a ticket the caller may not read, 403 for one they read
// but do not work).

export function ticketWorkRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];

  app.get(
    '/api/v1/desk/queues',
    {
      schema: {
        tags,
        summary: "The console's queues with their open tickets counted: all, mine, unassigned, per group",
        response: { 200: queueCounts, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => countQueues(db, principalOf(request)),
  );

  app.get(
    '/api/v1/tickets/:id/links',
    {
      schema: {
        tags,
        summary: "A ticket's linked records: duplicates, problem and incidents, parent and children, related",
        params: idParams,
        response: { 200: ticketLinks, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => ({ items: await linksOf(db, principalOf(request), request.params.id) }),
  );

  app.post(
    '/api/v1/tickets/:id/links',
    {
      schema: {
        tags,
        summary: 'Link the ticket to another (relation: what this ticket is to the other)',
        description:
          'causedBy links an incident to its problem, parentOf/childOf make a tree (one parent each, no cycles), duplicateOf/duplicatedBy tickets of one type; one link per pair. The caller must work both tickets.',
        params: idParams,
        body: linkCreate,
        response: { 201: ticketLink, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const link = await createLink(db, actor, request.params.id, request.body);
      const shown = (await linksOf(db, actor, request.params.id)).find((l) => l.id === link.id);
      if (!shown) throw problems.notFound('link');
      return reply.code(201).send(shown);
    },
  );

  app.delete(
    '/api/v1/tickets/:id/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Remove a link between two tickets (noted on both timelines)',
        params: linkParams,
        response: { 204: z.null().describe('Removed'), ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request, reply) => {
      await removeLink(db, principalOf(request), request.params.id, request.params.linkId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/tickets/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge the ticket (a duplicate) into another, with both versions as read',
        description:
          "Copies the duplicate's public messages to the other ticket, makes its requester a watcher there, links it as a duplicate and closes it, in one transaction. Closed tickets are not merged; a stale version answers 409.",
        params: idParams,
        body: ticketMerge,
        response: { 200: mergeResult, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await mergeTicket(db, actor, request.params.id, request.body);
      return {
        ticket: await present(db, actor, result.ticket),
        into: await present(db, actor, result.into),
        copiedMessages: result.copiedMessages,
      };
    },
  );

  app.get(
    '/api/v1/tickets/:id/watchers',
    {
      schema: {
        tags,
        summary: 'Who follows the ticket besides its requester (the requesters of merged duplicates)',
        params: idParams,
        response: { 200: watchers, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const ticket = await getTicket(db, actor, request.params.id);
      if (!worksOn(actor, ticket)) throw problems.forbidden('Only the agents of its group see its watchers');
      const rows = await watchersWithOrigin(db, actor.tenantId, ticket.id);
      const names = await personNames(
        db,
        actor.tenantId,
        rows.map((r) => r.personId),
      );
      return {
        items: rows.map((r) => ({
          person: { id: r.personId, name: names.get(r.personId) ?? '' },
          reason: r.reason,
          fromTicket: r.fromTicketId ? { id: r.fromTicketId, number: r.fromNumber ?? '' } : null,
          addedAt: iso(r.addedAt),
        })),
      };
    },
  );

  app.post(
    '/api/v1/tickets/:id/major/messages',
    {
      schema: {
        tags,
        summary: "A major incident's message to every linked ticket's requester (once per Idempotency-Key)",
        description:
          'A public message on the major incident and on each ticket linked to it as its child that is not closed, in one transaction. The caller must work all of them.',
        params: idParams,
        body: majorMessage,
        response: { 200: majorMessageResult, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      return sendMajorMessage(
        db,
        principalOf(request),
        request.params.id,
        request.body,
        typeof key === 'string' ? key : undefined,
      );
    },
  );

  app.post(
    '/api/v1/tickets/:id/major/solve',
    {
      schema: {
        tags,
        summary: 'Solve a major incident with a solution, and (solveLinked) its open linked tickets with it',
        params: idParams,
        body: majorSolve,
        response: { 200: majorSolveResult, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await solveMajorIncident(db, actor, request.params.id, request.body);
      return { ticket: await present(db, actor, result.ticket), solved: result.solved };
    },
  );

  app.post(
    '/api/v1/tickets/bulk',
    {
      schema: {
        tags,
        summary: 'The same change to many tickets, each with its version; the answer per ticket',
        description:
          'Group, assignee and status, with a message written first (a solution, a note). Each ticket is changed in its own transaction under the rules of PATCH /api/v1/tickets/{id}: done, conflict (stale version, closed), forbidden, invalid or notFound. A ticket the caller may not read answers 404 for the whole request, and nothing is written.',
        body: bulkUpdate,
        response: { 200: bulkResult, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => bulkUpdateTickets(db, principalOf(request), request.body),
  );
}
