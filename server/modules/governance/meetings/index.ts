import type { ModulePart } from '../../../platform/module-parts.ts';
import { governancePolicy } from '../policy.ts';
import { createFeed, feedRefs } from './calendar.ts';
import { loadMeetingsDemo } from './demo.ts';
import { meetingRoutes } from './routes.ts';
import * as meetings from './service.ts';
import { meetingDate } from './service.ts';
import { MINUTES_TO_ADJUST, minutesToAdjust, UPCOMING_MEETINGS, upcomingMeetings } from './start.ts';

// Meetings on the seam: their routes, the meetings in the global search (by forum, place or an
// agenda item), minutes to justera and the next two weeks' meetings on the start page, how the
// audit trail names them, the demo's meetings of the IT-styrgrupp and the walks' records. The
// agenda sources they link items to are registered by the modules whose records wait for a forum
// (governing documents in ../documents).

export const meetingsPart: ModulePart = {
  name: 'meetings',
  routes: meetingRoutes,
  demo: loadMeetingsDemo,
  search: [
    {
      section: 'meetings',
      async search(db, actor, term, limit) {
        if (!governancePolicy.read(actor)) return [];
        const page = await meetings.listMeetings(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((m) => ({
          id: m.id,
          title: `${m.forumName} ${meetingDate(m.startsAt)}`,
          detail: m.place ?? null,
          href: `/governance/meetings/${m.id}`,
        }));
      },
    },
  ],
  startItems: [
    { section: MINUTES_TO_ADJUST, items: minutesToAdjust },
    { section: UPCOMING_MEETINGS, items: upcomingMeetings },
  ],
  auditEntities: [
    {
      entity: 'meeting',
      describe: meetings.meetingRefs,
      canReadHistory: (actor) => governancePolicy.readHistory(actor),
    },
    { entity: 'calendarFeed', describe: feedRefs },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      let row = await meetings.createMeeting(db, tenant.actor, {
        forumId: made.forums!,
        startsAt: '2026-03-12T13:00:00+01:00',
        endsAt: '2026-03-12T15:00:00+01:00',
        place: 'Hemligt rum',
      });
      row = await meetings.addItem(db, tenant.actor, row.id, { version: row.version, title: 'Hemlig punkt' });
      const view = await meetings.getMeeting(db, tenant.actor, row.id);
      const itemId = view.items[0]!.id;
      const feed = await createFeed(
        db,
        { ...tenant.actor, personId: tenant.adminId },
        { forumId: made.forums! },
      );
      return {
        ids: { meetings: row.id, 'calendar-feeds': feed.row.id },
        // The public feed is walked with a token that opens nothing (the real one would, by design).
        params: { itemId, file: `${'x'.repeat(43)}.ics` },
        secrets: [row.id, itemId, 'Hemligt rum', 'Hemlig punkt', feed.row.id],
      };
    },
    bodies: {
      'POST /api/v1/meetings': (ids) => ({
        forumId: ids.forums,
        startsAt: '2026-04-16T13:00:00+02:00',
        endsAt: '2026-04-16T15:00:00+02:00',
        place: 'Kommunhuset',
        adjusterId: ids.people,
      }),
      'PATCH /api/v1/meetings/{id}': () => ({ version: 2, place: 'Stadshuset' }),
      'POST /api/v1/meetings/{id}/archive': () => ({ version: 2, reason: 'Inställt' }),
      'POST /api/v1/meetings/{id}/restore': () => ({ version: 2 }),
      'POST /api/v1/meetings/{id}/items': () => ({ version: 2, title: 'Informationssäkerhet' }),
      'PATCH /api/v1/meetings/{id}/items/{itemId}': () => ({ version: 2, minutes: 'Diskuterades.' }),
      'POST /api/v1/meetings/{id}/items/{itemId}/remove': () => ({ version: 2 }),
      'POST /api/v1/meetings/{id}/items/order': (ids) => ({ version: 2, itemIds: [ids.meetings] }),
      'PUT /api/v1/meetings/{id}/attendance': (ids) => ({
        version: 2,
        attendance: [{ personId: ids.people, status: 'present' }],
      }),
      'POST /api/v1/meetings/{id}/items/{itemId}/decisions': () => ({
        version: 2,
        paragraph: 12,
        title: 'Ny rutin',
        text: 'IT-styrgruppen beslutar att anta rutinen.',
      }),
      'POST /api/v1/meetings/{id}/adjust': () => ({ version: 2 }),
      'POST /api/v1/calendar-feeds': (ids) => ({ forumId: ids.forums }),
      'POST /api/v1/calendar-feeds/{id}/revoke': () => ({}),
      'POST /api/v1/meetings/{id}/items/{itemId}/corrections': () => ({
        version: 2,
        text: 'Rättelse: beslutet gäller från 1 maj.',
      }),
    },
  },
};
