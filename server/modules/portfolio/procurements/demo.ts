import { and, eq, inArray } from 'drizzle-orm';
import type { DecisionLinkKind } from '../../../../shared/governance/decisions.ts';
import { addMonthsTo } from '../../../../shared/portfolio/procurements.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { demoDecisionId } from '../../governance/decisions/demo.ts';
import { getDecision, updateDecision } from '../../governance/decisions/service.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { createProcurement, updateProcurement } from './service.ts';

// The demo's procurements, through the service (validated, audited): seed 004's procurement of
// IT-drift and telefoni, cancelled by kommunfullmäktige on 24 November 2014 with ca 4 MSEK of
// external costs, and three re-procurements of the demo register's contracts in different states
// (so that the plan shows "under way" beside the contracts with none). The plan's other lines come
// from the register's contracts themselves. Dates are relative to the day the demo is loaded, as
// the register's are.

export async function loadProcurementsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const byTitle = async (table: typeof contracts | typeof systems, titles: string[]) => {
    const column = table === contracts ? contracts.title : systems.name;
    const rows = (await db
      .select({ id: table.id, name: column })
      .from(table)
      .where(and(eq(table.tenantId, tenant.id), inArray(column, titles)))) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.name, r.id]));
  };
  const contract = await byTitle(contracts, [
    'Nätverk och brandväggar Atea',
    'Ekonomisystem Visma',
    'Upphandlingsverktyg Visma TendSign',
  ]);
  const system = await byTitle(systems, ['Nätverk och brandvägg', 'Ekonomisystem', 'Upphandlingsverktyg']);
  const today = todayInStockholm();
  const at = (months: number) => addMonthsTo(today, months);

  // Seed 004: advertised in the autumn of 2014, paused on 23 October, cancelled by KF on 24 November.
  const drift = await createProcurement(db, tenant.actor, {
    title: 'Upphandling av IT-drift och telefoni',
    description:
      'Upphandlingar av kommunens IT-drift och telefoni enligt genomförandeplanen (KF 2014-06-27 § 160, dnr 2013-1341), med verksamhetsövergångar för ett femtiotal medarbetare. Tilldelningsbeslut beräknades tidigast 22 december 2014.',
    procedure: 'open',
    status: 'evaluating',
    plannedStartOn: '2014-06-27',
    advertisedOn: '2014-09-01',
    tenderDeadlineOn: '2014-10-15',
    responsibleId: person('Karin Lindqvist'),
    unitId: tenant.unitId('itstab'),
  });
  await updateProcurement(db, tenant.actor, drift.id, {
    version: drift.version,
    status: 'cancelled',
    cancelledOn: '2014-11-24',
    cancelReason:
      'Kommunfullmäktige beslutade 24 november 2014 att avbryta de pågående upphandlingarna av IT-drift och telefoni; den tillträdande majoriteten avsåg inte att fullfölja dem. Stadsdirektören pausade arbetet 23 oktober. Risken för skadestånd kan inte uteslutas.',
    // "ca 4 MSEK i externa kostnader samt internt nedlagd tid" (the hours are not stated).
    cancelCost: 400_000_000,
  });
  made.set('procurement:drift', drift.id);
  // KF's decision to cancel it (2014-11-24 § 201, loaded by governance's demo) names it.
  const cancelledBy = await demoDecisionId(db, tenant.id, {
    body: 'Kommunfullmäktige',
    decidedOn: '2014-11-24',
    paragraph: 201,
  });
  if (cancelledBy) {
    const decision = await getDecision(db, tenant.actor, cancelledBy);
    const links = decision.links.map((l) => ({ kind: l.kind as DecisionLinkKind, id: l.id }));
    await updateDecision(db, tenant.actor, cancelledBy, {
      version: decision.version,
      links: [...links, { kind: 'procurement', id: drift.id }],
    });
  }

  const ids = (...names: string[]) => names.flatMap((n) => (system.get(n) ? [system.get(n)!] : []));
  const network = contract.get('Nätverk och brandväggar Atea');
  if (network) {
    const row = await createProcurement(db, tenant.actor, {
      title: 'Nätverk och brandväggar, förnyad konkurrensutsättning',
      description: 'Avrop från Addas ramavtal när nuvarande avtal med Atea löper ut.',
      procedure: 'renewedCompetition',
      frameworkReference: 'Adda Nätverk och infrastruktur 2023',
      estimatedValue: 2_400_000_00,
      status: 'evaluating',
      plannedStartOn: at(-2),
      advertisedOn: at(-1),
      tenderDeadlineOn: at(0),
      responsibleId: person('Anders Holm'),
      unitId: tenant.unitId('drift'),
      systemIds: ids('Nätverk och brandvägg'),
      replacesContractId: network,
    });
    made.set('procurement:network', row.id);
  }
  const finance = contract.get('Ekonomisystem Visma');
  if (finance) {
    const row = await createProcurement(db, tenant.actor, {
      title: 'Ekonomisystem, ny upphandling',
      description:
        'Öppet förfarande för ett nytt ekonomisystem med e-handel inför att avtalet med Visma löper ut.',
      procedure: 'open',
      estimatedValue: 9_000_000_00,
      status: 'preparing',
      plannedStartOn: at(2),
      responsibleId: person('Lars Öberg'),
      unitId: tenant.unitId('eko'),
      systemIds: ids('Ekonomisystem'),
      replacesContractId: finance,
    });
    made.set('procurement:finance', row.id);
  }
  const tendsign = contract.get('Upphandlingsverktyg Visma TendSign');
  if (tendsign) {
    const row = await createProcurement(db, tenant.actor, {
      title: 'Upphandlingsverktyg, direktupphandling',
      procedure: 'direct',
      estimatedValue: 450_000_00,
      status: 'planned',
      plannedStartOn: at(1),
      responsibleId: person('Gunnar Blom'),
      unitId: tenant.unitId('upph'),
      systemIds: ids('Upphandlingsverktyg'),
      replacesContractId: tendsign,
    });
    made.set('procurement:tendsign', row.id);
  }
}
