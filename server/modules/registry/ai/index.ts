import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadAiDemo } from './demo.ts';
import { aiQualityChecks } from './quality.ts';
import { aiRoutes } from './routes.ts';
import * as service from './service.ts';

// The AI Act register on the seam: its routes, AI applications in the global search, how the audit
// trail names them, the demo register and the walks' records.

export const aiPart: Part = {
  name: 'ai',
  quality: aiQualityChecks,
  routes: aiRoutes,
  demo: loadAiDemo,
  search: [
    {
      section: 'aiApplications',
      async search(db, actor, term, limit) {
        const page = await service.listAiApplications(db, actor, {
          search: term,
          limit,
          includeArchived: false,
        });
        return page.items.map((a) => ({
          id: a.id,
          title: a.name,
          detail: a.systemName,
          href: `/ai-applications?q=${encodeURIComponent(a.name)}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'aiApplication',
      describe: service.aiApplicationRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await service.createAiApplication(db, tenant.actor, {
        systemId: made.systems!,
        name: 'Hemlig AI-tillämpning A',
        riskCategory: 'minimal',
      });
      return { ids: { 'ai-applications': row.id }, secrets: [row.id, 'Hemlig AI-tillämpning A'] };
    },
    bodies: {
      'POST /api/v1/ai-applications': (ids) => ({
        systemId: ids.systems,
        name: 'Ny AI-tillämpning',
        purpose: 'Syfte',
        riskCategory: 'high',
        highRiskArea: 'education',
        motivation: 'Motivering',
        friaRequired: true,
        friaOn: '2026-01-15',
        friaResult: 'Resultat',
        transparency: 'Information',
        humanOversight: 'Tillsyn',
        registrationStatus: 'pending',
      }),
      'PATCH /api/v1/ai-applications/{id}': () => ({
        version: 1,
        purpose: 'Nytt syfte',
        riskCategory: 'limited',
      }),
      'POST /api/v1/ai-applications/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/ai-applications/{id}/restore': () => ({ version: 1 }),
    },
  },
};
