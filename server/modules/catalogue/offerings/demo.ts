import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { groups } from '../../desk/groups/schema.ts';
import { services as deskServices, serviceLevels } from '../../desk/services/schema.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { createFamily, createFamilyService, createOffering, createRateCard } from './service.ts';

// Styrby kommun's priced catalogue, through the services (validated, audited): seed 001's "dator
// som tjänst", print and storage at visible prices, and seed 002's billing by used volume. The
// desk's demo made the catalogue services (Dator som tjänst, Mobiltelefon, Skrivare och utskrift,
// Lagringsyta); system management by the hour is a new desk service, made through the desk's
// service. Rate cards for this year and next (the Finansieringsgrupp's new prices); storage is
// cost-covering: the year's cost of the storage platform divided over the gigabytes used.

export async function loadOfferingsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const year = Number(todayInStockholm().slice(0, 4));
  const names = ['Dator som tjänst', 'Mobiltelefon', 'Skrivare och utskrift', 'Lagringsyta'];
  const found = await db
    .select({ id: deskServices.id, name: deskServices.name })
    .from(deskServices)
    .where(and(eq(deskServices.tenantId, tenant.id), inArray(deskServices.name, names)));
  const desk = new Map(found.map((s) => [s.name, s.id]));
  for (const n of names) if (!desk.has(n)) throw new Error(`Catalogue demo: no desk service "${n}"`);
  const [group] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.tenantId, tenant.id), eq(groups.name, 'Servicedesk')));
  const [level] = await db
    .select({ id: serviceLevels.id })
    .from(serviceLevels)
    .where(and(eq(serviceLevels.tenantId, tenant.id), eq(serviceLevels.name, 'Standard')));
  if (!group || !level) throw new Error('Catalogue demo: no desk group Servicedesk or level Standard');
  const förvaltning = await createDeskService(db, tenant.actor, {
    name: 'Systemförvaltning',
    description:
      'Förvaltning och utveckling av verksamhetens system enligt PM3: konfiguration, uppgraderingar, test och utbildning, debiterat per timme.',
    groupId: group.id,
    serviceLevelId: level.id,
    orderable: true,
    orderForm: [
      { key: 'system', label: 'Vilket system?', type: 'text', required: true },
      { key: 'uppdrag', label: 'Vad ska göras?', type: 'textarea', required: true },
      { key: 'timmar', label: 'Ungefär hur många timmar?', type: 'number', required: false },
    ],
  });
  desk.set('Systemförvaltning', förvaltning.id);

  const workplace = await createFamily(db, tenant.actor, {
    name: 'Arbetsplats',
    description: 'Det en medarbetare behöver för att arbeta: dator, telefon och utskrift.',
  });
  const infra = await createFamily(db, tenant.actor, {
    name: 'Infrastruktur',
    description: 'Lagring och drift som verksamheterna använder gemensamt.',
  });
  const systems = await createFamily(db, tenant.actor, {
    name: 'Systemförvaltning',
    description: 'Förvaltning av verksamhetssystem per timme.',
  });
  const place = async (name: string, familyId: string) =>
    (await createFamilyService(db, tenant.actor, { deskServiceId: desk.get(name)!, familyId })).id;
  const computer = await place('Dator som tjänst', workplace.id);
  const phone = await place('Mobiltelefon', workplace.id);
  const print = await place('Skrivare och utskrift', workplace.id);
  const storage = await place('Lagringsyta', infra.id);
  const management = await place('Systemförvaltning', systems.id);

  const card = async (
    offeringId: string,
    y: number,
    price: { internal?: number; external?: number; total?: number },
  ) =>
    createRateCard(db, tenant.actor, {
      offeringId,
      startsOn: `${y}-01-01`,
      periodKind: 'year',
      internalPrice: price.internal ?? null,
      externalPrice: price.external ?? null,
      totalCost: price.total ?? null,
      note: y > year ? 'Förslag till Finansieringsgruppen' : null,
    });

  const laptop = await createOffering(db, tenant.actor, {
    serviceId: computer,
    name: 'Dator som tjänst – bärbar dator',
    description:
      'Bärbar dator med docka, skärm, tangentbord och mus, utbytt vart fjärde år. Support och programvara ingår.',
    priceModel: 'perUnitMonthly',
    priceUnit: 'computer',
    approval: 'budgetHolder',
    partners: true,
  });
  await card(laptop.id, year, { internal: 450_00, external: 520_00 });
  await card(laptop.id, year + 1, { internal: 475_00, external: 545_00 });
  made.set('offering:laptop', laptop.id);

  const mobile = await createOffering(db, tenant.actor, {
    serviceId: phone,
    name: 'Mobiltelefon med abonnemang',
    description: 'Smart telefon med abonnemang i kommunens avtal, fri samtalstid och 20 GB data.',
    priceModel: 'fixedMonthly',
    approval: 'budgetHolder',
  });
  await card(mobile.id, year, { internal: 250_00 });
  await card(mobile.id, year + 1, { internal: 260_00 });
  made.set('offering:mobile', mobile.id);

  const pages = await createOffering(db, tenant.actor, {
    serviceId: print,
    name: 'Utskrift per sida',
    description: 'Utskrift och kopiering i kommunens skrivare, följ mig-utskrift med passerkortet.',
    priceModel: 'perUnitMonthly',
    priceUnit: 'page',
    approval: 'none',
  });
  await card(pages.id, year, { internal: 45 });
  await card(pages.id, year + 1, { internal: 48 });
  made.set('offering:pages', pages.id);

  // Rented equipment beyond the computer's own screen: an extra screen, and a unit's printer
  // (its pages are charged per page besides).
  const screen = await createOffering(db, tenant.actor, {
    serviceId: computer,
    name: 'Extra skärm',
    description: 'En andra skärm, 27 tum, till arbetsplatsen. Utbytt vart sjätte år.',
    priceModel: 'fixedMonthly',
    approval: 'budgetHolder',
  });
  await card(screen.id, year, { internal: 75_00 });
  made.set('offering:screen', screen.id);
  const printer = await createOffering(db, tenant.actor, {
    serviceId: print,
    name: 'Skrivare som tjänst',
    description: 'Multifunktionsskrivare med service och toner. Utskrifterna debiteras per sida.',
    priceModel: 'fixedMonthly',
    approval: 'budgetHolder',
  });
  await card(printer.id, year, { internal: 350_00 });
  made.set('offering:printer', printer.id);

  const gb = await createOffering(db, tenant.actor, {
    serviceId: storage,
    name: 'Lagring per GB',
    description:
      'Gemensam lagringsyta med säkerhetskopiering. Kostnadstäckande: lagringsplattformens kostnad delas på använda GB.',
    priceModel: 'perUnitMonthly',
    priceUnit: 'gigabyte',
    pricing: 'costCovering',
    approval: 'role',
    approvalRole: 'IT-samordnare',
  });
  await card(gb.id, year, { total: 1_200_000_00 });
  await card(gb.id, year + 1, { total: 1_260_000_00 });
  made.set('offering:gb', gb.id);

  const hours = await createOffering(db, tenant.actor, {
    serviceId: management,
    name: 'Systemförvaltning per timme',
    description:
      'Systemförvaltarens och IT-enhetens arbete i verksamhetens system, enligt förvaltningsplanen.',
    priceModel: 'perHour',
    approval: 'budgetHolder',
    partners: true,
  });
  await card(hours.id, year, { internal: 850_00, external: 950_00 });
  await card(hours.id, year + 1, { internal: 895_00, external: 995_00 });
  made.set('offering:hours', hours.id);
}
