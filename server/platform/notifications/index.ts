import { systemActor } from '../context.ts';
import type { Module } from '../seam.ts';
import { inTenant } from '../tenancy.ts';
import { notificationRoutes } from './routes.ts';
import { notify } from './service.ts';

// Notifications on the seam: the inbox and preference routes. The kinds come from the parts and
// modules that send them (their Module's `notificationKinds`); the reminder job from
// `notificationJobs` (server/platform/jobs/platform-jobs.ts).

export const notificationsModule: Module = {
  name: 'notifications',
  routes: notificationRoutes,
  walk: {
    async seed(db, tenant, seam) {
      // One notification for tenant A's admin, of a kind some part registers.
      const kind =
        seam.notificationKinds.find((k) => k.kind === 'platform.role-granted') ?? seam.notificationKinds[0];
      if (!kind) throw new Error('no notification kind is registered');
      const [id] = await inTenant(db, systemActor(tenant.id), (s) =>
        notify(s, {
          personIds: [tenant.adminId],
          kind,
          params: { role: 'reader', scopeName: 'Hemlig förvaltning för notiser', by: 'Walk' },
          record: { kind: 'unit', id: tenant.unitId, href: `/units/${tenant.unitId}` },
        }),
      );
      return {
        ids: { notifications: id! },
        secrets: ['Hemlig förvaltning för notiser'],
        // A kind that exists, so that the walks reach the preference itself and not a 404.
        params: { '/api/v1/notification-preferences/{kind}#kind': kind.kind },
      };
    },
    bodies: {
      'PUT /api/v1/notification-preferences/{kind}': () => ({ mail: false }),
    },
    selfService: [
      'POST /api/v1/notifications/{id}/read',
      'POST /api/v1/notifications/read-all',
      'PUT /api/v1/notification-preferences/{kind}',
    ],
  },
};
