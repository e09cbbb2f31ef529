import { z } from 'zod';
import {
  inboxDiscard,
  inboxItem,
  inboxMessage,
  inboxQuery,
  inboxTicket,
  mailSettings,
  mailSettingsUpdate,
} from '../../../../shared/desk/mail.ts';
import { page } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { inboxNames, presentItem, presentMessage, presentSettings } from './present.ts';
import * as mail from './service.ts';

// HTTP for the desk's email channel: the desk's addresses (admins set them, agents read them) and
// the inbox of received mail, for the agents who see every group (mail no ticket holds is no
// group's). Parse, authorize, call the service, shape the answer.

const made = z.object({ id: z.uuid(), number: z.string() });

export function mailRoutes(app: App, { db, config }: ModuleContext) {
  const tags = ['desk'];

  app.get(
    '/api/v1/desk/mail-settings',
    {
      schema: {
        tags,
        summary: "The desk's mail addresses and the limit of mails per sender and hour",
        response: { 200: mailSettings, ...errorResponses },
      },
      config: { authorize: deskPolicy.agent },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await mail.mailSettingsOf(db, actor.tenantId), actor);
    },
  );

  app.patch(
    '/api/v1/desk/mail-settings',
    {
      schema: {
        tags,
        summary: "Change the desk's mail addresses or the limit per sender (with the version read)",
        description:
          "Mail to these addresses (the first is where replies go) reaches the SMTP listener (MAIL_INBOUND_PORT) and becomes this organisation's. An address another organisation has answers 409. A sender whose mails made this many tickets or replies in the last hour has the next ones held in the inbox.",
        body: mailSettingsUpdate,
        response: { 200: mailSettings, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentSettings(await mail.updateMailSettings(db, actor, request.body), actor);
    },
  );

  app.get(
    '/api/v1/desk/inbound-mail',
    {
      schema: {
        tags,
        summary: 'Received mail, newest first: held for an agent (default), ignored, handled, or all',
        description:
          'held: unknown senders, too many from one sender, unreadable. received: stored and waiting for the job that reads it (seconds, unless the desk is behind). ignored: auto-replies, bounces, bulk mail and duplicates (kept, never answered). handled: made tickets or replies, or discarded.',
        querystring: inboxQuery,
        response: { 200: page(inboxItem), ...errorResponses },
      },
      config: { authorize: deskPolicy.allGroups },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await mail.listInbox(db, actor, request.query);
      const names = await inboxNames(db, actor.tenantId, result.items);
      return { items: result.items.map((row) => presentItem(row, names)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/desk/inbound-mail/:id',
    {
      schema: {
        tags,
        summary: 'One received mail: its text, attachments, envelope and what became of it',
        params: idParams,
        response: { 200: inboxMessage, ...errorResponses },
      },
      config: { authorize: deskPolicy.allGroups },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await mail.getInbound(db, actor, request.params.id);
      return presentMessage(row, await inboxNames(db, actor.tenantId, [row]), actor);
    },
  );

  app.get(
    '/api/v1/desk/inbound-mail/:id/raw',
    {
      schema: {
        tags,
        summary: 'A received mail as it arrived, byte for byte (.eml)',
        params: idParams,
        response: {
          200: {
            description: 'The message (RFC 5322), as an attachment',
            content: { 'message/rfc822': { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...errorResponses,
        },
      },
      config: { authorize: deskPolicy.allGroups },
    },
    async (request, reply) => {
      const raw = await mail.rawOf(db, principalOf(request), request.params.id);
      reply.header('content-disposition', `attachment; filename="${request.params.id}.eml"`);
      reply.header('cache-control', 'private, no-store');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      return reply.type('message/rfc822').send(raw as never);
    },
  );

  app.post(
    '/api/v1/desk/inbound-mail/:id/ticket',
    {
      schema: {
        tags,
        summary: 'Make a ticket of a held mail, for the requester chosen (its attachments go with it)',
        params: idParams,
        body: inboxTicket,
        response: { 201: made, ...errorResponses },
      },
      config: { authorize: deskPolicy.allGroups },
    },
    async (request, reply) => {
      const row = await mail.ticketFromInbound(
        db,
        principalOf(request),
        request.params.id,
        request.body,
        config.fileMaxBytes,
      );
      return reply.code(201).send({ id: row.id, number: row.number });
    },
  );

  app.post(
    '/api/v1/desk/inbound-mail/:id/discard',
    {
      schema: {
        tags,
        summary: 'Discard a held mail, saying why (it is kept, marked discarded)',
        params: idParams,
        body: inboxDiscard,
        response: { 200: inboxMessage, ...errorResponses },
      },
      config: { authorize: deskPolicy.allGroups },
    },
    async (request) => {
      const actor = principalOf(request);
      await mail.discardInbound(db, actor, request.params.id, request.body);
      const row = await mail.getInbound(db, actor, request.params.id);
      return presentMessage(row, await inboxNames(db, actor.tenantId, [row]), actor);
    },
  );
}
