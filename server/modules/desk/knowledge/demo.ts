import { and, eq, inArray } from 'drizzle-orm';
import type { KnowledgeKind } from '../../../../shared/desk/knowledge.ts';
import type { TicketCategory } from '../../../../shared/desk/tickets.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { activeGrants } from '../../../platform/directory/service.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { systems } from '../../registry/systems/schema.ts';
import { createTicket, updateTicket } from '../tickets/service.ts';
import { archiveArticle, createArticle, giveFeedback, publishArticle } from './service.ts';

// Styrby's knowledge base: the questions the service desk answers every week (Heroma, the school
// platforms, printing, VPN, passwords …), through the service like an agent's (validated, audited).
// Most are published; one is a draft still being written, one archived when the old VPN client
// went. A known error in Heroma came from a problem ticket, made here too. Employees have said
// whether some helped, so the list's counts show something.

interface DemoArticle {
  title: string;
  kind: KnowledgeKind;
  system?: string;
  category?: TicketCategory;
  keywords: string[];
  body: string;
  workaround?: string;
  state?: 'draft' | 'archived';
  /** From the problem ticket made below. */
  problem?: boolean;
  /** Who said it helped (yes) and who said it did not (no). */
  helped?: string[];
  notHelped?: string[];
}

const demoArticles: DemoArticle[] = [
  {
    title: 'Heroma: kontot är spärrat efter fel lösenord',
    kind: 'solution',
    system: 'Lön- och personalsystem',
    category: 'account',
    keywords: ['inloggning', 'logga in', 'spärrat konto', 'lönesystemet', 'Heroma'],
    body: `Efter tre felaktiga inloggningsförsök spärras ditt konto i Heroma i 30 minuter. Det är en säkerhetsfunktion, inget fel i systemet.

Så gör du:
1. Vänta 30 minuter och försök igen.
2. Logga in via länken på intranätet med ditt vanliga datorlösenord. Heroma har inget eget lösenord längre.
3. Har du nyss bytt lösenord? Stäng alla webbläsarfönster och öppna Heroma på nytt, så att det gamla lösenordet inte följer med.

Får du fortfarande ”Kontot är spärrat” efter en timme, anmäl ett fel och skriv felmeddelandet.`,
    helped: ['ida.norberg', 'omid.mohammadi', 'medarbetare'],
  },
  {
    title: 'Lönespecifikationen visas tom i Heroma-appen',
    kind: 'knownError',
    system: 'Lön- och personalsystem',
    category: 'function',
    keywords: ['lönespec', 'lönebesked', 'mobilen', 'app', 'Heroma'],
    body: `Sedan uppdateringen av Heroma-appen i mars visas lönespecifikationen som en tom sida på vissa Android-telefoner. Leverantören känner till felet och en rättning kommer i nästa version av appen.

Lönen betalas ut som vanligt; det är bara visningen i appen som inte fungerar.`,
    workaround: `Öppna lönespecifikationen i webbläsaren i stället:
- Gå till Heroma självservice via intranätet.
- Välj Lön och sedan Lönespecifikationer.
- Spara som PDF om du behöver skicka den vidare.`,
    problem: true,
    helped: ['karolina.bengtsson', 'peter.hansson'],
  },
  {
    title: 'Attestera tid i Heroma Schema',
    kind: 'solution',
    system: 'Tidrapportering och schema',
    category: 'training',
    keywords: ['attest', 'tidrapport', 'avvikelser', 'chef', 'schema'],
    body: `Som chef attesterar du dina medarbetares avvikelser senast den 5:e varje månad, så att de kommer med på lönen.

1. Öppna Heroma Schema och välj Attestera.
2. Filtrera på din enhet och perioden.
3. Kontrollera avvikelserna, till exempel övertid och sjukfrånvaro.
4. Markera raderna och välj Attestera.

Är du borta? Lägg in en ersättare under Inställningar, Attest, så kan hen attestera i din ställe.`,
  },
  {
    title: 'Elev har glömt sitt lösenord till lärplattformen',
    kind: 'solution',
    system: 'Lärplattform',
    category: 'password',
    keywords: ['elevkonto', 'Google', 'Chromebook', 'skolkonto', 'glömt lösenord'],
    body: `Lärare och mentorer kan själva återställa lösenordet för elever i sina klasser. Eleven behöver inte vänta på IT.

1. Logga in i administrationen för lärplattformen med ditt personalkonto.
2. Sök fram eleven och välj Återställ lösenord.
3. Ge eleven det tillfälliga lösenordet. Eleven väljer ett nytt vid nästa inloggning.

För elever i förskoleklass till årskurs 3 finns inloggning med QR-kort; ett nytt kort skrivs ut från samma sida.`,
    helped: ['mats.lindstrom'],
  },
  {
    title: 'Vårdnadshavare kan inte logga in i skolplattformen med BankID',
    kind: 'knownError',
    system: 'Skolplattform vårdnadshavare',
    category: 'account',
    keywords: ['inloggning', 'logga in', 'BankID', 'förälder', 'vårdnadshavare'],
    body: `En del vårdnadshavare får felet ”Något gick fel, försök igen” när de loggar in med BankID på mobilen. Felet gäller inloggning från appens inbyggda webbläsare och utreds av leverantören.`,
    workaround: `Be vårdnadshavaren logga in via skolplattformens webbplats i Safari eller Chrome i stället för i appen, eller att använda Freja eID. Inloggningen fungerar sedan som vanligt även i appen.`,
  },
  {
    title: 'Skrivaren skriver ut tomma sidor',
    kind: 'solution',
    system: 'Utskriftstjänst',
    category: 'printing',
    keywords: ['utskrift', 'toner', 'skrivare', 'tomma papper'],
    body: `Tomma sidor beror nästan alltid på att tonern är slut eller att skyddstejpen sitter kvar på en ny tonerkassett.

- Titta i skrivarens display om någon toner är slut.
- Öppna luckan och kontrollera att den orange skyddstejpen är borttagen från kassetten.
- Skriv ut en testsida från skrivarens meny.

Ny toner beställer du i IT-portalen under Beställ, Förbrukningsmaterial. Ange skrivarens namn som står på etiketten.`,
    helped: ['medarbetare', 'malin.sundstrom'],
    notHelped: ['mats.lindstrom'],
  },
  {
    title: 'Hämta ut din utskrift med passerkortet',
    kind: 'solution',
    system: 'Utskriftstjänst',
    category: 'printing',
    keywords: ['följ mig', 'utskriftskö', 'passerkort', 'säker utskrift'],
    body: `Alla utskrifter går till kön Styrby-Utskrift och väntar där i 24 timmar. Du hämtar dem på vilken skrivare som helst i kommunens lokaler.

1. Skriv ut till Styrby-Utskrift som vanligt.
2. Gå till en skrivare och håll passerkortet mot kortläsaren.
3. Välj dina utskrifter och tryck Skriv ut.

Första gången kopplar du kortet till ditt konto: håll kortet mot läsaren och logga in med ditt användarnamn och lösenord.`,
  },
  {
    title: 'Kan inte ansluta till VPN hemifrån',
    kind: 'solution',
    system: 'Nätverk och brandvägg',
    category: 'network',
    keywords: ['vpn', 'distansarbete', 'hemifrån', 'fjärråtkomst', 'ansluta'],
    body: `För att nå kommunens interna system hemifrån behöver du vara ansluten till VPN. Om anslutningen inte går igenom:

- Kontrollera att datorn är ansluten till internet, till exempel genom att öppna en nyhetssajt.
- Starta om VPN-klienten: högerklicka på ikonen vid klockan och välj Koppla från, sedan Anslut.
- Godkänn inloggningen i Microsoft Authenticator i mobilen inom en minut.
- Starta om datorn om det fortfarande inte fungerar.

Från hotellnät och vissa gästnät kan VPN vara blockerat. Prova att dela internet från mobilen i stället.`,
    helped: ['peter.hansson', 'omid.mohammadi'],
    notHelped: ['karolina.bengtsson'],
  },
  {
    title: 'Ansluta till det trådlösa nätverket Styrby-Personal',
    kind: 'solution',
    system: 'Nätverk och brandvägg',
    category: 'network',
    keywords: ['wifi', 'trådlöst', 'nätverk', 'surfplatta', 'mobil'],
    body: `Datorer som IT har installerat ansluter själva till Styrby-Personal. Mobiler och surfplattor ansluter du så här:

1. Välj nätverket Styrby-Personal.
2. Logga in med din e-postadress och ditt vanliga lösenord.
3. Godkänn certifikatet om telefonen frågar.

Besökare använder Styrby-Gäst, som inte når kommunens interna system.`,
  },
  {
    title: 'Byt eller återställ ditt lösenord själv',
    kind: 'solution',
    system: 'Inloggning och identitet',
    category: 'password',
    keywords: ['glömt lösenord', 'återställa lösenord', 'lösenordsbyte', 'lösenord har gått ut', 'logga in'],
    body: `Ditt lösenord gäller i 180 dagar. Du får en påminnelse två veckor innan det går ut.

Byta lösenord när du kommer ihåg det gamla:
- Tryck Ctrl+Alt+Delete på datorn och välj Ändra ett lösenord.

Återställa ett glömt lösenord:
1. Gå till sidan för lösenordsåterställning (länken finns på inloggningssidan, ”Har du glömt ditt lösenord?”).
2. Identifiera dig med BankID eller Microsoft Authenticator.
3. Välj ett nytt lösenord på minst 14 tecken.

Ett bra lösenord är en mening du kommer ihåg, till exempel tre eller fyra ord.`,
    helped: ['ida.norberg', 'medarbetare', 'malin.sundstrom', 'mats.lindstrom', 'karolina.bengtsson'],
    notHelped: ['peter.hansson'],
  },
  {
    title: 'Ny mobil: flytta tvåstegsverifieringen',
    kind: 'solution',
    system: 'Inloggning och identitet',
    category: 'account',
    keywords: ['Microsoft Authenticator', 'MFA', 'tvåfaktor', 'ny telefon', 'inloggning'],
    body: `Tvåstegsverifieringen följer inte med automatiskt till en ny mobil. Gör så här medan du har kvar den gamla:

1. Installera Microsoft Authenticator på den nya mobilen.
2. Logga in på sidan Min inloggning från datorn och välj Lägg till inloggningsmetod.
3. Skanna QR-koden med den nya mobilen och godkänn.
4. Ta bort den gamla mobilen från listan.

Har du redan lämnat in den gamla mobilen? Ring servicedesken, så hjälper vi dig efter en identitetskontroll.`,
  },
  {
    title: 'Outlook fastnar på ”Läser in profil”',
    kind: 'knownError',
    system: 'E-post och kalender',
    category: 'client',
    keywords: ['e-post', 'mejl', 'startar inte', 'profil', 'uppdatering'],
    body: `Efter månadens Office-uppdatering fastnar Outlook på vissa datorer på ”Läser in profil”. Felet beror på ett tillägg som inte är uppdaterat; IT rullar ut en rättning.`,
    workaround: `Starta Outlook i felsäkert läge: tryck Windows-tangenten + R, skriv outlook.exe /safe och tryck Enter. Svara Ja på frågan om profil. E-post och kalender fungerar som vanligt, men utan tillägg.

Du kan också använda Outlook på webben tills rättningen har kommit.`,
    helped: ['omid.mohammadi'],
  },
  {
    title: 'Installera program från Företagsportalen',
    kind: 'solution',
    system: 'Klientplattform',
    category: 'client',
    keywords: ['program', 'installation', 'Intune', 'Företagsportal', 'Adobe Reader'],
    body: `De vanligaste programmen installerar du själv, utan att vänta på IT.

1. Öppna Företagsportalen från startmenyn.
2. Sök efter programmet, till exempel Adobe Reader eller Zoom.
3. Välj Installera. Programmet är klart inom några minuter.

Finns inte programmet där? Beställ det i IT-portalen. Program som kostar pengar behöver din chefs godkännande.`,
  },
  {
    title: 'Delad kalender syns inte i Outlook på mobilen',
    kind: 'solution',
    system: 'E-post och kalender',
    category: 'function',
    keywords: ['delad kalender', 'mobil', 'Outlook-appen'],
    body: `Utkast: vi samlar in vilka telefoner som berörs innan artikeln publiceras.

En kalender som någon har delat med dig syns i Outlook-appen först när du har lagt till den under Kalender, Lägg till kalender.`,
    state: 'draft',
  },
  {
    title: 'Installera den gamla VPN-klienten',
    kind: 'solution',
    system: 'Nätverk och brandvägg',
    category: 'network',
    keywords: ['vpn', 'AnyConnect'],
    body: `Ladda ner VPN-klienten från intranätet och installera den med ditt administratörskonto.`,
    state: 'archived',
  },
];

