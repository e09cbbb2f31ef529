import type { RecordTypeCreate } from '../../../../shared/registry/records.ts';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import type { Made } from '../part.ts';
import { writeInformationPlan, writeRecordType } from './service.ts';

// The demo's informationshanteringsplan for two processes, the way a socialnämnd and a
// miljö- och byggnämnd write theirs: Ekonomiskt bistånd (adopted by Socialnämnden) and Bygglov
// (a draft, with one record type still lacking its gallring decision, for the data-quality view).
// Periods follow common municipal practice: SoL personakter gallras five years after the last
// entry, except for people born on the 5th, 15th and 25th (kept for research, SOSFS/SKR's
// gallringsråd); räkenskapsinformation seven years (bokföringslagen); bygglov handlingar bevaras.

type Demo = Omit<RecordTypeCreate, 'processId' | 'systemId'> & { system?: string };

const SN = 'Socialnämndens beslut 2024-03-19 § 34 (SN 2024/87)';
const BFL = 'Bokföringslagen 7 kap. 2 §; Kommunstyrelsens beslut 2021-09-06 § 112';
const KS_TILLFALLIG =
  'Kommunstyrelsens beslut om handlingar av tillfällig eller ringa betydelse 2019-05-06 § 78';
const OSL_SOC = '26 kap. 1 § OSL';

const socialLevels = { confidentiality: 3, integrity: 3, availability: 2 };

export const ekonomisktBistand: Demo[] = [
  {
    name: 'Ansökan om ekonomiskt bistånd',
    description: 'Ansökan med bilagor, på papper eller via e-tjänsten.',
    format: 'both',
    fileFormats: 'PDF/A',
    retention: 'dispose',
    retentionPeriod: '5 år efter avslutad akt; bevaras för personer födda den 5, 15 och 25',
    retentionBasis: SN,
    registration: 'keepOrdered',
    system: 'Verksamhetssystem socialtjänst',
    eArchive: true,
    eArchiveWhen: 'Årligen, akter avslutade före föregående år',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    ...socialLevels,
  },
  {
    name: 'Inkommen e-ansökan',
    description: 'Ansökan som den sökande lämnat i e-tjänsten, innan den förts över till akten.',
    format: 'digital',
    fileFormats: 'JSON, PDF',
    retention: 'dispose',
    retentionPeriod: 'När uppgifterna förts över till verksamhetssystemet',
    retentionBasis: KS_TILLFALLIG,
    registration: 'none',
    system: 'Ekonomiskt bistånd e-ansökan',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    ...socialLevels,
  },
  {
    name: 'Utredning och beslut om ekonomiskt bistånd',
    description: 'Beräkning av norm, utredning och beslut med motivering och besvärshänvisning.',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'dispose',
    retentionPeriod: '5 år efter avslutad akt; bevaras för personer födda den 5, 15 och 25',
    retentionBasis: SN,
    registration: 'keepOrdered',
    system: 'Verksamhetssystem socialtjänst',
    eArchive: true,
    eArchiveWhen: 'Årligen, akter avslutade före föregående år',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    confidentiality: 3,
    integrity: 4,
    availability: 2,
  },
  {
    name: 'Journalanteckningar',
    description: 'Dokumentation av kontakter och händelser i ärendet (11 kap. 5 § SoL).',
    format: 'digital',
    retention: 'dispose',
    retentionPeriod: '5 år efter sista anteckningen; bevaras för personer födda den 5, 15 och 25',
    retentionBasis: SN,
    registration: 'keepOrdered',
    system: 'Verksamhetssystem socialtjänst',
    eArchive: true,
    eArchiveWhen: 'Årligen',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    ...socialLevels,
  },
  {
    name: 'Underlag för prövning',
    description: 'Kontoutdrag, hyresavi, lönebesked och andra underlag som den sökande lämnat in.',
    format: 'both',
    fileFormats: 'PDF',
    retention: 'dispose',
    retentionMonths: 24,
    retentionPeriod: '2 år efter beslut',
    retentionBasis: SN,
    registration: 'keepOrdered',
    system: 'Verksamhetssystem socialtjänst',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    ...socialLevels,
  },
  {
    name: 'Utbetalningsunderlag',
    description: 'Underlag för utbetalning av beviljat bistånd till ekonomisystemet.',
    format: 'digital',
    fileFormats: 'XML',
    retention: 'dispose',
    retentionPeriod: '7 år efter utgången av det kalenderår då räkenskapsåret avslutades',
    retentionBasis: BFL,
    registration: 'keepOrdered',
    system: 'Ekonomisystem',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    confidentiality: 2,
    integrity: 3,
    availability: 2,
  },
  {
    name: 'Återkrav av ekonomiskt bistånd',
    description: 'Beslut om återkrav enligt 9 kap. SoL och avbetalningsplaner.',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'dispose',
    retentionPeriod: '5 år efter att skulden reglerats',
    retentionBasis: SN,
    registration: 'register',
    system: 'Verksamhetssystem socialtjänst',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    ...socialLevels,
  },
  {
    name: 'Överklagande och dom',
    description: 'Överklagande av beslut, yttrande till förvaltningsrätten och domar.',
    format: 'both',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: SN,
    registration: 'register',
    system: 'Diarium och ärendehantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    secret: true,
    secrecyProvision: OSL_SOC,
    personalData: true,
    confidentiality: 3,
    integrity: 3,
    availability: 1,
  },
  {
    name: 'Polisanmälan om misstänkt bidragsbrott',
    description: 'Anmälan enligt bidragsbrottslagen och underlag till den.',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'dispose',
    retentionPeriod: '5 år efter avslutat ärende',
    retentionBasis: SN,
    registration: 'register',
    system: 'Diarium och ärendehantering',
    secret: true,
    secrecyProvision: '26 kap. 1 § OSL, 35 kap. 1 § OSL',
    personalData: true,
    ...socialLevels,
  },
  {
    name: 'Månadsstatistik till Socialstyrelsen',
    description: 'Uttag av statistik om ekonomiskt bistånd som rapporteras månadsvis.',
    format: 'digital',
    fileFormats: 'CSV',
    retention: 'dispose',
    retentionPeriod: 'Vid inaktualitet',
    retentionBasis: KS_TILLFALLIG,
    registration: 'none',
    system: 'Beslutsstöd och rapporter',
    personalData: false,
  },
];

