import { and, eq, inArray } from 'drizzle-orm';
import type { DemandScope, DemandStatus } from '../../../../shared/portfolio/demands.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { demoDecisionId } from '../../governance/decisions/demo.ts';
import { createDecision } from '../../governance/decisions/service.ts';
import { listForums } from '../../governance/forums/service.ts';
import { createMeeting } from '../../governance/meetings/service.ts';
import { systems } from '../../registry/systems/schema.ts';
import * as demands from './service.ts';

// The demo's demands in Styrby, through the service (validated, numbered, scored, audited): about
// forty ideas and needs across the förvaltningar and the register's systems (seeds 000–002: the
// employees' ideas, the units' needs, the 750 hours seed 002 counts), a few prepared with benefit,
// cost and ratings, and one carried the whole way of seed 003: on the beredningsgrupp's agenda,
// procurement and the IT unit contacted, decided by the IT-styrgrupp with a recorded decision; the
// one under way decided the same way first; and seed 004's need to procure IT-drift and telefoni,
// decided by KS (the cost rule), which the projects' demo carries out.

interface DemoDemand {
  title: string;
  unit: string;
  scope: DemandScope;
  systems?: string[];
  by: [given: string, family: string];
  status?: DemandStatus;
  /** Prepared: yearly savings and investment in kronor, hours freed, ratings 0–5 in the default model's order. */
  prepared?: { savings: number; investment: number; running: number; hours: number; ratings: number[] };
}

const people: [string, string][] = [
  ['Maria', 'Johansson'],
  ['Per', 'Sandberg'],
  ['Camilla', 'Strand'],
  ['Emma', 'Hedlund'],
  ['Patrik', 'Nyberg'],
  ['Elin', 'Forsberg'],
  ['Nadia', 'Haddad'],
  ['Viktor', 'Lindahl'],
];

const by = (i: number) => people[i % people.length]!;

