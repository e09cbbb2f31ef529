import { z } from 'zod';
import {
  calendarFeed,
  calendarFeedCreate,
  calendarFeedRevoke,
  calendarFeeds,
  calendarFileParams,
} from '../../../../shared/governance/calendar.ts';
import {
  adjustBody,
  agendaItemCreate,
  agendaItemRemove,
  agendaItemUpdate,
  agendaOrder,
  agendaSources,
  attendanceUpdate,
  correctionCreate,
  itemDecisionCreate,
  meeting,
  meetingCreate,
  meetingListQuery,
  meetingUpdate,
} from '../../../../shared/governance/meetings.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { problems } from '../../../platform/errors.ts';
import { type App, errorResponses, idParams, iso } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { sendFile } from '../../../platform/transfer/http.ts';
import { governancePolicy } from '../policy.ts';
import * as calendar from './calendar.ts';
import { minutesPdf } from './pdf.ts';
import { presentMeeting } from './present.ts';
import * as meetings from './service.ts';
import { exportMeetings } from './transfer.ts';

// HTTP for meetings: /api/v1/meetings (the seven record routes), the agenda (items, their order,
// their minutes, a decision recorded under one, a correction after justering), attendance, the
// justering, and the records waiting for the forum. Staff read; the keepers and the forum's
// members keep its meetings (the service checks the forum); the chair and justerare justera.
// Every write answers the meeting as a read does.

const itemParams = z.strictObject({ id: idParams.shape.id, itemId: z.uuid({ message: 'Must be a UUID' }) });

