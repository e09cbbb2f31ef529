// The reference process structure a tenant may load (POST /api/v1/processes/reference) instead of
// typing its own.
//
// What it is based on: KLASSA 2.1 (Samrådsgruppen's klassificeringsstruktur för kommunala
// verksamheter) gives the four levels and the split of all municipal work into three kinds —
// styrande (1), stödjande (2) and kärnverksamhet (3) — the split that SKR's "Klassificerings-
// struktur för kommunal verksamhet" (KSK) and the städernas own structures (Stockholm stad's
// verksamhetsområde 1 and 2 for styrande and stödjande processer) share. The areas, groups and
// processes below are the ones those structures hold for a kommun's common work (ledning, ekonomi,
// personal, information, utbildning, socialtjänst, vård och omsorg, samhällsbyggnad, miljö, kultur
// och fritid, teknisk försörjning), named the way municipalities name them.
//
// What it is not: a copy of the published tables. It is a faithful subset, not all of KSK, and the
// codes are Styrbord's own, given by position (3 → 3.2 → 3.2.1 → 3.2.1.1), because the official
// numbering differs between KLASSA 2.0, 2.1 and KSK versions and between municipalities' editions.
// A tenant that follows a particular edition edits codes and names after loading; every node
// remembers the reference code it came from (reference_code).

export interface ReferenceNode {
  name: string;
  description?: string;
  children?: ReferenceNode[];
}

const p = (name: string, description?: string): ReferenceNode => ({ name, description });
const group = (name: string, children: ReferenceNode[], description?: string): ReferenceNode => ({
  name,
  description,
  children,
});