const list: Omit<DemoDemand, 'by'>[] = [
  {
    title: 'E-tjänst för ansökan om bygglov',
    unit: 'bygg',
    scope: 'business',
    systems: ['Bygglovshantering', 'E-tjänsteplattform'],
    status: 'readyForDecision',
    prepared: {
      savings: 400_000,
      investment: 600_000,
      running: 80_000,
      hours: 750,
      ratings: [5, 4, 3, 4, 4],
    },
  },
  {
    title: 'Digital signering av avtal',
    unit: 'kansli',
    scope: 'shared',
    systems: ['Diarium och ärendehantering', 'E-legitimation'],
    status: 'preparing',
    prepared: {
      savings: 250_000,
      investment: 300_000,
      running: 60_000,
      hours: 400,
      ratings: [4, 4, 3, 4, 3],
    },
  },
  {
    title: 'Självservice för lönespecifikationer i mobilen',
    unit: 'hr',
    scope: 'shared',
    systems: ['Lön- och personalsystem'],
    status: 'preparing',
    prepared: {
      savings: 150_000,
      investment: 120_000,
      running: 30_000,
      hours: 300,
      ratings: [3, 3, 2, 5, 4],
    },
  },
  {
    title: 'Automatisk avstämning av leverantörsfakturor',
    unit: 'eko',
    scope: 'shared',
    systems: ['Ekonomisystem', 'E-handel och inköp'],
    status: 'readyForDecision',
    prepared: {
      savings: 600_000,
      investment: 450_000,
      running: 90_000,
      hours: 1_200,
      ratings: [5, 4, 4, 3, 3],
    },
  },
  {
    title: 'Gemensam bokning av lokaler för föreningar',
    unit: 'kundservice',
    scope: 'shared',
    systems: ['Lokalbokning'],
    status: 'preparing',
    prepared: { savings: 80_000, investment: 150_000, running: 40_000, hours: 200, ratings: [3, 3, 2, 4, 4] },
  },
  {
    title: 'Digital närvaro i förskolan',
    unit: 'forskola',
    scope: 'business',
    systems: ['Förskolans närvaro och schema'],
    status: 'preparing',
    prepared: {
      savings: 120_000,
      investment: 200_000,
      running: 50_000,
      hours: 520,
      ratings: [4, 3, 3, 4, 4],
    },
  },
  {
    title: 'Planeringsstöd med kartor i hemtjänsten',
    unit: 'hemtj',
    scope: 'business',
    systems: ['Planering hemtjänst', 'GIS-plattform'],
    status: 'preparing',
    prepared: {
      savings: 350_000,
      investment: 500_000,
      running: 100_000,
      hours: 900,
      ratings: [4, 3, 4, 3, 3],
    },
  },
  {
    title: 'Chattfunktion på webbplatsen',
    unit: 'komm',
    scope: 'shared',
    systems: ['Webbplats styrby.se', 'Kontaktcenter och telefoni'],
    status: 'preparing',
  },
  {
    title: 'Påminnelse via SMS om tandvårdstider',
    unit: 'voo',
    scope: 'local',
    systems: ['Meddelandetjänst SMS'],
  },
  {
    title: 'Digital anslagstavla för kommunens beslut',
    unit: 'kansli',
    scope: 'shared',
    systems: ['Nämndadministration'],
  },
  {
    title: 'Mobil felanmälan av gatubelysning',
    unit: 'gata',
    scope: 'business',
    systems: ['Felanmälan och synpunkter'],
  },
  {
    title: 'Elevernas schema i skolplattformen',
    unit: 'grundskola',
    scope: 'business',
    systems: ['Schemaläggning skola', 'Skolplattform vårdnadshavare'],
  },
  {
    title: 'E-arkivering av avslutade personalakter',
    unit: 'hr',
    scope: 'shared',
    systems: ['E-arkiv', 'Lön- och personalsystem'],
  },
  {
    title: 'Beslutsstöd för nyckeltal per förvaltning',
    unit: 'eko',
    scope: 'shared',
    systems: ['Beslutsstöd och rapporter'],
  },
  {
    title: 'Inloggning med e-legitimation i alla e-tjänster',
    unit: 'it',
    scope: 'shared',
    systems: ['E-legitimation', 'Inloggning och identitet'],
  },
  {
    title: 'Ökad lagring i samarbetsytan',
    unit: 'bufutv',
    scope: 'local',
    systems: ['Samarbetsyta och filer'],
  },
  { title: 'Läsplattor till Björkskolans lågstadium', unit: 'bjork', scope: 'local' },
  {
    title: 'Digitala trygghetslarm i ordinärt boende',
    unit: 'voo',
    scope: 'business',
    systems: ['Trygghetslarm'],
  },
  {
    title: 'E-ansökan om ekonomiskt bistånd med automatisk kontroll',
    unit: 'forsorj',
    scope: 'business',
    systems: ['Ekonomiskt bistånd e-ansökan', 'Verksamhetssystem socialtjänst'],
  },
  {
    title: 'Läkemedelslistor direkt i journalen',
    unit: 'voo',
    scope: 'business',
    systems: ['Läkemedelshantering', 'Verksamhetssystem vård och omsorg'],
  },
  {
    title: 'Gemensam mall för nämndhandlingar',
    unit: 'kansli',
    scope: 'shared',
    systems: ['Nämndadministration'],
  },
  {
    title: 'Kartlager över VA-ledningar för entreprenörer',
    unit: 'va',
    scope: 'business',
    systems: ['GIS-plattform'],
  },
  { title: 'Digital tillsynsrapport på plats', unit: 'livs', scope: 'local' },
  {
    title: 'Lärplattform även för vuxenutbildningen',
    unit: 'gymn',
    scope: 'business',
    systems: ['Lärplattform'],
  },
  { title: 'Bättre sökfunktion på intranätet', unit: 'komm', scope: 'shared', systems: ['Intranät'] },
  {
    title: 'Utskrift med passerkort',
    unit: 'drift',
    scope: 'shared',
    systems: ['Utskriftstjänst', 'Katalogtjänst'],
  },
  { title: 'Teams-rum i alla sammanträdesrum', unit: 'kit', scope: 'shared', systems: ['Klientplattform'] },
  {
    title: 'Elevhälsans journal tillgänglig för skolsköterskor på alla skolor',
    unit: 'buf',
    scope: 'business',
    systems: ['Barn- och elevhälsans journal'],
  },
  {
    title: 'Automatiska flyttanmälningar från befolkningsregistret',
    unit: 'kundservice',
    scope: 'shared',
    systems: ['Befolkningsregister', 'Integrationsplattform'],
  },
  {
    title: 'Fastighetsregistret i bygglovshandläggningen',
    unit: 'bygg',
    scope: 'business',
    systems: ['Fastighetsregister', 'Bygglovshantering'],
  },
  { title: 'Digital introduktion för nyanställda', unit: 'hr', scope: 'shared', systems: ['Intranät'] },
  { title: 'Avvikelserapportering i mobilen för hemtjänsten', unit: 'hemtj', scope: 'local' },
  {
    title: 'Självservice för lösenordsbyte',
    unit: 'sd',
    scope: 'shared',
    systems: ['Inloggning och identitet', 'Ärendehantering IT (servicedesk)'],
    status: 'inProgress',
  },
  {
    title: 'Upphandlingsverktyget kopplat till avtalsregistret',
    unit: 'upph',
    scope: 'shared',
    systems: ['Upphandlingsverktyg'],
  },
  {
    title: 'Säkerhetskopior av skolans molntjänster',
    unit: 'drift',
    scope: 'shared',
    systems: ['Säkerhetskopiering'],
  },
  {
    title: 'Webbformulär för synpunkter på parker',
    unit: 'gata',
    scope: 'local',
    systems: ['Felanmälan och synpunkter'],
  },
  { title: 'Digitala möten med vårdnadshavare', unit: 'grundskola', scope: 'local' },
  {
    title: 'Arbetsmarknadsenhetens deltagare i ett eget register',
    unit: 'am',
    scope: 'business',
    status: 'closed',
  },
  {
    title: 'Tidrapport i mobilen för timanställda',
    unit: 'hemtj',
    scope: 'business',
    systems: ['Lön- och personalsystem'],
  },
];

