import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadRecordsDemo } from './demo.ts';
import { recordQualityChecks } from './quality.ts';
import { recordRoutes } from './routes.ts';
import * as service from './service.ts';

// Records management on the seam: record types and information management plans — routes,
// record types in the global search and the audit trail, the demo's two plans, the walks' records.

export const recordsPart: Part = {
  name: 'records',
  quality: recordQualityChecks,
  routes: recordRoutes,
  demo: loadRecordsDemo,
  search: [
    {
      section: 'recordTypes',
      async search(db, actor, term, limit) {
        const page = await service.listRecordTypes(db, actor, {
          search: term,
          limit,
          includeArchived: false,
          noDisposalDecision: false,
        });
        return page.items.map((r) => ({
          id: r.id,
          title: r.name,
          detail: `${r.process.code} ${r.process.name}`,
          href: `/processes/${r.processId}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'recordType',
      describe: service.recordTypeRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
    {
      entity: 'informationPlan',
      describe: service.informationPlanRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const processId = made.processes!;
      const row = await service.createRecordType(db, tenant.actor, {
        processId,
        name: 'Hemlig handlingstyp A',
        format: 'digital',
        retention: 'dispose',
        retentionPeriod: '2 år',
        registration: 'register',
        systemId: made.systems ?? null,
        secret: true,
        secrecyProvision: '26 kap. 1 § OSL',
        confidentiality: 3,
      });
      await service.createInformationPlan(db, tenant.actor, processId, {
        status: 'draft',
        body: 'Hemlig nämnd A',
      });
      return {
        ids: { 'record-types': row.id },
        secrets: [row.id, 'Hemlig handlingstyp A', 'Hemlig nämnd A'],
      };
    },
    bodies: {
      'POST /api/v1/record-types': (ids) => ({
        processId: ids.processes,
        name: 'Ny handlingstyp',
        description: 'Beskrivning',
        format: 'digital',
        fileFormats: 'PDF/A',
        retention: 'dispose',
        retentionMonths: 60,
        retentionPeriod: '5 år efter avslutat ärende',
        retentionBasis: 'Nämndens beslut 2024-01-01 § 1',
        registration: 'register',
        systemId: ids.systems,
        eArchive: true,
        eArchiveWhen: 'Vid avslutat ärende',
        secret: true,
        secrecyProvision: '26 kap. 1 § OSL',
        personalData: true,
        confidentiality: 2,
        integrity: 2,
        availability: 1,
      }),
      'PATCH /api/v1/record-types/{id}': () => ({ version: 1, name: 'Ändrad handlingstyp', integrity: 2 }),
      'POST /api/v1/record-types/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/record-types/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/processes/{id}/information-plan': () => ({
        status: 'adopted',
        adoptedOn: '2024-03-19',
        body: 'Socialnämnden',
        paragraph: '§ 34',
        registrationNumber: 'SN 2024/87',
        note: 'Anteckning',
      }),
      'PATCH /api/v1/processes/{id}/information-plan': () => ({
        version: 1,
        status: 'adopted',
        adoptedOn: '2024-03-19',
        body: 'Socialnämnden',
        paragraph: '§ 34',
      }),
    },
  },
};
