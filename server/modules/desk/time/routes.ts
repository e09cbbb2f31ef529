import { ticketTime, timeEntryArchive, timeEntryCreate, timeParams } from '../../../../shared/desk/time.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { presentTime } from './present.ts';
import * as time from './service.ts';

// HTTP for time worked on tickets: /api/v1/tickets/{id}/time. Reading is for whoever reads the
// ticket (the requester sees the billable entries); logging and archiving for the agents who work
// it (the service answers 404 for a ticket the caller may not read, 403 for one they only asked).

export function timeRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];

  app.get(
    '/api/v1/tickets/:id/time',
    {
      schema: {
        tags,
        summary: "A ticket's logged time, latest day first, with the perHour offerings to charge it at",
        description:
          "Agents of the ticket see every entry; its requester the billable ones, without the agents' notes.",
        params: idParams,
        response: { 200: ticketTime, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => presentTime(await time.timeOf(db, principalOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/tickets/:id/time',
    {
      schema: {
        tags,
        summary: 'Log time worked on a ticket (1–1440 minutes on one day, billable or not)',
        description:
          "Billable time is charged by the chargeback run to the ticket's unit at the perHour offering's internal price; the offering defaults to the one of the ticket's service.",
        params: idParams,
        body: timeEntryCreate,
        response: { 201: ticketTime, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      await time.logTime(db, actor, request.params.id, request.body);
      return reply.code(201).send(presentTime(await time.timeOf(db, actor, request.params.id)));
    },
  );

  app.post(
    '/api/v1/tickets/:id/time/:entryId/archive',
    {
      schema: {
        tags,
        summary:
          'Archive a time entry (with its version and why); runs computed after it no longer charge it',
        params: timeParams,
        body: timeEntryArchive,
        response: { 200: ticketTime, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      await time.archiveTime(db, actor, request.params.id, request.params.entryId, request.body);
      return presentTime(await time.timeOf(db, actor, request.params.id));
    },
  );
}