const ratingKeys = ['benefit', 'strategy', 'urgency', 'feasibility', 'lowRisk'];

export async function loadDemandsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const actor = tenant.actor;
  const person = ([given, family]: [string, string]) =>
    tenant.personId(`${asciiLocalPart(given, family)}@styrby.example`);
  const names = [...new Set(list.flatMap((d) => d.systems ?? []))];
  const found = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(and(eq(systems.tenantId, tenant.id), inArray(systems.name, names)));
  const systemId = new Map(found.map((s) => [s.name, s.id]));
  const seam = {
    agendaSource: (kind: string) =>
      kind === demands.AGENDA_KIND
        ? { kind, waiting: demands.demandsWaitingFor, describe: demands.demandRefs }
        : undefined,
  };
  const base = Date.parse('2026-01-08T09:00:00Z');
  for (const [i, d] of list.entries()) {
    const row = await demands.createDemand(
      db,
      actor,
      {
        title: d.title,
        description: `${d.title}. Behovet kommer från ${d.scope === 'local' ? 'enheten själv' : 'verksamheten'} och beskrivs närmare i beredningen.`,
        scope: d.scope,
        unitId: tenant.unitId(d.unit),
        systemIds: (d.systems ?? []).map((n) => systemId.get(n)).filter((v): v is string => !!v),
        reason: 'Minskar manuellt arbete och ger invånarna bättre service.',
        beneficiaries:
          d.scope === 'shared' ? 'Alla förvaltningar' : 'Verksamhetens medarbetare och dess brukare',
      },
      { submitterId: person(by(i)), at: new Date(base + i * 4 * 86_400_000) },
    );
    let version = row.version;
    const step = async (status: DemandStatus) => {
      version = (await demands.changeStatus(db, actor, row.id, { version, status })).version;
    };
    if (d.prepared) {
      const p = d.prepared;
      version = (
        await demands.updateDemand(db, actor, row.id, {
          version,
          benefitText: 'Kortare handläggning, färre fel och mindre dubbelarbete.',
          yearlySavings: p.savings * 100,
          hoursFreed: p.hours,
          investment: p.investment * 100,
          runningCost: p.running * 100,
          affectedUnitIds: [tenant.unitId(d.unit)],
          risks: 'Beroende av leverantörens leveransplan; verksamheten behöver tid för utbildning.',
          effort: p.investment > 400_000 ? 'large' : 'medium',
          ratings: Object.fromEntries(ratingKeys.map((k, j) => [k, p.ratings[j] ?? 0])),
          preparedOn: '2026-03-02',
        })
      ).version;
    }
    if (d.status && d.status !== 'received') {
      if (d.status === 'closed') {
        await step('closed');
        continue;
      }
      await step('preparing');
      if (d.status === 'readyForDecision') await step('readyForDecision');
      if (d.status === 'inProgress') {
        // Under way, so decided first: the whole of seed 003, then carried out.
        const decided = await throughDecision(db, tenant, seam, row.id, version, {
          meetingOn: '2026-03-10',
          consultedOn: '2026-03-03',
          decision: {
            decidedOn: '2026-04-22',
            paragraph: 16,
            title: d.title,
            text: `IT-styrgruppen beslutar att genomföra ${d.title.toLowerCase()} inom IT-enhetens förvaltning.`,
          },
        });
        if (decided !== null) version = decided;
        if (decided !== null) await step('inProgress');
      }
    }
  }
  await decideOne(db, tenant, seam, person(by(2)));
  await seed004(db, tenant, seam, made);
}

