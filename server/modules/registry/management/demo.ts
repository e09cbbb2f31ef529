import type { ManagementPlanCreate } from '../../../../shared/registry/management.ts';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { createObject, createPlan } from './service.ts';

// Three förvaltningsobjekt of the demo municipality, each with the förvaltningsplan of 2025 (with
// its outcome) and of 2026. Amounts in öre (kronor × 100).

const kr = (kronor: number) => kronor * 100;

interface DemoObject {
  name: string;
  description: string;
  owner: string;
  manager: string;
  systems: string[];
  plans: ManagementPlanCreate[];
}

const objects: DemoObject[] = [
  {
    name: 'Ekonomi',
    description: 'Ekonomisystem, inköp och beslutsstöd för hela kommunen.',
    owner: 'lars.oberg',
    manager: 'fredrik.sjoberg',
    systems: ['Ekonomisystem', 'E-handel och inköp', 'Beslutsstöd och rapporter'],
    plans: [
      {
        year: 2025,
        status: 'adopted',
        goals: ['Elektroniska fakturor till 95 %', 'Månadsbokslut inom fem arbetsdagar'],
        activities: [
          { title: 'Uppgradering av ekonomisystemet', kind: 'maintenance', status: 'done' },
          { title: 'Inköpsanalys i beslutsstödet', kind: 'development', status: 'done' },
          { title: 'Ny attestordning', kind: 'development', status: 'cancelled' },
        ],
        budgetMaintenance: kr(1_450_000),
        budgetDevelopment: kr(400_000),
        outcomeMaintenance: kr(1_512_000),
        outcomeDevelopment: kr(310_000),
      },
      {
        year: 2026,
        status: 'adopted',
        goals: ['Automatisk kontering av 60 % av leverantörsfakturorna', 'Utbilda alla attestanter'],
        activities: [
          { title: 'Årlig versionsuppgradering', kind: 'maintenance', status: 'planned' },
          { title: 'Robotiserad kontering', kind: 'development', status: 'ongoing' },
          { title: 'Förvaltningsforum fyra gånger per år', kind: 'maintenance', status: 'ongoing' },
        ],
        budgetMaintenance: kr(1_500_000),
        budgetDevelopment: kr(650_000),
      },
    ],
  },
  {
    name: 'Lön och personal',
    description: 'Lön, schema och tid, rekrytering.',
    owner: 'camilla.strand',
    manager: 'oskar.wikstrom',
    systems: ['Lön- och personalsystem', 'Tidrapportering och schema', 'Rekryteringssystem'],
    plans: [
      {
        year: 2025,
        status: 'adopted',
        goals: ['Inga manuella löneutbetalningar', 'Självservice för ledighetsansökan'],
        activities: [
          { title: 'Byte av tidrapporteringsklient', kind: 'maintenance', status: 'done' },
          { title: 'Självservice ledighet', kind: 'development', status: 'done' },
        ],
        budgetMaintenance: kr(2_100_000),
        budgetDevelopment: kr(500_000),
        outcomeMaintenance: kr(2_040_000),
        outcomeDevelopment: kr(620_000),
      },
      {
        year: 2026,
        status: 'draft',
        goals: ['Digital anställningsprocess från annons till avtal'],
        activities: [
          { title: 'Integration rekrytering–lön', kind: 'development', status: 'planned' },
          { title: 'Behörighetsöversyn', kind: 'maintenance', status: 'planned' },
        ],
        budgetMaintenance: kr(2_150_000),
        budgetDevelopment: kr(800_000),
      },
    ],
  },
  {
    name: 'Skoladministration',
    description: 'Elevregister, schema, närvaro och kontakten med vårdnadshavare.',
    owner: 'eva.sandstrom',
    manager: 'peter.hansson',
    systems: [
      'Elevregister och skoladministration',
      'Schemaläggning skola',
      'Skolplattform vårdnadshavare',
      'Förskolans närvaro och schema',
    ],
    plans: [
      {
        year: 2025,
        status: 'adopted',
        goals: ['All frånvaroanmälan digital'],
        activities: [
          { title: 'Frånvaroanmälan i appen', kind: 'development', status: 'done' },
          { title: 'Läsårsskifte', kind: 'maintenance', status: 'done' },
        ],
        budgetMaintenance: kr(1_200_000),
        budgetDevelopment: kr(300_000),
        outcomeMaintenance: kr(1_180_000),
        outcomeDevelopment: kr(295_000),
      },
      {
        year: 2026,
        status: 'adopted',
        goals: ['Gemensam inloggning för vårdnadshavare i alla tjänster'],
        activities: [
          { title: 'Läsårsskifte', kind: 'maintenance', status: 'planned' },
          { title: 'E-legitimation för vårdnadshavare', kind: 'development', status: 'ongoing' },
        ],
        budgetMaintenance: kr(1_250_000),
        budgetDevelopment: kr(450_000),
      },
    ],
  },
];

export async function loadManagementDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (local: string) => tenant.personId(`${local}@styrby.example`);
  for (const object of objects) {
    const row = await createObject(db, tenant.actor, {
      name: object.name,
      description: object.description,
      ownerId: person(object.owner),
      managerId: person(object.manager),
      systemIds: object.systems.map((name) => {
        const id = made.get(`system:${name}`);
        if (!id) throw new Error(`management demo: no demo system "${name}"`);
        return id;
      }),
    });
    made.set(`managementObject:${object.name}`, row.id);
    for (const plan of object.plans) await createPlan(db, tenant.actor, row.id, plan);
  }
}
