import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants } from '../../../platform/directory/schema.ts';

// Forums (styrgrupp, beredningsgrupp, systemägargrupp …). Only ./service.ts writes them. Who may
// act in a forum is not kept here: everyone named in it (officers, members, deputies) holds
// `forumMember` in the forum's scope (the platform's role assignments); the members table keeps
// who is a member and who their deputy is, in the order the forum lists them.

export const forums = pgTable(
  'governance_forums',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    /** shared/governance/forums.ts forumKinds. */
    kind: text('kind').notNull(),
    meetingsPerYear: integer('meetings_per_year').notNull(),
    meetingsPerYearMax: integer('meetings_per_year_max'),
    mandate: text('mandate'),
    chairId: uuid('chair_id'),
    convenerId: uuid('convener_id'),
    secretaryId: uuid('secretary_id'),
    /** shared/governance/forums.ts decisionClasses. */
    decisionClasses: text('decision_classes').array().notNull().default(sql`'{}'::text[]`),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.chairId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.convenerId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.secretaryId], foreignColumns: [people.tenantId, people.id] }),
    index('governance_forums_list_idx').on(t.tenantId, t.sortName, t.id),
  ],
);

export const forumMembers = pgTable(
  'governance_forum_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    forumId: uuid('forum_id').notNull(),
    personId: uuid('person_id').notNull(),
    deputyId: uuid('deputy_id'),
    /** The member's place in the forum's list. */
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.forumId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [forums.tenantId, forums.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.deputyId], foreignColumns: [people.tenantId, people.id] }),
    index('governance_forum_members_person_idx').on(t.tenantId, t.personId),
    index('governance_forum_members_deputy_idx').on(t.tenantId, t.deputyId).where(sql`deputy_id is not null`),
  ],
);
