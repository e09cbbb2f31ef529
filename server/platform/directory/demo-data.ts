import type { UnitKind } from '../../../shared/directory.ts';
import type { Role } from '../../../shared/roles.ts';

// The demo municipalities: fixed data, no randomness, so every load gives the same organisation.
// Everything here is fictional. The structure follows the seed documents: an IT-strategisk stab on
// kommunledningskontoret (seed 004), the IT unit and kundservice under Kontoret för interna
// tjänster (KiT, seed 000), one IT-kundansvarig per förvaltning and IT-samordnare in the
// förvaltningar (seeds 000, 001), a Barn- och utbildningsförvaltning with its own IT needs (seed 002).

export interface DemoUnit {
  /** Local key, used by people and grants below to point at the unit. */
  key: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  /** Kostnadsställe. */
  costCentre: string;
  orgNumber?: string;
}

/** A role held in the whole tenant (a Role name) or within one unit. */
export type DemoGrant = Role | { role: Role; unit: string };

export interface DemoPerson {
  given: string;
  family: string;
  title: string;
  unit: string;
  /** Roles besides `employee`, which every person of the municipality holds unless `external`. */
  roles?: DemoGrant[];
  /** A fixed sign-in address instead of firstname.lastname@<domain>. */
  email?: string;
  /** Gets the password `demo`. */
  signIn?: true;
  /** Works for a partner, not for the municipality: no `employee` role. */
  external?: true;
}

export interface DemoTenant {
  slug: string;
  name: string;
  orgNumber: string;
  /** Domain of the people's addresses (firstname.lastname@domain). */
  domain: string;
  /** Phone numbers are `${prefix}${first + index}` split in Swedish groups; see phoneOf. */
  phone: { prefix: string; first: number; last: number; groups: number[] };
  /** Employee numbers count up from here. */
  firstEmployeeNumber: number;
  units: DemoUnit[];
  people: DemoPerson[];
}

export const DEMO_PASSWORD = 'demo';

// ------------------------------------------------------------------------------------ Styrby

