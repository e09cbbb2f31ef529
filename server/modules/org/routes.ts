import { z } from 'zod';
import {
  archiveBody,
  listedRoleAssignment,
  page,
  person,
  personCreate,
  personListQuery,
  personUpdate,
  restoreBody,
  roleAssignment,
  roleAssignmentListQuery,
  roleCounts,
  roleGrant,
  unit,
  unitCreate,
  unitListQuery,
  unitUpdate,
} from '../../../shared/org.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { principalOf } from '../../platform/auth/plugin.ts';
import { endSessionsOf, resetPassword } from '../../platform/auth/service.ts';
import { type App, errorResponses, idParams } from '../../platform/http.ts';
import { orgPolicy } from './policy.ts';
import { presentPerson, presentRoleAssignment, presentUnit } from './present.ts';
import * as org from './service.ts';

// HTTP for units, people and role assignments: parse, authorize, call the service, shape the answer.

export function orgRoutes(app: App, db: Database) {
  // ------------------------------------------------------------ units
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['org'],
        summary: 'List units',
        querystring: unitListQuery,
        response: { 200: page(unit), ...errorResponses },
      },
      config: { authorize: orgPolicy.readDirectory },
    },
    async (request) => {
      const result = await org.listUnits(db, principalOf(request), request.query);
      return { items: result.items.map(presentUnit), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'One unit',
        params: idParams,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: orgPolicy.readDirectory },
    },
    async (request) => presentUnit(await org.getUnit(db, principalOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags: ['org'],
        summary: 'Create a unit',
        body: unitCreate,
        response: { 201: unit, ...errorResponses },
      },
      config: { authorize: orgPolicy.manageUnits },
    },
    async (request, reply) => {
      const row = await org.createUnit(db, principalOf(request), request.body);
      return reply.code(201).send(presentUnit(row));
    },
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Change or move a unit',
        params: idParams,
        body: unitUpdate,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: orgPolicy.manageUnits },
    },
    async (request) =>
      presentUnit(await org.updateUnit(db, principalOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/units/:id/archive',
    {
      schema: {
        tags: ['org'],
        summary: 'Archive a unit, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: orgPolicy.manageUnits },
    },
    async (request) =>
      presentUnit(await org.archiveUnit(db, principalOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/units/:id/restore',
    {
      schema: {
        tags: ['org'],
        summary: 'Restore an archived unit',
        params: idParams,
        body: restoreBody,
        response: { 200: unit, ...errorResponses },
      },
      config: { authorize: orgPolicy.manageUnits },
    },
    async (request) =>
      presentUnit(await org.restoreUnit(db, principalOf(request), request.params.id, request.body.version)),
  );

  // ------------------------------------------------------------ people
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags: ['org'],
        summary: 'List people',
        querystring: personListQuery,
        response: { 200: page(person), ...errorResponses },
      },
      config: { authorize: orgPolicy.readDirectory },
    },
    async (request) => {
      const result = await org.listPeople(db, principalOf(request), request.query);
      return { items: result.items.map(presentPerson), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'One person',
        params: idParams,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: orgPolicy.readDirectory },
    },
    async (request) => presentPerson(await org.getPerson(db, principalOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/people',
    {
      schema: {
        tags: ['org'],
        summary: 'Create a person',
        body: personCreate,
        response: { 201: person, ...errorResponses },
      },
      config: { authorize: orgPolicy.managePeople },
    },
    async (request, reply) => {
      const row = await org.createPerson(db, principalOf(request), request.body);
      return reply.code(201).send(presentPerson(row));
    },
  );

  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Change or move a person',
        params: idParams,
        body: personUpdate,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: orgPolicy.managePeople },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await org.updatePerson(db, actor, request.params.id, request.body);
      if (!row.active) await endSessionsOf(db, actor.tenantId, row.id);
      return presentPerson(row);
    },
  );

  app.post(
    '/api/v1/people/:id/archive',
    {
      schema: {
        tags: ['org'],
        summary: 'Archive a person, with a reason',
        params: idParams,
        body: archiveBody,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: orgPolicy.managePeople },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await org.archivePerson(db, actor, request.params.id, request.body);
      await endSessionsOf(db, actor.tenantId, row.id);
      return presentPerson(row);
    },
  );

  app.post(
    '/api/v1/people/:id/restore',
    {
      schema: {
        tags: ['org'],
        summary: 'Restore an archived person',
        params: idParams,
        body: restoreBody,
        response: { 200: person, ...errorResponses },
      },
      config: { authorize: orgPolicy.managePeople },
    },
    async (request) =>
      presentPerson(
        await org.restorePerson(db, principalOf(request), request.params.id, request.body.version),
      ),
  );

  app.post(
    '/api/v1/people/:id/password-reset',
    {
      schema: {
        tags: ['org'],
        summary: 'Give a person a temporary password, to be changed at next sign-in',
        params: idParams,
        response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
      },
      config: { authorize: orgPolicy.resetPasswords },
    },
    async (request) => {
      const actor = principalOf(request);
      await org.getPerson(db, actor, request.params.id);
      const temporaryPassword = await resetPassword(db, actor, request.params.id);
      await endSessionsOf(db, actor.tenantId, request.params.id);
      return { temporaryPassword };
    },
  );

  // ------------------------------------------------------------ role assignments
  app.get(
    '/api/v1/role-assignments',
    {
      schema: {
        tags: ['org'],
        summary: 'Role assignments, of one person, role or unit, or all; by role, then in the order granted',
        querystring: roleAssignmentListQuery,
        response: { 200: page(listedRoleAssignment), ...errorResponses },
      },
      config: { authorize: orgPolicy.readRoles },
    },
    async (request) => {
      const result = await org.listRoleAssignments(db, principalOf(request), request.query);
      return {
        items: result.items.map((r) => ({
          ...presentRoleAssignment(r.assignment),
          personName: `${r.givenName} ${r.familyName}`,
        })),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/role-assignments/counts',
    {
      schema: {
        tags: ['org'],
        summary: 'How many people hold each role',
        response: { 200: roleCounts, ...errorResponses },
      },
      config: { authorize: orgPolicy.readRoles },
    },
    async (request) => ({
      items: (await org.countRoleHolders(db, principalOf(request))).map((c) => ({
        role: c.role as Role,
        holders: c.holders,
      })),
    }),
  );

  app.post(
    '/api/v1/role-assignments',
    {
      schema: {
        tags: ['org'],
        summary: 'Grant a role, globally or for a unit',
        body: roleGrant,
        response: { 201: roleAssignment, ...errorResponses },
      },
      config: { authorize: orgPolicy.manageRoles },
    },
    async (request, reply) => {
      const row = await org.grantRole(db, principalOf(request), request.body);
      return reply.code(201).send(presentRoleAssignment(row));
    },
  );

  app.post(
    '/api/v1/role-assignments/:id/revoke',
    {
      schema: {
        tags: ['org'],
        summary: 'Revoke a role; the grant stays in the history',
        params: idParams,
        response: { 200: roleAssignment, ...errorResponses },
      },
      config: { authorize: orgPolicy.manageRoles },
    },
    async (request) =>
      presentRoleAssignment(await org.revokeRole(db, principalOf(request), request.params.id)),
  );
}
