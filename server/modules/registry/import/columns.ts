import { z } from 'zod';
import type { ImportField } from '../../../../shared/registry/import.ts';
import type {
  Criticality,
  LifecyclePhase,
  OperationForm,
  SystemScope,
  TimeAssessment,
} from '../../../../shared/registry/systems.ts';
import { line, multiline, requiredLine } from '../../../../shared/text.ts';
import { column, normalizeHeader } from '../../../platform/transfer/index.ts';

// The columns of a systemkarta and the words municipalities write in them. Headers are matched in
// Swedish or English, by key or alias, ignoring case, spaces, hyphens and diacritics (the
// transfer engine's normalizeHeader); the caller can override the match per header.

/** A parser of a cell holding one of a few words, each word normalized as a header is. */
function words<T extends string>(what: string, table: Record<string, T>, hint: string) {
  const map = new Map(Object.entries(table).map(([word, value]) => [normalizeHeader(word), value]));
  return z.string().transform((text, ctx): T => {
    const value = map.get(normalizeHeader(text));
    if (value) return value;
    ctx.addIssue({ code: 'custom', message: `Unknown ${what} "${text}"; use ${hint}` });
    return z.NEVER;
  });
}

const scopeCell = words<SystemScope>(
  'scope',
  {
    shared: 'shared',
    kommungemensamt: 'shared',
    kommungemensam: 'shared',
    gemensamt: 'shared',
    gemensam: 'shared',
    // A column "Kommungemensamt" answered ja/nej.
    ja: 'shared',
    j: 'shared',
    yes: 'shared',
    x: 'shared',
    business: 'business',
    verksamhetsspecifikt: 'business',
    verksamhetsspecifik: 'business',
    verksamhet: 'business',
    verksamhetssystem: 'business',
    nej: 'business',
    n: 'business',
    no: 'business',
    platform: 'platform',
    plattform: 'platform',
    'teknisk plattform': 'platform',
    infrastruktur: 'platform',
  },
  'kommungemensamt, verksamhetsspecifikt or teknisk plattform (or ja/nej)',
);

const operationFormCell = words<OperationForm>(
  'operation form',
  {
    itUnit: 'itUnit',
    'IT-enheten': 'itUnit',
    'IT-avdelningen': 'itUnit',
    IT: 'itUnit',
    intern: 'itUnit',
    'intern drift': 'itUnit',
    'egen drift': 'itUnit',
    egen: 'itUnit',
    lokal: 'itUnit',
    'on-prem': 'itUnit',
    onprem: 'itUnit',
    'on premise': 'itUnit',
    supplierHosted: 'supplierHosted',
    leverantör: 'supplierHosted',
    leverantörsdrift: 'supplierHosted',
    'leverantörens drift': 'supplierHosted',
    extern: 'supplierHosted',
    'extern drift': 'supplierHosted',
    hostad: 'supplierHosted',
    hosting: 'supplierHosted',
    saas: 'saas',
    moln: 'saas',
    molntjänst: 'saas',
    cloud: 'saas',
    otherMunicipality: 'otherMunicipality',
    'annan kommun': 'otherMunicipality',
    samverkan: 'otherMunicipality',
    'kommunal samverkan': 'otherMunicipality',
  },
  'IT-enheten, leverantör, SaaS or annan kommun',
);

const criticalityCell = words<Criticality>(
  'criticality',
  {
    low: 'low',
    låg: 'low',
    '1': 'low',
    medium: 'medium',
    medel: 'medium',
    mellan: 'medium',
    normal: 'medium',
    '2': 'medium',
    high: 'high',
    hög: 'high',
    '3': 'high',
    critical: 'critical',
    kritisk: 'critical',
    'mycket hög': 'critical',
    samhällsviktig: 'critical',
    '4': 'critical',
  },
  'låg, medel, hög or samhällsviktig (or 1–4)',
);

const phaseCell = words<LifecyclePhase>(
  'lifecycle phase',
  {
    idea: 'idea',
    idé: 'idea',
    planerad: 'idea',
    procurement: 'procurement',
    upphandling: 'procurement',
    'under upphandling': 'procurement',
    implementation: 'implementation',
    införande: 'implementation',
    'under införande': 'implementation',
    operation: 'operation',
    drift: 'operation',
    'i drift': 'operation',
    aktiv: 'operation',
    aktivt: 'operation',
    produktion: 'operation',
    förvaltning: 'operation',
    phaseOut: 'phaseOut',
    avveckling: 'phaseOut',
    'under avveckling': 'phaseOut',
    'ska avvecklas': 'phaseOut',
    retired: 'retired',
    avvecklad: 'retired',
    avvecklat: 'retired',
    'ur drift': 'retired',
  },
  'idé, upphandling, införande, i drift, under avveckling or avvecklat',
);

