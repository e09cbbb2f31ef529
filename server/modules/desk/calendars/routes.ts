import {
  businessMinutesAnswer,
  businessMinutesQuery,
  calendar,
  calendarCreate,
  calendarListQuery,
  calendarUpdate,
  dueAnswer,
  dueQuery,
} from '../../../../shared/desk/calendars.ts';
import { archiveBody, page, restoreBody } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { isStaff } from '../../../platform/authz.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { presentCalendar } from './present.ts';
import * as calendars from './service.ts';

// HTTP for business calendars: /api/v1/calendars (list, one, create, change, archive, restore) and
// the two questions the SLA clock asks of one (/due, /business-minutes). Opening hours are no
// secret: staff read them; admins configure them (deskPolicy.configure).

const tags = ['desk'];

export function calendarRoutes(app: App, { db }: ModuleContext) {
  // Staff read the hours (admins are staff); the portal's requesters do not need them.
  const read = isStaff;
  const write = deskPolicy.configure;

  app.get(
    '/api/v1/calendars',
    {
      schema: {
        tags,
        summary: 'List business calendars, filtered and sorted',
        querystring: calendarListQuery,
        response: { 200: page(calendar), ...errorResponses },
      },
      config: { authorize: read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await calendars.listCalendars(db, actor, request.query);
      return { items: result.items.map((row) => presentCalendar(row, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/calendars/:id',
    {
      schema: {
        tags,
        summary: 'One business calendar',
        params: idParams,
        response: { 200: calendar, ...errorResponses },
      },
      config: { authorize: read },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentCalendar(await calendars.getCalendar(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/calendars',
    {
      schema: {
        tags,
        summary: 'Create a business calendar',
        body: calendarCreate,
        response: { 201: calendar, ...errorResponses },
      },
      config: { authorize: write },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await calendars.createCalendar(db, actor, request.body);
      return reply.code(201).send(presentCalendar(row, actor));
    },
  );

  app.patch(
    '/api/v1/calendars/:id',
    {
      schema: {
        tags,
        summary: 'Change a business calendar',
        params: idParams,
        body: calendarUpdate,
        response: { 200: calendar, ...errorResponses },
      },
      config: { authorize: write },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentCalendar(
        await calendars.updateCalendar(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/calendars/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a business calendar, with a reason (not the default one)',
        params: idParams,
        body: archiveBody,
        response: { 200: calendar, ...errorResponses },
      },
      config: { authorize: write },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentCalendar(
        await calendars.archiveCalendar(db, actor, request.params.id, request.body),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/calendars/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived business calendar',
        params: idParams,
        body: restoreBody,
        response: { 200: calendar, ...errorResponses },
      },
      config: { authorize: write },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentCalendar(
        await calendars.restoreCalendar(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.get(
    '/api/v1/calendars/:id/due',
    {
      schema: {
        tags,
        summary:
          'When n business minutes after start have passed (a start outside opening hours waits for the next opening)',
        params: idParams,
        querystring: dueQuery,
        response: { 200: dueAnswer, ...errorResponses },
      },
      config: { authorize: read },
    },
    async (request) => {
      const { start, minutes } = request.query;
      const due = await calendars.dueOn(
        db,
        principalOf(request),
        request.params.id,
        new Date(start),
        minutes,
      );
      return { due: due.toISOString() };
    },
  );

  app.get(
    '/api/v1/calendars/:id/business-minutes',
    {
      schema: {
        tags,
        summary: 'Whole business minutes in [from, to)',
        params: idParams,
        querystring: businessMinutesQuery,
        response: { 200: businessMinutesAnswer, ...errorResponses },
      },
      config: { authorize: read },
    },
    async (request) => {
      const { from, to } = request.query;
      const minutes = await calendars.businessMinutesOn(
        db,
        principalOf(request),
        request.params.id,
        new Date(from),
        new Date(to),
      );
      return { minutes };
    },
  );
}
