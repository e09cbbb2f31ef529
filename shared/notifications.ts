import { z } from 'zod';
import { line } from './text.ts';

// The notifications API's payloads, shared by server and web.

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: line(500).optional(),
});

/** One notification as its reader sees it: the text already in the reader's language. */
export const notificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  recordKind: z.string().nullable(),
  recordId: z.string().nullable(),
  href: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationPage = z.object({
  items: z.array(notificationItem),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

/** The bell's number; counted up to 100 (the bell shows "99+" beyond 99). */
export const notificationCount = z.object({ unread: z.number().int() });

export const notificationPreference = z.object({
  kind: z.string(),
  label: z.string(),
  mail: z.boolean().nullable().describe('null: this kind is never mailed'),
  mailDefault: z.boolean().nullable(),
});
export type NotificationPreference = z.infer<typeof notificationPreference>;

export const notificationPreferenceUpdate = z.strictObject({ mail: z.boolean() });
