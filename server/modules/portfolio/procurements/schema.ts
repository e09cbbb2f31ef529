import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { sortKey, timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { systems } from '../../registry/systems/schema.ts';

// Procurements (LOU), the systems they concern, and each tenant's procurement settings (the
// direktupphandling limit and the lead times of the re-procurement plan). Only ./service.ts and
// ./settings.ts write them. Money is integer öre (bigint: an open procurement passes 21 million
// kronor, the end of a 32-bit integer in öre).

const ore = (name: string) => bigint(name, { mode: 'number' });

export const procurements = pgTable(
  'portfolio_procurements',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    sortTitle: text('sort_title').notNull().generatedAlwaysAs(sortKey(sql`"title"`)),
    description: text('description'),
    /** shared/portfolio/procurements.ts procedures. */
    procedure: text('procedure').notNull(),
    frameworkReference: text('framework_reference'),
    frameworkContractId: uuid('framework_contract_id'),
    estimatedValue: ore('estimated_value'),
    /** shared/portfolio/procurements.ts procurementStatuses. */
    status: text('status').notNull().default('planned'),
    plannedStartOn: date('planned_start_on'),
    advertisedOn: date('advertised_on'),
    tenderDeadlineOn: date('tender_deadline_on'),
    awardedOn: date('awarded_on'),
    contractStartsOn: date('contract_starts_on'),
    responsibleId: uuid('responsible_id'),
    unitId: uuid('unit_id'),
    replacesContractId: uuid('replaces_contract_id'),
    contractId: uuid('contract_id'),
    cancelReason: text('cancel_reason'),
    cancelledOn: date('cancelled_on'),
    cancelCost: ore('cancel_cost'),
    cancelHours: integer('cancel_hours'),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.responsibleId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({
      columns: [t.tenantId, t.frameworkContractId],
      foreignColumns: [contracts.tenantId, contracts.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.replacesContractId],
      foreignColumns: [contracts.tenantId, contracts.id],
    }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    index('portfolio_procurements_list_idx').on(t.tenantId, t.sortTitle, t.id),
    index('portfolio_procurements_status_idx').on(t.tenantId, t.status),
    // The plan: which procurement replaces each contract.
    index('portfolio_procurements_replaces_idx').on(t.tenantId, t.replacesContractId),
    index('portfolio_procurements_responsible_idx').on(t.tenantId, t.responsibleId),
    index('portfolio_procurements_unit_idx').on(t.tenantId, t.unitId),
    // The timeline and the report's procurements starting soon (views/).
    index('portfolio_procurements_start_idx').on(t.tenantId, t.plannedStartOn),
  ],
);

export const procurementSystems = pgTable(
  'portfolio_procurement_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    procurementId: uuid('procurement_id').notNull(),
    systemId: uuid('system_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.procurementId, t.systemId] }),
    foreignKey({
      columns: [t.tenantId, t.procurementId],
      foreignColumns: [procurements.tenantId, procurements.id],
    }),
    foreignKey({ columns: [t.tenantId, t.systemId], foreignColumns: [systems.tenantId, systems.id] }),
    index('portfolio_procurement_systems_system_idx').on(t.tenantId, t.systemId),
  ],
);

export const procurementSettings = pgTable('portfolio_procurement_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  directLimit: ore('direct_limit').notNull(),
  /** Months by procedure: { open, simplified, renewedCompetition, direct }. */
  leadMonths: jsonb('lead_months').$type<Record<string, number>>().notNull(),
  warnDays: integer('warn_days').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