const styrbyUnits: DemoUnit[] = [
  { key: 'klk', name: 'Kommunledningskontoret', kind: 'department', costCentre: '1000' },
  { key: 'itstab', name: 'IT-strategiska staben', kind: 'office', parent: 'klk', costCentre: '1010' },
  { key: 'eko', name: 'Ekonomiavdelningen', kind: 'office', parent: 'klk', costCentre: '1020' },
  { key: 'hr', name: 'HR-avdelningen', kind: 'office', parent: 'klk', costCentre: '1030' },
  { key: 'komm', name: 'Kommunikationsavdelningen', kind: 'office', parent: 'klk', costCentre: '1040' },
  { key: 'kansli', name: 'Kansliavdelningen', kind: 'office', parent: 'klk', costCentre: '1050' },

  { key: 'kit', name: 'Kontoret för interna tjänster', kind: 'department', costCentre: '1100' },
  { key: 'it', name: 'IT-enheten', kind: 'office', parent: 'kit', costCentre: '1110' },
  { key: 'sd', name: 'Servicedesk', kind: 'subunit', parent: 'it', costCentre: '1111' },
  { key: 'drift', name: 'Drift och infrastruktur', kind: 'subunit', parent: 'it', costCentre: '1112' },
  {
    key: 'sysint',
    name: 'Systemförvaltning och integration',
    kind: 'subunit',
    parent: 'it',
    costCentre: '1113',
  },
  { key: 'kundservice', name: 'Kundservice', kind: 'office', parent: 'kit', costCentre: '1120' },
  { key: 'upph', name: 'Upphandlingsenheten', kind: 'office', parent: 'kit', costCentre: '1130' },

  { key: 'sbf', name: 'Samhällsbyggnadsförvaltningen', kind: 'department', costCentre: '3000' },
  { key: 'bygg', name: 'Plan- och byggenheten', kind: 'office', parent: 'sbf', costCentre: '3100' },
  { key: 'gata', name: 'Gatu- och parkenheten', kind: 'office', parent: 'sbf', costCentre: '3200' },
  { key: 'va', name: 'VA-enheten', kind: 'office', parent: 'sbf', costCentre: '3300' },
  { key: 'gis', name: 'Mät- och GIS-enheten', kind: 'subunit', parent: 'sbf', costCentre: '3400' },

  { key: 'mhk', name: 'Miljö- och hälsoskyddskontoret', kind: 'department', costCentre: '3500' },
  { key: 'livs', name: 'Livsmedelskontrollen', kind: 'subunit', parent: 'mhk', costCentre: '3510' },

  { key: 'buf', name: 'Barn- och utbildningsförvaltningen', kind: 'department', costCentre: '4000' },
  { key: 'bufutv', name: 'Utvecklingsenheten', kind: 'office', parent: 'buf', costCentre: '4010' },
  { key: 'forskola', name: 'Förskoleavdelningen', kind: 'office', parent: 'buf', costCentre: '4100' },
  { key: 'solrosen', name: 'Förskolan Solrosen', kind: 'subunit', parent: 'forskola', costCentre: '4110' },
  { key: 'ekorren', name: 'Förskolan Ekorren', kind: 'subunit', parent: 'forskola', costCentre: '4120' },
  { key: 'grundskola', name: 'Grundskoleavdelningen', kind: 'office', parent: 'buf', costCentre: '4200' },
  { key: 'bjork', name: 'Björkskolan F–6', kind: 'subunit', parent: 'grundskola', costCentre: '4210' },
  { key: 'vastra', name: 'Västra skolan 7–9', kind: 'subunit', parent: 'grundskola', costCentre: '4220' },
  { key: 'gymn', name: 'Styrby gymnasium', kind: 'office', parent: 'buf', costCentre: '4300' },

  { key: 'soc', name: 'Socialförvaltningen', kind: 'department', costCentre: '5000' },
  { key: 'ifo', name: 'Individ- och familjeomsorgen', kind: 'office', parent: 'soc', costCentre: '5100' },
  { key: 'forsorj', name: 'Försörjningsstöd', kind: 'subunit', parent: 'ifo', costCentre: '5110' },
  { key: 'barnfam', name: 'Barn och familj', kind: 'subunit', parent: 'ifo', costCentre: '5120' },
  { key: 'am', name: 'Arbetsmarknadsenheten', kind: 'office', parent: 'soc', costCentre: '5200' },

  { key: 'voo', name: 'Vård- och omsorgsförvaltningen', kind: 'department', costCentre: '6000' },
  { key: 'hemtj', name: 'Hemtjänsten', kind: 'office', parent: 'voo', costCentre: '6100' },
  {
    key: 'lind',
    name: 'Lindgårdens vård- och omsorgsboende',
    kind: 'subunit',
    parent: 'voo',
    costCentre: '6200',
  },
  { key: 'funk', name: 'Funktionsstöd', kind: 'office', parent: 'voo', costCentre: '6300' },

  { key: 'kof', name: 'Kultur- och fritidsförvaltningen', kind: 'department', costCentre: '7000' },
  { key: 'bibl', name: 'Biblioteket', kind: 'office', parent: 'kof', costCentre: '7100' },
  { key: 'fritid', name: 'Fritidsenheten', kind: 'office', parent: 'kof', costCentre: '7200' },

  { key: 'bost', name: 'Styrby Bostäder AB', kind: 'company', costCentre: '8100', orgNumber: '556990-1233' },
  { key: 'energi', name: 'Styrby Energi AB', kind: 'company', costCentre: '8200', orgNumber: '556990-4567' },

  // Grannby buys IT services from Styrby; the fire service is a kommunalförbund of the two.
  { key: 'grannby', name: 'Grannby kommun', kind: 'partner', costCentre: '9100', orgNumber: '212000-8889' },
  {
    key: 'rtj',
    name: 'Räddningstjänsten Styrby–Grannby',
    kind: 'partner',
    costCentre: '9200',
    orgNumber: '222000-7773',
  },
];