/** Ids of the register's demo systems by name (the desk's demo loads after the registry's). */
async function systemIds(db: Database, tenantId: string, names: string[]) {
  const rows = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(and(eq(systems.tenantId, tenantId), inArray(systems.name, names)));
  const found = new Map(rows.map((r) => [r.name, r.id]));
  for (const name of names) if (!found.has(name)) throw new Error(`Knowledge demo: no system "${name}"`);
  return found;
}

/** A demo person as the one acting (their answer to "did it help?" is their own). */
async function personActor(db: Database, tenant: DemoContext, email: string): Promise<Actor> {
  const personId = tenant.personId(email);
  const [row] = await db
    .select({ given: people.givenName, family: people.familyName })
    .from(people)
    .where(and(eq(people.tenantId, tenant.id), eq(people.id, personId)));
  const grants = (await activeGrants(db, tenant.id, [personId])).get(personId) ?? [];
  return { tenantId: tenant.id, personId, name: `${row!.given} ${row!.family}`, grants };
}

const emailOf = (who: string) =>
  who === 'medarbetare' ? 'medarbetare@styrbord.example' : `${who}@styrby.example`;

export async function loadKnowledgeDemo(db: Database, tenant: DemoContext, _made: Made) {
  if (tenant.slug !== 'styrby') return;
  const ids = await systemIds(db, tenant.id, [
    ...new Set(demoArticles.flatMap((a) => (a.system ? [a.system] : []))),
  ]);
  // The problem behind the known error in the Heroma app, analysed by the system's förvaltare.
  const problem = await createTicket(db, tenant.actor, {
    type: 'problem',
    title: 'Lönespecifikationen visas tom i Heroma-appen på Android',
    description: 'Fem incidenter sedan appens uppdatering i mars. Leverantören har bekräftat felet.',
    requesterId: tenant.personId('oskar.wikstrom@styrby.example'),
    systemId: ids.get('Lön- och personalsystem')!,
    category: 'function',
    impact: 2,
    urgency: 3,
    channel: 'agent',
  });
  await updateTicket(db, tenant.actor, problem.id, {
    version: problem.version,
    rootCause: 'Appens nya PDF-visare klarar inte Heromas lönespecifikationer på Android 13 och senare.',
    workaround: 'Öppna lönespecifikationen i webbläsaren via Heroma självservice.',
    knownError: true,
    status: 'waitingSupplier',
  });
  const answerers = new Map<string, Actor>();
  for (const a of demoArticles) {
    let row = await createArticle(db, tenant.actor, {
      title: a.title,
      body: a.body,
      kind: a.kind,
      workaround: a.workaround ?? null,
      systemId: a.system ? ids.get(a.system)! : null,
      category: a.category ?? null,
      problemTicketId: a.problem ? problem.id : null,
      keywords: a.keywords,
    });
    if (a.state === 'draft') continue;
    row = await publishArticle(db, tenant.actor, row.id, row.version);
    if (a.state === 'archived') {
      await archiveArticle(db, tenant.actor, row.id, {
        version: row.version,
        reason: 'Ersatt av den nya VPN-klienten, som installeras automatiskt.',
      });
      continue;
    }
    for (const [who, helpful] of [
      ...(a.helped ?? []).map((w) => [w, true] as const),
      ...(a.notHelped ?? []).map((w) => [w, false] as const),
    ]) {
      const actor = answerers.get(who) ?? (await personActor(db, tenant, emailOf(who)));
      answerers.set(who, actor);
      await giveFeedback(db, actor, row.id, helpful);
    }
  }
}
