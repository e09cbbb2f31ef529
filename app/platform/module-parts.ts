import type { AnyRoute } from '@tanstack/react-router';
import type { ClientModule } from './seam.ts';

// A large module's web side is written as parts (the registry's systems, integrations …; the
// desk's tickets, portal …), one folder each, combined here into the one ClientModule the seam
// takes; the server does the same (server/platform/module-parts.ts). The module combines its
// parts' messages itself (its sv.ts and en.ts).

export type ClientPart = Omit<ClientModule, 'name' | 'messages'> & { name: string };

export function combineClientParts(
  name: string,
  messages: ClientModule['messages'],
  parts: readonly ClientPart[],
): ClientModule {
  const all = <K extends 'navGroups' | 'nav' | 'search' | 'startSections' | 'audit'>(key: K) =>
    parts.flatMap((p) => (p[key] ?? []) as unknown[]) as NonNullable<ClientModule[K]>;
  return {
    name,
    messages,
    navGroups: all('navGroups'),
    nav: all('nav'),
    search: all('search'),
    startSections: all('startSections'),
    audit: all('audit'),
    routes: (parent: AnyRoute) => parts.flatMap((p) => p.routes?.(parent) ?? []),
    auditFields: Object.assign({}, ...parts.map((p) => p.auditFields ?? {})),
    scopeKinds: Object.assign({}, ...parts.map((p) => p.scopeKinds ?? {})),
    serverMessages: Object.assign({}, ...parts.map((p) => p.serverMessages ?? {})),
    contributes: Object.assign({}, ...parts.map((p) => p.contributes ?? {})),
  };
}