// Roles of scope `system` (systemOwner, systemManager, operationsOwner) cannot be granted until
// the registry module brings systems; the titles below already say who will hold them
// (e.g. the systemförvaltare in Systemförvaltning och integration).
const styrbyPeople: DemoPerson[] = [
  // Kommunledningskontoret
  { given: 'Karin', family: 'Lindqvist', title: 'Kommundirektör', unit: 'klk', roles: ['forumMember'] },
  { given: 'Per', family: 'Sandberg', title: 'Kanslichef', unit: 'kansli' },
  { given: 'Elin', family: 'Forsberg', title: 'Registrator', unit: 'kansli' },
  { given: 'Johan', family: 'Ek', title: 'Kommunjurist', unit: 'kansli' },
  { given: 'Annika', family: 'Holmgren', title: 'Dataskyddsombud', unit: 'kansli', roles: ['reader'] },
  {
    given: 'Helena',
    family: 'Bergström',
    title: 'IT-strateg',
    unit: 'itstab',
    roles: ['itStrategist', 'forumMember'],
    signIn: true,
  },
  {
    given: 'Mikael',
    family: 'Nordin',
    title: 'Informationssäkerhetssamordnare',
    unit: 'itstab',
    roles: ['forumMember'],
  },
  {
    given: 'Sofia',
    family: 'Åberg',
    title: 'Förändringsansvarig',
    unit: 'itstab',
    roles: ['changeManager', 'forumMember'],
    signIn: true,
  },
  {
    given: 'Ali',
    family: 'Rahimi',
    title: 'IT-kundansvarig',
    unit: 'itstab',
    roles: [
      { role: 'accountManager', unit: 'klk' },
      { role: 'accountManager', unit: 'kit' },
      { role: 'accountManager', unit: 'bost' },
      { role: 'accountManager', unit: 'energi' },
    ],
  },
  {
    given: 'Karin',
    family: 'Wester',
    title: 'Informationssäkerhetssamordnare',
    unit: 'itstab',
    roles: ['securityCoordinator'],
    signIn: true,
  },
  {
    given: 'Johan',
    family: 'Rask',
    title: 'Dataskyddsombud',
    unit: 'kansli',
    roles: ['dataProtectionOfficer'],
  },
  { given: 'Lars', family: 'Öberg', title: 'Ekonomichef', unit: 'eko', roles: ['economist', 'forumMember'] },
  { given: 'Maria', family: 'Johansson', title: 'Ekonom', unit: 'eko', roles: ['economist'], signIn: true },
  { given: 'Fredrik', family: 'Sjöberg', title: 'Controller', unit: 'eko', roles: ['economist'] },
  { given: 'Ingrid', family: 'Lund', title: 'Redovisningsekonom', unit: 'eko' },
  { given: 'Camilla', family: 'Strand', title: 'HR-chef', unit: 'hr' },
  { given: 'Oskar', family: 'Wikström', title: 'Systemförvaltare Heroma', unit: 'hr' },
  { given: 'Nadia', family: 'Haddad', title: 'Lönehandläggare', unit: 'hr' },
  { given: 'Emma', family: 'Hedlund', title: 'Kommunikationschef', unit: 'komm' },
  { given: 'Viktor', family: 'Lindahl', title: 'Webbredaktör', unit: 'komm' },

  // Kontoret för interna tjänster
  { given: 'Gunnar', family: 'Blom', title: 'Kontorschef', unit: 'kit', roles: ['forumMember'] },
  { given: 'Anders', family: 'Holm', title: 'IT-chef', unit: 'it', roles: ['forumMember'] },
  {
    given: 'Jenny',
    family: 'Ström',
    title: 'Systemadministratör',
    unit: 'it',
    roles: ['admin'],
    email: 'admin@styrbord.example',
    signIn: true,
  },
  { given: 'Patrik', family: 'Nyberg', title: 'IT-arkitekt', unit: 'it' },
  {
    given: 'Tobias',
    family: 'Engström',
    title: 'Gruppledare servicedesk',
    unit: 'sd',
    roles: ['serviceDeskAgent'],
    signIn: true,
  },
  {
    given: 'Linnea',
    family: 'Söderberg',
    title: 'Servicedesktekniker',
    unit: 'sd',
    roles: ['serviceDeskAgent'],
  },
  {
    given: 'Hampus',
    family: 'Granlund',
    title: 'Servicedesktekniker',
    unit: 'sd',
    roles: ['serviceDeskAgent'],
  },
  { given: 'Amira', family: 'Osman', title: 'Servicedesktekniker', unit: 'sd', roles: ['serviceDeskAgent'] },
  { given: 'Erik', family: 'Dahlgren', title: 'IT-tekniker', unit: 'sd', roles: ['serviceDeskAgent'] },
  { given: 'Magnus', family: 'Berglund', title: 'Drifttekniker', unit: 'drift' },
  { given: 'Goran', family: 'Petrović', title: 'Nätverkstekniker', unit: 'drift' },
  { given: 'Jonas', family: 'Lundgren', title: 'Systemtekniker', unit: 'drift' },
  { given: 'Therese', family: 'Nilsson', title: 'Systemförvaltare W3D3', unit: 'sysint' },
  { given: 'Daniel', family: 'Ekström', title: 'Integrationsutvecklare', unit: 'sysint' },
  { given: 'Mirja', family: 'Koskinen', title: 'Systemförvaltare e-tjänsteplattformen', unit: 'sysint' },
  { given: 'Lena', family: 'Björk', title: 'Enhetschef kundservice', unit: 'kundservice' },
  { given: 'Rebecka', family: 'Falk', title: 'Kommunvägledare', unit: 'kundservice' },
  { given: 'Hassan', family: 'Farah', title: 'Kommunvägledare', unit: 'kundservice' },
  { given: 'Stefan', family: 'Hellström', title: 'Upphandlare', unit: 'upph' },
  { given: 'Malin', family: 'Sundström', title: 'Avtalscontroller', unit: 'upph' },

  // Samhällsbyggnadsförvaltningen
  { given: 'Ulf', family: 'Jakobsson', title: 'Samhällsbyggnadschef', unit: 'sbf', roles: ['forumMember'] },
  {
    given: 'Linda',
    family: 'Pettersson',
    title: 'IT-kundansvarig',
    unit: 'sbf',
    roles: [{ role: 'accountManager', unit: 'sbf' }],
  },
  { given: 'Sebastian', family: 'Brandt', title: 'Bygglovshandläggare', unit: 'bygg' },
  { given: 'Maja', family: 'Nordström', title: 'Bygglovsarkitekt', unit: 'bygg' },
  { given: 'Leif', family: 'Gustavsson', title: 'Gatuingenjör', unit: 'gata' },
  { given: 'Hussein', family: 'Abdi', title: 'VA-ingenjör', unit: 'va' },
  {
    given: 'Klara',
    family: 'Vikström',
    title: 'GIS-ingenjör och IT-samordnare',
    unit: 'gis',
    roles: [{ role: 'itCoordinator', unit: 'sbf' }],
  },

  // Miljö- och hälsoskyddskontoret
  { given: 'Gustav', family: 'Lindblad', title: 'Miljöchef', unit: 'mhk' },
  { given: 'Elsa', family: 'Hermansson', title: 'Miljöinspektör', unit: 'mhk' },
  { given: 'Samuel', family: 'Berggren', title: 'Livsmedelsinspektör', unit: 'livs' },

  // Barn- och utbildningsförvaltningen
  { given: 'Eva', family: 'Sandström', title: 'Förvaltningschef', unit: 'buf', roles: ['forumMember'] },
  {
    given: 'Niklas',
    family: 'Wallin',
    title: 'IT-kundansvarig',
    unit: 'buf',
    roles: [{ role: 'accountManager', unit: 'buf' }],
    signIn: true,
  },
  {
    given: 'Jessica',
    family: 'Holmberg',
    title: 'Ekonom',
    unit: 'buf',
    roles: [{ role: 'economist', unit: 'buf' }],
  },
  {
    given: 'Robert',
    family: 'Lindberg',
    title: 'IT-samordnare',
    unit: 'bufutv',
    roles: [{ role: 'itCoordinator', unit: 'buf' }],
  },
  { given: 'Sara', family: 'Eklund', title: 'IKT-pedagog', unit: 'bufutv' },
  { given: 'Anna', family: 'Gustafsson', title: 'Verksamhetschef förskola', unit: 'forskola' },
  { given: 'Lotta', family: 'Håkansson', title: 'Förskolechef', unit: 'solrosen' },
  { given: 'Fatima', family: 'Yousef', title: 'Förskollärare', unit: 'solrosen' },
  { given: 'Ulrika', family: 'Persson', title: 'Förskolechef', unit: 'ekorren' },
  { given: 'Sanna', family: 'Mattsson', title: 'Barnskötare', unit: 'ekorren' },
  { given: 'Henrik', family: 'Axelsson', title: 'Rektor', unit: 'bjork' },
  { given: 'Karolina', family: 'Bengtsson', title: 'Lärare', unit: 'bjork' },
  { given: 'Mats', family: 'Lindström', title: 'Rektor', unit: 'vastra' },
  { given: 'Zeynep', family: 'Yilmaz', title: 'Lärare', unit: 'vastra' },
  { given: 'Peter', family: 'Hansson', title: 'Skoladministratör', unit: 'vastra' },
  { given: 'Cecilia', family: 'Lundqvist', title: 'Rektor', unit: 'gymn' },
  { given: 'Martin', family: 'Carlsson', title: 'IT-tekniker', unit: 'gymn' },

  // Socialförvaltningen
  { given: 'Birgitta', family: 'Eriksson', title: 'Socialchef', unit: 'soc', roles: ['forumMember'] },
  {
    given: 'Jakob',
    family: 'Sjögren',
    title: 'IT-kundansvarig',
    unit: 'soc',
    roles: [{ role: 'accountManager', unit: 'soc' }],
  },
  {
    given: 'Marie',
    family: 'Andersson',
    title: 'IT-samordnare',
    unit: 'soc',
    roles: [{ role: 'itCoordinator', unit: 'soc' }],
  },
  { given: 'Susanne', family: 'Olsson', title: 'Enhetschef IFO', unit: 'ifo' },
  {
    given: 'Emelie',
    family: 'Larsson',
    title: 'Handläggare försörjningsstöd',
    unit: 'forsorj',
    email: 'medarbetare@styrbord.example',
    signIn: true,
  },
  { given: 'Omid', family: 'Mohammadi', title: 'Socialsekreterare', unit: 'forsorj' },
  { given: 'Pernilla', family: 'Jonsson', title: 'Socialsekreterare', unit: 'barnfam' },
  { given: 'Anneli', family: 'Berg', title: 'Familjebehandlare', unit: 'barnfam' },
  { given: 'Kenneth', family: 'Svensson', title: 'Arbetsmarknadskonsulent', unit: 'am' },

  // Vård- och omsorgsförvaltningen
  { given: 'Monica', family: 'Nyström', title: 'Förvaltningschef', unit: 'voo', roles: ['forumMember'] },
  {
    given: 'Hanna',
    family: 'Lindgren',
    title: 'IT-kundansvarig',
    unit: 'voo',
    roles: [
      { role: 'accountManager', unit: 'voo' },
      { role: 'changeManager', unit: 'voo' },
    ],
  },
  {
    given: 'Roger',
    family: 'Åström',
    title: 'IT-samordnare',
    unit: 'voo',
    roles: [{ role: 'itCoordinator', unit: 'voo' }],
  },
  {
    given: 'Agneta',
    family: 'Karlsson',
    title: 'Enhetschef hemtjänst',
    unit: 'hemtj',
    roles: [{ role: 'reader', unit: 'voo' }],
  },
  { given: 'Jelena', family: 'Marković', title: 'Undersköterska', unit: 'hemtj' },
  { given: 'Solveig', family: 'Hammar', title: 'Enhetschef', unit: 'lind' },
  { given: 'Ida', family: 'Norberg', title: 'Sjuksköterska', unit: 'lind' },
  { given: 'Tomas', family: 'Wiklund', title: 'Biståndshandläggare', unit: 'funk' },

  // Kultur- och fritidsförvaltningen
  { given: 'Åsa', family: 'Lindén', title: 'Kultur- och fritidschef', unit: 'kof', roles: ['forumMember'] },
  {
    given: 'Johanna',
    family: 'Kvist',
    title: 'IT-kundansvarig',
    unit: 'kof',
    roles: [
      { role: 'accountManager', unit: 'kof' },
      { role: 'accountManager', unit: 'mhk' },
    ],
  },
  { given: 'Ebba', family: 'Sjöström', title: 'Bibliotekarie', unit: 'bibl' },
  { given: 'Joel', family: 'Engberg', title: 'Fritidskonsulent', unit: 'fritid' },

  // The companies
  { given: 'Christer', family: 'Ahlström', title: 'VD', unit: 'bost' },
  {
    given: 'Petra',
    family: 'Sjödin',
    title: 'IT-samordnare',
    unit: 'bost',
    roles: [{ role: 'itCoordinator', unit: 'bost' }],
  },
  { given: 'Rasmus', family: 'Öhman', title: 'Driftingenjör', unit: 'energi' },
  { given: 'Victoria', family: 'Lind', title: 'Ekonom', unit: 'energi' },

  // The partners' contacts: they read what concerns their organisation, nothing else.
  {
    given: 'Kjell',
    family: 'Bergqvist',
    title: 'IT-samordnare, Grannby kommun',
    unit: 'grannby',
    roles: [{ role: 'reader', unit: 'grannby' }],
    email: 'kjell.bergqvist@grannby.example',
    // The same address as in Grannby's own tenant: signing in asks which organisation.
    signIn: true,
    external: true,
  },
  {
    given: 'Mattias',
    family: 'Roos',
    title: 'Brandingenjör',
    unit: 'rtj',
    roles: [{ role: 'reader', unit: 'rtj' }],
    email: 'mattias.roos@rtj-styrby-grannby.example',
    external: true,
  },
];

