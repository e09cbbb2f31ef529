import type { ScopeKind } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { Database, Executor } from '../db/client.ts';
import type { Actor } from './context.ts';
import type { DerivedCacheKind } from './derived-cache.ts';
import type { AttachmentKind } from './files/kinds.ts';
import type { App } from './http.ts';
import type { JobDefinition, JobLogger } from './jobs/jobs.ts';
import { type MailKind, mailRegistry } from './mail/templates.ts';
import type { NotificationKind } from './notifications/kinds.ts';

// The seam every module plugs into. A module is one object (its folder's index.ts) listed once in
// server/modules.ts; the platform's own parts (identity, directory, audit) are described the same
// way. Everything a module brings to the whole product goes through the fields below, so the
// platform never imports a module and a new module edits nothing outside its folder but that list.

/** A record as other parts of the product show it: a name and where it lives in the web app. */
export interface RecordRef {
  id: string;
  name: string;
  /** The web app's path of the record, e.g. `/units/<id>`. */
  href: string;
  archived: boolean;
}

/**
 * A kind of scope that role grants can name (`unit`, a module's `system`, `group`, `forum`). The
 * platform grants and shows scopes of every registered kind without knowing what they are.
 */
export interface ScopeKindDefinition {
  kind: ScopeKind;
  /**
   * The scopes with these ids in the tenant; an id missing from the answer does not exist there.
   * Called inside the grant's transaction too (`db` is then that transaction), so that a scope made
   * in the same transaction is found and PGlite's one connection is not asked twice.
   */
  describe(db: Executor, tenantId: string, ids: readonly string[]): Promise<Map<string, RecordRef>>;
  /** Active scopes whose name matches, for the picker when a role is granted. */
  search(db: Database, actor: Actor, term: string | undefined, limit: number): Promise<RecordRef[]>;
  /** Ids of the same kind whose grants also cover `id` (a unit's ancestors); none when absent. */
  enclosing?(db: Database, tenantId: string, id: string): Promise<string[]>;
}

/** One hit of the global search (Ctrl+K), already filtered by what the reader may see. */
export interface SearchHit {
  id: string;
  title: string;
  detail: string | null;
  href: string;
}

/** A section of the global search: people, units, systems, tickets … */
export interface SearchProvider {
  section: string;
  search(db: Database, actor: Actor, term: string, limit: number): Promise<SearchHit[]>;
}

/** How the audit trail names and links the records of one entity, and who may read their history. */
export interface AuditEntityDefinition {
  entity: string;
  describe(db: Executor, tenantId: string, ids: readonly string[]): Promise<Map<string, RecordRef>>;
  /** Besides admins, who may read one record's history (e.g. a person their own). */
  canReadHistory?(actor: Actor, entityId: string): boolean;
}

/** A record waiting for a forum, as an agenda item may link to it. */
export interface AgendaRecord {
  id: string;
  name: string;
  href: string;
  /** Why it waits (due date, phase), in one line. */
  detail: string | null;
}

/**
 * A kind of record that waits for a forum's meeting (a demand to prepare or decide, a governing
 * document due for review, a project deviation): an agenda item may be linked to one.
 */
export interface AgendaSource {
  kind: string;
  /** The records of this kind waiting for the forum, as the reader may see them. */
  waiting(db: Database, actor: Actor, forumId: string): Promise<AgendaRecord[]>;
  /** Names and links by id; an id missing from the answer is not in the tenant. */
  describe(db: Executor, tenantId: string, ids: readonly string[]): Promise<Map<string, RecordRef>>;
}

/** Something waiting for the signed-in person on the start page ("Mitt Styrbord"). */
export interface StartItem {
  section: string;
  id: string;
  title: string;
  detail: string | null;
  href: string;
  /** When it is due, for ordering and for "overdue" (ISO 8601), if it has a date. */
  due: string | null;
}

export interface StartItemsProvider {
  section: string;
  items(db: Database, actor: Actor): Promise<StartItem[]>;
}

/** A tenant of the demo, as a module's demo data sees it once the directory has been loaded. */
export interface DemoContext {
  id: string;
  slug: string;
  /** The system actor that loads the demo (audited as "Demodata"). */
  actor: Actor;
  /** A demo unit's id by its key in the directory's demo data. */
  unitId(key: string): string;
  /** A demo person's id by email. */
  personId(email: string): string;
}

/** Tenant A of the access and bad-input walks (server/testing.ts). */
export interface WalkTenant {
  id: string;
  actor: Actor;
  unitId: string;
  adminId: string;
  adminEmail: string;
}

/**
 * What the access and bad-input walks need of a module: records in tenant A, and a valid body for
 * each of its writes. The walks visit every operation of the OpenAPI document and fail loudly on
 * one that no module gives a body or a record for.
 */
