import type { InitiativeInput } from '../../../../shared/governance/plans.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createPlan } from './service.ts';

// The demo's IT plans, through the service (validated, audited): seed 004's six-step
// implementation plan, adopted by KF on 27 June 2014 (§ 160), with each step's status as the KS
// report of November 2014 gives it — the procurement of IT-drift and telefoni cancelled by KF
// (§ 201) with what it cost (about 4 MSEK in external costs in 2014), the school-IT procurement
// struck while the schools' IT environment is investigated — and this year's IT plan, whose
// initiatives work towards the målbild (goals part, ids in `made` as `goal:<key>`).

interface DemoInitiative extends Omit<InitiativeInput, 'goalIds' | 'responsibleId' | 'decisionId'> {
  goals?: string[];
  responsible?: string;
  decision?: string;
}

const KF_PLAN = 'Kommunfullmäktige 2014 § 160';

const implementationPlan: DemoInitiative[] = [
  {
    title: '1 Upphandling IT-drift och telefoni',
    description:
      'Upphandlingar av kommunens IT-drift och telefoni, med verksamhetsövergångar för ett femtiotal medarbetare. Tilldelningsbeslut tidigast 22 december 2014.',
    status: 'cancelled',
    startsOn: '2014-06-27',
    endsOn: '2014-11-24',
    outcomeCost: 400_000_000,
    statusNote:
      'Avbruten: kommunfullmäktige beslutade 24 november 2014 att avbryta de pågående upphandlingarna (stadsdirektören pausade arbetet 23 oktober). Arbetet med upphandlingarna och övriga delar av genomförandeplanen har under 2014 inneburit ca 4 MSEK i externa kostnader samt internt nedlagd tid. Risken för skadestånd kan inte uteslutas.',
    decision: 'Kommunfullmäktige 2014 § 201',
    responsible: 'Karin Lindqvist',
    goals: ['kostnad'],
  },
  {
    title: '2 Upphandling verksamhetsnära IT',
    description:
      'Projekt för kartläggning och avgränsning av kommunens verksamhetsnära IT: stöd och styrning för verksamhetssystem och IT-relaterade verksamhetsutvecklingsprojekt.',
    status: 'inProgress',
    startsOn: '2014-09-01',
    statusNote: 'Påbörjat arbete fortskrider i linje med kraven på ny inriktning för kommunens IT.',
    decision: KF_PLAN,
    responsible: 'Helena Bergström',
    goals: ['agarskap'],
  },
  {
    title: '3 Upphandling skol-IT',
    description:
      'Samtliga skolor är involverade; projektet levererar en samlad målbild för IT i kommunens skolor.',
    status: 'postponed',
    startsOn: '2014-09-01',
    statusNote:
      'Upphandlingsunderlaget är inte påbörjat och stryks ur projektet; övrigt arbete fortlöper. Den organisatoriska samordningen av skolans IT-personal avvaktar tills ett underlag för skolornas framtida IT-miljö kan presenteras (KS 2014-11-10 § 187).',
    decision: 'Kommunstyrelsen 2014 § 187',
    responsible: 'Eva Sandström',
    goals: ['mobil'],
  },
  {
    title: '4 Etablera en IT-organisation på KLK',
    description:
      'En IT-strategisk stab på kommunledningskontoret: ledning och styrning, beställarkompetens och stöd till verksamheterna.',
    status: 'inProgress',
    startsOn: '2014-08-01',
    endsOn: '2015-12-31',
    statusNote: 'Staben är under etablering och tar fram förslaget till ny långsiktig inriktning.',
    decision: KF_PLAN,
    responsible: 'Helena Bergström',
    goals: ['itil'],
  },
  {
    title: '5 Samordnad enhet för IT-produktion',
    description: 'Samordning av IT-verksamhet och IT-personal i kommunens övergripande omorganisation.',
    status: 'inProgress',
    startsOn: '2014-10-01',
    endsOn: '2016-06-30',
    statusNote: 'Kartläggningen av verksamhetsnära IT (steg 2) ger ytterligare beslutsunderlag.',
    decision: KF_PLAN,
    responsible: 'Anders Holm',
    goals: ['itil', 'kostnad'],
  },
  {
    title: '6 Utveckla styrmodell för IT',
    description:
      'Underlag för styrdokument för IT i kommunstyrelsen under våren 2015, med inriktning för digital utveckling; därefter riktlinjer för gemensam hantering av IT.',
    status: 'planned',
    startsOn: '2015-01-01',
    endsOn: '2015-06-30',
    decision: KF_PLAN,
    responsible: 'Helena Bergström',
    goals: ['dokument', 'agarskap'],
  },
];