// ------------------------------------------------------------------------------------ Grannby

const grannbyUnits: DemoUnit[] = [
  { key: 'ksf', name: 'Kommunstyrelseförvaltningen', kind: 'department', costCentre: '1000' },
  { key: 'it', name: 'IT-avdelningen', kind: 'office', parent: 'ksf', costCentre: '1100' },
  { key: 'service', name: 'Serviceförvaltningen', kind: 'department', costCentre: '2000' },
  { key: 'utb', name: 'Utbildningsförvaltningen', kind: 'department', costCentre: '3000' },
  { key: 'hallon', name: 'Hallonbackens skola', kind: 'subunit', parent: 'utb', costCentre: '3100' },
  { key: 'soc', name: 'Socialförvaltningen', kind: 'department', costCentre: '5000' },
];

const grannbyPeople: DemoPerson[] = [
  {
    given: 'Berit',
    family: 'Magnusson',
    title: 'IT-chef',
    unit: 'it',
    roles: ['admin'],
    email: 'admin@grannkommun.example',
    signIn: true,
  },
  { given: 'Stina', family: 'Holmqvist', title: 'Kommunchef', unit: 'ksf', roles: ['forumMember'] },
  { given: 'Arvid', family: 'Ljung', title: 'IT-strateg', unit: 'ksf', roles: ['itStrategist'] },
  {
    given: 'Kjell',
    family: 'Bergqvist',
    title: 'IT-samordnare',
    unit: 'it',
    roles: [{ role: 'accountManager', unit: 'utb' }],
    email: 'kjell.bergqvist@grannby.example',
    signIn: true,
  },
  {
    given: 'Ronja',
    family: 'Lindholm',
    title: 'Servicedesktekniker',
    unit: 'it',
    roles: ['serviceDeskAgent'],
  },
  { given: 'Dragan', family: 'Jovanović', title: 'IT-tekniker', unit: 'it' },
  { given: 'Elisabeth', family: 'Rydén', title: 'Ekonom', unit: 'service', roles: ['economist'] },
  { given: 'Tove', family: 'Sandin', title: 'Rektor', unit: 'hallon' },
  { given: 'Yusuf', family: 'Demir', title: 'Socialsekreterare', unit: 'soc' },
];

