import { format, subMonths } from 'date-fns';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { createClassification, today } from './service.ts';

// Demo classifications of Styrby: about 25 systems, some with several information sets, the
// socialtjänst system at level 4 (a protection analysis is due), and a few overdue for review.
// Loaded through the service like any classification; dates are relative to the day of loading.

type Levels = [k: number, r: number, t: number, s: number | null];

interface DemoClassification {
  system: string;
  set?: string;
  levels: Levels;
  motivation: string;
  /** Months since it was classified; over 12 and the review (a year on) is overdue. */
  monthsAgo: number;
}

const demoClassifications: DemoClassification[] = [
  {
    system: 'Ekonomisystem',
    set: 'Redovisning och huvudbok',
    levels: [1, 3, 2, 2],
    motivation: 'Fel i bokföringen ger felaktiga bokslut och beslut; kortare avbrott klaras med reservrutin.',
    monthsAgo: 4,
  },
  {
    system: 'Ekonomisystem',
    set: 'Leverantörsreskontra och utbetalningar',
    levels: [2, 3, 2, 3],
    motivation: 'Felaktiga utbetalningar och bedrägeririsk; varje attest ska kunna spåras till en person.',
    monthsAgo: 4,
  },
  {
    system: 'Lön- och personalsystem',
    set: 'Löneuppgifter',
    levels: [2, 3, 3, 2],
    motivation: 'Lön ska betalas ut i rätt tid och med rätt belopp; uppgifter om enskilda anställda.',
    monthsAgo: 7,
  },
  {
    system: 'Lön- och personalsystem',
    set: 'Sjukfrånvaro och rehabilitering',
    levels: [3, 2, 1, 3],
    motivation: 'Känsliga personuppgifter om hälsa (art. 9 GDPR).',
    monthsAgo: 7,
  },
  {
    system: 'Diarium och ärendehantering',
    levels: [2, 3, 2, 3],
    motivation: 'Allmänna handlingar ska kunna registreras och hittas; vissa ärenden omfattas av sekretess.',
    monthsAgo: 15,
  },
  {
    system: 'E-post och kalender',
    levels: [2, 2, 3, 1],
    motivation: 'Huvudsaklig kommunikationskanal; enstaka sekretessuppgifter förekommer trots riktlinjen.',
    monthsAgo: 9,
  },
  {
    system: 'GIS-plattform',
    levels: [1, 2, 1, 1],
    motivation: 'Till största delen öppna geodata; fel i kartunderlag kan ge felaktiga beslut i planärenden.',
    monthsAgo: 11,
  },
  {
    system: 'Befolkningsregister',
    levels: [3, 3, 2, 2],
    motivation:
      'Innehåller skyddade personuppgifter (sekretessmarkering); fel adress ger fel beslut och utskick.',
    monthsAgo: 2,
  },
  {
    system: 'Fastighetsregister',
    levels: [0, 2, 1, 1],
    motivation: 'Offentliga uppgifter; riktigheten är viktig för bygglov och avgifter.',
    monthsAgo: 18,
  },
  {
    system: 'Intranät',
    levels: [1, 1, 1, 0],
    motivation: 'Intern information utan sekretess.',
    monthsAgo: 6,
  },
  {
    system: 'E-tjänsteplattform',
    set: 'Inkomna ansökningar',
    levels: [3, 3, 2, 3],
    motivation:
      'Ansökningar kan innehålla känsliga personuppgifter och uppgifter om ekonomiska förhållanden.',
    monthsAgo: 3,
  },
  {
    system: 'E-tjänsteplattform',
    set: 'Formulär och publicerat innehåll',
    levels: [0, 2, 2, 1],
    motivation: 'Publikt innehåll; fel i formulär ger felaktiga ansökningar.',
    monthsAgo: 3,
  },
  {
    system: 'IT-portalen',
    levels: [1, 1, 2, 1],
    motivation: 'Beställningar och information till medarbetare; inga sekretessuppgifter.',
    monthsAgo: 5,
  },
  {
    system: 'E-arkiv',
    levels: [3, 3, 1, 3],
    motivation: 'Slutarkiv för handlingar med sekretess; bevarad information får inte förvanskas.',
    monthsAgo: 8,
  },
  {
    system: 'Inloggning och identitet',
    levels: [2, 3, 3, 3],
    motivation: 'Alla system förlitar sig på identiteten; ett avbrott stoppar hela verksamheten.',
    monthsAgo: 10,
  },
  {
    system: 'Integrationsplattform',
    levels: [2, 3, 3, 2],
    motivation: 'Förmedlar uppgifter mellan verksamhetssystem; fel sprids till mottagande system.',
    monthsAgo: 13,
  },
  {
    system: 'Säkerhetskopiering',
    levels: [3, 3, 2, 2],
    motivation: 'Innehåller kopior av all information, också den med sekretess.',
    monthsAgo: 6,
  },
  {
    system: 'Elevregister och skoladministration',
    set: 'Elevuppgifter och betyg',
    levels: [3, 3, 2, 3],
    motivation: 'Betyg är myndighetsbeslut; uppgifter om elever med skyddad identitet.',
    monthsAgo: 1,
  },
  {
    system: 'Elevregister och skoladministration',
    set: 'Frånvaro',
    levels: [2, 2, 2, 2],
    motivation: 'Frånvaro meddelas vårdnadshavare samma dag.',
    monthsAgo: 1,
  },
  {
    system: 'Lärplattform',
    levels: [1, 2, 2, 1],
    motivation: 'Elevarbeten och bedömningsunderlag.',
    monthsAgo: 16,
  },
  {
    system: 'Barn- och elevhälsans journal',
    levels: [3, 3, 2, 3],
    motivation:
      'Journal med uppgifter om hälsa (patientdatalagen, OSL 25 kap.); loggning av all läsning krävs.',
    monthsAgo: 5,
  },
  {
    system: 'Verksamhetssystem socialtjänst',
    set: 'Personakter individ- och familjeomsorg',
    levels: [4, 3, 2, 4],
    motivation:
      'Uppgifter om barn som far illa, skyddade personuppgifter och våld i nära relation: ett röjande kan leda till fara för liv. Särskild skyddsanalys beslutad.',
    monthsAgo: 2,
  },
  {
    system: 'Verksamhetssystem socialtjänst',
    set: 'Utbetalningar ekonomiskt bistånd',
    levels: [3, 3, 3, 3],
    motivation: 'Beslut om bistånd och utbetalningar till enskilda; utbetalningar måste ske i tid.',
    monthsAgo: 2,
  },
  {
    system: 'Ekonomiskt bistånd e-ansökan',
    levels: [3, 3, 2, 2],
    motivation: 'Ansökningar med uppgifter om ekonomiska och sociala förhållanden.',
    monthsAgo: 14,
  },
  {
    system: 'Verksamhetssystem vård och omsorg',
    levels: [3, 3, 3, 3],
    motivation: 'Social dokumentation och hälso- och sjukvårdsjournal; informationen behövs dygnet runt.',
    monthsAgo: 9,
  },
  {
    system: 'Läkemedelshantering',
    levels: [3, 3, 3, 3],
    motivation: 'Fel läkemedel eller dos kan skada patienter allvarligt.',
    monthsAgo: 4,
  },
  {
    system: 'Trygghetslarm',
    levels: [2, 3, 3, 2],
    motivation: 'Ett larm som inte når fram kan kosta liv; tillgängligheten är avgörande.',
    monthsAgo: 20,
  },
  {
    system: 'Bygglovshantering',
    levels: [1, 3, 2, 2],
    motivation: 'Myndighetsbeslut i bygglovsärenden; handlingarna är i huvudsak offentliga.',
    monthsAgo: 7,
  },
  {
    system: 'Miljö- och hälsoskyddsregister',
    levels: [1, 2, 1, 1],
    motivation: 'Tillsynsärenden; enstaka uppgifter om enskildas personliga förhållanden.',
    monthsAgo: 10,
  },
  {
    system: 'Driftövervakning VA (SCADA)',
    levels: [2, 3, 3, 3],
    motivation: 'Styr vattenverk och reningsverk; fel eller avbrott kan ge otjänligt dricksvatten.',
    monthsAgo: 3,
  },
  {
    system: 'Rekryteringssystem',
    levels: [2, 2, 1, 1],
    motivation: 'Personuppgifter om sökande; ansökningar är allmänna handlingar.',
    monthsAgo: 12,
  },
];

export async function loadClassificationDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const now = new Date(`${today()}T12:00:00Z`);
  for (const c of demoClassifications) {
    const systemId = made.get(`system:${c.system}`);
    if (!systemId) throw new Error(`The demo classification names an unknown system: ${c.system}`);
    const classifiedOn = format(subMonths(now, c.monthsAgo), 'yyyy-MM-dd');
    const [confidentiality, integrity, availability, traceability] = c.levels;
    const row = await createClassification(
      db,
      tenant.actor,
      {
        systemId,
        informationSet: c.set ?? null,
        confidentiality,
        integrity,
        availability,
        traceability,
        motivation: c.motivation,
      },
      { classifiedOn },
    );
    made.set(`classification:${c.system}${c.set ? `:${c.set}` : ''}`, row.id);
  }
}