/** The demo's forums that prepare and decide shared demands (seed 003). */
async function seed003Forums(db: Database, tenant: DemoContext) {
  const forumOf = async (kind: 'steeringGroup' | 'preparationGroup') =>
    (await listForums(db, tenant.actor, { kind, limit: 1, includeArchived: false })).items[0];
  return { styrgrupp: await forumOf('steeringGroup'), beredning: await forumOf('preparationGroup') };
}

/**
 * A prepared demand from `preparing` through seed 003 to its decision, all through the services:
 * on the beredningsgrupp's agenda (a meeting of its own), procurement and the IT unit contacted,
 * ready for decision, and decided with approval by a decision of the body its routing names (one
 * made in the IT-styrgrupp, or an existing one given by id). Answers the demand's version, or
 * null when the demo has no such forums.
 */
async function throughDecision(
  db: Database,
  tenant: DemoContext,
  seam: demands.DemandSeam,
  id: string,
  from: number,
  how: {
    meetingOn: string;
    consultedOn: string;
    decision: { decidedOn: string; paragraph: number; title: string; text: string } | { id: string };
  },
): Promise<number | null> {
  const actor = tenant.actor;
  const { styrgrupp, beredning } = await seed003Forums(db, tenant);
  if (!styrgrupp || !beredning) return null;
  let version = from;
  const meeting = await createMeeting(db, actor, {
    forumId: beredning.id,
    startsAt: `${how.meetingOn}T13:00:00+01:00`,
    endsAt: `${how.meetingOn}T15:00:00+01:00`,
    place: 'Kommunhuset, rum Styrbord',
  });
  await demands.putOnAgenda(db, actor, id, meeting.id, seam);
  for (const [party, who] of [
    ['procurement', 'Upphandlingsenheten'],
    ['itUnit', 'IT-enheten'],
  ] as const)
    version = (
      await demands.addConsultation(db, actor, id, {
        version,
        party,
        who,
        on: how.consultedOn,
        note: 'Kontaktad tidigt enligt riktlinjen.',
      })
    ).version;
  version = (await demands.changeStatus(db, actor, id, { version, status: 'readyForDecision' })).version;
  const decisionId =
    'id' in how.decision
      ? how.decision.id
      : (
          await createDecision(db, actor, {
            forumId: styrgrupp.id,
            ...how.decision,
            links: [{ kind: 'demand', id }],
          })
        ).id;
  return (await demands.decideDemand(db, actor, id, { version, outcome: 'approved', decisionId })).version;
}

/** The key in `made` of the seed-004 demand the procurement of IT-drift and telefoni carries out. */
export const SEED_004_DEMAND = 'demand:seed-004 IT-drift och telefoni';

/**
 * Seed 004's need behind its first project: KS decided on 20 January 2014 (§ 12) that the kommun
 * procure its IT-drift and telefoni. A shared need above the cost limit, so Kommunstyrelsen decides
 * (the routing's cost rule) with the decision governance's demo made; the project that carries it
 * out (projects' demo, a later part of this module) takes it on to genomförs. Its id goes into
 * `made` as SEED_004_DEMAND.
 */
