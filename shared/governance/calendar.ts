import { z } from 'zod';
import { id } from '../text.ts';

// Calendar feeds (iCalendar) of meetings: a forum's, or a person's (every forum they sit in), at a
// URL with a secret token that a calendar client subscribes to. The token is shown once, when the
// feed is made; making a new one for the same forum (or the personal one) revokes the old.

export const calendarFeedCreate = z.strictObject({
  /** The forum whose meetings the feed holds; null for the person's own forums. */
  forumId: id.nullable(),
});
export type CalendarFeedCreate = z.infer<typeof calendarFeedCreate>;

export const calendarFeedRevoke = z.strictObject({});

export const calendarFeed = z.object({
  id,
  forumId: id.nullable(),
  forumName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The subscribable URL with the token: only in the answer that made the feed. */
  url: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;

export const calendarFeeds = z.object({ items: z.array(calendarFeed) });

/** `<token>.ics`: the token as made (base64url), with the extension calendar clients expect. */
export const calendarFileParams = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, { message: 'Not a calendar feed' }),
});
