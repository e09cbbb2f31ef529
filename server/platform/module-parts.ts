import type { Database } from '../db/client.ts';
import type { DemoContext, Module, Seam, WalkFixtures, WalkTenant } from './seam.ts';

// A large module (the registry, the desk …) is written as parts, one folder each, that its
// index.ts combines into the one `Module` the seam takes. A part registers what a module would,
// except that its walk seed and demo data see what the parts before it made (a ticket needs the
// group and the calendar made before it).

/** What the parts before have seeded or loaded: ids by resource (`systems`) or demo key. */
export type Made = Map<string, string>;

export interface PartWalk extends Omit<WalkFixtures, 'seed'> {
  seed(
    db: Database,
    tenant: WalkTenant,
    seam: Seam,
    made: Record<string, string>,
  ): Promise<{ ids: Record<string, string>; secrets: string[]; params?: Record<string, string> }>;
}

export interface ModulePart extends Omit<Module, 'name' | 'walk' | 'demo'> {
  /** The part's name, for error messages. */
  name: string;
  walk?: PartWalk;
  /** Demo records of one tenant; `made` holds the ids earlier parts gave their demo records. */
  demo?(db: Database, tenant: DemoContext, made: Made): Promise<void>;
}

/** One Module of the parts, in order: routes, registrations, walks and demo data of each. */
export function combineParts(name: string, parts: readonly ModulePart[]): Module {
  type Lists =
    | 'scopeKinds'
    | 'search'
    | 'auditEntities'
    | 'startItems'
    | 'jobs'
    | 'mailKinds'
    | 'attachmentKinds'
    | 'notificationKinds'
    | 'listeners'
    | 'derivedCaches'
    | 'indicatorSources'
    | 'agendaSources';
  const all = <K extends Lists>(key: K): NonNullable<ModulePart[K]> =>
    parts.flatMap((p) => (p[key] ?? []) as unknown[]) as NonNullable<ModulePart[K]>;
  return {
    name,
    routes(app, context) {
      for (const part of parts) part.routes?.(app, context);
    },
    scopeKinds: all('scopeKinds'),
    search: all('search'),
    auditEntities: all('auditEntities'),
    startItems: all('startItems'),
    jobs: all('jobs'),
    mailKinds: all('mailKinds'),
    attachmentKinds: all('attachmentKinds'),
    notificationKinds: all('notificationKinds'),
    listeners: all('listeners'),
    derivedCaches: all('derivedCaches'),
    indicatorSources: all('indicatorSources'),
    agendaSources: all('agendaSources'),
    async demo(db, tenant) {
      const made: Made = new Map();
      for (const part of parts) await part.demo?.(db, tenant, made);
    },
    walk: {
      async seed(db, tenant, seam) {
        const ids: Record<string, string> = {};
        const secrets: string[] = [];
        const params: Record<string, string> = {};
        for (const part of parts) {
          if (!part.walk) continue;
          const seeded = await part.walk.seed(db, tenant, seam, { ...ids });
          Object.assign(ids, seeded.ids);
          Object.assign(params, seeded.params ?? {});
          secrets.push(...seeded.secrets);
        }
        return { ids, secrets, params };
      },
      bodies: Object.assign({}, ...parts.map((p) => p.walk?.bodies ?? {})),
      params: Object.assign({}, ...parts.map((p) => p.walk?.params ?? {})),
      selfService: parts.flatMap((p) => p.walk?.selfService ?? []),
    },
  };
}
