import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { systems } from '../systems/schema.ts';

// The AI Act register: AI applications tied to a system. Only ./service.ts writes it.

export const aiApplications = pgTable(
  'registry_ai_applications',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    systemId: uuid('system_id').notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull().generatedAlwaysAs(sortKey(sql`"name"`)),
    purpose: text('purpose'),
    riskCategory: text('risk_category'),
    highRiskArea: text('high_risk_area'),
    motivation: text('motivation'),
    friaRequired: boolean('fria_required'),
    friaOn: date('fria_on'),
    friaResult: text('fria_result'),
    transparency: text('transparency'),
    humanOversight: text('human_oversight'),
    registrationStatus: text('registration_status'),
    // Risk and registration as ranks kept by the database, so that a list sorted by either is in
    // their real order (prohibited … minimal, none last) and pages by keyset on non-null values.
    riskRank: integer('risk_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "risk_category" when 'prohibited' then 0 when 'high' then 1 when 'limited' then 2 when 'minimal' then 3 else 4 end`,
      ),
    registrationRank: integer('registration_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case "registration_status" when 'pending' then 0 when 'registered' then 1 when 'notRequired' then 2 else 3 end`,
      ),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    // One active application of a name per system.
    uniqueIndex('registry_ai_applications_name_idx')
      .on(t.tenantId, t.systemId, t.sortName)
      .where(sql`"archived_at" is null`),
    index('registry_ai_applications_list_idx').on(t.tenantId, t.sortName, t.id),
    index('registry_ai_applications_system_idx').on(t.tenantId, t.systemId),
    index('registry_ai_applications_risk_idx').on(t.tenantId, t.riskCategory, t.sortName, t.id),
    index('registry_ai_applications_risk_rank_idx').on(t.tenantId, t.riskRank, t.sortName, t.id),
    index('registry_ai_applications_registration_rank_idx').on(
      t.tenantId,
      t.registrationRank,
      t.sortName,
      t.id,
    ),
  ],
);
