import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Database, type Executor, preparedQuery } from '../db/client.ts';
import { diff } from './audit/diff.ts';
import { auditEvents } from './audit/schema.ts';
import type { Actor } from './context.ts';
import { problems } from './errors.ts';
import { newId } from './ids.ts';

// The data-access layer that scopes every query by tenant. Services get a TenantScope, never the
// bare database, so a query cannot forget the tenant: `where` always adds it, `insert` always sets
// it. (Row-level security would be stronger, but PostgreSQL superusers bypass it, and tests and
// small installations run as one.)

// PostgreSQL takes at most 65,535 bind parameters in one statement.
const MAX_PARAMETERS = 65_535;
// Rows per multi-row INSERT at most, however few the columns: statements of a bounded size.
const MAX_ROWS_PER_INSERT = 1000;

/** How many rows of `columns` columns one INSERT may carry: under the parameter limit, at most 1000. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, columns))));
}

// Rows per audit INSERT: ten columns each.
const AUDIT_BATCH = rowsPerInsert(10);

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

  /**
   * Inserts many rows into a tenant table in a few multi-row INSERTs, each under PostgreSQL's
   * parameter limit (a statement per row costs a round trip each: imports of thousands of rows).
   * Answers the rows written, in the order given. With `audit`, also writes a `create` event per
   * row for that entity. Inside a transaction (inTenant) all chunks are written or none.
   */
  async insertMany<T extends TenantTable>(
    table: T,
    rows: Omit<T['$inferInsert'], 'tenantId'>[],
    options: { audit?: string } = {},
  ): Promise<T['$inferSelect'][]> {
    const chunk = rowsPerInsert(Object.keys(getTableColumns(table)).length);
    const written: T['$inferSelect'][] = [];
    for (let i = 0; i < rows.length; i += chunk) {
      const values = rows
        .slice(i, i + chunk)
        .map((row) => ({ ...row, tenantId: this.tenantId }) as T['$inferInsert']);
      const inserted = (await this.tx.insert(table).values(values).returning()) as T['$inferSelect'][];
      if (options.audit) {
        const entity = options.audit;
        await this.auditMany(
          inserted.map((row) => ({
            entity,
            entityId: String((row as { id: unknown }).id),
            action: 'create',
            after: row as Record<string, unknown>,
          })),
        );
      }
      written.push(...inserted);
    }
    return written;
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

  /**
   * Writes the tenant's one row of a settings table (keyed by tenant_id, with a version) over the
   * version read: an update where the row exists, else its first insert. Two first changes at once
   * conflict on the key and the loser answers 409, as a stale version does; so does an update
   * that finds the version moved on.
   */
  async saveSettings<T extends TenantTable & { version: PgColumn }>(
    table: T,
    read: { exists: boolean; version: number },
    values: Omit<T['$inferInsert'], 'tenantId'>,
  ): Promise<T['$inferSelect']> {
    const written = (
      read.exists
        ? await this.update(
            table,
            values as Partial<T['$inferInsert']>,
            eq(table.version, read.version),
          ).returning()
        : await this.insert(table, values).onConflictDoNothing({ target: table.tenantId }).returning()
    ) as T['$inferSelect'][];
    if (!written[0]) throw problems.versionConflict(read.version + 1);
    return written[0];
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
  return (db: Database, actor: Actor, values: Record<string, unknown>) =>
    query(db, givenOf(values)).execute({ ...values, tenantId: actor.tenantId }) as ReturnType<Q['execute']>;
}

function givenOf(values: Record<string, unknown>): Given {
  const given: Given = {};
  for (const key of Object.keys(values).sort()) if (values[key] !== undefined) given[key] = true;
  return given;
}

/**
 * A tenantQuery whose rows come as the driver reads them, without Drizzle's mapping of each field
 * to its column's type: keyed by the statement's column names (so `build` names every field it
 * selects with `.as()`), text as text, integers and booleans parsed, timestamps and dates as
 * PostgreSQL's text. For the hot lists whose records the database builds as JSON text: on a page
 * of 50 the mapping cost a third of what reading the rows did. `R` is the row as selected.
 */
export function tenantRows<R>(build: (db: Database, given: Given) => unknown) {
  const query = preparedQuery(build as (db: Database, given: Given) => RawRows);
  return (db: Database, actor: Actor, values: Record<string, unknown>) =>
    query(db, givenOf(values)).all({ ...values, tenantId: actor.tenantId }) as Promise<R[]>;
}

/** Drizzle's prepared query of either driver (postgres.js, PGlite): `all` answers the driver's rows. */
interface RawRows {
  all(values: Record<string, unknown>): Promise<unknown[]>;
}

/** `table.tenant_id = <the actor's tenant> AND ...conditions`, inside a tenantQuery. */
export function tenantWhere(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.tenantId, sql.placeholder('tenantId')), ...conditions) as SQL;
}
