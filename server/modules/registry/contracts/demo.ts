import {
  type ContractCreate,
  type CostCategory,
  type LicenceCreate,
  monthsFrom,
} from '../../../../shared/registry/contracts.ts';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { putSystemCosts } from './costs.ts';
import { createLicence } from './licences.ts';
import { todayInStockholm } from './reminders.ts';
import { createContract } from './service.ts';

// The demo municipality's contracts with its twelve suppliers, their licences and the main
// systems' costs of 2025 and 2026, loaded through the services. End dates are relative to the day
// the demo is loaded, so that "ending within six months" always has something to show: five end
// within six months, and one (Evry's server hosting) is already past its notice deadline.

interface DemoContract {
  title: string;
  supplier: string;
  contractNumber: string;
  startsOn: string;
  /** Months from today, or null for a contract until further notice. */
  endsIn: number | null;
  noticeMonths: number | null;
  extension?: [count: number, months: number, terms: string];
  /** Kronor a year (stored as öre). */
  annualKr?: number;
  procurement?: string;
  owner?: string;
  systems: string[];
  dpa: ContractCreate['dpaStatus'];
  dpaSignedOn?: string;
}

const contracts: DemoContract[] = [
  {
    title: 'Ekonomisystem Visma',
    supplier: 'Visma Enterprise AB',
    contractNumber: 'AVT-2019-014',
    startsOn: '2019-04-01',
    endsIn: 16,
    noticeMonths: 9,
    extension: [
      2,
      12,
      'Förlängs med tolv månader i taget efter skriftligt besked senast nio månader före avtalstidens slut.',
    ],
    annualKr: 1_450_000,
    procurement: 'KS 2018/412',
    owner: 'lars.oberg',
    systems: ['Ekonomisystem', 'E-handel och inköp'],
    dpa: 'signed',
    dpaSignedOn: '2019-03-15',
  },
  {
    title: 'Upphandlingsverktyg Visma TendSign',
    supplier: 'Visma Enterprise AB',
    contractNumber: 'AVT-2021-033',
    startsOn: '2021-09-01',
    endsIn: 4,
    noticeMonths: 3,
    annualKr: 95_000,
    procurement: 'KS 2021/188',
    owner: 'gunnar.blom',
    systems: ['Upphandlingsverktyg'],
    dpa: 'signed',
    dpaSignedOn: '2021-08-20',
  },
  {
    title: 'Rekrytering Visma Recruit',
    supplier: 'Visma Enterprise AB',
    contractNumber: 'AVT-2022-007',
    startsOn: '2022-02-01',
    endsIn: 20,
    noticeMonths: 6,
    annualKr: 180_000,
    owner: 'camilla.strand',
    systems: ['Rekryteringssystem'],
    dpa: 'needed',
  },
  {
    title: 'Lön och personal Heroma',
    supplier: 'CGI Sverige AB',
    contractNumber: 'AVT-2017-002',
    startsOn: '2017-01-01',
    endsIn: 28,
    noticeMonths: 12,
    extension: [1, 24, 'En option om 24 månader.'],
    annualKr: 2_100_000,
    procurement: 'KS 2016/77',
    owner: 'camilla.strand',
    systems: ['Lön- och personalsystem', 'Tidrapportering och schema'],
    dpa: 'signed',
    dpaSignedOn: '2016-12-01',
  },
  {
    title: 'Elevhälsans journal PMO',
    supplier: 'CGI Sverige AB',
    contractNumber: 'AVT-2020-051',
    startsOn: '2020-08-01',
    endsIn: 5,
    noticeMonths: 3,
    annualKr: 240_000,
    owner: 'eva.sandstrom',
    systems: ['Barn- och elevhälsans journal'],
    dpa: 'signed',
    dpaSignedOn: '2020-07-01',
  },
  {
    title: 'Diarium och e-arkiv Formpipe',
    supplier: 'Formpipe Software AB',
    contractNumber: 'AVT-2018-020',
    startsOn: '2018-06-01',
    endsIn: 30,
    noticeMonths: 6,
    annualKr: 820_000,
    procurement: 'KS 2017/301',
    owner: 'per.sandberg',
    systems: ['Diarium och ärendehantering', 'E-arkiv', 'Nämndadministration'],
    dpa: 'signed',
    dpaSignedOn: '2018-05-20',
  },
  {
    title: 'Microsoft 365 via Kammarkollegiet',
    supplier: 'Microsoft AB',
    contractNumber: 'EA-8812345',
    startsOn: '2023-07-01',
    endsIn: 19,
    noticeMonths: 3,
    extension: [1, 12, 'Förlängning av Enterprise Agreement med ett år.'],
    annualKr: 3_600_000,
    procurement: 'Kammarkollegiet 23.3-6283-22',
    owner: 'anders.holm',
    systems: [
      'E-post och kalender',
      'Samarbetsyta och filer',
      'Klientplattform',
      'Katalogtjänst',
      'Inloggning och identitet',
    ],
    dpa: 'signed',
    dpaSignedOn: '2023-06-15',
  },
  {
    title: 'GIS och bygglov Sokigo',
    supplier: 'Sokigo AB',
    contractNumber: 'AVT-2019-031',
    startsOn: '2019-10-01',
    endsIn: 11,
    noticeMonths: 6,
    annualKr: 690_000,
    procurement: 'SBN 2019/55',
    owner: 'helena.bergstrom',
    systems: ['GIS-plattform', 'Bygglovshantering', 'Fastighetsregister'],
    dpa: 'signed',
    dpaSignedOn: '2019-09-10',
  },
  {
    title: 'Miljöregister Ecos',
    supplier: 'Sokigo AB',
    contractNumber: 'AVT-2020-012',
    startsOn: '2020-03-01',
    endsIn: 3,
    noticeMonths: 2,
    annualKr: 210_000,
    owner: 'helena.bergstrom',
    systems: ['Miljö- och hälsoskyddsregister'],
    dpa: 'needed',
  },
  {
    title: 'Socialtjänstens verksamhetssystem Lifecare',
    supplier: 'Tieto Sweden AB',
    contractNumber: 'AVT-2016-044',
    startsOn: '2016-09-01',
    endsIn: 26,
    noticeMonths: 12,
    extension: [2, 12, 'Två optioner om tolv månader.'],
    annualKr: 2_750_000,
    procurement: 'SN 2015/90',
    owner: 'birgitta.eriksson',
    systems: ['Verksamhetssystem socialtjänst'],
    dpa: 'signed',
    dpaSignedOn: '2016-08-15',
  },
  {
    title: 'Skoladministration Tieto Edu',
    supplier: 'Tieto Sweden AB',
    contractNumber: 'AVT-2018-061',
    startsOn: '2018-07-01',
    endsIn: 14,
    noticeMonths: 6,
    annualKr: 1_250_000,
    procurement: 'BUN 2018/12',
    owner: 'eva.sandstrom',
    systems: ['Elevregister och skoladministration', 'Förskolans närvaro och schema'],
    dpa: 'signed',
    dpaSignedOn: '2018-06-20',
  },
  {
    title: 'Befolkningsregister och VA-kund',
    supplier: 'Tieto Sweden AB',
    contractNumber: 'AVT-2015-009',
    startsOn: '2015-01-01',
    endsIn: null,
    noticeMonths: 6,
    annualKr: 310_000,
    owner: 'per.sandberg',
    systems: ['Befolkningsregister', 'VA-kundregister'],
    dpa: 'needed',
  },
  {
    title: 'E-tjänsteplattform Abou',
    supplier: 'Abou AB',
    contractNumber: 'AVT-2021-018',
    startsOn: '2021-03-01',
    endsIn: 22,
    noticeMonths: 6,
    annualKr: 420_000,
    procurement: 'KS 2020/233',
    owner: 'helena.bergstrom',
    systems: ['E-tjänsteplattform', 'Felanmälan och synpunkter'],
    dpa: 'signed',
    dpaSignedOn: '2021-02-15',
  },
  {
    title: 'Nätverk och brandväggar Atea',
    supplier: 'Atea Sverige AB',
    contractNumber: 'AVT-2022-040',
    startsOn: '2022-05-01',
    endsIn: 2,
    noticeMonths: 1,
    extension: [1, 12, 'En option om tolv månader.'],
    annualKr: 560_000,
    procurement: 'Adda IT-konsulttjänster 2021',
    owner: 'anders.holm',
    systems: ['Nätverk och brandvägg'],
    dpa: 'none',
  },
  {
    title: 'Serverdrift och backup Evry',
    supplier: 'Evry Sverige AB',
    contractNumber: 'AVT-2020-003',
    startsOn: '2020-01-01',
    endsIn: 4,
    noticeMonths: 6,
    annualKr: 1_900_000,
    procurement: 'KS 2019/140',
    owner: 'anders.holm',
    systems: ['Serverdrift och lagring', 'Säkerhetskopiering'],
    dpa: 'signed',
    dpaSignedOn: '2019-12-10',
  },
  {
    title: 'Vård och omsorg Procapita',
    supplier: 'Pulsen Omsorg AB',
    contractNumber: 'AVT-2017-027',
    startsOn: '2017-05-01',
    endsIn: 18,
    noticeMonths: 9,
    annualKr: 2_300_000,
    procurement: 'VON 2016/41',
    owner: 'birgitta.eriksson',
    systems: ['Verksamhetssystem vård och omsorg'],
    dpa: 'signed',
    dpaSignedOn: '2017-04-10',
  },
  {
    title: 'Bibliotekssystem Quria',
    supplier: 'Axiell Sverige AB',
    contractNumber: 'AVT-2023-011',
    startsOn: '2023-01-01',
    endsIn: 25,
    noticeMonths: 6,
    annualKr: 160_000,
    owner: 'emma.hedlund',
    systems: ['Bibliotekssystem'],
    dpa: 'needed',
  },
  {
    title: 'Gamla ekonomisystemet, läsläge',
    supplier: 'Unit4 Business Software AB',
    contractNumber: 'AVT-2009-001',
    startsOn: '2009-01-01',
    endsIn: 7,
    noticeMonths: 3,
    annualKr: 60_000,
    owner: 'lars.oberg',
    systems: ['Gamla ekonomisystemet'],
    dpa: 'signed',
    dpaSignedOn: '2009-01-01',
  },
  {
    title: 'Kontaktcenter Tieto',
    supplier: 'Tieto Sweden AB',
    contractNumber: 'AVT-2021-090',
    startsOn: '2021-11-01',
    endsIn: 34,
    noticeMonths: 6,
    annualKr: 380_000,
    owner: 'gunnar.blom',
    systems: ['Kontaktcenter och telefoni'],
    dpa: 'signed',
    dpaSignedOn: '2021-10-01',
  },
  {
    title: 'Ramavtal IT-konsulter CGI',
    supplier: 'CGI Sverige AB',
    contractNumber: 'RAM-2024-02',
    startsOn: '2024-03-01',
    endsIn: 27,
    noticeMonths: null,
    annualKr: 800_000,
    procurement: 'Adda IT-konsulttjänster 2021',
    owner: 'anders.holm',
    systems: [],
    dpa: 'none',
  },
];

