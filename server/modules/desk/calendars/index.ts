import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { calendarRoutes } from './routes.ts';
import * as calendars from './service.ts';

// Business calendars on the seam: their routes, how the audit trail names them, the walks'
// records and the demo's default calendar (the parts after this one find its id in `made` as
// 'calendar:default', e.g. for the service levels).

export const calendarsPart: ModulePart = {
  name: 'calendars',
  routes: calendarRoutes,
  auditEntities: [
    {
      entity: 'calendar',
      describe: calendars.calendarRefs,
      canReadHistory: (actor) => deskPolicy.configure(actor),
    },
  ],
  async demo(db, tenant, made) {
    const row = await calendars.createCalendar(db, tenant.actor, {
      name: 'Servicedeskens öppettider',
      timeZone: 'Europe/Stockholm',
      weekly: calendars.builtInDefinition.weekly,
      swedishHolidays: true,
      openHolidays: [],
      extraClosedDates: [],
      exceptions: [],
      unitIds: [],
      isDefault: true,
    });
    made.set('calendar:default', row.id);
  },
  walk: {
    async seed(db, tenant) {
      const row = await calendars.createCalendar(db, tenant.actor, {
        name: 'Hemliga öppettider',
        timeZone: 'Europe/Stockholm',
        weekly: calendars.builtInDefinition.weekly,
        swedishHolidays: true,
        openHolidays: ['christmasEve'],
        extraClosedDates: ['2026-12-28'],
        exceptions: [{ date: '2026-12-23', intervals: [['07:00', '12:00']] }],
        unitIds: [tenant.unitId],
        isDefault: false,
      });
      return { ids: { calendars: row.id }, secrets: [row.id, 'Hemliga öppettider'] };
    },
    bodies: {
      'POST /api/v1/calendars': () => ({
        name: 'Nya öppettider',
        timeZone: 'Europe/Stockholm',
        weekly: {
          mon: [
            ['07:00', '12:00'],
            ['13:00', '16:00'],
          ],
          tue: [['07:00', '16:00']],
          wed: [['07:00', '16:00']],
          thu: [['07:00', '16:00']],
          fri: [['07:00', '15:00']],
          sat: [],
          sun: [],
        },
        swedishHolidays: true,
        openHolidays: ['newYearsEve'],
        extraClosedDates: ['2026-12-30'],
        exceptions: [{ date: '2026-12-29', intervals: [['09:00', '12:00']] }],
        unitIds: [],
        isDefault: false,
      }),
      'PATCH /api/v1/calendars/{id}': () => ({ version: 1, name: 'Ändrade öppettider' }),
      'POST /api/v1/calendars/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/calendars/{id}/restore': () => ({ version: 1 }),
    },
  },
};
