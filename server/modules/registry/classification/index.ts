import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { defaultScaleLevels } from './default-scale.ts';
import { loadClassificationDemo } from './demo.ts';
import { presentClassification } from './present.ts';
import { classificationQualityChecks } from './quality.ts';
import { classificationRoutes } from './routes.ts';
import * as service from './service.ts';

// Information classification on the seam: its routes, classifications in the global search (a
// motivation matches only for a reader who may read it, and no hit shows a level to anyone else),
// how the audit trail names them (their history, which holds the levels, is for the keepers), the
// demo classifications and the walks' records.

export const classificationPart: Part = {
  name: 'classification',
  quality: classificationQualityChecks,
  routes: classificationRoutes,
  demo: loadClassificationDemo,
  search: [
    {
      section: 'classifications',
      async search(db, actor, term, limit) {
        const page = await service.listClassifications(db, actor, {
          search: term,
          limit,
          includeArchived: false,
          sort: 'system',
        });
        return page.items.map((row) => {
          const c = presentClassification(row, actor);
          const levels = c.restricted
            ? null
            : `K${c.confidentiality} R${c.integrity} T${c.availability}${c.traceability === null ? '' : ` S${c.traceability}`}`;
          return {
            id: c.id,
            title: c.informationSet ? `${c.systemName}: ${c.informationSet}` : c.systemName,
            detail: levels,
            href: `/systems/${c.systemId}`,
          };
        });
      },
    },
  ],
  startItems: [
    {
      section: 'classificationReviews',
      async items(db, actor) {
        return (await service.reviewsDue(db, actor)).map((c) => ({
          section: 'classificationReviews',
          id: c.id,
          title: c.informationSet ? `${c.systemName}: ${c.informationSet}` : c.systemName,
          detail: null,
          href: `/systems/${c.systemId}`,
          due: c.nextReviewOn,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'classification',
      describe: service.classificationRefs,
      // The history holds every level and motivation the classification has had: keepers only.
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
    {
      entity: 'classificationScale',
      async describe(_db, tenantId, ids) {
        return new Map(
          ids
            .filter((id) => id === tenantId)
            .map((id) => [
              id,
              { id, name: 'KLASSA-skala', href: '/registry/classification-scale', archived: false },
            ]),
        );
      },
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await service.createClassification(db, tenant.actor, {
        systemId: made.systems!,
        informationSet: 'Hemlig informationsmängd A',
        confidentiality: 3,
        integrity: 2,
        availability: 2,
        traceability: 1,
        motivation: 'Hemlig motivering A',
      });
      return {
        ids: { classifications: row.id },
        secrets: [row.id, 'Hemlig informationsmängd A', 'Hemlig motivering A'],
      };
    },
    bodies: {
      'POST /api/v1/classification-scale': () => ({ basedOnVersion: 1, levels: defaultScaleLevels }),
      'POST /api/v1/classifications': (ids) => ({
        systemId: ids.systems,
        informationSet: 'Ny informationsmängd',
        confidentiality: 2,
        integrity: 1,
        availability: 3,
        traceability: 0,
        motivation: 'Motivering',
      }),
      'PATCH /api/v1/classifications/{id}': () => ({
        version: 1,
        availability: 3,
        motivation: 'Ny motivering',
      }),
      'POST /api/v1/classifications/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/classifications/{id}/restore': () => ({ version: 1 }),
    },
  },
};