interface DemoLicence {
  system: string;
  contract?: string;
  type: LicenceCreate['type'];
  count: number;
  used?: number;
  /** Kronor per period. */
  costKr?: number;
  period?: 'month' | 'year';
  validTo?: number;
}

const licences: DemoLicence[] = [
  {
    system: 'E-post och kalender',
    contract: 'Microsoft 365 via Kammarkollegiet',
    type: 'namedUser',
    count: 4200,
    used: 3980,
    costKr: 245,
    period: 'month',
    validTo: 19,
  },
  {
    system: 'Klientplattform',
    contract: 'Microsoft 365 via Kammarkollegiet',
    type: 'device',
    count: 3500,
    used: 3312,
    costKr: 38,
    period: 'month',
    validTo: 19,
  },
  {
    system: 'Ekonomisystem',
    contract: 'Ekonomisystem Visma',
    type: 'namedUser',
    count: 450,
    used: 402,
    costKr: 1900,
    period: 'year',
    validTo: 16,
  },
  {
    system: 'Lön- och personalsystem',
    contract: 'Lön och personal Heroma',
    type: 'namedUser',
    count: 600,
    used: 571,
    costKr: 1450,
    period: 'year',
    validTo: 28,
  },
  {
    system: 'Lön- och personalsystem',
    contract: 'Lön och personal Heroma',
    type: 'site',
    count: 1,
    costKr: 850_000,
    period: 'year',
    validTo: 28,
  },
  {
    system: 'Verksamhetssystem socialtjänst',
    contract: 'Socialtjänstens verksamhetssystem Lifecare',
    type: 'concurrentUser',
    count: 300,
    used: 288,
    costKr: 4200,
    period: 'year',
    validTo: 26,
  },
  {
    system: 'Verksamhetssystem vård och omsorg',
    contract: 'Vård och omsorg Procapita',
    type: 'namedUser',
    count: 1100,
    used: 1024,
    costKr: 1300,
    period: 'year',
    validTo: 18,
  },
  {
    system: 'Elevregister och skoladministration',
    contract: 'Skoladministration Tieto Edu',
    type: 'subscription',
    count: 1,
    costKr: 104_000,
    period: 'month',
    validTo: 14,
  },
  {
    system: 'GIS-plattform',
    contract: 'GIS och bygglov Sokigo',
    type: 'concurrentUser',
    count: 40,
    used: 31,
    costKr: 6500,
    period: 'year',
    validTo: 11,
  },
  {
    system: 'Serverdrift och lagring',
    contract: 'Serverdrift och backup Evry',
    type: 'server',
    count: 120,
    used: 112,
    costKr: 900,
    period: 'month',
    validTo: 4,
  },
];

