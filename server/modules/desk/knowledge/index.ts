import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { loadKnowledgeDemo } from './demo.ts';
import { knowledgeRoutes } from './routes.ts';
import * as knowledge from './service.ts';

// The knowledge base on the seam: its routes, articles in the global search (published ones for
// everyone, drafts too for agents), how the audit trail names them, the demo's articles and the
// walks' records.

export const knowledgePart: ModulePart = {
  name: 'knowledge',
  routes: knowledgeRoutes,
  demo: loadKnowledgeDemo,
  search: [
    {
      section: 'knowledge',
      async search(db, actor, term, limit) {
        const page = await knowledge.listArticles(db, actor, {
          search: term,
          limit,
          sort: 'title',
          order: 'asc',
        });
        const names = await knowledge.namesOf(db, actor.tenantId, page.items);
        return page.items.map((a) => ({
          id: a.id,
          title: a.title,
          detail:
            [
              a.systemId ? names.systems.get(a.systemId) : null,
              a.kind === 'knownError' ? 'Känt fel' : null,
              a.state === 'draft' ? 'Utkast' : null,
            ]
              .filter(Boolean)
              .join(' · ') || null,
          href: `/desk/knowledge/${a.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'knowledgeArticle',
      describe: knowledge.articleRefs,
      canReadHistory: (actor) => deskPolicy.agent(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      // A draft: only agents of tenant A read it.
      const row = await knowledge.createArticle(db, tenant.actor, {
        title: 'Hemlig artikel',
        body: 'Hemlig artikeltext om felet',
        kind: 'knownError',
        workaround: 'Hemlig workaround',
        category: 'function',
        keywords: ['hemligt'],
      });
      return {
        ids: { knowledge: row.id },
        secrets: [row.id, 'Hemlig artikel', 'Hemlig artikeltext om felet', 'Hemlig workaround'],
      };
    },
    bodies: {
      'POST /api/v1/knowledge': () => ({
        title: 'Skrivaren skriver ut tomma sidor',
        body: 'Byt tonerkassett.\n\n- Öppna luckan\n- Byt kassetten',
        kind: 'solution',
        workaround: null,
        systemId: null,
        category: 'printing',
        problemTicketId: null,
        keywords: ['utskrift', 'toner'],
      }),
      'PATCH /api/v1/knowledge/{id}': () => ({ version: 1, title: 'Ändrad rubrik', keywords: ['ny'] }),
      'POST /api/v1/knowledge/{id}/publish': () => ({ version: 1 }),
      'POST /api/v1/knowledge/{id}/archive': () => ({ version: 1, reason: 'Inaktuell' }),
      'POST /api/v1/knowledge/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/knowledge/{id}/feedback': () => ({ helpful: true }),
    },
    selfService: [
      'GET /api/v1/knowledge',
      'GET /api/v1/knowledge/suggest',
      'GET /api/v1/knowledge/{id}',
      'POST /api/v1/knowledge/{id}/feedback',
    ],
  },
};