const MBN = 'Miljö- och byggnämndens förslag, beredning MBN 2025/301';

export const bygglov: Demo[] = [
  {
    name: 'Ansökan om bygglov, rivningslov eller marklov',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: true,
    confidentiality: 1,
    integrity: 3,
    availability: 2,
  },
  {
    name: 'Ritningar och situationsplan',
    description: 'Fasad-, plan- och sektionsritningar, situationsplan och nybyggnadskarta.',
    format: 'digital',
    fileFormats: 'PDF/A, DWG',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: false,
    confidentiality: 1,
    integrity: 3,
    availability: 2,
  },
  {
    name: 'Grannehörande och yttranden',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: true,
  },
  {
    name: 'Beslut om lov eller förhandsbesked',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: true,
    confidentiality: 1,
    integrity: 3,
    availability: 2,
  },
  {
    name: 'Kontrollplan',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: false,
  },
  {
    name: 'Protokoll från tekniskt samråd och arbetsplatsbesök',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: true,
  },
  {
    name: 'Startbesked och slutbesked',
    format: 'digital',
    fileFormats: 'PDF/A',
    retention: 'preserve',
    retentionBasis: MBN,
    registration: 'register',
    system: 'Bygglovshantering',
    eArchive: true,
    eArchiveWhen: 'Vid avslutat ärende',
    personalData: true,
  },
  {
    name: 'Beslut om avgift och faktureringsunderlag',
    format: 'digital',
    fileFormats: 'PDF',
    retention: 'dispose',
    retentionPeriod: '7 år efter utgången av det kalenderår då räkenskapsåret avslutades',
    retentionBasis: BFL,
    registration: 'keepOrdered',
    system: 'Ekonomisystem',
    personalData: true,
  },
  {
    name: 'Inkommen e-tjänsteansökan',
    description: 'Ansökan i e-tjänsten innan den förts över till bygglovshanteringen.',
    format: 'digital',
    fileFormats: 'JSON, PDF',
    retention: 'dispose',
    retentionPeriod: 'När uppgifterna förts över till Bygglovshantering',
    retentionBasis: KS_TILLFALLIG,
    registration: 'none',
    system: 'E-tjänst bygglov',
    personalData: true,
  },
  {
    name: 'Handlingar i återkallade och avskrivna ärenden',
    description: 'Ansökningar som återkallats eller avskrivits utan prövning.',
    format: 'digital',
    fileFormats: 'PDF',
    retention: 'dispose',
    retentionMonths: 24,
    retentionPeriod: '2 år efter avslutat ärende',
    // No decision yet: the plan is a draft, and the data-quality view lists it.
    registration: 'register',
    system: 'Bygglovshantering',
    personalData: true,
  },
  {
    name: 'Arbetsmaterial och minnesanteckningar',
    description: 'Anteckningar av tillfällig betydelse som inte tillför ärendet sakuppgifter.',
    format: 'both',
    retention: 'dispose',
    retentionPeriod: 'Vid inaktualitet',
    retentionBasis: KS_TILLFALLIG,
    registration: 'none',
    personalData: true,
  },
];

export async function loadRecordsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  await inTenant(db, tenant.actor, async (s) => {
    const load = async (process: string, list: Demo[]) => {
      const processId = made.get(`process:${process}`);
      if (!processId) throw new Error(`demo: no process ${process}`);
      for (const { system, ...rest } of list) {
        const systemId = system ? made.get(`system:${system}`) : null;
        if (system && !systemId) throw new Error(`demo: no system ${system}`);
        const row = await writeRecordType(s, { ...rest, processId, systemId: systemId ?? null });
        made.set(`recordType:${row.name}`, row.id);
      }
      return processId;
    };
    const bistand = await load('Ekonomiskt bistånd', ekonomisktBistand);
    await writeInformationPlan(s, bistand, {
      status: 'adopted',
      adoptedOn: '2024-03-19',
      body: 'Socialnämnden',
      paragraph: '§ 34',
      registrationNumber: 'SN 2024/87',
      note: 'Ersätter dokumenthanteringsplanen för individ- och familjeomsorgen från 2017 i de delar som rör ekonomiskt bistånd.',
    });
    const lov = await load('Bygglov', bygglov);
    await writeInformationPlan(s, lov, {
      status: 'draft',
      body: 'Miljö- och byggnämnden',
      registrationNumber: 'MBN 2025/301',
      note: 'Remiss till arkivmyndigheten innan nämnden antar planen.',
    });
  });
}
