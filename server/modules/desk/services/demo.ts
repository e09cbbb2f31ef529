import { and, eq, inArray } from 'drizzle-orm';
import {
  defaultEscalation,
  defaultTargets,
  type FormField,
  type Targets,
} from '../../../../shared/desk/services.ts';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { createLevel, createService } from './service.ts';

// The demo's service levels and catalogue services, through the service (validated, audited):
// every tenant gets the default level "Standard" (the ITIL targets on its desk calendar); Styrby
// also a shorter level for its verksamhetskritiska systems, the underpinning contract with CGI for
// Heroma (the register's contract), and the catalogue its employees order from in the portal, each
// service fulfilled by one of the desk's demo groups. Ids go into `made` as `level:<name>` and
// `service:<name>`.

const criticalTargets: Targets = {
  '1': { response: 30, resolution: 120 },
  '2': { response: 60, resolution: 360 },
  '3': { response: 120, resolution: 1080 },
  '4': { response: 240, resolution: 2160 },
};

/** What the contract with CGI promises for Heroma, on the desk's business hours. */
const heromaContractTargets: Targets = {
  '1': { response: 30, resolution: 240 },
  '2': { response: 60, resolution: 540 },
  '3': { response: 240, resolution: 1620 },
  '4': { response: 540, resolution: 4320 },
};

/** What the contract with Formpipe promises for the diary and the e-archive. */
const formpipeContractTargets: Targets = {
  '1': { response: 60, resolution: 480 },
  '2': { response: 120, resolution: 960 },
  '3': { response: 240, resolution: 2160 },
  '4': { response: 480, resolution: 4320 },
};
const FORMPIPE_CONTRACT = 'Diarium och e-arkiv Formpipe';

const CRITICAL = 'Verksamhetskritiska system';
const HEROMA_CONTRACT = 'Lön och personal Heroma';

interface DemoService {
  name: string;
  description: string;
  group: string;
  level?: string;
  owner: string;
  system?: string;
  orderable: boolean;
  form: FormField[];
}

const text = (key: string, label: string, required = false, help?: string): FormField => ({
  key,
  label,
  type: 'text',
  required,
  ...(help ? { help } : {}),
});
const area = (key: string, label: string, required = false, help?: string): FormField => ({
  ...text(key, label, required, help),
  type: 'textarea',
});
const select = (key: string, label: string, options: string[], required = true): FormField => ({
  key,
  label,
  type: 'select',
  required,
  options,
});
const person = (key: string, label: string, help?: string): FormField => ({
  ...text(key, label, true, help),
  type: 'person',
});
const date = (key: string, label: string, required = false): FormField => ({
  key,
  label,
  type: 'date',
  required,
});
const checkbox = (key: string, label: string, help?: string): FormField => ({
  ...text(key, label, false, help),
  type: 'checkbox',
});

const SECOND_LINE = 'IT-enheten, andra linjen';

