import type { IndicatorInput, Perspective } from '../../../../shared/governance/goals.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { systemIndicatorSources } from '../../registry/systems/indicators.ts';
import { createGoal, getGoal, type Sources, setGoalValue } from './service.ts';

// The demo's målbild, through the service (validated, audited): seed 001's goals in its four
// perspectives, each with indicators. The e-services and the share of systems with an owner are
// computed from the register (and 2025's e-services frozen, as a closed year would be); the rest
// are typed by hand for 2022–2025, among them IT cost per employee and printed pages until the
// catalogue module gives them. Ids go into `made` as `goal:<key>`.

/** The register's figures, without the whole seam (demo data is loaded module by module). */
const sources: Sources = {
  indicatorSource: (key) => systemIndicatorSources.find((s) => s.key === key),
};

interface DemoIndicator extends IndicatorInput {
  /** Values by year, 2022 onwards. */
  values?: number[];
}

interface DemoGoal {
  key: string;
  perspective: Perspective;
  title: string;
  description: string;
  owner: string;
  indicators: DemoIndicator[];
}

const styrbyGoals: DemoGoal[] = [
  {
    key: 'dokument',
    perspective: 'society',
    title: 'En gemensam process för dokumenthantering med ett kommungemensamt dokumenthanteringssystem',
    description:
      'Införandet av en kommungemensam process för dokumenthantering, där ett gemensamt dokumenthanteringssystem är en byggsten, blir strategiskt viktigt för att successivt kunna effektivisera de interna rutinerna.',
    owner: 'Helena Bergström',
    indicators: [
      {
        name: 'Förvaltningar som använder dokumenthanteringssystemet',
        unit: 'st',
        direction: 'increase',
        baseline: 2,
        baselineYear: 2022,
        target: 8,
        targetYear: 2026,
        values: [2, 4, 5, 6],
      },
    ],
  },
  {
    key: 'itil',
    perspective: 'society',
    title: 'IT-kontoret inför successivt ett arbetssätt som baserar sig på ITIL',
    description: 'Incident, problem och beställning som ITIL-processer, med mätbara servicenivåer.',
    owner: 'Anders Holm',
    indicators: [
      {
        name: 'Ärenden lösta vid första kontakten',
        unit: '%',
        direction: 'increase',
        baseline: 52,
        baselineYear: 2022,
        target: 70,
        targetYear: 2026,
        values: [52, 58, 63, 66],
      },
    ],
  },
  {
    key: 'etjanster',
    perspective: 'service',
    title: 'Antalet e-tjänster till nytta för medborgare och näringsliv ska öka',
    description:
      'Antalet e-tjänster som utvecklas till nytta för medborgare, näringsliv och andra intressenter ska öka. Användandet av respektive e-tjänst ska årligen följas upp mot förväntad målbild.',
    owner: 'Helena Bergström',
    indicators: [
      {
        name: 'E-tjänster i drift',
        unit: 'st',
        direction: 'increase',
        baseline: 3,
        baselineYear: 2022,
        target: 12,
        targetYear: 2027,
        sourceKey: 'registry.eServices',
      },
      {
        name: 'Användare av e-tjänsterna',
        unit: 'st',
        direction: 'increase',
        sourceKey: 'registry.eServiceUsers',
      },
      {
        name: 'Ärenden inkomna via e-tjänst',
        unit: 'st',
        direction: 'increase',
        baseline: 8200,
        baselineYear: 2022,
        target: 20000,
        targetYear: 2027,
        values: [8200, 10400, 13100, 15800],
      },
    ],
  },
  {
    key: 'agarskap',
    perspective: 'service',
    title: 'Varje system har en utsedd systemägare och systemförvaltare',
    description: 'Systemägarskap för alla system, kommungemensamma som verksamhetsspecifika.',
    owner: 'Gunnar Blom',
    indicators: [
      {
        name: 'System i drift med systemägare',
        unit: '%',
        direction: 'increase',
        target: 100,
        targetYear: 2026,
        sourceKey: 'registry.systemsWithOwner',
      },
    ],
  },
  {
    key: 'mobil',
    perspective: 'staff',
    title: 'Möjligheterna till mobil och individanpassad arbetsplats ska öka',
    description: 'Moderna arbetsverktyg för att fortsätta vara en attraktiv arbetsgivare.',
    owner: 'Anders Holm',
    indicators: [
      {
        name: 'Medarbetare med bärbar dator eller surfplatta som tjänst',
        unit: '%',
        direction: 'increase',
        baseline: 41,
        baselineYear: 2022,
        target: 80,
        targetYear: 2027,
        values: [41, 49, 58, 64],
      },
    ],
  },
  {
    key: 'kostnad',
    perspective: 'economy',
    title: 'Drift- och supportkostnaderna för datorarbetsplatser, skrivare och system ska minskas',
    description:
      'Genom standardisering, automatisering och väl definierade IT-tjänster. IT-kostnaderna ska vara transparenta och jämförbara med andra kommuner (nyckeltal).',
    owner: 'Lars Öberg',
    indicators: [
      {
        name: 'IT-kostnad per anställd',
        unit: 'kr',
        direction: 'decrease',
        baseline: 14_800,
        baselineYear: 2022,
        target: 13_000,
        targetYear: 2027,
        values: [14_800, 14_500, 14_650, 13_900],
      },
    ],
  },
  {
    key: 'gron-it',
    perspective: 'economy',
    title: 'Energi- och pappersförbrukning relaterad till IT-användning ska minskas',
    description:
      'Grön IT: konsolidering och virtualisering av servrar, fjärravstängning nattetid och färre utskrifter.',
    owner: 'Anders Holm',
    indicators: [
      {
        name: 'Utskrivna sidor',
        unit: 'sidor',
        direction: 'decrease',
        baseline: 2_400_000,
        baselineYear: 2022,
        target: 1_500_000,
        targetYear: 2027,
        values: [2_400_000, 2_150_000, 1_980_000, 1_760_000],
      },
      {
        name: 'Elförbrukning i serverhallen',
        unit: 'MWh',
        direction: 'decrease',
        baseline: 410,
        baselineYear: 2022,
        target: 300,
        targetYear: 2027,
        values: [410, 380, 352, 331],
      },
    ],
  },
];

export async function loadGoalsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const position = new Map<Perspective, number>();
  for (const g of styrbyGoals) {
    const at = position.get(g.perspective) ?? 0;
    position.set(g.perspective, at + 1);
    const row = await createGoal(
      db,
      tenant.actor,
      {
        perspective: g.perspective,
        title: g.title,
        description: g.description,
        ownerId: person(g.owner),
        position: at,
        indicators: g.indicators.map(({ values: _v, ...i }) => i),
      },
      sources,
    );
    made.set(`goal:${g.key}`, row.id);
    const view = await getGoal(db, tenant.actor, row.id, sources);
    let version = row.version;
    for (const [k, i] of g.indicators.entries()) {
      const indicatorId = view.indicators[k]!.id;
      for (const [n, value] of (i.values ?? []).entries()) {
        version = (
          await setGoalValue(
            db,
            tenant.actor,
            row.id,
            { version, indicatorId, year: 2022 + n, value },
            sources,
          )
        ).version;
      }
      if (i.sourceKey === 'registry.eServices')
        version = (
          await setGoalValue(
            db,
            tenant.actor,
            row.id,
            { version, indicatorId, year: 2025, freeze: true },
            sources,
          )
        ).version;
    }
  }
}
