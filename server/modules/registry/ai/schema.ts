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
  ],
);