// ------------------------------------------------------------------------------------ tenants

// Phone numbers come from the ranges the Swedish regulator PTS keeps free for fiction
// (070-174 06 05 … 070-174 06 99 and 0980-319 200 … 0980-319 299): they can never ring anyone.
export const demoTenants: DemoTenant[] = [
  {
    slug: 'styrby',
    name: 'Styrby kommun',
    orgNumber: '212000-9994',
    domain: 'styrby.example',
    phone: { prefix: '070', first: 1740605, last: 1740699, groups: [3, 2, 2] },
    firstEmployeeNumber: 104101,
    units: styrbyUnits,
    people: styrbyPeople,
  },
  {
    slug: 'grannby',
    name: 'Grannby kommun',
    orgNumber: '212000-8889',
    domain: 'grannby.example',
    phone: { prefix: '0980', first: 319200, last: 319299, groups: [3, 3] },
    firstEmployeeNumber: 20501,
    units: grannbyUnits,
    people: grannbyPeople,
  },
];

// ------------------------------------------------------------------------------------ derived

/** "Åsa Lindén" → "asa.linden": Unicode letters folded to ASCII, spaces to hyphens. */
export function asciiLocalPart(given: string, family: string): string {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-');
  return `${fold(given)}.${fold(family)}`;
}

export function emailOf(tenant: DemoTenant, person: DemoPerson): string {
  return person.email ?? `${asciiLocalPart(person.given, person.family)}@${tenant.domain}`;
}

/** The index-th fictional number of the tenant, grouped the Swedish way: "070-174 06 05". */
export function phoneOf(tenant: DemoTenant, index: number): string {
  const { prefix, first, last, groups } = tenant.phone;
  if (first + index > last) throw new Error(`${tenant.slug}: more people than fictional phone numbers`);
  const digits = String(first + index);
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return `${prefix}-${parts.join(' ')}`;
}

export function employeeNumberOf(tenant: DemoTenant, index: number): string {
  return String(tenant.firstEmployeeNumber + index);
}