export interface WalkFixtures {
  /**
   * Creates records in tenant A. `ids` maps a path's resource segment to the id to put after it
   * (`{ units: '…' }` fills `/units/{id}`); `secrets` are strings tenant B must never see.
   */
  seed(
    db: Database,
    tenant: WalkTenant,
    seam: Seam,
  ): Promise<{ ids: Record<string, string>; secrets: string[]; params?: Record<string, string> }>;
  /** A valid body per operation (`'POST /api/v1/units'`), given every module's seeded ids. */
  bodies: Record<string, (ids: Record<string, string>) => unknown>;
  /**
   * Path parameters other than `{id}`, by name (`{ kind: 'unit' }`), or for one path only by
   * `'<path>#<name>'` (two routes may both call a parameter `kind`); `seed` may give more.
   */
  params?: Record<string, string>;
  /** Operations an employee may call on their own behalf (not refused with 403 by the walk). */
  selfService?: string[];
}

/**
 * A figure a module computes for a year, that an indicator of a goal in the IT strategy may follow
 * instead of a value typed by hand (governance/goals). The module that owns the data names it by a
 * key (`registry.eServices`); governance knows no module, only the keys registered here, so a
 * module added later (the catalogue's IT cost per employee, its printed pages) adds its own.
 */
export interface IndicatorSource {
  /** `<module>.<figure>`, stored on the indicator. */
  key: string;
  label: { sv: string; en: string };
  /** The unit the figure is in (`st`, `%`, `kr`). */
  unit: string;
  /** Where the figure comes from and what it counts, shown beside a computed value. */
  origin: { sv: string; en: string };
  /** The figure for the year in the tenant (at its end, or today in the current year); null when unknown. */
  compute(db: Executor, tenantId: string, year: number): Promise<number | null>;
}

export interface ModuleContext {
  db: Database;
  config: Config;
  seam: Seam;
}

/** What a listener is given when the server starts it. */
export interface ListenerContext {
  db: Database;
  config: Config;
  log: JobLogger;
}

/** A listener that runs: where it listens, and how it stops. */
export interface RunningListener {
  /** `host:port`, for the server's ready line. */
  address: string;
  /** Stops accepting connections and lets the sessions in progress finish. */
  close(): Promise<void>;
}

/**
 * A network listener besides HTTP that a module runs in the server process (the desk's SMTP
 * listener for inbound mail). main.ts starts each after the jobs, so that what it accepts can
 * queue work, and closes it before the jobs stop.
 */
export interface ListenerDefinition {
  name: string;
  /** Starts listening when the configuration asks for it; undefined when it leaves it off. */
  start(context: ListenerContext): Promise<RunningListener | undefined>;
}

export interface Module {
  /** The module's name: its folder, its API tag, its messages' namespace in the web app. */
  name: string;
  routes?(app: App, context: ModuleContext): void;
  scopeKinds?: ScopeKindDefinition[];
  search?: SearchProvider[];
  auditEntities?: AuditEntityDefinition[];
  startItems?: StartItemsProvider[];
  /** Durable jobs (server/platform/jobs): reminders, escalations, imports; started with the server. */
  jobs?: JobDefinition[];
  /** Kinds of mail the module sends (server/platform/mail), Swedish and English. */
  mailKinds?: MailKind<never>[];
  /** Kinds of record that take attachments (server/platform/files), with who may read and add. */
  attachmentKinds?: AttachmentKind[];
  /** Kinds of notification (server/platform/notifications) the module sends or reminds of. */
  notificationKinds?: NotificationKind[];
  /** Listeners besides HTTP (inbound SMTP), started with the server when configured. */
  listeners?: ListenerDefinition[];
  /** Answers kept in each process until the rows they derive from change (server/platform/derived-cache.ts). */
  derivedCaches?: DerivedCacheKind[];
  /** Figures an indicator of a governance goal may be computed from (IndicatorSource). */
  indicatorSources?: IndicatorSource[];
  /** Kinds of record that wait for a forum and may be put on a meeting's agenda. */
  agendaSources?: AgendaSource[];
  /** Loads the module's demo records into one demo tenant, after the directory's. */
  demo?(db: Database, tenant: DemoContext): Promise<void>;
  walk?: WalkFixtures;
}

function unique<T>(items: T[], key: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) throw new Error(`Two modules register the ${what} "${k}"`);
    map.set(k, item);
  }
  return map;
}

/** The registered modules, checked once at start: two modules cannot claim the same name. */
export class Seam {
  readonly modules: readonly Module[];
  readonly #scopeKinds: Map<string, ScopeKindDefinition>;
  readonly #auditEntities: Map<string, AuditEntityDefinition>;
  readonly searchProviders: readonly SearchProvider[];
  readonly startItemsProviders: readonly StartItemsProvider[];
  readonly attachmentKinds: readonly AttachmentKind[];
  /** The modules' jobs (the platform's own come from platformJobs). */
  readonly jobs: readonly JobDefinition[];
  /** The modules' derived caches, started with the app (app.ts). */
  readonly derivedCaches: readonly DerivedCacheKind[];
  readonly #notificationKinds: Map<string, NotificationKind>;
  readonly #agendaSources: Map<string, AgendaSource>;
  readonly listeners: readonly ListenerDefinition[];
  readonly #indicatorSources: Map<string, IndicatorSource>;

