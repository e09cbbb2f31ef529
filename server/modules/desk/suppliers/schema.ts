import { foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core';
import type { Sla } from '../../../../shared/desk/sla.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { groups } from '../groups/schema.ts';
import { serviceLevels } from '../services/schema.ts';
import { tickets } from '../tickets/schema.ts';

// A ticket's stays with a supplier and their clocks against the supplier's contracted levels
// (shared/desk/suppliers.ts). Only ./service.ts writes them, inside the transaction of the ticket's
// change (or of the import). The link of a contract to its levels is the underpinning service level
// (desk_service_levels.kind = 'underpinning', contract_id), so the register does not know the desk.
// The figures the report aggregates are columns, computed on write from `sla`.

export const supplierClocks = pgTable(
  'desk_supplier_clocks',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    /** The supplier group that held the ticket at the hand-over (null: it waited in an own group). */
    groupId: uuid('group_id'),
    /** The contract whose levels applied (null: none; the stay has no clocks). */
    contractId: uuid('contract_id'),
    levelId: uuid('level_id'),
    priority: smallint('priority').notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    sla: jsonb('sla').$type<Sla>(),
    responseTarget: integer('response_target'),
    resolutionTarget: integer('resolution_target'),
    /** Business minutes to the response (null: not met yet). */
    responseMinutes: integer('response_minutes'),
    /** Business minutes with the supplier, requester waits left out (null: still with them). */
    resolutionMinutes: integer('resolution_minutes'),
    responseDueAt: ts('response_due_at'),
    resolutionDueAt: ts('resolution_due_at'),
    responseBreachedAt: ts('response_breached_at'),
    resolutionBreachedAt: ts('resolution_breached_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [groups.tenantId, groups.id] }),
    foreignKey({ columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] }),
    foreignKey({
      columns: [t.tenantId, t.levelId],
      foreignColumns: [serviceLevels.tenantId, serviceLevels.id],
    }),
    // A ticket's stays in order (its page, and the open one a change steps on).
    index('desk_supplier_clocks_ticket_idx').on(t.tenantId, t.ticketId, t.startedAt),
    // The report: a period's stays per supplier and contract.
    index('desk_supplier_clocks_report_idx').on(t.tenantId, t.startedAt, t.supplierId, t.contractId),
  ],
);