const styrbyServices: DemoService[] = [
  {
    name: 'Dator som tjänst',
    description:
      'En dator med kommunens klientplattform, installerad och uppdaterad av IT-enheten. Hyrs per månad och byts efter fyra år.',
    group: SECOND_LINE,
    owner: 'anders.holm',
    system: 'Klientplattform',
    orderable: true,
    form: [
      select('modell', 'Modell', [
        'Bärbar standarddator 14"',
        'Bärbar dator 16" för GIS och ritning',
        'Stationär dator med två skärmar',
      ]),
      person('anvandare', 'Vem ska använda datorn?'),
      text('kostnadsstalle', 'Kostnadsställe', true, 'Fyra siffror, t.ex. 4100.'),
      text('leveransadress', 'Leveransadress', true, 'Arbetsplats, våning och rum.'),
      date('leveransdatum', 'Önskat leveransdatum'),
      checkbox(
        'dockningsstation',
        'Dockningsstation och skärm',
        'Kryssa i om det behövs en arbetsplats med skärm.',
      ),
    ],
  },
  {
    name: 'Ny medarbetare – konto och behörigheter',
    description:
      'Konto, e-post och de behörigheter en ny medarbetare behöver från första dagen. Beställs av chefen senast tio arbetsdagar före start.',
    group: 'Servicedesk',
    owner: 'anders.holm',
    orderable: true,
    form: [
      text('namn', 'Den nya medarbetarens namn', true),
      select('anstallning', 'Anställningsform', ['Tillsvidare', 'Visstid', 'Timanställd', 'Konsult']),
      date('startdatum', 'Första arbetsdag', true),
      date('slutdatum', 'Sista dag (vid visstid)'),
      person('chef', 'Närmaste chef'),
      text('enhet', 'Enhet', true, 'T.ex. Hemtjänst norr eller Ekonomienheten.'),
      area(
        'system',
        'System och behörigheter som behövs',
        false,
        'Skriv gärna som vem: ”samma som Anna Svensson”.',
      ),
      checkbox('telefon', 'Behöver även mobiltelefon'),
    ],
  },
  {
    name: 'Behörighet i Heroma',
    description:
      'Ny eller ändrad behörighet i lön- och personalsystemet Heroma: chefens attest, lönehandläggning, schemaläggning. Beslutas av förvaltningen.',
    group: 'Förvaltning Lön- och personalsystem',
    level: CRITICAL,
    owner: 'camilla.strand',
    system: 'Lön- och personalsystem',
    orderable: true,
    form: [
      person('for-vem', 'Vem ska ha behörigheten?'),
      select('roll', 'Roll', [
        'Chef – attest och personaladministration',
        'Lönehandläggare',
        'Schemaläggare',
        'Medarbetare – självservice',
      ]),
      text('enhet', 'För vilken enhet?', true),
      date('fran', 'Från och med'),
      area('motivering', 'Varför behövs behörigheten?', true),
    ],
  },
  {
    name: 'Mobiltelefon',
    description: 'Mobiltelefon med abonnemang i kommunens avtal, med appar för jobbet och säker e-post.',
    group: SECOND_LINE,
    owner: 'anders.holm',
    orderable: true,
    form: [
      select('modell', 'Modell', ['iPhone SE', 'iPhone 16', 'Samsung Galaxy A56']),
      person('anvandare', 'Vem ska använda telefonen?'),
      text('kostnadsstalle', 'Kostnadsställe', true),
      checkbox('nytt-nummer', 'Nytt nummer', 'Kryssa inte i om ett befintligt nummer ska flyttas.'),
      text('befintligt-nummer', 'Befintligt nummer som ska flyttas'),
    ],
  },
  {
    name: 'Skrivare och utskrift',
    description:
      'Kommunens skrivare med utskrift via passerkortet ("följ mig"). Beställ flytt eller ny skrivare här; anmäl fel på en skrivare som ett fel.',
    group: SECOND_LINE,
    owner: 'anders.holm',
    orderable: true,
    form: [
      select('vad', 'Vad gäller beställningen?', [
        'Ny skrivare på arbetsplatsen',
        'Flytt av skrivare',
        'Koppla passerkortet till utskrift',
      ]),
      text('plats', 'Var?', true, 'Adress, våning och rum.'),
      { key: 'anvandare', label: 'Ungefär hur många använder skrivaren?', type: 'number', required: false },
    ],
  },
  {
    name: 'Programvara',
    description:
      'Installation av programvara utöver klientplattformens standard. IT-enheten kontrollerar licens och informationssäkerhet innan installation.',
    group: SECOND_LINE,
    owner: 'anders.holm',
    system: 'Klientplattform',
    orderable: true,
    form: [
      text('program', 'Vilket program?', true, 'Namn och version, t.ex. Adobe Acrobat Pro.'),
      text('dator', 'Datorns namn', true, 'Står på etiketten under datorn, t.ex. STY-L12345.'),
      checkbox('licens', 'Enheten har redan en licens'),
      area('motivering', 'Vad ska programmet användas till?', true),
    ],
  },
  {
    name: 'Lagringsyta',
    description:
      'En gemensam lagringsyta (mapp) för en enhet eller ett projekt, med behörighet för de som ska använda den.',
    group: SECOND_LINE,
    owner: 'anders.holm',
    orderable: true,
    form: [
      text('namn', 'Ytans namn', true, 'T.ex. BUF-Skolskjuts-2026.'),
      select('storlek', 'Storlek', ['10 GB', '50 GB', '100 GB', '500 GB']),
      select('klass', 'Vilken information ska sparas där?', [
        'Öppen information',
        'Intern information',
        'Känslig information (t.ex. personuppgifter)',
      ]),
      person('ansvarig', 'Vem ansvarar för ytan?'),
      area('behorighet', 'Vilka ska ha behörighet?', true),
    ],
  },
  {
    name: 'Funktionsbrevlåda',
    description: 'En gemensam e-postadress för en verksamhet, t.ex. växel@ eller bygglov@, som flera läser.',
    group: 'Förvaltning E-post och kalender',
    owner: 'anders.holm',
    system: 'E-post och kalender',
    orderable: true,
    form: [
      text('adress', 'Önskad adress', true, 'Det som står före @styrby.se.'),
      text('visningsnamn', 'Namn som visas för mottagaren', true),
      person('agare', 'Ägare av brevlådan'),
      area('medlemmar', 'Vilka ska kunna läsa och svara?', true),
    ],
  },
  {
    name: 'Lärplattformen – behörighet och kurser',
    description: 'Konton, roller och kurser i skolans lärplattform för lärare och elever.',
    group: 'Servicedesk',
    level: CRITICAL,
    owner: 'eva.sandstrom',
    system: 'Lärplattform',
    orderable: true,
    form: [
      person('for-vem', 'Vem gäller det?'),
      select('roll', 'Roll', ['Lärare', 'Elev', 'Skoladministratör']),
      text('skola', 'Skola', true),
      area('kurser', 'Kurser eller grupper', false),
    ],
  },
  {
    name: 'Lön och personal (Heroma)',
    description:
      'Drift, fel och frågor om lön- och personalsystemet. Anmäl fel i portalen eller ring servicedesken.',
    group: 'Förvaltning Lön- och personalsystem',
    level: CRITICAL,
    owner: 'camilla.strand',
    system: 'Lön- och personalsystem',
    orderable: false,
    form: [],
  },
];