const plan2026: DemoInitiative[] = [
  {
    title: 'Fler e-tjänster i e-tjänsteplattformen',
    description: 'Bygglov, skolval och färdtjänst som e-tjänster; uppföljning av användningen per e-tjänst.',
    status: 'inProgress',
    startsOn: '2026-01-15',
    endsOn: '2026-12-31',
    plannedCost: 180_000_000,
    outcomeCost: 142_000_000,
    responsible: 'Helena Bergström',
    goals: ['etjanster'],
  },
  {
    title: 'Säker utskrift och utskriftsoptimering',
    description: 'Utskrift med inloggning på skrivaren och dubbelsidig utskrift som standard.',
    status: 'planned',
    startsOn: '2026-09-01',
    endsOn: '2027-03-31',
    plannedCost: 45_000_000,
    responsible: 'Anders Holm',
    goals: ['gron-it', 'kostnad'],
  },
  {
    title: 'ITIL-processer i servicedesken',
    description: 'Incident, problem och beställning med servicenivåer och uppföljning per förvaltning.',
    status: 'done',
    startsOn: '2025-09-01',
    endsOn: '2026-05-31',
    plannedCost: 60_000_000,
    outcomeCost: 64_500_000,
    responsible: 'Anders Holm',
    goals: ['itil'],
  },
  {
    title: 'Dator som tjänst för alla förvaltningar',
    status: 'inProgress',
    startsOn: '2026-02-01',
    endsOn: '2027-06-30',
    plannedCost: 320_000_000,
    outcomeCost: 118_000_000,
    responsible: 'Anders Holm',
    goals: ['mobil', 'kostnad'],
    projectLink: 'https://intranat.styrby.example/projekt/dator-som-tjanst',
  },
  {
    title: 'Konsolidering av serverhallen',
    status: 'postponed',
    statusNote: 'Skjuts till 2027 i väntan på beslut om driftform.',
    plannedCost: 90_000_000,
    responsible: 'Anders Holm',
    goals: ['gron-it'],
  },
];

export async function loadPlansDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const decision = (key: string) => {
    const id = made.get(`decision:${key}`);
    if (!id) throw new Error(`Governance demo: no decision "${key}"`);
    return id;
  };
  const goal = (key: string) => {
    const id = made.get(`goal:${key}`);
    if (!id) throw new Error(`Governance demo: no goal "${key}"`);
    return id;
  };
  const initiatives = (list: DemoInitiative[]): InitiativeInput[] =>
    list.map(({ goals, responsible, decision: d, ...i }) => ({
      ...i,
      goalIds: (goals ?? []).map(goal),
      responsibleId: responsible ? person(responsible) : null,
      decisionId: d ? decision(d) : null,
    }));
  const first = await createPlan(db, tenant.actor, {
    year: 2014,
    endYear: 2016,
    title: 'Genomförandeplan för styrning, ledning och upphandling av IT',
    description:
      'Genomförandeplanen i sex steg, beslutad av kommunfullmäktige 27 juni 2014 (§ 160, dnr KS 2013/1341). Status enligt kommunledningskontorets redovisning till kommunstyrelsen i november 2014.',
    decisionId: decision(KF_PLAN),
    initiatives: initiatives(implementationPlan),
  });
  made.set('plan:genomforandeplan', first.id);
  const current = await createPlan(db, tenant.actor, {
    year: 2026,
    title: 'IT-plan 2026',
    description: 'Årets insatser mot IT-strategins målbild.',
    initiatives: initiatives(plan2026),
  });
  made.set('plan:2026', current.id);
}
