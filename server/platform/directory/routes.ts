import { z } from 'zod';
import {
  listedRoleAssignment,
  person,
  personCreate,
  personListQuery,
  personUpdate,
  roleAssignment,
  roleAssignmentListQuery,
  roleCounts,
  roleGrant,
  unit,
  unitCreate,
  unitListQuery,
  unitUpdate,
} from '../../../shared/directory.ts';
import { archiveBody, page, restoreBody } from '../../../shared/records.ts';
import type { Role } from '../../../shared/roles.ts';
import { principalOf } from '../auth/plugin.ts';
import { resetPassword } from '../auth/service.ts';
import { type App, errorResponses, idParams } from '../http.ts';
import type { ModuleContext } from '../seam.ts';
import { directoryPolicy } from './policy.ts';
import { presentPerson, presentRoleAssignment, presentUnit } from './present.ts';
import * as directory from './service.ts';

// HTTP for units, people and role assignments: parse, authorize, call the service, shape the answer.

export function directoryRoutes(app: App, { db, seam }: ModuleContext) {
  // ------------------------------------------------------------ units
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['directory'],
        summary: 'List units',
        querystring: unitListQuery,
        response: { 200: page(unit), ...errorResponses },
      },
      config: { authorize: directoryPolicy.readDirectory },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await directory.listUnits(db, actor, request.query);
      return { items: result.items.map((row) => presentUnit(row, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'One unit',
        params: idParams,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: directoryPolicy.readDirectory },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentUnit(await directory.getUnit(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a unit',
        body: unitCreate,
        response: { 201: unit, ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageUnits },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await directory.createUnit(db, actor, request.body);
      return reply.code(201).send(presentUnit(row, actor));
    },
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Change or move a unit',
        params: idParams,
        body: unitUpdate,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageUnits },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentUnit(await directory.updateUnit(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/units/:id/archive',
    {
      schema: {
        tags: ['directory'],
        summary: 'Archive a unit, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageUnits },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentUnit(await directory.archiveUnit(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/units/:id/restore',
    {
      schema: {
        tags: ['directory'],
        summary: 'Restore an archived unit',
        params: idParams,
        body: restoreBody,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageUnits },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentUnit(
        await directory.restoreUnit(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  // ------------------------------------------------------------ people
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'List people',
        querystring: personListQuery,
        response: { 200: page(person), ...errorResponses },
      },
      config: { authorize: directoryPolicy.readDirectory },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await directory.listPeople(db, actor, request.query);
      return { items: result.items.map((row) => presentPerson(row, actor)), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'One person',
        params: idParams,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: directoryPolicy.readDirectory },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPerson(await directory.getPerson(db, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/v1/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a person',
        body: personCreate,
        response: { 201: person, ...errorResponses },
      },
      config: { authorize: directoryPolicy.managePeople },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await directory.createPerson(db, actor, request.body);
      return reply.code(201).send(presentPerson(row, actor));
    },
  );

  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Change or move a person',
        params: idParams,
        body: personUpdate,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: directoryPolicy.managePeople },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPerson(await directory.updatePerson(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/people/:id/archive',
    {
      schema: {
        tags: ['directory'],
        summary: 'Archive a person, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: directoryPolicy.managePeople },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPerson(await directory.archivePerson(db, actor, request.params.id, request.body), actor);
    },
  );

  app.post(
    '/api/v1/people/:id/restore',
    {
      schema: {
        tags: ['directory'],
        summary: 'Restore an archived person',
        params: idParams,
        body: restoreBody,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: directoryPolicy.managePeople },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentPerson(
        await directory.restorePerson(db, actor, request.params.id, request.body.version),
        actor,
      );
    },
  );

  app.post(
    '/api/v1/people/:id/password-reset',
    {
      schema: {
        tags: ['directory'],
        summary: 'Give a person a temporary password, to be changed at next sign-in',
        description:
          "Every session of the person ends. With `revokeTokens: true` the person's API tokens are revoked too. " +
          'A repeat with the same Idempotency-Key answers 409 secret-shown-once, since the password is not kept.',
        params: idParams,
        body: z.strictObject({ revokeTokens: z.boolean().optional() }).nullish(),
        response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
      },
      config: { authorize: directoryPolicy.resetPasswords, secretAnswer: true },
    },
    async (request) => {
      const actor = principalOf(request);
      await directory.getPerson(db, actor, request.params.id);
      const temporaryPassword = await resetPassword(db, actor, request.params.id, {
        revokeTokens: request.body?.revokeTokens,
      });
      return { temporaryPassword };
    },
  );

  // ------------------------------------------------------------ role assignments
  app.get(
    '/api/v1/role-assignments',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Role assignments, of one person, role or scope, or all; by role, then in the order granted, with the names of holder and scope',
        querystring: roleAssignmentListQuery,
        response: { 200: page(listedRoleAssignment), ...errorResponses },
      },
      config: { authorize: directoryPolicy.readRoles },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await directory.listRoleAssignments(db, actor, request.query);
      const scopes = await seam.describeScopes(
        db,
        actor.tenantId,
        result.items.flatMap(({ assignment: a }) => (a.scopeId ? [{ kind: a.scope, id: a.scopeId }] : [])),
      );
      return {
        items: result.items.map((r) => {
          const scope = r.assignment.scopeId
            ? scopes.get(`${r.assignment.scope}:${r.assignment.scopeId}`)
            : undefined;
          return {
            ...presentRoleAssignment(r.assignment, actor),
            personName: `${r.givenName} ${r.familyName}`,
            scopeName: scope?.name ?? null,
            scopeHref: scope?.href ?? null,
          };
        }),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/role-assignments/counts',
    {
      schema: {
        tags: ['directory'],
        summary: 'How many people hold each role',
        response: { 200: roleCounts, ...errorResponses },
      },
      config: { authorize: directoryPolicy.readRoles },
    },
    async (request) => ({
      items: (await directory.countRoleHolders(db, principalOf(request))).map((c) => ({
        role: c.role as Role,
        holders: c.holders,
      })),
    }),
  );

  app.post(
    '/api/v1/role-assignments',
    {
      schema: {
        tags: ['directory'],
        summary: 'Grant a role, globally or in a scope (a unit, or a kind a module registers)',
        body: roleGrant,
        response: { 201: roleAssignment, ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageRoles },
    },
    async (request, reply) => {
      const actor = principalOf(request);
      const row = await directory.grantRole(db, actor, request.body, seam);
      return reply.code(201).send(presentRoleAssignment(row, actor));
    },
  );

  app.post(
    '/api/v1/role-assignments/:id/revoke',
    {
      schema: {
        tags: ['directory'],
        summary: 'Revoke a role; the grant stays in the history',
        params: idParams,
        response: { 200: roleAssignment, ...errorResponses },
      },
      config: { authorize: directoryPolicy.manageRoles },
    },
    async (request) => {
      const actor = principalOf(request);
      return presentRoleAssignment(await directory.revokeRole(db, actor, request.params.id), actor);
    },
  );
}
