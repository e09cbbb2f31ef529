import { z } from 'zod';
import {
  adjustBody,
  agendaItemCreate,
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
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { presentMeeting } from './present.ts';
import * as meetings from './service.ts';
import { exportMeetings } from './transfer.ts';

// HTTP for meetings: /api/v1/meetings (the seven record routes), the agenda (items, their order,
// their minutes, a decision recorded under one, a correction after justering), attendance, the
// justering, and the records waiting for the forum. Staff read; the keepers and the forum's
// members keep its meetings (the service checks the forum); the chair and justerare justera.
// Every write answers the meeting as a read does.

const itemParams = z.strictObject({ id: idParams.shape.id, itemId: z.uuid({ message: 'Must be a UUID' }) });

export function meetingRoutes(app: App, { db, seam }: ModuleContext) {
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
}
