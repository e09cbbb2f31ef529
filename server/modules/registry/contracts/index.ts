import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { monthsFrom } from '../../../../shared/registry/contracts.ts';
import { systemActor } from '../../../platform/context.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { systemRefs } from '../systems/service.ts';
import { loadContractsDemo } from './demo.ts';
import * as licences from './licences.ts';
import { contractQualityChecks } from './quality.ts';
import { contractEndReminder, contractNoticeReminder, todayInStockholm } from './reminders.ts';
import { contractRoutes } from './routes.ts';
import { contracts } from './schema.ts';
import * as service from './service.ts';

// Contracts, licences and costs on the seam: routes, search, audit names, the owner's reminders
// (notification kinds and the nightly sweep that schedules what was loaded while no jobs ran),
// the owner's contracts on the start page, demo data and the walks' records.

/** Every night: each active contract's reminders, keyed, so that a repeat is a no-op. */
const reminderSweep = defineJob({
  name: 'registry.contract-reminders',
  schedule: { cron: '20 3 * * *' },
  handler: async (_data, { database }) => {
    const db = database.db;
    const tenants = await db
      .selectDistinct({ tenantId: contracts.tenantId })
      .from(contracts)
      .where(isNull(contracts.archivedAt));
    for (const { tenantId } of tenants)
      await inTenant(db, systemActor(tenantId), (s) => service.scheduleAllReminders(s));
  },
});

export const contractsPart: Part = {
  name: 'contracts',
  quality: contractQualityChecks,
  routes: contractRoutes,
  demo: loadContractsDemo,
  jobs: [reminderSweep],
  notificationKinds: [contractNoticeReminder, contractEndReminder],
  search: [
    {
      section: 'contracts',
      async search(db, actor, term, limit) {
        if (!registryPolicy.readCommercial(actor)) return [];
        const page = await service.listContracts(db, actor, {
          search: term,
          limit,
          includeArchived: false,
          sort: 'title',
        });
        return page.items.map((c) => ({
          id: c.id,
          title: c.title,
          detail: [c.supplierName, c.contractNumber].filter(Boolean).join(' · '),
          href: `/contracts/${c.id}`,
        }));
      },
    },
  ],
  startItems: [
    {
      section: 'contracts',
      // The reader's own contracts whose notice deadline or end falls within six months.
      async items(db, actor) {
        if (!actor.personId) return [];
        const today = todayInStockholm();
        const until = monthsFrom(today, 6);
        const rows = await db
          .select({
            id: contracts.id,
            title: contracts.title,
            noticeDeadline: contracts.noticeDeadline,
            endsOn: contracts.endsOn,
          })
          .from(contracts)
          .where(
            and(
              eq(contracts.tenantId, actor.tenantId),
              eq(contracts.ownerId, actor.personId),
              isNull(contracts.archivedAt),
              or(
                sql`${contracts.noticeDeadline} between ${today}::date and ${until}::date`,
                sql`${contracts.endsOn} between ${today}::date and ${until}::date`,
              ),
            ),
          )
          .orderBy(asc(sql`coalesce(${contracts.noticeDeadline}, ${contracts.endsOn})`))
          .limit(20);
        return rows.map((r) => {
          const notice = r.noticeDeadline && r.noticeDeadline >= today ? r.noticeDeadline : null;
          return {
            section: 'contracts',
            id: r.id,
            title: r.title,
            detail: notice ? `Sista uppsägningsdag ${notice}` : `Upphör ${r.endsOn}`,
            href: `/contracts/${r.id}`,
            due: notice ?? r.endsOn,
          };
        });
      },
    },
  ],
  auditEntities: [
    {
      entity: 'contract',
      describe: service.contractRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
    {
      entity: 'licence',
      describe: licences.licenceRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
    {
      entity: 'systemCosts',
      // A system's costs of a year are audited on the system's id.
      describe: systemRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const contract = await service.createContract(db, tenant.actor, {
        supplierId: made.suppliers!,
        title: 'Hemligt avtal',
        contractNumber: 'HEMLIGT-1',
        startsOn: '2024-01-01',
        endsOn: '2027-12-31',
        noticeMonths: 6,
        ownerId: tenant.adminId,
        systemIds: [made.systems!],
        dpaStatus: 'needed',
      });
      const licence = await licences.createLicence(db, tenant.actor, {
        systemId: made.systems!,
        contractId: contract.id,
        type: 'namedUser',
        count: 10,
        note: 'Hemlig licens',
      });
      return {
        ids: { contracts: contract.id, licences: licence.id },
        secrets: [contract.id, licence.id, 'Hemligt avtal', 'HEMLIGT-1', 'Hemlig licens'],
      };
    },
    bodies: {
      'POST /api/v1/contracts': (ids) => ({
        supplierId: ids.suppliers,
        title: 'Drift och förvaltning',
        contractNumber: 'AVT-2026-001',
        startsOn: '2026-01-01',
        endsOn: '2029-12-31',
        noticeMonths: 9,
        extensionCount: 2,
        extensionMonths: 12,
        extendableUntil: '2031-12-31',
        extensionTerms: 'Förlängs med ett år i taget om ingen part säger upp avtalet.',
        annualValue: 125_000_000,
        procurementReference: 'KS 2025/123',
        ownerId: ids.people,
        systemIds: [ids.systems],
        dpaStatus: 'signed',
        dpaSignedOn: '2026-01-15',
        dpaReference: 'PUB-2026-01',
        noticeReminderDays: 120,
        endReminderDays: 30,
        notes: 'Ramavtal',
      }),
      'PATCH /api/v1/contracts/{id}': () => ({ version: 1, noticeMonths: 3, dpaStatus: 'signed' }),
      'POST /api/v1/contracts/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/contracts/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/licences': (ids) => ({
        systemId: ids.systems,
        contractId: ids.contracts,
        type: 'concurrentUser',
        count: 50,
        used: 42,
        cost: 1_200_000,
        period: 'year',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        note: 'Samtidiga användare',
      }),
      'PATCH /api/v1/licences/{id}': () => ({ version: 1, used: 8 }),
      'POST /api/v1/licences/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/licences/{id}/restore': () => ({ version: 1 }),
      'PUT /api/v1/systems/{id}/costs': (ids) => ({
        year: 2026,
        lines: [
          { category: 'licence', amount: 50_000_000, note: 'Licenser' },
          { category: 'operation', amount: 12_345_678 },
        ],
        allocation: [{ unitId: ids.units, percent: 100 }],
      }),
    },
  },
};
