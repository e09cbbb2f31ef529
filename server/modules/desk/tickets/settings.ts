import { and, asc, eq, lt } from 'drizzle-orm';
import {
  defaultTicketSettings,
  type PriorityMatrix,
  type TicketSettingsUpdate,
} from '../../../../shared/desk/tickets.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { ticketSettings, tickets } from './schema.ts';

// The tenant's rules for tickets: the priority matrix, how long a solved ticket may be reopened,
// and when the nightly job closes it. A tenant that never changed them has the defaults, version 1.

export interface SettingsRow {
  priorityMatrix: PriorityMatrix;
  reopenDays: number;
  autoCloseDays: number;
  firstContactTarget: number;
  version: number;
  updatedAt: Date | null;
}

export async function ticketSettingsOf(db: Executor, tenantId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(ticketSettings).where(eq(ticketSettings.tenantId, tenantId));
  return row ?? { ...defaultTicketSettings, version: 1, updatedAt: null };
}

export function updateTicketSettings(db: Database, actor: Actor, input: TicketSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx.select().from(ticketSettings).where(s.where(ticketSettings)).for('update');
    const before: SettingsRow = row ?? { ...defaultTicketSettings, version: 1, updatedAt: null };
    assertVersion(before, input.version, 'ticket settings');
    const values = {
      priorityMatrix: input.priorityMatrix ?? before.priorityMatrix,
      reopenDays: input.reopenDays ?? before.reopenDays,
      autoCloseDays: input.autoCloseDays ?? before.autoCloseDays,
      firstContactTarget: input.firstContactTarget ?? before.firstContactTarget,
      version: before.version + 1,
      updatedAt: new Date(),
    };
    if (values.reopenDays > values.autoCloseDays)
      throw problems.field('body.autoCloseDays', 'A ticket must be closed no sooner than it can be reopened');
    const after = await s.saveSettings(ticketSettings, { exists: !!row, version: before.version }, values);
    const { version: _v, updatedAt: _u, ...was } = before;
    await s.audit({ entity: 'ticketSettings', entityId: s.tenantId, action: 'update', before: was, after });
    return after as SettingsRow;
  });
}

export async function ticketSettingsRefs(_db: Executor, tenantId: string, ids: readonly string[]) {
  return new Map(
    ids
      .filter((id) => id === tenantId)
      .map((id) => [id, { id, name: 'Regler för ärenden', href: '/desk/settings', archived: false }]),
  );
}

/**
 * Closes the tickets solved longer ago than the tenant's autoCloseDays, through the service (each
 * gets its status entry and audit event). Derived from the rows, so a missed night loses nothing.
 */
export async function closeSolvedTickets(
  db: Database,
  close: (db: Database, actor: Actor, id: string, version: number) => Promise<unknown>,
  now = new Date(),
): Promise<number> {
  const tenants = await db
    .selectDistinct({ tenantId: tickets.tenantId })
    .from(tickets)
    .where(eq(tickets.status, 'solved'));
  let closed = 0;
  for (const { tenantId } of tenants) {
    const { autoCloseDays } = await ticketSettingsOf(db, tenantId);
    const before = new Date(now.getTime() - autoCloseDays * 86_400_000);
    const due = await db
      .select({ id: tickets.id, version: tickets.version })
      .from(tickets)
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.status, 'solved'), lt(tickets.solvedAt, before)))
      .orderBy(asc(tickets.solvedAt))
      .limit(5000);
    const actor = systemActor(tenantId, 'Automatisk stängning');
    for (const t of due) {
      try {
        await close(db, actor, t.id, t.version);
        closed += 1;
      } catch (error) {
        // Changed meanwhile (reopened, or closed by an agent): the next night looks again.
        if (!(error instanceof Error && /version|closed/i.test(error.message))) throw error;
      }
    }
  }
  return closed;
}

export const autoCloseJob = (close: Parameters<typeof closeSolvedTickets>[1]) =>
  defineJob({
    name: 'desk.tickets-auto-close',
    schedule: { cron: '20 2 * * *' },
    retry: { limit: 3, delaySeconds: 600 },
    handler: async (_data, { database, log }) => {
      const closed = await closeSolvedTickets(database.db, close);
      if (closed > 0) log.info({ closed }, 'solved tickets closed');
    },
  });
