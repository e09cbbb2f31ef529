import type { Icon } from '@tabler/icons-react';
import type { AnyRoute } from '@tanstack/react-router';
import { createContext, type ReactNode, useContext } from 'react';

// The web app's side of the seam (server/platform/seam.ts is the server's). A module is one object,
// its folder's index.tsx, listed once in app/modules.ts; the platform's own parts are described the
// same way in app/platform/parts.tsx. The shell, the router, the global search, the audit trail and
// the translations read these lists, so the platform never imports a module.

/** A tree of messages: every leaf a string, Swedish first, English with the same keys. */
export type MessageTree = { [key: string]: string | MessageTree };

/** English for a Swedish tree: the same keys (a missing or extra key is a compile error). */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** A group of the navigation, in the order given; `admin` groups show to admins only. */
export interface NavGroup {
  id: string;
  /** A translation key. */
  label: string;
  order: number;
  admin?: boolean;
}

/** A link of the navigation (and a "page" the global search offers). */
export interface NavEntry {
  to: string;
  /** A translation key. */
  label: string;
  icon: Icon;
  /**
   * The navigation group it belongs to (`start` has no heading). A group that is no navigation
   * group (`account`: the user menu's pages) is offered by the global search only.
   */
  group: string;
  admin?: boolean;
  /**
   * A hook saying whether the reader sees the link, for pages only some people work in (the desk's
   * console for its agents); the page itself still checks. Called once per render of the link.
   */
  useVisible?: () => boolean;
}

/** How the global search shows one section of `GET /api/v1/search`. */
export interface SearchSection {
  section: string;
  /** A translation key for the section's heading. */
  label: string;
  icon: Icon;
}

/** How the start page heads one section of `GET /api/v1/start` (the server's `startItems`). */
export interface StartSection {
  section: string;
  /** A translation key for the card's heading. */
  label: string;
}

/** How the audit trail names an entity of the module, and shows its fields' values. */
export interface AuditView {
  entity: string;
  /** A translation key: "Enhet", "System" … */
  label: string;
}

/** Shows one field's value in the audit's change lists (an id as a link, a code as a word). */
export type AuditFieldView = (value: unknown) => ReactNode;

export interface ClientModule {
  /** The module's name, as on the server; its messages live under this key (`t('registry.…')`). */
  name: string;
  messages?: { sv: MessageTree; en: MessageTree };
  navGroups?: NavGroup[];
  nav?: NavEntry[];
  /**
   * The module's pages, children of the signed-in frame. Every page is a lazily loaded chunk:
   * `component: lazyRouteComponent(() => import('./XPage.tsx'), 'XPage')`, and nothing else imports
   * a page module statically (not the index, not another part's code), or Vite keeps it in the main
   * chunk. What the route needs at once lives apart from the pages: `validateSearch` functions and
   * their search types in the part's `search.ts` (imported by the index and the page), shared
   * components and helpers in its parts.tsx (or api.ts / format files).
   */
  routes?(parent: AnyRoute): AnyRoute[];
  search?: SearchSection[];
  startSections?: StartSection[];
  audit?: AuditView[];
  /** Field name → how its value reads in the audit (`unitId` as the unit's name …). */
  auditFields?: Record<string, AuditFieldView>;
  /**
   * A translation key per kind of scope the module registers on the server, naming one scope of
   * it in a sentence ("ett system"): the grant dialog reads "Gäller ett system".
   */
  scopeKinds?: Record<string, string>;
  /**
   * The module's server messages (the stable English sentences of its field errors and problem
   * details) → a translation key, so that every dialog, the platform's too, shows them in the UI's
   * language: `{ 'The role has ended': 'registry.systems.serverMessage.roleEnded' }`.
   */
  serverMessages?: Record<string, string>;
  /**
   * What the module offers to a point another module opens for it, by the point's name: the desk
   * opens `desk.orderLinks` so that the catalogue sends the portal's "Beställ" of a priced service
   * to its order form with kontering. The module that opens a point defines the type of what it
   * takes and reads it with useContributions; the platform only carries it.
   */
  contributes?: Record<string, unknown>;
}

/** The registered parts and modules, checked once: two cannot claim the same name. */
export interface ClientSeam {
  modules: readonly ClientModule[];
  navGroups: NavGroup[];
  nav: NavEntry[];
  search: Map<string, SearchSection>;
  startSections: Map<string, StartSection>;
  audit: Map<string, AuditView>;
  auditFields: Map<string, AuditFieldView>;
  /** Kind of scope → translation key; kinds no module labels fall back to `scope.<kind>`. */
  scopeKinds: Map<string, string>;
  /** Every module's server message → translation key (app/platform/errors.tsx reads them). */
  serverMessages: Map<string, string>;
  /** Point name → what the modules contribute to it, in the order of app/modules.ts. */
  contributions: Map<string, unknown[]>;
}

function once<T>(items: T[], key: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) throw new Error(`Two web modules register the ${what} "${k}"`);
    map.set(k, item);
  }
  return map;
}

export function buildSeam(modules: readonly ClientModule[]): ClientSeam {
  once([...modules], (m) => m.name, 'module');
  const fields = modules.flatMap((m) => Object.entries(m.auditFields ?? {}));
  return {
    modules,
    navGroups: [
      ...once(
        modules.flatMap((m) => m.navGroups ?? []),
        (g) => g.id,
        'navigation group',
      ).values(),
    ].sort((a, b) => a.order - b.order),
    nav: [
      ...once(
        modules.flatMap((m) => m.nav ?? []),
        (n) => n.to,
        'page',
      ).values(),
    ],
    search: once(
      modules.flatMap((m) => m.search ?? []),
      (s) => s.section,
      'search section',
    ),
    startSections: once(
      modules.flatMap((m) => m.startSections ?? []),
      (s) => s.section,
      'start-page section',
    ),
    audit: once(
      modules.flatMap((m) => m.audit ?? []),
      (a) => a.entity,
      'audit entity',
    ),
    auditFields: new Map(once(fields, ([field]) => field, 'audit field').values()),
    scopeKinds: new Map(
      once(
        modules.flatMap((m) => Object.entries(m.scopeKinds ?? {})),
        ([kind]) => kind,
        'scope kind',
      ).values(),
    ),
    // The same sentence from two modules ("No such active system") may name two keys; any of them
    // says it, so the first one stands.
    serverMessages: new Map(modules.flatMap((m) => Object.entries(m.serverMessages ?? {})).reverse()),
    contributions: contributionsOf(modules),
  };
}

function contributionsOf(modules: readonly ClientModule[]): Map<string, unknown[]> {
  const points = new Map<string, unknown[]>();
  for (const m of modules)
    for (const [point, value] of Object.entries(m.contributes ?? {}))
      points.set(point, [...(points.get(point) ?? []), value]);
  return points;
}

const SeamContext = createContext<ClientSeam | null>(null);
export const SeamProvider = SeamContext.Provider;

export function useSeam(): ClientSeam {
  const seam = useContext(SeamContext);
  if (!seam) throw new Error('useSeam outside <SeamProvider>');
  return seam;
}

/** What the modules contribute to a point (see ClientModule.contributes); T is the point's type. */
export function useContributions<T>(point: string): readonly T[] {
  return (useSeam().contributions.get(point) ?? []) as T[];
}
