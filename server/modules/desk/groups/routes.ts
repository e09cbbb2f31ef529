import { z } from 'zod';
import {
  group,
  groupCreate,
  groupListQuery,
  groupMember,
  groupUpdate,
  memberAdd,
  memberParams,
} from '../../../../shared/desk/groups.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { presentGroup, presentMember } from './present.ts';
import * as groups from './service.ts';
import { exportGroups } from './transfer.ts';

// HTTP for desk groups: /api/v1/groups (the seven record routes) and their members. Staff read
// the groups (an agent picks one to hand a ticket to); admins configure them.

export function groupRoutes(app: App, { db }: ModuleContext) {
  const tags = ['desk'];
  recordRoutes(app, db, {
    tag: 'desk',
    path: '/api/v1/groups',
    noun: 'group',
    plural: 'groups',
    item: group,
    listQuery: groupListQuery,
    create: groupCreate,
    update: groupUpdate,
    read: deskPolicy.readGroups,
    write: deskPolicy.configure,
    present: presentGroup,
    list: groups.listGroups,
    exportFile: exportGroups,
    get: groups.getGroup,
    // Writes answer the group as a read does: with the names it refers to and its member count.
    add: async (db, actor, input) =>
      groups.getGroup(db, actor, (await groups.createGroup(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await groups.updateGroup(db, actor, id, input);
      return groups.getGroup(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await groups.archiveGroup(db, actor, id, input);
      return groups.getGroup(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await groups.restoreGroup(db, actor, id, version);
      return groups.getGroup(db, actor, id);
    },
  });

  app.get(
    '/api/v1/groups/:id/members',
    {
      schema: {
        tags,
        summary: "A group's members: the agents granted serviceDeskAgent in its scope",
        params: idParams,
        response: { 200: z.object({ items: z.array(groupMember) }), ...errorResponses },
      },
      config: { authorize: deskPolicy.readGroups },
    },
    async (request) => {
      const members = await groups.listMembers(db, principalOf(request), request.params.id);
      return { items: members.map(presentMember) };
    },
  );

  app.post(
    '/api/v1/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member (grants serviceDeskAgent in the group)',
        params: idParams,
        body: memberAdd,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request, reply) => {
      await groups.addMember(db, principalOf(request), request.params.id, request.body.personId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/groups/:id/members/:personId',
    {
      schema: {
        tags,
        summary: 'Remove a member (revokes the grant)',
        params: memberParams,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request, reply) => {
      await groups.removeMember(db, principalOf(request), request.params.id, request.params.personId);
      return reply.code(204).send(null);
    },
  );
}
