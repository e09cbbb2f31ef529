import type { ModulePart } from '../../../platform/module-parts.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { cataloguePolicy } from '../policy.ts';
import { loadOfferingsDemo } from './demo.ts';
import { offeringRoutes } from './routes.ts';
import * as catalogue from './service.ts';

// Families, catalogue services, offerings and rate cards on the seam: their routes, the offerings
// in the global search, how the audit trail names them, the demo's catalogue and the walks'
// records (a desk service of the walk's own, made through the desk's service, placed in a family).

const canRead = (actor: Parameters<typeof cataloguePolicy.read>[0]) => cataloguePolicy.readHistory(actor);

export const offeringsPart: ModulePart = {
  name: 'offerings',
  routes: offeringRoutes,
  demo: loadOfferingsDemo,
  search: [
    {
      section: 'catalogueOfferings',
      async search(db, actor, term, limit) {
        if (!cataloguePolicy.read(actor)) return [];
        const page = await catalogue.listOfferings(db, actor, {
          search: term,
          limit,
          includeArchived: false,
        });
        return page.items.map((o) => ({
          id: o.id,
          title: o.name,
          detail: o.serviceName,
          href: `/catalogue/offerings/${o.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'catalogueFamily', describe: catalogue.familyRefs, canReadHistory: canRead },
    { entity: 'catalogueFamilyService', describe: catalogue.familyServiceRefs, canReadHistory: canRead },
    { entity: 'catalogueOffering', describe: catalogue.offeringRefs, canReadHistory: canRead },
    { entity: 'catalogueRateCard', describe: catalogue.rateCardRefs, canReadHistory: canRead },
  ],
  walk: {
    async seed(db, tenant) {
      const desk = await createDeskService(db, tenant.actor, {
        name: 'Hemlig katalogtjänst',
        description: null,
        orderable: true,
        orderForm: [],
      });
      const family = await catalogue.createFamily(db, tenant.actor, {
        name: 'Hemlig tjänstefamilj',
        description: 'Hemlig familjebeskrivning',
      });
      const service = await catalogue.createFamilyService(db, tenant.actor, {
        deskServiceId: desk.id,
        familyId: family.id,
      });
      const offering = await catalogue.createOffering(db, tenant.actor, {
        serviceId: service.id,
        name: 'Hemligt erbjudande',
        priceModel: 'perUnitMonthly',
        priceUnit: 'computer',
        approval: 'budgetHolder',
        unitIds: [tenant.unitId],
        allUnits: false,
      });
      const card = await catalogue.createRateCard(db, tenant.actor, {
        offeringId: offering.id,
        startsOn: '2026-01-01',
        periodKind: 'year',
        internalPrice: 45_000,
        externalPrice: 52_000,
      });
      return {
        ids: {
          families: family.id,
          'family-services': service.id,
          offerings: offering.id,
          'rate-cards': card.id,
        },
        secrets: [
          family.id,
          offering.id,
          card.id,
          'Hemlig tjänstefamilj',
          'Hemligt erbjudande',
          'Hemlig familjebeskrivning',
        ],
      };
    },
    bodies: {
      'POST /api/v1/catalogue/families': () => ({
        name: 'Arbetsplats',
        description: 'Dator, telefon och skrivare',
      }),
      'PATCH /api/v1/catalogue/families/{id}': () => ({ version: 1, description: 'Ny beskrivning' }),
      'POST /api/v1/catalogue/families/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/catalogue/families/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/catalogue/family-services': (ids) => ({
        deskServiceId: ids['catalogue-services'],
        familyId: ids.families,
      }),
      'PATCH /api/v1/catalogue/family-services/{id}': (ids) => ({ version: 1, familyId: ids.families }),
      'POST /api/v1/catalogue/family-services/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/catalogue/family-services/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/catalogue/offerings': (ids) => ({
        serviceId: ids['family-services'],
        name: 'Bärbar dator',
        description: 'Dator som tjänst, bärbar',
        priceModel: 'perUnitMonthly',
        priceUnit: 'computer',
        pricing: 'price',
        approval: 'role',
        approvalRole: 'IT-samordnare',
        orderServiceId: ids['catalogue-services'] ?? null,
        allUnits: false,
        unitIds: ids.units ? [ids.units] : [],
        partners: true,
      }),
      'PATCH /api/v1/catalogue/offerings/{id}': () => ({ version: 1, description: 'Ny beskrivning' }),
      'POST /api/v1/catalogue/offerings/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/catalogue/offerings/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/catalogue/rate-cards': (ids) => ({
        offeringId: ids.offerings,
        startsOn: '2027-01-01',
        periodKind: 'year',
        internalPrice: 47_500,
        externalPrice: null,
        totalCost: null,
        note: 'Finansieringsgruppen 2026-10-15',
      }),
      'PATCH /api/v1/catalogue/rate-cards/{id}': () => ({
        version: 1,
        internalPrice: 46_000,
        note: 'Rättad',
      }),
      'POST /api/v1/catalogue/rate-cards/{id}/archive': () => ({ version: 1 }),
    },
  },
};
