import type { FastifyRequest } from 'fastify';
import { page } from '../../../../../shared/records.ts';
import {
  responsibility,
  systemRole,
  systemRoleCreate,
  systemRoleEnd,
  systemRoleListQuery,
  systemRoles,
  systemRoleUpdate,
} from '../../../../../shared/registry/systems.ts';
import { principalOf } from '../../../../platform/auth/plugin.ts';
import type { Actor } from '../../../../platform/context.ts';
import { type App, errorResponses, idParams } from '../../../../platform/http.ts';
import type { ModuleContext } from '../../../../platform/seam.ts';
import { registryPolicy } from '../../policy.ts';
import { presentRole } from './present.ts';
import * as roles from './service.ts';

// HTTP for system roles: parse, authorize, call the service, shape the answer.

const onSystem =
  (rule: (actor: Actor, systemId: string) => boolean) => (actor: Actor, request: FastifyRequest) =>
    rule(actor, (request.params as { id: string }).id);

export function systemRoleRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/systems/:id/roles',
    {
      schema: {
        tags: ['registry'],
        summary:
          "A system's roles with their dates, the IT-samordnare of its using units, grants made on the roles page, and the gaps",
        params: idParams,
        response: { 200: systemRoles, ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await roles.rolesOfSystem(db, actor, request.params.id);
      return {
        ...result,
        roles: result.roles.map((r) => presentRole(r, actor)),
        can: { manageRoles: registryPolicy.manageRoles(actor, request.params.id) },
      };
    },
  );

  app.post(
    '/api/v1/systems/:id/roles',
    {
      schema: {
        tags: ['registry'],
        summary: 'Appoint a person to a role of the system, from a day (today by default) and to a day',
        params: idParams,
        body: systemRoleCreate,
        response: { 201: systemRole, ...errorResponses },
      },
      config: { authorize: onSystem(registryPolicy.manageRoles) },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await roles.createRole(db, actor, request.params.id, request.body);
      return reply.code(201).send(presentRole(await roles.getRole(db, actor, row.id), actor));
    },
  );

  app.patch(
    '/api/v1/system-roles/:id',
    {
      schema: {
        tags: ['registry'],
        summary: "Change a system role's dates or note",
        params: idParams,
        body: systemRoleUpdate,
        response: { 200: systemRole, ...errorResponses },
      },
      config: { authorize: registryPolicy.manageSomeRoles },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await roles.updateRole(db, actor, request.params.id, request.body);
      return presentRole(await roles.getRole(db, actor, row.id), actor);
    },
  );

  app.post(
    '/api/v1/system-roles/:id/end',
    {
      schema: {
        tags: ['registry'],
        summary: 'End a system role: its last day is endsOn (today by default)',
        params: idParams,
        body: systemRoleEnd,
        response: { 200: systemRole, ...errorResponses },
      },
      config: { authorize: registryPolicy.manageSomeRoles },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await roles.endRole(db, actor, request.params.id, request.body);
      return presentRole(await roles.getRole(db, actor, row.id), actor);
    },
  );

  app.get(
    '/api/v1/system-roles',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Who answers for what: roles in effect by system, per person, per owning unit or kind; with gaps=true the required roles no one holds',
        querystring: systemRoleListQuery,
        response: { 200: page(responsibility), ...errorResponses },
      },
      config: { authorize: registryPolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await roles.listResponsibilities(db, actor, request.query);
      return {
        items: result.items.map(({ sortName: _sort, ...item }) => item),
        nextCursor: result.nextCursor,
      };
    },
  );
}
