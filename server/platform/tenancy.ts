import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Database, type Executor, preparedQuery } from '../db/client.ts';
import { diff } from './audit/diff.ts';
import { auditEvents } from './audit/schema.ts';
import type { Actor } from './context.ts';
import { newId } from './ids.ts';

// The data-access layer that scopes every query by tenant. Services get a TenantScope, never the
// bare database, so a query cannot forget the tenant: `where` always adds it, `insert` always sets
// it. (Row-level security would be stronger, but PostgreSQL superusers bypass it, and tests and
// small installations run as one.)

// Rows per audit INSERT: ten columns each, well under PostgreSQL's 65,535 parameters.
const AUDIT_BATCH = 1000;

export type TenantTable = PgTable & { tenantId: PgColumn };

export interface AuditInput {
  entity: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export class TenantScope {
  readonly tx: Executor;
  readonly actor: Actor;
  /** The database the transaction belongs to: work that follows it (jobs) is found by it. */
  readonly db: Database | undefined;

  constructor(tx: Executor, actor: Actor, db?: Database) {
    this.tx = tx;
    this.actor = actor;
    this.db = db;
  }

  get tenantId(): string {
    return this.actor.tenantId;
  }

  /** `table.tenant_id = current tenant AND ...conditions` */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  /** Inserts rows into a tenant table with tenant_id set to the current tenant. */
  insert<T extends TenantTable>(table: T, values: Omit<T['$inferInsert'], 'tenantId'>) {
    return this.tx.insert(table).values({ ...values, tenantId: this.tenantId } as T['$inferInsert']);
  }

  /** Updates rows of the current tenant only. */
  update<T extends TenantTable>(
    table: T,
    set: Partial<T['$inferInsert']>,
    ...conditions: (SQL | undefined)[]
  ) {
    return this.tx
      .update(table)
      .set(set as never)
      .where(this.where(table, ...conditions));
  }

  /** Writes an audit event in the same transaction as the change it records. */
  async audit(event: AuditInput): Promise<void> {
    await this.auditMany([event]);
  }

  /** Writes many audit events in a few multi-row INSERTs (imports of thousands of rows). */
  async auditMany(events: AuditInput[]): Promise<void> {
    for (let i = 0; i < events.length; i += AUDIT_BATCH) {
      await this.tx.insert(auditEvents).values(
        events.slice(i, i + AUDIT_BATCH).map((event) => ({
          tenantId: this.tenantId,
          id: newId(),
          actorId: this.actor.personId,
          actorName: this.actor.name,
          entity: event.entity,
          entityId: event.entityId,
          action: event.action,
          changes: diff(event.before ?? null, event.after ?? null),
          requestId: this.actor.requestId ?? null,
        })),
      );
    }
  }
}

/** Runs `work` in one transaction scoped to the actor's tenant: all of it is written, or none. */
export function inTenant<R>(
  db: Database,
  actor: Actor,
  work: (scope: TenantScope) => Promise<R>,
): Promise<R> {
  return db.transaction((tx) => work(new TenantScope(tx, actor, db)));
}

/** A read-only scope outside a transaction, for lists and lookups. */
export function readScope(db: Database, actor: Actor): TenantScope {
  return new TenantScope(db, actor, db);
}

/** Which values a call of a tenantQuery gives: a list query's optional filters shape its SQL. */
export type Given = Record<string, boolean>;

/**
 * A preparedQuery (db/client.ts) of a tenant's rows. `build(db, given)` scopes it with
 * `tenantWhere`, takes every value as a placeholder, and leaves out the conditions whose value is
 * not given; `run(db, actor, values)` prepares one statement per combination of given values and
 * fills in the actor's tenant, so a prepared query cannot forget the tenant either. A value that
 * only switches a condition (a flag) is given as `true` or left undefined.
 */
export function tenantQuery<Q extends { execute(values: Record<string, unknown>): Promise<unknown> }>(
  build: (db: Database, given: Given) => Q,
) {
  const query = preparedQuery(build);
  return (db: Database, actor: Actor, values: Record<string, unknown>) => {
    const given: Given = {};
    for (const key of Object.keys(values).sort()) if (values[key] !== undefined) given[key] = true;
    return query(db, given).execute({ ...values, tenantId: actor.tenantId }) as ReturnType<Q['execute']>;
  };
}

/** `table.tenant_id = <the actor's tenant> AND ...conditions`, inside a tenantQuery. */
export function tenantWhere(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.tenantId, sql.placeholder('tenantId')), ...conditions) as SQL;
}
