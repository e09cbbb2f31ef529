import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import type { Made } from '../part.ts';
import { writeReference, writeSystemProcesses } from './service.ts';

// The demo's process tree: Styrby has loaded the reference structure and says which processes
// its systems support. Grannby has none yet, so its admin sees "Läs in KLASSA-strukturen".
// Processes go into `made` as `process:<name>` for the parts after this one.

/** System → the processes (by reference name) it supports. */
export const demoSystemProcesses: Record<string, string[]> = {
  Ekonomisystem: ['Hantera leverantörsfakturor', 'Fakturera och hantera kundreskontra', 'Upprätta bokslut'],
  'Lön- och personalsystem': ['Hantera anställningar', 'Hantera lön och ersättningar'],
  'Diarium och ärendehantering': ['Registrera allmänna handlingar', 'Lämna ut allmänna handlingar'],
  Nämndadministration: ['Bereda ärenden', 'Fatta beslut i nämnd och fullmäktige', 'Delegera beslutanderätt'],
  'E-arkiv': ['Arkivera och gallra'],
  Upphandlingsverktyg: ['Genomföra upphandling', 'Förvalta avtal'],
  'E-handel och inköp': ['Hantera leverantörsfakturor'],
  Rekryteringssystem: ['Rekrytera'],
  'Beslutsstöd och rapporter': ['Följa upp verksamhet och ekonomi', 'Ta fram mål och budget'],
  'Elevregister och skoladministration': [
    'Placera elever i grundskola',
    'Bedöma och betygsätta',
    'Anta elever till gymnasieskola',
  ],
  Lärplattform: ['Bedriva undervisning', 'Bedriva gymnasieutbildning'],
  'Förskolans närvaro och schema': [
    'Placera barn i förskola och pedagogisk omsorg',
    'Bedriva förskoleverksamhet',
  ],
  'Barn- och elevhälsans journal': ['Bedriva elevhälsa'],
  'Verksamhetssystem socialtjänst': [
    'Ekonomiskt bistånd',
    'Barn och unga',
    'Missbruk och beroende',
    'Våld i nära relationer',
    'Familjerätt',
  ],
  'Ekonomiskt bistånd e-ansökan': ['Ekonomiskt bistånd'],
  'Verksamhetssystem vård och omsorg': ['Hemtjänst', 'Särskilt boende', 'Insatser enligt LSS'],
  'Planering hemtjänst': ['Hemtjänst'],
  Bygglovshantering: ['Bygglov', 'Byggtillsyn', 'Anmälan och startbesked'],
  'E-tjänst bygglov': ['Bygglov'],
  'GIS-plattform': ['Förvalta geografisk information', 'Detaljplanering', 'Översiktsplanering'],
  Fastighetsregister: ['Förvalta geografisk information', 'Bygglov'],
  'Miljö- och hälsoskyddsregister': ['Miljötillsyn', 'Hälsoskyddstillsyn', 'Pröva serveringstillstånd'],
  'Livsmedelskontroll mobil': ['Livsmedelskontroll'],
  'VA-kundregister': ['Leverera dricksvatten', 'Omhänderta avloppsvatten'],
  Bibliotekssystem: ['Bedriva folkbiblioteksverksamhet'],
  'Föreningsregister och bidrag': ['Fördela föreningsbidrag'],
  Lokalbokning: ['Hyra ut lokaler och anläggningar'],
  'Ärendehantering IT (servicedesk)': ['Ge IT-stöd till användare'],
  Styrbord: ['Förvalta IT-system', 'Bedriva informationssäkerhetsarbete'],
  'Felanmälan och synpunkter': ['Hantera synpunkter och klagomål'],
  'Kommunikation krisledning': ['Bedriva krisberedskap'],
  Fastighetsförvaltning: ['Förvalta fastigheter', 'Förse verksamheten med lokaler'],
  'Kontaktcenter och telefoni': ['Ge service och vägledning'],
  'Webbplats styrby.se': ['Informera'],
};

export async function loadProcessesDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  // One transaction for the whole tree and every link: the demo loads at every fresh start.
  await inTenant(db, tenant.actor, async (s) => {
    const { rows } = await writeReference(s);
    for (const p of rows) made.set(`process:${p.name}`, p.id);
    for (const [system, names] of Object.entries(demoSystemProcesses)) {
      const systemId = made.get(`system:${system}`);
      if (!systemId) throw new Error(`demo: no system ${system}`);
      const processIds = names.map((name) => {
        const id = made.get(`process:${name}`);
        if (!id) throw new Error(`demo: no process ${name}`);
        return id;
      });
      await writeSystemProcesses(s, systemId, { processIds });
    }
  });
}
