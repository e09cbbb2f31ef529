import { z } from 'zod';
import {
  notificationCount,
  notificationItem,
  notificationListQuery,
  notificationPage,
  notificationPreference,
  notificationPreferenceUpdate,
} from '../../../shared/notifications.ts';
import { principalOf } from '../auth/plugin.ts';
import type { Actor } from '../context.ts';
import { wantsEnglish } from '../errors.ts';
import { type App, errorResponses, idParams, iso } from '../http.ts';
import type { ModuleContext } from '../seam.ts';
import { renderNotification } from './kinds.ts';
import type { NotificationRow } from './schema.ts';
import * as service from './service.ts';

// HTTP for one's own inbox and mail preferences. Everything here is the caller's own: no route
// takes a person, and another person's notification answers 404.

const own = (actor: Actor) => actor.personId !== null;
const kindParams = z.strictObject({ kind: z.string().regex(/^[a-z][a-z0-9._-]{1,79}$/) });

export function notificationRoutes(app: App, { db, seam }: ModuleContext) {
  const present = (row: NotificationRow, language: 'sv' | 'en') => ({
    id: row.id,
    kind: row.kind,
    text: renderNotification(seam.notificationKind(row.kind), row.kind, language, row.params),
    recordKind: row.recordKind,
    recordId: row.recordId,
    href: row.href,
    readAt: iso(row.readAt),
    createdAt: iso(row.createdAt),
  });

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, in the language of Accept-Language',
        querystring: notificationListQuery,
        response: { 200: notificationPage, ...errorResponses },
      },
      config: { authorize: own },
    },
    async (request) => {
      const page = await service.listInbox(db, principalOf(request), request.query);
      const language = wantsEnglish(request) ? 'en' : 'sv';
      return { items: page.items.map((row) => present(row, language)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/notifications/count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread (up to 100), for the bell',
        response: { 200: notificationCount, ...errorResponses },
      },
      // The bell is in the header while a temporary password waits to be changed; a count is harmless.
      config: { authorize: own, allowDuringPasswordChange: true },
    },
    async (request) => ({ unread: await service.countUnread(db, principalOf(request)) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: idParams,
        response: { 200: notificationItem, ...errorResponses },
      },
      config: { authorize: own },
    },
    async (request) => {
      const row = await service.markRead(db, principalOf(request), request.params.id);
      return present(row, wantsEnglish(request) ? 'en' : 'sv');
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
      },
      config: { authorize: own },
    },
    async (request) => ({ marked: await service.markAllRead(db, principalOf(request)) }),
  );

  app.get(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Every kind of notification, with whether I get it by mail',
        response: { 200: z.object({ items: z.array(notificationPreference) }), ...errorResponses },
      },
      config: { authorize: own },
    },
    async (request) => ({
      items: await service.listPreferences(
        db,
        principalOf(request),
        seam,
        wantsEnglish(request) ? 'en' : 'sv',
      ),
    }),
  );

  app.put(
    '/api/v1/notification-preferences/:kind',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Turn mail of one kind of notification on or off for me',
        params: kindParams,
        body: notificationPreferenceUpdate,
        response: { 200: notificationPreference, ...errorResponses },
      },
      config: { authorize: own },
    },
    async (request) => {
      const actor = principalOf(request);
      await service.setPreference(db, actor, seam, request.params.kind, request.body.mail);
      const language = wantsEnglish(request) ? 'en' : 'sv';
      const items = await service.listPreferences(db, actor, seam, language);
      return items.find((p) => p.kind === request.params.kind)!;
    },
  );
}