/** Kronor per category, 2025 and 2026; null shares: split by the using units' users. */
const costs: {
  system: string;
  lines: Record<number, Partial<Record<CostCategory, number>>>;
  shares?: [string, number][];
}[] = [
  {
    system: 'Ekonomisystem',
    lines: {
      2025: { licence: 855_000, operation: 420_000, support: 160_000 },
      2026: { licence: 880_000, operation: 430_000, support: 165_000, other: 40_000 },
    },
  },
  {
    system: 'Lön- och personalsystem',
    lines: {
      2025: { licence: 1_720_000, operation: 310_000, support: 90_000 },
      2026: { licence: 1_780_000, operation: 320_000, support: 95_000 },
    },
    shares: [
      ['klk', 40],
      ['buf', 25],
      ['voo', 20],
      ['soc', 15],
    ],
  },
  {
    system: 'E-post och kalender',
    lines: {
      2025: { licence: 11_800_000, operation: 250_000 },
      2026: { licence: 12_350_000, operation: 260_000 },
    },
  },
  {
    system: 'Diarium och ärendehantering',
    lines: {
      2025: { licence: 520_000, operation: 140_000, support: 60_000 },
      2026: { licence: 540_000, operation: 145_000, support: 60_000 },
    },
  },
  {
    system: 'Verksamhetssystem socialtjänst',
    lines: {
      2025: { licence: 1_260_000, operation: 980_000, support: 350_000 },
      2026: { licence: 1_310_000, operation: 1_010_000, support: 360_000 },
    },
  },
  {
    system: 'Verksamhetssystem vård och omsorg',
    lines: {
      2025: { licence: 1_430_000, operation: 620_000, support: 210_000 },
      2026: { licence: 1_480_000, operation: 640_000, support: 220_000 },
    },
  },
  {
    system: 'Elevregister och skoladministration',
    lines: {
      2025: { licence: 1_248_000, operation: 150_000 },
      2026: { licence: 1_290_000, operation: 155_000, other: 30_000 },
    },
  },
  {
    system: 'GIS-plattform',
    lines: {
      2025: { licence: 260_000, operation: 180_000, support: 45_000 },
      2026: { licence: 270_000, operation: 185_000, support: 45_000 },
    },
    shares: [
      ['sbf', 70],
      ['mhk', 15],
      ['kit', 15],
    ],
  },
];

