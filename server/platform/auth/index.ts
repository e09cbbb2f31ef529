import { and, eq, inArray } from 'drizzle-orm';
import type { Module } from '../seam.ts';
import { apiTokenExpiring, passwordReset } from './notifications.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { authRoutes } from './routes.ts';
import { apiTokens } from './schema.ts';
import { createApiToken } from './service.ts';

// Identity on the seam: sign-in (password and SSO), sessions, own password and API tokens.

export const identityModule: Module = {
  name: 'identity',
  routes(app, { db, config }) {
    authRoutes(app, db, config);
    oidcRoutes(app, db, config);
  },
  notificationKinds: [passwordReset, apiTokenExpiring],
  auditEntities: [
    {
      entity: 'apiToken',
      async describe(db, tenantId, ids) {
        if (ids.length === 0) return new Map();
        const rows = await db
          .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
          .from(apiTokens)
          .where(and(eq(apiTokens.tenantId, tenantId), inArray(apiTokens.id, [...ids])));
        return new Map(
          rows.map((r) => [
            r.id,
            { id: r.id, name: r.name, href: '/account/tokens', archived: r.revokedAt !== null },
          ]),
        );
      },
    },
  ],
  walk: {
    async seed(db, tenant) {
      const { row } = await createApiToken(
        db,
        { ...tenant.actor, personId: tenant.adminId, email: tenant.adminEmail, via: 'session' },
        'a-token',
        null,
      );
      return { ids: { tokens: row.id }, secrets: [row.id, tenant.adminEmail] };
    },
    bodies: {
      'POST /api/v1/session': () => ({ email: 'anna@a.example', password: 'wrong password' }),
      'POST /api/v1/session/password': () => ({
        currentPassword: 'wrong',
        newPassword: 'a long new password',
      }),
      'POST /api/v1/tokens': () => ({
        name: 'probe',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      }),
    },
    selfService: [
      'POST /api/v1/tokens',
      'DELETE /api/v1/tokens/{id}',
      'POST /api/v1/session/password',
      'DELETE /api/v1/session',
    ],
  },
};