const timeCell = words<TimeAssessment>(
  'TIME assessment',
  {
    tolerate: 'tolerate',
    tolerera: 'tolerate',
    invest: 'invest',
    investera: 'invest',
    migrate: 'migrate',
    migrera: 'migrate',
    eliminate: 'eliminate',
    eliminera: 'eliminate',
    avveckla: 'eliminate',
  },
  'tolerera, investera, migrera or avveckla',
);

// Swedish Excel shows booleans as SANT/FALSKT.
const yesNoCell = words<'yes' | 'no'>(
  'answer',
  {
    ja: 'yes',
    j: 'yes',
    yes: 'yes',
    y: 'yes',
    true: 'yes',
    sant: 'yes',
    '1': 'yes',
    x: 'yes',
    nej: 'no',
    n: 'no',
    no: 'no',
    false: 'no',
    falskt: 'no',
    '0': 'no',
  },
  'ja or nej',
).transform((v) => v === 'yes');

export const importColumns = [
  column({
    key: 'name',
    sv: 'namn',
    en: 'name',
    aliases: [
      'system',
      'systemnamn',
      'system name',
      'förvaltningsobjekt',
      'objekt',
      'it-system',
      'applikation',
    ],
    required: true,
    parse: requiredLine(200),
  }),
  column({
    key: 'shortName',
    sv: 'kortnamn',
    en: 'short name',
    aliases: ['förkortning', 'alias'],
    parse: line(40),
  }),
  column({
    key: 'description',
    sv: 'beskrivning',
    en: 'description',
    aliases: ['syfte', 'användning'],
    parse: multiline(4000),
  }),
  column({
    key: 'scope',
    sv: 'omfattning',
    en: 'scope',
    aliases: ['kommungemensamt', 'kommungemensam', 'systemtyp', 'typ av system'],
    parse: scopeCell,
  }),
  column({
    key: 'category',
    sv: 'kategori',
    en: 'category',
    aliases: ['systemkategori', 'område'],
    parse: line(100),
  }),
  column({
    key: 'owningUnit',
    sv: 'ägande förvaltning',
    en: 'owning unit',
    aliases: [
      'förvaltning',
      'ägande enhet',
      'ansvarig förvaltning',
      'verksamhet',
      'department',
      'owning department',
    ],
    parse: line(200),
  }),
  column({
    key: 'owner',
    sv: 'systemägare',
    en: 'system owner',
    aliases: ['ägare', 'owner', 'objektägare'],
    parse: line(200),
  }),
  column({
    key: 'managers',
    sv: 'systemförvaltare',
    en: 'system manager',
    aliases: ['förvaltare', 'manager', 'system managers', 'förvaltningsledare', 'objektledare'],
    parse: line(1000),
  }),
  column({
    key: 'supplier',
    sv: 'leverantör',
    en: 'supplier',
    aliases: ['vendor', 'leverantörer'],
    parse: line(200),
  }),
  column({ key: 'product', sv: 'produkt', en: 'product', aliases: ['produktnamn'], parse: line(200) }),
  column({
    key: 'productVersion',
    sv: 'version',
    en: 'version',
    aliases: ['produktversion', 'product version'],
    parse: line(60),
  }),
  column({
    key: 'operationForm',
    sv: 'driftform',
    en: 'operation form',
    aliases: ['drift', 'driftas av', 'hosting', 'driftmiljö'],
    parse: operationFormCell,
  }),
  column({
    key: 'criticality',
    sv: 'kritikalitet',
    en: 'criticality',
    aliases: ['verksamhetskritikalitet', 'kritisk', 'business criticality'],
    parse: criticalityCell,
  }),
  column({
    key: 'phase',
    sv: 'livscykel',
    en: 'lifecycle',
    aliases: ['status', 'livscykelfas', 'fas', 'phase', 'lifecycle phase'],
    parse: phaseCell,
  }),
  column({
    key: 'timeAssessment',
    sv: 'TIME',
    en: 'TIME assessment',
    aliases: ['time-bedömning', 'time assessment'],
    parse: timeCell,
  }),
  column({
    key: 'eService',
    sv: 'e-tjänst',
    en: 'e-service',
    aliases: ['etjänst', 'e-tjänster'],
    parse: yesNoCell,
  }),
  column({
    key: 'ownDeveloped',
    sv: 'egenutvecklat',
    en: 'own developed',
    aliases: ['egenutvecklad'],
    parse: yesNoCell,
  }),
  column({
    key: 'tags',
    sv: 'taggar',
    en: 'tags',
    aliases: ['tagg', 'nyckelord', 'etiketter'],
    parse: line(2000),
  }),
] as const satisfies readonly { key: ImportField }[];

export type ImportColumns = typeof importColumns;

/** Every header a field answers to, normalized: the automatic mapping. */
export const fieldByHeader = new Map<string, ImportField>(
  importColumns.flatMap((c) =>
    [c.key, c.sv, c.en, ...(c.aliases ?? [])].map((name) => [normalizeHeader(name), c.key as ImportField]),
  ),
);
