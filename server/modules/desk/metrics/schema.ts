import { foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../../db/columns.ts';
import { tenants } from '../../../platform/directory/schema.ts';
import { tickets } from '../tickets/schema.ts';

// The metrics' own table: derived data kept by the database, written by no service. A ticket that
// is reopened was not open while it stood solved, so the backlog at a past instant needs, for each
// reopening, when the solution before it was given. The timeline holds it, but reading the
// timelines of every reopened ticket of a year costs more than the rest of a report; so a trigger
// on desk_ticket_events (the migration of this table, `desk_metrics_gaps_kept`) writes one row per
// reopening as it is appended: the ticket stood solved from `solved_at` until `reopened_at`.
// Any reopening counts: the requester's (kind `reopened`) and an agent's status change from
// solved or closed to an open status, live or imported.

export const reopenGaps = pgTable(
  'desk_metrics_gaps',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    ticketId: uuid('ticket_id').notNull(),
    solvedAt: ts('solved_at').notNull(),
    reopenedAt: ts('reopened_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId, t.reopenedAt] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    // A report reads the reopenings from its period's start on.
    index('desk_metrics_gaps_reopened_idx').on(t.tenantId, t.reopenedAt, t.solvedAt, t.ticketId),
  ],
);
