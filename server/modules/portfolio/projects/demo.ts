import type { InitiativeStatus } from '../../../../shared/governance/plans.ts';
import type { ProjectCreate, StatusReportCreate } from '../../../../shared/portfolio/projects.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext, Seam } from '../../../platform/seam.ts';
import { listForums } from '../../governance/forums/service.ts';
import { listPlans, updatePlan } from '../../governance/plans/service.ts';
import { SEED_004_DEMAND } from '../demands/demo.ts';
import { changeStatus, getDemand } from '../demands/service.ts';
import * as projects from './service.ts';

// The demo's projects, through the service (validated, audited): seed 004's six-step
// implementation plan as projects, each linked to its initiative of the IT plan (governance's demo)
// and in the phase the KS report of November 2014 gives it — the procurement of IT-drift and
// telefoni cancelled by KF (archived with the reason), the school-IT procurement struck — with the
// IT-styrgrupp as steering group, a few status reports, and this year's Dator som tjänst with a
// deviation that goes onto the IT-styrgrupp's next meeting's agenda. The procurement of IT-drift and
// telefoni carries out the demand KS decided on (the demands' demo), closed when it was cancelled.

interface DemoProject extends Omit<ProjectCreate, 'managerId' | 'steeringGroupId' | 'initiativeId'> {
  manager: string;
  initiative: string;
  plan: string;
  reports?: StatusReportCreate[];
  archiveReason?: string;
  /** The decided demand it carries out: its key in `made` (the demands' demo). */
  demand?: string;
}

const PLAN = 'Genomförandeplan för styrning, ledning och upphandling av IT';

const demoProjects: DemoProject[] = [
  {
    name: 'Upphandling IT-drift och telefoni',
    description:
      'Upphandlingar av kommunens IT-drift och telefoni, med verksamhetsövergångar för ett femtiotal medarbetare.',
    phase: 'execution',
    plan: PLAN,
    initiative: '1 Upphandling IT-drift och telefoni',
    demand: SEED_004_DEMAND,
    manager: 'Karin Lindqvist',
    startsOn: '2014-06-27',
    endsOn: '2014-12-22',
    budget: [{ year: 2014, investment: 300_000_000, investmentOutcome: 400_000_000 }],
    milestones: [
      { name: 'Förfrågningsunderlag ute', plannedOn: '2014-08-15', doneOn: '2014-08-20' },
      { name: 'Tilldelningsbeslut', plannedOn: '2014-12-22' },
    ],
    risks: [
      {
        description: 'Skadestånd från anbudsgivarna om upphandlingen avbryts',
        probability: 3,
        consequence: 4,
        mitigation: 'Dokumentera skälen för avbrytandet enligt LOU.',
      },
    ],
    reports: [
      {
        periodFrom: '2014-09-01',
        periodTo: '2014-09-30',
        time: 'green',
        cost: 'amber',
        costNote: 'Externa konsultkostnader högre än budgeterat.',
        scope: 'green',
      },
      {
        periodFrom: '2014-10-01',
        periodTo: '2014-10-31',
        time: 'red',
        timeNote: 'Stadsdirektören pausade arbetet 23 oktober.',
        cost: 'red',
        costNote: 'Ca 4 MSEK i externa kostnader under 2014.',
        scope: 'amber',
        summary: 'Arbetet pausat i väntan på beslut om ny inriktning.',
      },
    ],
    archiveReason:
      'Avbruten: kommunfullmäktige beslutade 24 november 2014 (§ 201) att avbryta de pågående upphandlingarna.',
  },
  {
    name: 'Upphandling verksamhetsnära IT',
    description: 'Kartläggning och avgränsning av kommunens verksamhetsnära IT.',
    phase: 'execution',
    plan: PLAN,
    initiative: '2 Upphandling verksamhetsnära IT',
    manager: 'Helena Bergström',
    startsOn: '2014-09-01',
    budget: [{ year: 2014, investment: 40_000_000 }],
    reports: [
      {
        periodFrom: '2014-10-01',
        periodTo: '2014-10-31',
        time: 'green',
        cost: 'green',
        scope: 'amber',
        scopeNote: 'Avgränsningen ses över mot den nya inriktningen för kommunens IT.',
      },
    ],
  },
  {
    name: 'Upphandling skol-IT',
    description: 'En samlad målbild för IT i kommunens skolor; samtliga skolor är involverade.',
    phase: 'preStudy',
    plan: PLAN,
    initiative: '3 Upphandling skol-IT',
    manager: 'Eva Sandström',
    startsOn: '2014-09-01',
    reports: [
      {
        periodFrom: '2014-10-01',
        periodTo: '2014-10-31',
        time: 'amber',
        cost: 'green',
        scope: 'red',
        scopeNote: 'Upphandlingsunderlaget stryks ur projektet (KS 2014-11-10 § 187).',
      },
    ],
  },
  {
    name: 'Etablera en IT-organisation på KLK',
    description: 'En IT-strategisk stab på kommunledningskontoret.',
    phase: 'execution',
    plan: PLAN,
    initiative: '4 Etablera en IT-organisation på KLK',
    manager: 'Helena Bergström',
    startsOn: '2014-08-01',
    endsOn: '2015-12-31',
    milestones: [{ name: 'Staben bemannad', plannedOn: '2015-03-31' }],
  },
  {
    name: 'Samordnad enhet för IT-produktion',
    description: 'Samordning av IT-verksamhet och IT-personal i kommunens omorganisation.',
    phase: 'planning',
    plan: PLAN,
    initiative: '5 Samordnad enhet för IT-produktion',
    manager: 'Anders Holm',
    startsOn: '2014-10-01',
    endsOn: '2016-06-30',
  },
  {
    name: 'Utveckla styrmodell för IT',
    description:
      'Underlag för styrdokument för IT i kommunstyrelsen, därefter riktlinjer för gemensam hantering av IT.',
    phase: 'preStudy',
    plan: PLAN,
    initiative: '6 Utveckla styrmodell för IT',
    manager: 'Helena Bergström',
    startsOn: '2015-01-01',
    endsOn: '2015-06-30',
    reportCadence: 'quarterly',
  },
];