const kr = (amount: number) => Math.round(amount * 100);

export async function loadContractsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const today = todayInStockholm();
  const person = (who: string) => tenant.personId(`${who}@styrby.example`);
  const system = (name: string) => {
    const id = made.get(`system:${name}`);
    if (!id) throw new Error(`contracts demo: no demo system ${name}`);
    return id;
  };
  for (const c of contracts) {
    const row = await createContract(db, tenant.actor, {
      supplierId: made.get(`supplier:${c.supplier}`)!,
      title: c.title,
      contractNumber: c.contractNumber,
      startsOn: c.startsOn,
      endsOn: c.endsIn === null ? null : monthsFrom(today, c.endsIn),
      noticeMonths: c.noticeMonths,
      extensionCount: c.extension?.[0] ?? null,
      extensionMonths: c.extension?.[1] ?? null,
      extendableUntil:
        c.extension && c.endsIn !== null
          ? monthsFrom(today, c.endsIn + c.extension[0] * c.extension[1])
          : null,
      extensionTerms: c.extension?.[2] ?? null,
      annualValue: c.annualKr === undefined ? null : kr(c.annualKr),
      procurementReference: c.procurement ?? null,
      ownerId: c.owner ? person(c.owner) : null,
      systemIds: c.systems.map(system),
      dpaStatus: c.dpa,
      dpaSignedOn: c.dpaSignedOn ?? null,
      dpaReference: c.dpaSignedOn ? `PUB-${c.contractNumber}` : null,
    });
    made.set(`contract:${c.title}`, row.id);
  }
  for (const l of licences) {
    await createLicence(db, tenant.actor, {
      systemId: system(l.system),
      contractId: l.contract ? made.get(`contract:${l.contract}`)! : null,
      type: l.type,
      count: l.count,
      used: l.used ?? null,
      cost: l.costKr === undefined ? null : kr(l.costKr),
      period: l.period ?? null,
      validTo: l.validTo === undefined ? null : monthsFrom(today, l.validTo),
    });
  }
  for (const c of costs) {
    for (const [year, lines] of Object.entries(c.lines)) {
      await putSystemCosts(db, tenant.actor, system(c.system), {
        year: Number(year),
        lines: Object.entries(lines).map(([category, amount]) => ({
          category: category as CostCategory,
          amount: kr(amount),
        })),
        allocation: (c.shares ?? []).map(([unit, percent]) => ({ unitId: tenant.unitId(unit), percent })),
      });
    }
  }
}