export function meetingRoutes(app: App, { db, seam, config }: ModuleContext) {
  const tags = ['governance'];
  const read = (actor: Parameters<typeof governancePolicy.read>[0], id: string) =>
    meetings.getMeeting(db, actor, id, seam);
  const answer = async (request: { params: { id: string } } & Parameters<typeof principalOf>[0]) => {
    const actor = principalOf(request);
    return presentMeeting(await read(actor, request.params.id), actor);
  };

  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/meetings',
    noun: 'meeting',
    plural: 'meetings',
    item: meeting,
    listQuery: meetingListQuery,
    create: meetingCreate,
    update: meetingUpdate,
    read: governancePolicy.read,
    write: governancePolicy.recordSomeDecision,
    present: presentMeeting,
    list: (db, actor, query) => meetings.listMeetings(db, actor, query, seam),
    exportFile: exportMeetings,
    get: (_db, actor, id) => read(actor, id),
    add: async (db, actor, input) => read(actor, (await meetings.createMeeting(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await meetings.updateMeeting(db, actor, id, input);
      return read(actor, id);
    },
    archive: async (db, actor, id, input) => {
      await meetings.archiveMeeting(db, actor, id, input);
      return read(actor, id);
    },
    restore: async (db, actor, id, version) => {
      await meetings.restoreMeeting(db, actor, id, version);
      return read(actor, id);
    },
  });

  const write = { authorize: governancePolicy.recordSomeDecision };
  const changed = { 200: meeting, ...errorResponses };
  const added = { 201: meeting, ...errorResponses };

  app.get(
    '/api/v1/meetings/:id/agenda-sources',
    {
      schema: {
        tags,
        summary: "The records waiting for the meeting's forum, by agenda source, to link an item to",
        params: idParams,
        response: { 200: agendaSources, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) => meetings.waitingRecords(db, principalOf(request), request.params.id, seam),
  );

  app.post(
    '/api/v1/meetings/:id/items',
    {
      schema: {
        tags,
        summary: 'Add an item to the agenda, free or linked to a record waiting for the forum',
        params: idParams,
        body: agendaItemCreate,
        response: added,
      },
      config: write,
    },
    async (request, reply) => {
      await meetings.addItem(db, principalOf(request), request.params.id, request.body, seam);
      return reply.code(201).send(await answer(request));
    },
  );

  app.patch(
    '/api/v1/meetings/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: "Change an item's title or minutes (before justering)",
        params: itemParams,
        body: agendaItemUpdate,
        response: changed,
      },
      config: write,
    },
    async (request) => {
      await meetings.updateItem(
        db,
        principalOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      return answer(request);
    },
  );

  // A POST rather than a DELETE: the removal carries the meeting's version in its body as every
  // other change of the agenda does, and the platform's DELETE routes (and api.delete) take none.
  app.post(
    '/api/v1/meetings/:id/items/:itemId/remove',
    {
      schema: {
        tags,
        summary:
          'Take an item off the agenda (before justering, with no decision under it); the items after it close up',
        params: itemParams,
        body: agendaItemRemove,
        response: changed,
      },
      config: write,
    },
    async (request) => {
      await meetings.removeItem(
        db,
        principalOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      return answer(request);
    },
  );

  app.post(
    '/api/v1/meetings/:id/items/order',
    {
      schema: {
        tags,
        summary: 'Put the agenda in a new order (every item once)',
        params: idParams,
        body: agendaOrder,
        response: changed,
      },
      config: write,
    },
    async (request) => {
      await meetings.orderItems(db, principalOf(request), request.params.id, request.body);
      return answer(request);
    },
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record who attended: present, absent, or their deputy in their place',
        params: idParams,
        body: attendanceUpdate,
        response: changed,
      },
      config: write,
    },
    async (request) => {
      await meetings.setAttendance(db, principalOf(request), request.params.id, request.body);
      return answer(request);
    },
  );

  app.post(
    '/api/v1/meetings/:id/items/:itemId/decisions',
    {
      schema: {
        tags,
        summary: "Record a decision under an item, with its § (the forum's and the meeting's date)",
        params: itemParams,
        body: itemDecisionCreate,
        response: added,
      },
      config: write,
    },
    async (request, reply) => {
      await meetings.recordItemDecision(
        db,
        principalOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
        seam,
      );
      return reply.code(201).send(await answer(request));
    },
  );

  app.post(
    '/api/v1/meetings/:id/adjust',
    {
      schema: {
        tags,
        summary: 'Justera the minutes as the chair or the justerare; the second signature locks them',
        params: idParams,
        body: adjustBody,
        response: changed,
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) => {
      await meetings.adjustMinutes(db, principalOf(request), request.params.id, request.body.version);
      return answer(request);
    },
  );

  app.post(
    '/api/v1/meetings/:id/items/:itemId/corrections',
    {
      schema: {
        tags,
        summary: 'Correct justerade minutes: a new entry linked to the item, shown with it',
        params: itemParams,
        body: correctionCreate,
        response: added,
      },
      config: write,
    },
    async (request, reply) => {
      await meetings.correctItem(
        db,
        principalOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      return reply.code(201).send(await answer(request));
    },
  );

  app.get(
    '/api/v1/meetings/:id/minutes.pdf',
    {
      schema: {
        tags,
        summary:
          'The minutes as a PDF (made on the server): attendance, each item with its decisions and corrections, the justering',
        params: idParams,
        response: {
          200: { description: 'The minutes as PDF', content: { 'application/pdf': { schema: z.string() } } },
          ...errorResponses,
        },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request, reply) => {
      const m = await read(principalOf(request), request.params.id);
      return sendFile(reply, {
        filename: `protokoll-${meetings.meetingDate(m.startsAt)}.pdf`,
        contentType: 'application/pdf',
        body: await minutesPdf(m),
      });
    },
  );

  // ---------------------------------------------------------------- calendar feeds

  const presentFeed = (
    row: {
      id: string;
      forumId: string | null;
      forumName?: string | null;
      createdAt: Date;
      revokedAt: Date | null;
    },
    url: string | null,
  ) => ({
    id: row.id,
    forumId: row.forumId,
    forumName: row.forumName ?? null,
    createdAt: iso(row.createdAt),
    revokedAt: iso(row.revokedAt),
    url,
  });

  app.get(
    '/api/v1/calendar-feeds',
    {
      schema: {
        tags,
        summary: "The signed-in person's calendar feeds of meetings (their tokens are not shown again)",
        response: { 200: calendarFeeds, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) => ({
      items: (await calendar.listFeeds(db, principalOf(request))).map((r) => presentFeed(r, null)),
    }),
  );

  app.post(
    '/api/v1/calendar-feeds',
    {
      schema: {
        tags,
        summary:
          "A new iCalendar feed of a forum's meetings, or (forumId null) of the person's own forums; revokes the one it replaces. The URL, with its secret token, is in this answer only",
        body: calendarFeedCreate,
        response: { 201: calendarFeed, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const { row, token } = await calendar.createFeed(db, actor, request.body);
      const [listed] = (await calendar.listFeeds(db, actor)).filter((f) => f.id === row.id);
      return reply.code(201).send(presentFeed(listed ?? row, calendar.feedUrl(config.publicUrl, token)));
    },
  );

  app.post(
    '/api/v1/calendar-feeds/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a calendar feed of your own: its URL answers 404 from now on',
        params: idParams,
        body: calendarFeedRevoke,
        response: { 200: calendarFeed, ...errorResponses },
      },
      config: { authorize: governancePolicy.read },
    },
    async (request) =>
      presentFeed(await calendar.revokeFeed(db, principalOf(request), request.params.id), null),
  );

  app.get(
    '/api/v1/calendar/:file',
    {
      schema: {
        tags,
        summary:
          'A calendar feed as iCalendar (text/calendar), for calendar clients to subscribe to: no session, the secret token in the URL opens it',
        params: calendarFileParams,
        response: { 200: z.string(), ...errorResponses },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const text = await calendar.feedCalendar(
        db,
        request.params.file.replace(/\.ics$/, ''),
        config.publicUrl,
      );
      if (text === null) throw problems.notFound('calendar feed');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="sammantraden.ics"')
        .send(text);
    },
  );
}
