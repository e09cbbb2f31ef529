import { and, eq, inArray } from 'drizzle-orm';
import type { DecisionLinkInput, DecisionStatus } from '../../../../shared/governance/decisions.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { systems } from '../../registry/systems/schema.ts';
import { decisions } from './schema.ts';
import { createDecision } from './service.ts';

// The demo's decision log, through the service (validated, audited, § unique per body and year):
// seed 004's decisions in KS and KF (the six-step implementation plan adopted by KF on 27 June 2014,
// § 160, and the cancelled procurements of IT-drift and telefoni), and two years of the forums'
// decisions (seeds 001 and 003): purchases and upgrades in the IT-styrgrupp, prices in the
// Finansieringsgrupp, the PÅ-modellen in the Systemägargrupp … linked to the register's systems.
// Ids go into `made` as `decision:<body> <year> § <paragraph>`.

interface DemoDecision {
  /** A demo forum's name, or an external body. */
  forum?: string;
  body?: string;
  decidedOn: string;
  paragraph: number;
  title: string;
  text: string;
  dnr?: string;
  status: DecisionStatus;
  responsible?: string;
  followUpOn?: string;
  systems?: string[];
}

const styrbyDecisions: DemoDecision[] = [
  // Seed 004: the municipality's decisions on IT governance.
  {
    body: 'Kommunstyrelsen',
    decidedOn: '2014-01-20',
    paragraph: 12,
    title: 'Översyn av kommunens IT',
    text: 'Kommunstyrelsen beslutar att kommunen ska upphandla IT-drift och telefoni och avveckla den interna IT-verksamheten.',
    dnr: 'KS 2013/1341',
    status: 'revoked',
  },
  {
    body: 'Kommunfullmäktige',
    decidedOn: '2014-06-27',
    paragraph: 160,
    title: 'Genomförandeplan för styrning, ledning och upphandling av IT',
    text: 'Kommunfullmäktige beslutar att anta genomförandeplanen i sex steg: 1 upphandling av IT-drift och telefoni, 2 upphandling av verksamhetsnära IT, 3 upphandling av skol-IT, 4 etablera en IT-organisation på kommunledningskontoret, 5 samordnad enhet för IT-produktion, 6 utveckla styrmodell för IT.',
    dnr: 'KS 2013/1341',
    status: 'inProgress',
    responsible: 'Helena Bergström',
    followUpOn: '2026-12-15',
  },
  {
    body: 'Kommunfullmäktige',
    decidedOn: '2014-11-24',
    paragraph: 201,
    title: 'Styrning och ledning av IT',
    text: 'Kommunfullmäktige beslutar att avbryta de pågående upphandlingarna för IT-drift och telefoni, samt att ge kommunstyrelsen i uppdrag att återkomma med förslag till ny långsiktig inriktning för utveckling av kommunens IT. Upphandlingarna har under 2014 inneburit ca 4 MSEK i externa kostnader.',
    dnr: 'KS 2014/1102',
    status: 'completed',
    responsible: 'Karin Lindqvist',
  },
  {
    body: 'Kommunstyrelsen',
    decidedOn: '2014-11-10',
    paragraph: 187,
    title: 'Samordning av gymnasieskolans IT-personal',
    text: 'Kommunstyrelsen beslutar för egen del att avvakta med organisatorisk samordning av gymnasieskolans IT-personal tills en utredning av skolornas IT-miljö är genomförd och presenterad.',
    dnr: 'KS 2014/1102',
    status: 'inProgress',
    responsible: 'Eva Sandström',
    followUpOn: '2026-09-30',
  },
  {
    body: 'Kommunstyrelsen',
    decidedOn: '2015-05-18',
    paragraph: 94,
    title: 'Ny långsiktig inriktning för kommunens IT',
    text: 'Kommunstyrelsen beslutar att anta inriktningen: IT-lösningar styrda av medborgarnytta och verksamhetsnytta, långsiktigt hållbara tekniska lösningar, upphandlingar med avtalsperioder som stödjer bästa möjliga kvalitet till bästa möjliga pris samt avtalstrohet och korrekt efterlevnad av lagen om offentlig upphandling.',
    dnr: 'KS 2014/1102',
    status: 'completed',
  },
  {
    body: 'Kommundirektören',
    decidedOn: '2025-02-03',
    paragraph: 4,
    title: 'Riktlinjer för IT-användning',
    text: 'Kommundirektören fastställer riktlinjerna för e-förvaltning och IT-användning i kommunen enligt IT-styrgruppens förslag. Riktlinjerna publiceras på intranätet och den externa webbplatsen.',
    dnr: 'KS 2024/877',
    status: 'completed',
  },
  // IT-styrgrupp
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2025-01-22',
    paragraph: 1,
    title: 'Budget för IT-plattformen 2026–2028',
    text: 'IT-styrgruppen godkänner förslaget till budget för IT-plattformen och överlämnar det till Finansieringsgruppen för beredning av hyrespriserna.',
    dnr: 'KS 2025/31',
    status: 'completed',
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2025-03-19',
    paragraph: 6,
    title: 'Uppgradering av ekonomisystemet',
    text: 'IT-styrgruppen godkänner uppgraderingen av ekonomisystemet till leverantörens nya version under hösten. Systemägaren ansvarar för att verksamheten informeras och att utbildning genomförs.',
    dnr: 'KS 2025/212',
    status: 'completed',
    responsible: 'Lars Öberg',
    systems: ['Ekonomisystem'],
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2025-05-21',
    paragraph: 11,
    title: 'Upphandling av nytt diarie- och ärendehanteringssystem',
    text: 'IT-styrgruppen beslutar att upphandlingen av diarie- och ärendehanteringssystem startas. Upphandlingsenheten kontaktas tidigt och kravställningen förankras i IT-strategiska beredningsgruppen.',
    dnr: 'KS 2025/388',
    status: 'inProgress',
    responsible: 'Per Sandberg',
    followUpOn: '2026-03-31',
    systems: ['Diarium och ärendehantering'],
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2025-09-17',
    paragraph: 18,
    title: 'Avveckling av det gamla intranätet',
    text: 'IT-styrgruppen beslutar att det gamla intranätet avvecklas när innehållet flyttats. Produktrådet för intranätet ansvarar för flytten.',
    dnr: 'KS 2025/602',
    status: 'inProgress',
    responsible: 'Emma Hedlund',
    followUpOn: '2026-06-30',
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2025-11-19',
    paragraph: 24,
    title: 'Verksamhetsspecifikt system för bygglov',
    text: 'IT-styrgruppen godkänner inköpet av ett e-tjänstestöd för bygglov för Samhällsbyggnadsförvaltningen, under förutsättning att integrationen mot diariet finansieras inom förvaltningens ram.',
    dnr: 'SBN 2025/140',
    status: 'notStarted',
    responsible: 'Ulf Jakobsson',
    followUpOn: '2026-04-15',
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2026-01-21',
    paragraph: 1,
    title: 'Plan för utveckling av IT-plattformen 2026',
    text: 'IT-styrgruppen fastställer planen för utveckling av kommunens IT-plattform 2026 med prioriteringarna e-tjänster, informationssäkerhet och minskade utskrifter.',
    dnr: 'KS 2026/18',
    status: 'inProgress',
    responsible: 'Helena Bergström',
    followUpOn: '2026-12-01',
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2026-02-18',
    paragraph: 5,
    title: 'Tvåfaktorsautentisering för e-post',
    text: 'IT-styrgruppen beslutar att tvåfaktorsautentisering införs för all e-post och kalender före sommaren. IT-enheten ansvarar för införandet och kommunikationen till medarbetarna.',
    dnr: 'KS 2026/95',
    status: 'inProgress',
    responsible: 'Anders Holm',
    followUpOn: '2026-05-31',
    systems: ['E-post och kalender'],
  },
  {
    forum: 'IT-styrgrupp',
    decidedOn: '2026-03-18',
    paragraph: 9,
    title: 'Förlängning av avtalet om lönesystemet',
    text: 'IT-styrgruppen beslutar att avtalet om lön- och personalsystemet förlängs med två år och att en ny upphandling förbereds i god tid före avtalets slut.',
    dnr: 'KS 2026/141',
    status: 'notStarted',
    responsible: 'Camilla Strand',
    followUpOn: '2027-01-31',
    systems: ['Lön- och personalsystem'],
  },
  // IT-strategiska beredningsgruppen
  {
    forum: 'IT-strategiska beredningsgruppen',
    decidedOn: '2025-04-09',
    paragraph: 7,
    title: 'Remissvar om informationssäkerhetspolicyn',
    text: 'Beredningsgruppen tillstyrker förslaget till reviderad informationssäkerhetspolicy med påpekandet att riktlinjerna för klassning av information ska tas fram samtidigt.',
    status: 'completed',
  },
  {
    forum: 'IT-strategiska beredningsgruppen',
    decidedOn: '2025-05-07',
    paragraph: 9,
    title: 'Förankring av upphandlingen av diariesystem',
    text: 'Beredningsgruppen ställer sig bakom kravställningen inför upphandlingen av diarie- och ärendehanteringssystem och föreslår IT-styrgruppen att starta upphandlingen.',
    dnr: 'KS 2025/388',
    status: 'completed',
  },
  {
    forum: 'IT-strategiska beredningsgruppen',
    decidedOn: '2026-02-04',
    paragraph: 2,
    title: 'Årlig uppföljning av e-förvaltningen',
    text: 'Beredningsgruppen beslutar att besvara SKR:s enkät om e-förvaltning gemensamt och redovisa resultatet för IT-styrgruppen i april.',
    status: 'inProgress',
    responsible: 'Helena Bergström',
    followUpOn: '2026-04-15',
  },
  // Systemägargrupp
  {
    forum: 'Systemägargrupp',
    decidedOn: '2025-03-12',
    paragraph: 3,
    title: 'Systemförvaltningsmodell',
    text: 'Systemägargruppen beslutar att PÅ-modellen ska tillämpas för alla kommungemensamma system och att varje system ska ha en förvaltningsplan senast vid årets slut.',
    status: 'inProgress',
    responsible: 'Gunnar Blom',
    followUpOn: '2026-06-10',
  },
  {
    forum: 'Systemägargrupp',
    decidedOn: '2025-09-10',
    paragraph: 8,
    title: 'Gemensam finansiering av integrationsplattformen',
    text: 'Systemägargruppen beslutar att kostnaderna för integrationsplattformen fördelas på de system som använder den efter antal integrationer.',
    status: 'completed',
  },
  {
    forum: 'Systemägargrupp',
    decidedOn: '2026-03-11',
    paragraph: 2,
    title: 'Servicenivåer för verksamhetskritiska system',
    text: 'Systemägargruppen godkänner förslaget till servicenivåer med öppettid 07–16 och lösningstid en arbetsdag för prioritet 2 för de verksamhetskritiska systemen.',
    status: 'notStarted',
    responsible: 'Anders Holm',
    followUpOn: '2026-09-09',
  },
  // Finansieringsgrupp
  {
    forum: 'Finansieringsgrupp',
    decidedOn: '2025-10-08',
    paragraph: 10,
    title: 'Hyrespriser 2026',
    text: 'Finansieringsgruppen fastställer hyrespriserna för 2026: dator som tjänst 395 kr per månad, bärbar dator 455 kr per månad och utskrift enligt förbrukat volym.',
    dnr: 'KS 2025/655',
    status: 'completed',
  },
  {
    forum: 'Finansieringsgrupp',
    decidedOn: '2025-12-03',
    paragraph: 14,
    title: 'Investeringsbudget för IT 2026–2029',
    text: 'Finansieringsgruppen föreslår en investeringsbudget för IT om 12,4 MSEK för perioden och att driftsbudgeten räknas upp med 2 procent per år.',
    status: 'completed',
  },
  {
    forum: 'Finansieringsgrupp',
    decidedOn: '2026-03-04',
    paragraph: 2,
    title: 'Uppföljning av IT-kostnader per anställd',
    text: 'Finansieringsgruppen beslutar att IT-kostnaden per anställd redovisas per förvaltning varje tertial och jämförs med andra kommuners nyckeltal.',
    status: 'inProgress',
    responsible: 'Maria Johansson',
    followUpOn: '2026-05-06',
  },
  // Tjänsterådet
  {
    forum: 'Tjänsterådet',
    decidedOn: '2025-06-11',
    paragraph: 4,
    title: 'Färre system för mötesbokning',
    text: 'Tjänsterådet rekommenderar att förvaltningarna går över till den gemensamma kalendern för mötesbokning så att antalet system minskar.',
    status: 'inProgress',
    responsible: 'Robert Lindberg',
    followUpOn: '2026-06-17',
    systems: ['E-post och kalender'],
  },
  {
    forum: 'Tjänsterådet',
    decidedOn: '2026-02-11',
    paragraph: 1,
    title: 'Beställningar via kundservice',
    text: 'Tjänsterådet beslutar att alla beställningar av IT-utrustning görs genom kundservice och portalen, inte direkt till IT-teknikerna.',
    status: 'completed',
  },
  // Produktråd intranätet
  {
    forum: 'Produktråd intranätet',
    decidedOn: '2025-10-15',
    paragraph: 5,
    title: 'Utvecklingsplan för intranätet 2026',
    text: 'Produktrådet fastställer utvecklingsplanen för intranätet 2026: ny sökfunktion, personalhandbok och tillgänglighetsanpassning enligt WCAG 2.1 AA.',
    status: 'inProgress',
    responsible: 'Viktor Lindahl',
    followUpOn: '2026-04-22',
  },
  // KDL
  {
    forum: 'Kommundirektörens ledningsgrupp (KDL)',
    decidedOn: '2025-08-25',
    paragraph: 31,
    title: 'Prioritering av IT-projekt hösten 2025',
    text: 'KDL prioriterar e-tjänsten för försörjningsstöd, den nya bygglovsprocessen och införandet av e-arkiv inom tilldelad ram.',
    status: 'inProgress',
    responsible: 'Sofia Åberg',
    followUpOn: '2026-01-26',
  },
  {
    forum: 'Kommundirektörens ledningsgrupp (KDL)',
    decidedOn: '2026-01-12',
    paragraph: 2,
    title: 'Minskad pappersförbrukning',
    text: 'KDL beslutar att antalet utskrivna sidor ska minska med 20 procent till 2027 och att utskrift som standard sker dubbelsidigt i svartvitt.',
    status: 'inProgress',
    responsible: 'Anders Holm',
    followUpOn: '2026-12-14',
  },
];