export async function loadServicesDemo(db: Database, tenant: DemoContext, made: Made) {
  const calendarId = made.get('calendar:default') ?? null;
  const standard = await createLevel(db, tenant.actor, {
    name: 'Standard',
    description:
      'Det servicedesken lovar för ärenden utan annan servicenivå: svar inom en timme till en arbetsdag och lösning inom fyra timmar till fem arbetsdagar, efter prioritet.',
    kind: 'service',
    calendarId,
    clockStart: 'creation',
    warningPercent: 80,
    targets: defaultTargets,
    escalation: defaultEscalation,
    isDefault: true,
  });
  made.set('level:Standard', standard.id);
  if (tenant.slug !== 'styrby') return;

  const critical = await createLevel(db, tenant.actor, {
    name: CRITICAL,
    description:
      'System som verksamheten inte kan vara utan en arbetsdag: lön och personal (Heroma) och skolans lärplattform. Kortare tider, och prioriteten höjs vid brott.',
    kind: 'service',
    calendarId,
    clockStart: 'creation',
    warningPercent: 75,
    targets: criticalTargets,
    escalation: { notifyLead: 'warning', raisePriority: true, reassignGroupId: null },
  });
  made.set(`level:${CRITICAL}`, critical.id);

  const [contract] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenant.id), eq(contracts.title, HEROMA_CONTRACT)));
  if (!contract) throw new Error(`Desk demo: no register contract "${HEROMA_CONTRACT}"`);
  const underpinning = await createLevel(db, tenant.actor, {
    name: 'CGI – avtalad servicenivå Heroma',
    description:
      'Leverantörens åtaganden i avtalet AVT-2017-002. Klockan startar när ärendet lämnas till CGI:s support; gruppledaren får veta när en tid har brutits.',
    kind: 'underpinning',
    calendarId,
    clockStart: 'assignment',
    warningPercent: 80,
    targets: heromaContractTargets,
    escalation: { notifyLead: 'breach', raisePriority: false, reassignGroupId: null },
    contractId: contract.id,
  });
  made.set('level:CGI – avtalad servicenivå Heroma', underpinning.id);
  const [formpipe] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenant.id), eq(contracts.title, FORMPIPE_CONTRACT)));
  if (!formpipe) throw new Error(`Desk demo: no register contract "${FORMPIPE_CONTRACT}"`);
  const formpipeLevel = await createLevel(db, tenant.actor, {
    name: 'Formpipe – avtalad servicenivå diarium',
    description:
      'Leverantörens åtaganden för diariet, e-arkivet och nämndadministrationen, räknat på servicedeskens öppettider.',
    kind: 'underpinning',
    calendarId,
    clockStart: 'assignment',
    warningPercent: 80,
    targets: formpipeContractTargets,
    escalation: { notifyLead: 'breach', raisePriority: false, reassignGroupId: null },
    contractId: formpipe.id,
  });
  made.set('level:Formpipe – avtalad servicenivå diarium', formpipeLevel.id);

  const systemNames = [...new Set(styrbyServices.flatMap((s) => (s.system ? [s.system] : [])))];
  const found = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(and(eq(systems.tenantId, tenant.id), inArray(systems.name, systemNames)));
  const systemIds = new Map(found.map((s) => [s.name, s.id]));
  const levelIds = new Map([
    ['Standard', standard.id],
    [CRITICAL, critical.id],
  ]);
  for (const s of styrbyServices) {
    const groupId = made.get(`group:${s.group}`);
    if (!groupId) throw new Error(`Desk demo: no group "${s.group}"`);
    if (s.system && !systemIds.has(s.system)) throw new Error(`Desk demo: no register system "${s.system}"`);
    const row = await createService(db, tenant.actor, {
      name: s.name,
      description: s.description,
      groupId,
      serviceLevelId: levelIds.get(s.level ?? 'Standard')!,
      ownerId: tenant.personId(`${s.owner}@styrby.example`),
      systemId: s.system ? systemIds.get(s.system)! : null,
      orderable: s.orderable,
      orderForm: s.form,
    });
    made.set(`service:${s.name}`, row.id);
  }
}
