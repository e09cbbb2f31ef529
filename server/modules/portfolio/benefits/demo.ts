import type { EffectGoalCreate } from '../../../../shared/portfolio/benefits.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { listProjects } from '../projects/service.ts';
import { addDays } from './reminders.ts';
import * as benefits from './service.ts';

// The demo's effect goals, through the service (validated, audited), on seed 004's projects (the
// projects part's demo, loaded before): the IT organisation at KLK followed up after its closure
// in 2015 (licence costs down, hours of the förvaltningar's IT-samordnare freed, seed 002's 750
// hours), the styrmodell with a qualitative goal, and this year's Dator som tjänst whose first
// follow-up came due ten days ago and is overdue.

interface DemoGoal extends Omit<EffectGoalCreate, 'projectId' | 'responsibleId'> {
  project: string;
  responsible: string;
  followUps?: { measuredOn: string; value: number | null; comment: string }[];
}

export async function loadBenefitsDemo(db: Database, tenant: DemoContext) {
  if (tenant.slug !== 'styrby') return;
  const actor = tenant.actor;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const today = todayInStockholm();
  const overdue = addDays(today, -10);
  const goals: DemoGoal[] = [
    {
      project: 'Etablera en IT-organisation på KLK',
      name: 'Lägre licenskostnader genom samordnade avtal',
      indicator: 'Licenskostnad per år',
      direction: 'decrease',
      kind: 'money',
      baseline: 1_200_000_000,
      target: 950_000_000,
      responsible: 'Helena Bergström',
      followUpDates: ['2016-06-30', '2016-12-31', '2017-12-31'],
      followUps: [
        { measuredOn: '2016-06-20', value: 1_100_000_000, comment: 'Två av fem ramavtal omförhandlade.' },
        { measuredOn: '2016-12-15', value: 1_010_000_000, comment: 'Microsoft-avtalet samordnat.' },
        { measuredOn: '2017-12-20', value: 980_000_000, comment: 'Nära målet; skol-IT:s licenser kvar.' },
      ],
    },
    {
      project: 'Etablera en IT-organisation på KLK',
      name: 'Frigjord tid för förvaltningarnas IT-samordnare',
      description: 'Seed 002: 750 timmar om året som IT-samordnarna i dag lägger på drift och inköp.',
      indicator: 'Timmar per år på drift och inköp',
      unit: 'timmar/år',
      direction: 'decrease',
      kind: 'hours',
      baseline: 1500,
      target: 750,
      responsible: 'Anders Holm',
      followUpDates: ['2016-06-30', '2016-12-31'],
      followUps: [
        { measuredOn: '2016-06-28', value: 1100, comment: 'Tidsredovisning från fem förvaltningar.' },
        { measuredOn: '2016-12-20', value: 900, comment: 'Beställningar går nu via servicedesken.' },
      ],
    },
    {
      project: 'Utveckla styrmodell för IT',
      name: 'Förvaltningarna känner till hur IT-beslut fattas',
      indicator: 'Andel chefer som svarar ja i enkäten',
      unit: '%',
      direction: 'increase',
      kind: 'qualitative',
      baseline: 35,
      target: 80,
      responsible: 'Helena Bergström',
      followUpDates: ['2016-01-31', '2016-06-30'],
      followUps: [{ measuredOn: '2016-01-25', value: 62, comment: 'Enkät till 48 chefer, 41 svar.' }],
    },
    {
      project: 'Dator som tjänst för alla förvaltningar',
      name: 'Lägre kostnad per arbetsplats',
      indicator: 'Kostnad för datorer och skrivare per år',
      direction: 'decrease',
      kind: 'money',
      baseline: 860_000_000,
      target: 720_000_000,
      responsible: 'Anders Holm',
      followUpDates: [overdue, '2027-12-31', '2028-06-30'],
    },
    {
      project: 'Dator som tjänst för alla förvaltningar',
      name: 'Mindre tid på datorbyten i servicedesken',
      indicator: 'Timmar per år på installation och byten',
      unit: 'timmar/år',
      direction: 'decrease',
      kind: 'hours',
      baseline: 2400,
      target: 800,
      responsible: 'Anders Holm',
      followUpDates: ['2027-12-31', '2028-06-30'],
    },
  ];
  const names = [...new Set(goals.map((g) => g.project))];
  const found = new Map<string, string>();
  for (const name of names) {
    const page = await listProjects(db, actor, { search: name, limit: 5, includeArchived: false });
    const p = page.items.find((i) => i.name === name);
    if (p) found.set(name, p.id);
  }
  for (const { project, responsible, followUps, ...fields } of goals) {
    const projectId = found.get(project);
    if (!projectId) continue;
    let row = await benefits.createGoal(db, actor, {
      ...fields,
      projectId,
      responsibleId: person(responsible),
    });
    for (const f of followUps ?? []) {
      await benefits.addFollowUp(db, actor, row.id, { version: row.version, ...f });
      row = { ...row, version: row.version + 1 };
    }
  }
}