async function seed004(db: Database, tenant: DemoContext, seam: demands.DemandSeam, made: Made) {
  // KS's decision, made by governance's demo (its `made` is its own).
  const decisionId = await demoDecisionId(db, tenant.id, {
    body: 'Kommunstyrelsen',
    decidedOn: '2014-01-20',
    paragraph: 12,
  });
  if (!decisionId) return;
  const actor = tenant.actor;
  const row = await demands.createDemand(
    db,
    actor,
    {
      title: 'Upphandla kommunens IT-drift och telefoni',
      description:
        'Kommunens IT-drift och telefoni upphandlas och den interna IT-verksamheten avvecklas, enligt översynen av kommunens IT.',
      scope: 'shared',
      unitId: tenant.unitId('kansli'),
      reason: 'Översynen av kommunens IT (KS 2013/1341) fann driften dyr och sårbar.',
      beneficiaries: 'Alla förvaltningar',
    },
    { at: new Date('2013-11-04T09:00:00Z') },
  );
  let version = (
    await demands.updateDemand(db, actor, row.id, {
      version: row.version,
      benefitText: 'Lägre kostnad för drift och telefoni och en leverantör med avtalade servicenivåer.',
      // The procurement's estimated value (seed 004): 30 MSEK, above the 5 MSEK of the cost rule.
      investment: 3_000_000_000,
      runningCost: 0,
      risks: 'Verksamhetsövergång för ett femtiotal medarbetare; skadestånd om upphandlingen avbryts.',
      effort: 'veryLarge',
      ratings: { benefit: 4, strategy: 4, urgency: 3, feasibility: 2, lowRisk: 1 },
      preparedOn: '2013-12-16',
    })
  ).version;
  version = (await demands.changeStatus(db, actor, row.id, { version, status: 'preparing' })).version;
  await throughDecision(db, tenant, seam, row.id, version, {
    meetingOn: '2014-01-09',
    consultedOn: '2013-12-10',
    decision: { id: decisionId },
  });
  made.set(SEED_004_DEMAND, row.id);
}

/** Seed 003 the whole way: a shared need on the beredningsgrupp's agenda, consulted, decided by the IT-styrgrupp. */
async function decideOne(db: Database, tenant: DemoContext, seam: demands.DemandSeam, submitterId: string) {
  const actor = tenant.actor;
  const { beredning } = await seed003Forums(db, tenant);
  if (!beredning) return;
  const row = await demands.createDemand(
    db,
    actor,
    {
      title: 'Gemensam e-tjänsteplattform för alla förvaltningar',
      description: 'En plattform för kommunens e-tjänster i stället för en per förvaltning.',
      scope: 'shared',
      unitId: tenant.unitId('itstab'),
      reason: 'Fyra förvaltningar har köpt var sin formulärtjänst; en gemensam halverar kostnaden.',
      beneficiaries: 'Invånare, företag och alla förvaltningar',
    },
    { submitterId, at: new Date('2026-01-05T09:00:00Z') },
  );
  let version = (
    await demands.updateDemand(db, actor, row.id, {
      version: row.version,
      benefitText: 'Halverad licenskostnad, en inloggning för invånarna och färre pappersblanketter.',
      yearlySavings: 90_000_000,
      hoursFreed: 750,
      investment: 120_000_000,
      runningCost: 40_000_000,
      risks: 'Migreringen av befintliga e-tjänster tar tid; förvaltningarna behöver utbildning.',
      effort: 'large',
      ratings: { benefit: 5, strategy: 5, urgency: 4, feasibility: 4, lowRisk: 3 },
      preparedByForumId: beredning.id,
      preparedOn: '2026-02-10',
    })
  ).version;
  version = (await demands.changeStatus(db, actor, row.id, { version, status: 'preparing' })).version;
  await throughDecision(db, tenant, seam, row.id, version, {
    meetingOn: '2026-02-10',
    consultedOn: '2026-02-03',
    decision: {
      decidedOn: '2026-03-25',
      paragraph: 14,
      title: 'Gemensam e-tjänsteplattform',
      text: 'IT-styrgruppen beslutar att upphandla en gemensam e-tjänsteplattform för kommunens förvaltningar.',
    },
  });
}
