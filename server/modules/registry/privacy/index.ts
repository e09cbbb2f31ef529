import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { createSupplier } from '../suppliers/service.ts';
import { loadPrivacyDemo } from './demo.ts';
import { privacyRoutes } from './routes.ts';
import * as privacy from './service.ts';

// The GDPR Article 30 register on the seam: its routes, activities in the global search (for
// staff), how the audit trail names them, the demo register and the walks' records.

export const privacyPart: Part = {
  name: 'privacy',
  routes: privacyRoutes,
  demo: loadPrivacyDemo,
  search: [
    {
      section: 'processingActivities',
      async search(db, actor, term, limit) {
        if (!registryPolicy.readProcessing(actor)) return [];
        const page = await privacy.listActivities(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((a) => ({
          id: a.id,
          title: a.name,
          detail: a.legalBasisReference,
          href: `/processing-activities/${a.id}`,
        }));
      },
    },
  ],
  startItems: [
    {
      section: 'processingFollowUp',
      async items(db, actor) {
        if (!registryPolicy.followUpProcessing(actor)) return [];
        const rows = await privacy.followUps(db, actor, 20);
        return rows.flatMap((r) =>
          [
            ...(r.dpiaMissing
              ? [{ id: `${r.id}:dpia`, title: `Konsekvensbedömning saknas: ${r.name}`, detail: null }]
              : []),
            ...(r.agreementNeeded
              ? [
                  {
                    id: `${r.id}:agreement`,
                    title: `Personuppgiftsbiträdesavtal behövs: ${r.name}`,
                    detail: null,
                  },
                ]
              : []),
          ].map((item) => ({
            ...item,
            section: 'processingFollowUp',
            href: `/processing-activities/${r.id}`,
            due: null,
          })),
        );
      },
    },
  ],
  auditEntities: [
    {
      entity: 'processingActivity',
      describe: privacy.activityRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor) || registryPolicy.editProcessing(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const supplier = await createSupplier(db, tenant.actor, { name: 'Hemligt biträde AB' });
      const activity = await privacy.createActivity(db, tenant.actor, {
        name: 'Hemlig behandling A',
        controllerId: tenant.unitId,
        controllerContactId: tenant.adminId,
        purposes: ['Hemligt ändamål'],
        legalBasis: 'publicTask',
        systemIds: made.systems ? [made.systems] : [],
        processorId: supplier.id,
        processorAgreementStatus: 'needed',
      });
      return {
        ids: { 'processing-activities': activity.id, processorSupplier: supplier.id },
        secrets: [activity.id, 'Hemlig behandling A', 'Hemligt ändamål'],
      };
    },
    bodies: {
      'POST /api/v1/processing-activities': (ids) => ({
        name: 'Ny behandling',
        description: 'Beskrivning',
        controllerId: ids.units,
        controllerContactId: ids.people,
        dpoId: ids.people,
        purposes: ['Ändamål'],
        legalBasis: 'legalObligation',
        legalBasisReference: 'SoL 2001:453',
        dataSubjectCategories: ['Medborgare'],
        personalDataCategories: ['Kontaktuppgifter'],
        sensitiveData: true,
        sensitiveDataBasis: 'healthCare',
        criminalData: false,
        personalIdentityNumbers: true,
        estimatedDataSubjects: 100,
        recipients: ['Skatteverket'],
        thirdCountryTransfer: true,
        thirdCountries: ['USA'],
        transferSafeguard: 'scc',
        retention: 'Fem år',
        securityMeasures: 'Loggning',
        dpiaRequired: true,
        dpiaDate: '2025-01-01',
        dpiaResult: 'Godtagbar',
        automatedDecisions: false,
        systemIds: ids.systems ? [ids.systems] : [],
        processorId: ids.processorSupplier,
        processorAgreementStatus: 'signed',
        processorAgreementReference: 'KS 2025/1',
      }),
      'PATCH /api/v1/processing-activities/{id}': () => ({ version: 1, name: 'Ändrad', dpiaRequired: true }),
      'POST /api/v1/processing-activities/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/processing-activities/{id}/restore': () => ({ version: 1 }),
    },
  },
};