/** The current month's first and last day, `back` months ago. */
function month(back: number) {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 0));
  return { periodFrom: first.toISOString().slice(0, 10), periodTo: last.toISOString().slice(0, 10) };
}

/** What the agenda needs to link an item to a deviation: this part's own source. */
const deviationSource: Pick<Seam, 'agendaSource'> = {
  agendaSource: (kind) =>
    kind === projects.DEVIATION
      ? { kind, waiting: projects.deviationsWaiting, describe: projects.deviationRefs }
      : undefined,
};

export async function loadProjectsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const actor = tenant.actor;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const forums = await listForums(db, actor, { search: 'IT-styrgrupp', limit: 10, includeArchived: false });
  const steeringGroupId = forums.items.find((f) => f.name === 'IT-styrgrupp')?.id ?? null;
  const plans = await listPlans(db, actor, { limit: 50, includeArchived: false });
  const initiative = (plan: string, title: string) =>
    plans.items.find((p) => p.title === plan)?.initiatives.find((i) => i.title === title)?.id ?? null;

  const current: DemoProject = {
    name: 'Dator som tjänst för alla förvaltningar',
    description:
      'Datorer, mobiler och skrivare som en tjänst med fast månadskostnad, för alla förvaltningar.',
    phase: 'execution',
    plan: 'IT-plan 2026',
    initiative: 'Dator som tjänst för alla förvaltningar',
    manager: 'Anders Holm',
    startsOn: '2026-02-01',
    endsOn: '2027-06-30',
    budget: [
      {
        year: 2026,
        investment: 220_000_000,
        running: 40_000_000,
        investmentOutcome: 98_000_000,
        runningOutcome: 20_000_000,
      },
      { year: 2027, investment: 60_000_000, running: 80_000_000 },
    ],
    milestones: [
      { name: 'Avrop på ramavtalet', plannedOn: '2026-03-31', doneOn: '2026-04-08' },
      { name: 'Pilot på kommunledningskontoret', plannedOn: '2026-06-30', doneOn: '2026-06-26' },
      { name: 'Alla förvaltningar utrustade', plannedOn: '2027-05-31' },
    ],
    risks: [
      {
        description: 'Leveranstider för datorer förlängs',
        probability: 4,
        consequence: 3,
        mitigation: 'Beställ i två omgångar; behåll äldre datorer som reserv.',
      },
      {
        description: 'Förvaltningarna väntar med att lämna tillbaka gamla datorer',
        probability: 3,
        consequence: 2,
      },
    ],
    reports: [
      {
        ...month(2),
        time: 'green',
        cost: 'green',
        scope: 'green',
        summary: 'Piloten utvärderad och väl mottagen.',
      },
      {
        ...month(1),
        time: 'amber',
        timeNote: 'Leverantören aviserar längre leveranstider.',
        cost: 'green',
        scope: 'green',
      },
    ],
  };

  const links = new Map<string, string>();
  for (const d of [...demoProjects, current]) {
    const { manager, initiative: title, plan, reports, archiveReason, demand, ...fields } = d;
    // A project from a decided demand carries it out: the demand goes on to genomförs (carryOut).
    const demandId = demand ? made.get(demand) : undefined;
    const row = await projects.createProject(db, actor, {
      ...fields,
      managerId: person(manager),
      steeringGroupId,
      initiativeId: initiative(plan, title),
      ...(demandId ? { demandId } : {}),
    });
    if (row.initiativeId) links.set(row.initiativeId, `/portfolio/projects/${row.id}`);
    for (const report of reports ?? []) await projects.addReport(db, actor, row.id, report);
    if (archiveReason) {
      await projects.archiveProject(db, actor, row.id, { version: row.version, reason: archiveReason });
      // The demand it carried out ends with it.
      if (demandId) {
        const carried = await getDemand(db, actor, demandId);
        await changeStatus(db, actor, demandId, {
          version: carried.version,
          status: 'closed',
          note: archiveReason,
        });
      }
    }
    if (d === current)
      await projects.raiseDeviation(
        db,
        actor,
        row.id,
        {
          title: 'Leveransen av datorer försenas sex veckor',
          consequence: 'Utrustningen av socialförvaltningen och skolan skjuts till nästa år.',
          proposedAction: 'Förläng hyran av de äldre datorerna till och med mars.',
          needsDecision: true,
        },
        deviationSource,
      );
  }
  // Each initiative carried out by a project links to it from the plan's page.
  for (const plan of plans.items) {
    if (!plan.initiatives.some((i) => links.has(i.id))) continue;
    await updatePlan(db, actor, plan.id, {
      version: plan.version,
      initiatives: plan.initiatives.map((i) => ({
        id: i.id,
        title: i.title,
        description: i.description,
        goalIds: i.goals.map((g) => g.id),
        responsibleId: i.responsibleId,
        status: i.status as InitiativeStatus,
        startsOn: i.startsOn,
        endsOn: i.endsOn,
        plannedCost: i.plannedCost,
        outcomeCost: i.outcomeCost,
        statusNote: i.statusNote,
        decisionId: i.decisionId,
        projectLink: links.get(i.id) ?? i.projectLink,
      })),
    });
  }
}