/** Verksamhetstyper → verksamhetsområden → processgrupper → processer, in code order. */
export const referenceTree: ReferenceNode[] = [
  group(
    'Styra verksamheten',
    [
      group('Ledning och styrning', [
        group('Politisk styrning', [
          p('Bereda ärenden', 'Beredning av ärenden till nämnd, styrelse och fullmäktige.'),
          p('Fatta beslut i nämnd och fullmäktige', 'Sammanträden, kallelser, protokoll och beslut.'),
          p('Hantera motioner och medborgarförslag'),
          p('Delegera beslutanderätt', 'Delegationsordningar och anmälan av delegationsbeslut.'),
        ]),
        group('Planering och uppföljning', [
          p('Ta fram mål och budget'),
          p(
            'Följa upp verksamhet och ekonomi',
            'Delårsrapporter, årsredovisning och verksamhetsberättelser.',
          ),
          p('Bedriva intern kontroll'),
        ]),
        group('Styrdokument', [
          p('Ta fram och revidera styrdokument', 'Policyer, strategier, riktlinjer och reglementen.'),
        ]),
      ]),
      group('Kvalitet och utveckling', [
        group('Verksamhetsutveckling', [
          p('Leda förändrings- och utvecklingsarbete'),
          p('Hantera synpunkter och klagomål'),
        ]),
        group('Risk och säkerhet', [p('Bedriva krisberedskap'), p('Bedriva informationssäkerhetsarbete')]),
      ]),
    ],
    'Processer som styr kommunens verksamhet: politisk ledning, planering, uppföljning och utveckling.',
  ),
  group(
    'Stödja verksamheten',
    [
      group('Ekonomi', [
        group('Ekonomiadministration', [
          p('Hantera leverantörsfakturor'),
          p('Fakturera och hantera kundreskontra'),
          p('Upprätta bokslut'),
        ]),
        group('Inköp och upphandling', [p('Genomföra upphandling'), p('Förvalta avtal')]),
      ]),
      group('Personal', [
        group('Kompetensförsörjning', [p('Rekrytera'), p('Utveckla kompetens')]),
        group('Anställning och lön', [
          p('Hantera anställningar'),
          p('Hantera lön och ersättningar'),
          p('Hantera arbetsmiljö och rehabilitering'),
        ]),
      ]),
      group('Information och IT', [
        group('Informationsförvaltning', [
          p('Registrera allmänna handlingar', 'Diarieföring och ordnande av allmänna handlingar.'),
          p('Lämna ut allmänna handlingar'),
          p('Arkivera och gallra'),
        ]),
        group('IT', [p('Förvalta IT-system'), p('Ge IT-stöd till användare')]),
      ]),
      group('Kommunikation', [
        group('Information och kommunikation', [
          p('Informera'),
          p('Ge service och vägledning', 'Kontaktcenter och medborgarservice.'),
        ]),
      ]),
      group('Lokaler och fastigheter', [
        group('Lokalförsörjning', [p('Förse verksamheten med lokaler'), p('Förvalta fastigheter')]),
      ]),
    ],
    'Processer som ger verksamheten förutsättningar: ekonomi, personal, information, IT och lokaler.',
  ),
  group(
    'Kärnverksamhet',
    [
      group('Utbildning', [
        group('Förskola', [
          p('Placera barn i förskola och pedagogisk omsorg'),
          p('Bedriva förskoleverksamhet'),
        ]),
        group('Grundskola', [
          p('Placera elever i grundskola', 'Skolval, skolplacering och mottagande.'),
          p('Bedriva undervisning'),
          p('Bedöma och betygsätta'),
          p('Bedriva elevhälsa'),
          p('Anordna skolskjuts'),
        ]),
        group('Gymnasieskola', [p('Anta elever till gymnasieskola'), p('Bedriva gymnasieutbildning')]),
        group('Vuxenutbildning', [
          p('Bedriva kommunal vuxenutbildning'),
          p('Bedriva svenska för invandrare'),
        ]),
      ]),
      group('Socialtjänst', [
        group('Individ- och familjeomsorg', [
          p('Ekonomiskt bistånd', 'Utredning, beslut och utbetalning av försörjningsstöd enligt 4 kap. SoL.'),
          p('Barn och unga', 'Anmälningar, utredningar och insatser för barn och unga.'),
          p('Missbruk och beroende'),
          p('Våld i nära relationer'),
          p('Familjerätt'),
        ]),
        group('Socialpsykiatri', [p('Stöd till personer med psykisk funktionsnedsättning')]),
      ]),
      group('Vård och omsorg', [
        group('Äldreomsorg', [p('Hemtjänst'), p('Särskilt boende'), p('Dagverksamhet')]),
        group('Funktionsstöd', [p('Insatser enligt LSS'), p('Personlig assistans')]),
        group('Kommunal hälso- och sjukvård', [
          p('Hälso- och sjukvård i ordinärt och särskilt boende'),
          p('Rehabilitering'),
        ]),
      ]),
      group('Samhällsbyggnad', [
        group('Fysisk planering', [p('Översiktsplanering'), p('Detaljplanering')]),
        group('Byggande', [
          p('Bygglov', 'Prövning av ansökningar om bygglov, rivningslov och marklov enligt PBL.'),
          p('Byggtillsyn'),
          p('Anmälan och startbesked'),
        ]),
        group('Mark, kart och geodata', [p('Förvalta geografisk information'), p('Exploatera mark')]),
        group('Gator och trafik', [p('Förvalta gator och vägar'), p('Pröva parkeringstillstånd')]),
      ]),
      group('Miljö och hälsoskydd', [
        group('Tillsyn', [p('Miljötillsyn'), p('Livsmedelskontroll'), p('Hälsoskyddstillsyn')]),
        group('Tillståndsprövning', [
          p('Pröva serveringstillstånd'),
          p('Pröva tillstånd för tobak och receptfria läkemedel'),
        ]),
      ]),
      group('Kultur och fritid', [
        group('Bibliotek', [p('Bedriva folkbiblioteksverksamhet')]),
        group('Kultur', [p('Bedriva kulturskola'), p('Främja kulturliv')]),
        group('Fritid', [p('Fördela föreningsbidrag'), p('Hyra ut lokaler och anläggningar')]),
      ]),
      group('Teknisk försörjning', [
        group('Vatten och avlopp', [p('Leverera dricksvatten'), p('Omhänderta avloppsvatten')]),
        group('Avfall', [p('Samla in och behandla avfall')]),
      ]),
    ],
    'Processer som utför kommunens uppdrag mot invånare, företag och besökare.',
  ),
];
