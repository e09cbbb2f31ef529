import { forum, forumCreate, forumListQuery, forumUpdate } from '../../../../shared/governance/forums.ts';
import type { App } from '../../../platform/http.ts';
import { recordRoutes } from '../../../platform/record-routes.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { governancePolicy } from '../policy.ts';
import { presentForum } from './present.ts';
import * as forums from './service.ts';
import { exportForums } from './transfer.ts';

// HTTP for forums: /api/v1/forums (the seven record routes). Staff read them; the IT-strateg and
// admins keep them. Writes answer the forum as a read does, with its people's names.

export function forumRoutes(app: App, { db }: ModuleContext) {
  recordRoutes(app, db, {
    tag: 'governance',
    path: '/api/v1/forums',
    noun: 'forum',
    plural: 'forums',
    item: forum,
    listQuery: forumListQuery,
    create: forumCreate,
    update: forumUpdate,
    read: governancePolicy.read,
    write: governancePolicy.manage,
    present: presentForum,
    list: forums.listForums,
    exportFile: exportForums,
    get: forums.getForum,
    add: async (db, actor, input) =>
      forums.getForum(db, actor, (await forums.createForum(db, actor, input)).id),
    change: async (db, actor, id, input) => {
      await forums.updateForum(db, actor, id, input);
      return forums.getForum(db, actor, id);
    },
    archive: async (db, actor, id, input) => {
      await forums.archiveForum(db, actor, id, input);
      return forums.getForum(db, actor, id);
    },
    restore: async (db, actor, id, version) => {
      await forums.restoreForum(db, actor, id, version);
      return forums.getForum(db, actor, id);
    },
  });
}
