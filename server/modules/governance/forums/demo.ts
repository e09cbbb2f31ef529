import type { DecisionClass, ForumKind } from '../../../../shared/governance/forums.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createForum } from './service.ts';

// The demo's forums, through the service (validated, audited, members granted forumMember in the
// forum as in the UI): the forums of seed 003 (IT-styrgrupp, IT-strategiska beredningsgruppen,
// Systemägargrupp, Finansieringsgrupp) and of seed 001 (Tjänsterådet, a produktråd, KDL), with
// Styrby's people. Ids go into `made` as `forum:<name>`.

interface DemoForum {
  name: string;
  kind: ForumKind;
  meetings: [number, number?];
  mandate: string;
  chair: string;
  convener?: string;
  secretary?: string;
  /** "Given Family", or [member, deputy]. */
  members: (string | [string, string])[];
  classes: DecisionClass[];
}

const styrbyForums: DemoForum[] = [
  {
    name: 'IT-styrgrupp',
    kind: 'steeringGroup',
    meetings: [10, 12],
    mandate:
      'Ansvarar för frågor av övergripande och principiell karaktär, samordning av långsiktiga budget- och finansieringsfrågor samt samordning av e-förvaltningsutvecklingen. Godkänner förslag till uppgradering eller inköp av kommungemensamma och verksamhetsspecifika IT-lösningar, tar fram förslag på budget för IT-plattformen, gemensamma regler och riktlinjer för e-förvaltning och IT-användning samt en plan för utveckling av kommunens IT-plattform.',
    chair: 'Karin Lindqvist',
    convener: 'Helena Bergström',
    secretary: 'Per Sandberg',
    members: [
      ['Lars Öberg', 'Fredrik Sjöberg'],
      'Emma Hedlund',
      ['Anders Holm', 'Patrik Nyberg'],
      'Helena Bergström',
      'Sofia Åberg',
    ],
    classes: [
      'newSystem',
      'systemChange',
      'systemPhaseOut',
      'procurement',
      'budget',
      'governingDocument',
      'projectPriority',
    ],
  },
  {
    name: 'IT-strategiska beredningsgruppen',
    kind: 'preparationGroup',
    meetings: [10, 12],
    mandate:
      'Referensgrupp för IT-strategiska frågor med koppling till utveckling och styrning inom e-förvaltningsområdet. Remissinstans inför beslut som rör e-förvaltningsutveckling och tillhörande säkerhetsfrågor, regler och riktlinjer; referensgrupp inför produktval. Förankring ska ha skett här innan IT-styrgruppen beslutar.',
    chair: 'Helena Bergström',
    convener: 'Helena Bergström',
    members: [
      ['Eva Sandström', 'Niklas Wallin'],
      ['Birgitta Eriksson', 'Jakob Sjögren'],
      ['Monica Nyström', 'Hanna Lindgren'],
      ['Ulf Jakobsson', 'Linda Pettersson'],
      ['Åsa Lindén', 'Johanna Kvist'],
      'Emma Hedlund',
      'Anders Holm',
      'Mikael Nordin',
    ],
    classes: ['strategy', 'other'],
  },
  {
    name: 'Systemägargrupp',
    kind: 'systemOwnerGroup',
    meetings: [4],
    mandate:
      'Systemägarna för de större och mest verksamhetskritiska systemen. Diskuterar och beslutar om kostnadsnivåer, finansieringsprinciper och samordningsvinster; forum för systemförvaltningsmodellen (PÅ-modellen); informationsutbyte mellan IT-styrgruppen och systemägarna.',
    chair: 'Gunnar Blom',
    convener: 'Helena Bergström',
    members: [
      'Camilla Strand',
      'Lars Öberg',
      'Per Sandberg',
      'Eva Sandström',
      'Birgitta Eriksson',
      'Ulf Jakobsson',
    ],
    classes: ['systemChange', 'prices', 'serviceLevel'],
  },
  {
    name: 'Finansieringsgrupp',
    kind: 'financingGroup',
    meetings: [4, 5],
    mandate:
      'Förvaltningsekonomerna, ekonomichefen, IT-enhetens ekonomfunktion och IT-strategen. IT-enheten och IT-strategen redovisar förslag på kostnadsnivåer för kommande 3–4 års IT-investerings- och driftsbudgetar; hyressystemets funktion och kostnadsnivåer redovisas och hyreskostnaden för nästa år bestäms.',
    chair: 'Lars Öberg',
    convener: 'Helena Bergström',
    members: ['Maria Johansson', 'Fredrik Sjöberg', 'Jessica Holmberg', 'Anders Holm'],
    classes: ['budget', 'prices'],
  },
  {
    name: 'Tjänsterådet',
    kind: 'serviceCouncil',
    meetings: [6],
    mandate:
      'IT-samordnarna från förvaltningarna och bolagen samråder och informerar varandra om befintliga och framtida IT-tjänster, för samsyn och samverkan och för att finna gemensamma lösningar så att antalet system kan minska.',
    chair: 'Anders Holm',
    members: [
      'Robert Lindberg',
      'Marie Andersson',
      'Roger Åström',
      'Klara Vikström',
      'Petra Sjödin',
      'Tobias Engström',
    ],
    classes: ['serviceLevel', 'other'],
  },
  {
    name: 'Produktråd intranätet',
    kind: 'productCouncil',
    meetings: [4],
    mandate:
      'Ledningsrepresentanter från berörda förvaltningar. Beslutar om och följer upp intranätets utvecklingsplaner; produktägaren är ordförande och produktförvaltaren föredrar.',
    chair: 'Emma Hedlund',
    secretary: 'Viktor Lindahl',
    members: ['Eva Sandström', 'Monica Nyström', 'Camilla Strand'],
    classes: ['systemChange', 'projectPriority'],
  },
  {
    name: 'Kommundirektörens ledningsgrupp (KDL)',
    kind: 'managementGroup',
    meetings: [20, 22],
    mandate:
      'Samrådande och beslutande i kommunövergripande IT-frågor och vid större IT-projekt inom tilldelad ram. Förankring av föreslagna utvecklingsbehov; länk i båda riktningarna mellan verksamheten och den övergripande samordningen.',
    chair: 'Karin Lindqvist',
    secretary: 'Per Sandberg',
    members: [
      'Eva Sandström',
      'Birgitta Eriksson',
      'Monica Nyström',
      'Ulf Jakobsson',
      'Åsa Lindén',
      'Gustav Lindblad',
      'Gunnar Blom',
      'Lars Öberg',
      'Camilla Strand',
    ],
    classes: ['projectPriority', 'budget', 'strategy'],
  },
];

export async function loadForumsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  for (const f of styrbyForums) {
    const row = await createForum(db, tenant.actor, {
      name: f.name,
      kind: f.kind,
      meetingsPerYear: f.meetings[0],
      meetingsPerYearMax: f.meetings[1] ?? null,
      mandate: f.mandate,
      chairId: person(f.chair),
      convenerId: f.convener ? person(f.convener) : null,
      secretaryId: f.secretary ? person(f.secretary) : null,
      members: f.members.map((m) =>
        typeof m === 'string' ? { personId: person(m) } : { personId: person(m[0]), deputyId: person(m[1]) },
      ),
      decisionClasses: f.classes,
    });
    made.set(`forum:${f.name}`, row.id);
  }
}