export async function loadDecisionsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const systemNames = [...new Set(styrbyDecisions.flatMap((d) => d.systems ?? []))];
  const found = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(and(eq(systems.tenantId, tenant.id), inArray(systems.name, systemNames)));
  const systemIds = new Map(found.map((s) => [s.name, s.id]));
  for (const d of styrbyDecisions) {
    const forumId = d.forum ? made.get(`forum:${d.forum}`) : undefined;
    if (d.forum && !forumId) throw new Error(`Governance demo: no forum "${d.forum}"`);
    const links: DecisionLinkInput[] = (d.systems ?? []).flatMap((name) => {
      const id = systemIds.get(name);
      return id ? [{ kind: 'system' as const, id }] : [];
    });
    const row = await createDecision(db, tenant.actor, {
      forumId: forumId ?? null,
      body: d.body ?? null,
      decidedOn: d.decidedOn,
      paragraph: d.paragraph,
      title: d.title,
      text: d.text,
      registrationNumber: d.dnr ?? null,
      status: d.status,
      responsibleId: d.responsible ? person(d.responsible) : null,
      followUpOn: d.followUpOn ?? null,
      links,
    });
    made.set(`decision:${d.forum ?? d.body} ${d.decidedOn.slice(0, 4)} § ${d.paragraph}`, row.id);
  }
}

/**
 * The id of a decision this demo made, by who took it, when and its §, for a later module's demo
 * (the seam's `made` is each module's own); undefined when the demo did not make it.
 */
export async function demoDecisionId(
  db: Database,
  tenantId: string,
  by: { body: string; decidedOn: string; paragraph: number },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(
      and(
        eq(decisions.tenantId, tenantId),
        eq(decisions.body, by.body),
        eq(decisions.decidedOn, by.decidedOn),
        eq(decisions.paragraph, by.paragraph),
      ),
    );
  return row?.id;
}