  constructor(modules: readonly Module[]) {
    unique([...modules], (m) => m.name, 'module');
    this.modules = modules;
    this.#scopeKinds = unique(
      modules.flatMap((m) => m.scopeKinds ?? []),
      (k) => k.kind,
      'scope kind',
    );
    if (this.#scopeKinds.has('global')) throw new Error('The scope kind "global" is the platform\'s own');
    this.#auditEntities = unique(
      modules.flatMap((m) => m.auditEntities ?? []),
      (e) => e.entity,
      'audit entity',
    );
    this.searchProviders = [
      ...unique(
        modules.flatMap((m) => m.search ?? []),
        (p) => p.section,
        'search section',
      ).values(),
    ];
    this.attachmentKinds = modules.flatMap((m) => m.attachmentKinds ?? []);
    this.jobs = [
      ...unique(
        modules.flatMap((m) => m.jobs ?? []),
        (j) => j.name,
        'job',
      ).values(),
    ];
    this.derivedCaches = [
      ...unique(
        modules.flatMap((m) => m.derivedCaches ?? []),
        (k) => k.channel,
        'derived cache channel',
      ).values(),
    ];
    mailRegistry(modules.flatMap((m) => m.mailKinds ?? []));
    this.listeners = [
      ...unique(
        modules.flatMap((m) => m.listeners ?? []),
        (l) => l.name,
        'listener',
      ).values(),
    ];
    this.#notificationKinds = unique(
      modules.flatMap((m) => m.notificationKinds ?? []),
      (k) => k.kind,
      'notification kind',
    );
    this.#indicatorSources = unique(
      modules.flatMap((m) => m.indicatorSources ?? []),
      (k) => k.key,
      'indicator source',
    );
    this.#agendaSources = unique(
      modules.flatMap((m) => m.agendaSources ?? []),
      (a) => a.kind,
      'agenda source',
    );
    this.startItemsProviders = [
      ...unique(
        modules.flatMap((m) => m.startItems ?? []),
        (p) => p.section,
        'start-page section',
      ).values(),
    ];
  }

  /** Every kind of scope a grant can name: `global` and the registered ones. */
  get scopeKinds(): ScopeKind[] {
    return ['global', ...this.#scopeKinds.keys()];
  }

  scopeKind(kind: ScopeKind): ScopeKindDefinition | undefined {
    return this.#scopeKinds.get(kind);
  }

  /** Every registered kind of notification, in registration order (the preferences page's order). */
  get notificationKinds(): NotificationKind[] {
    return [...this.#notificationKinds.values()];
  }

  /** Every registered indicator source, in registration order. */
  get indicatorSources(): IndicatorSource[] {
    return [...this.#indicatorSources.values()];
  }

  indicatorSource(key: string): IndicatorSource | undefined {
    return this.#indicatorSources.get(key);
  }

  notificationKind(kind: string): NotificationKind | undefined {
    return this.#notificationKinds.get(kind);
  }

  /** Every registered agenda source, in registration order. */
  get agendaSources(): AgendaSource[] {
    return [...this.#agendaSources.values()];
  }

  agendaSource(kind: string): AgendaSource | undefined {
    return this.#agendaSources.get(kind);
  }

  auditEntity(entity: string): AuditEntityDefinition | undefined {
    return this.#auditEntities.get(entity);
  }

  /** Names and links of records of several kinds, one query per kind. */
  async describe(
    db: Database,
    tenantId: string,
    refs: readonly { kind: string; id: string }[],
    definitionOf: (kind: string) => { describe: ScopeKindDefinition['describe'] } | undefined,
  ): Promise<Map<string, RecordRef>> {
    const byKind = new Map<string, Set<string>>();
    for (const { kind, id } of refs) {
      if (!byKind.has(kind)) byKind.set(kind, new Set());
      byKind.get(kind)!.add(id);
    }
    const found = new Map<string, RecordRef>();
    for (const [kind, ids] of byKind) {
      const definition = definitionOf(kind);
      if (!definition) continue;
      for (const [id, ref] of await definition.describe(db, tenantId, [...ids]))
        found.set(`${kind}:${id}`, ref);
    }
    return found;
  }

  /** Scopes (`kind:id` → name and link) of role assignments. */
  describeScopes(db: Database, tenantId: string, refs: readonly { kind: string; id: string }[]) {
    return this.describe(db, tenantId, refs, (kind) => this.scopeKind(kind));
  }

  /** Records named in audit events (`entity:id` → name and link). */
  describeAuditEntities(db: Database, tenantId: string, refs: readonly { kind: string; id: string }[]) {
    return this.describe(db, tenantId, refs, (entity) => this.auditEntity(entity));
  }
}

/** A walk body that is not JSON: a file for an import route. */
export class RawBody {
  readonly contentType: string;
  readonly payload: string | Buffer;
  /** A query string the route needs beside the body (an upload's file name). */
  readonly query: string;
  constructor(contentType: string, payload: string | Buffer, query = '') {
    this.contentType = contentType;
    this.payload = payload;
    this.query = query;
  }
}
