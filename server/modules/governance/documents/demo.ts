import type { DocumentKind, DocumentStatus } from '../../../../shared/governance/documents.ts';
import type { Database } from '../../../db/client.ts';
import { asciiLocalPart } from '../../../platform/directory/demo-data.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createDocument } from './service.ts';

// The demo's governing documents: seed 002's list for a total review (IT-policy, guidelines and
// decisions, continuity plan, IT strategy, information security policy), with the riktlinjer under
// their policy, the adopting decision from the log where there is one, and some overdue for review.

interface DemoDocument {
  key: string;
  kind: DocumentKind;
  title: string;
  description: string;
  owner: string;
  status: DocumentStatus;
  validFrom?: string;
  validTo?: string;
  interval?: number;
  nextReviewOn?: string;
  parent?: string;
  /** A decision of the demo log, as `decision:<body> <year> § <paragraph>` names it. */
  adoptedBy?: string;
}

const styrbyDocuments: DemoDocument[] = [
  {
    key: 'itpolicy',
    kind: 'policy',
    title: 'IT-policy',
    description:
      'Kommunens övergripande hållning till IT och digitalisering. Saknas i dag och tas fram i översynen av styrdokumenten.',
    owner: 'Helena Bergström',
    status: 'draft',
    interval: 24,
  },
  {
    key: 'infosak',
    kind: 'policy',
    title: 'Informationssäkerhetspolicy',
    description:
      'Ledningens viljeinriktning för informationssäkerhet: konfidentialitet, riktighet och tillgänglighet.',
    owner: 'Mikael Nordin',
    status: 'inForce',
    validFrom: '2022-03-01',
    interval: 36,
    nextReviewOn: '2025-03-01',
  },
  {
    key: 'strategi',
    kind: 'strategy',
    title: 'IT-strategi 2023–2026',
    description: 'Målbild för IT med perspektiven samhälle, service, medarbetare och ekonomi.',
    owner: 'Helena Bergström',
    status: 'inForce',
    validFrom: '2023-01-01',
    validTo: '2026-12-31',
    nextReviewOn: '2026-06-30',
    adoptedBy: 'decision:Kommunstyrelsen 2015 § 94',
  },
  {
    key: 'anvandning',
    kind: 'guideline',
    title: 'Riktlinjer för IT-användning',
    description: 'Vägledande riktlinjer för e-förvaltning och IT-användning i kommunen.',
    owner: 'Anders Holm',
    status: 'inForce',
    validFrom: '2025-02-03',
    interval: 24,
    parent: 'itpolicy',
    adoptedBy: 'decision:Kommundirektören 2025 § 4',
  },
  {
    key: 'klassning',
    kind: 'guideline',
    title: 'Riktlinje för informationsklassning',
    description: 'Hur information klassas efter konfidentialitet, riktighet och tillgänglighet (K/R/T).',
    owner: 'Karin Wester',
    status: 'underRevision',
    validFrom: '2022-10-01',
    nextReviewOn: '2025-10-01',
    parent: 'infosak',
  },
  {
    key: 'kontinuitet',
    kind: 'plan',
    title: 'Kontinuitetsplan för IT',
    description: 'Hur verksamhetskritiska system och IT-tjänster upprätthålls och återställs vid avbrott.',
    owner: 'Anders Holm',
    status: 'inForce',
    validFrom: '2021-05-01',
    interval: 12,
  },
  {
    key: 'losenord',
    kind: 'instruction',
    title: 'Tillämpningsanvisning för lösenord och inloggning',
    description: 'Krav på lösenord, tvåfaktorsautentisering och hantering av behörigheter.',
    owner: 'Mikael Nordin',
    status: 'inForce',
    validFrom: '2026-02-18',
    interval: 12,
    parent: 'anvandning',
  },
  {
    key: 'behorighet',
    kind: 'routine',
    title: 'Rutin för beställning av behörigheter',
    description:
      'Beställning, godkännande och borttagning av behörigheter i verksamhetssystemen via kundservice.',
    owner: 'Lena Björk',
    status: 'inForce',
    validFrom: '2025-06-01',
    interval: 24,
    parent: 'anvandning',
  },
];

export async function loadDocumentsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const person = (name: string) => {
    const [given, ...family] = name.split(' ');
    return tenant.personId(`${asciiLocalPart(given!, family.join(' '))}@styrby.example`);
  };
  const ids = new Map<string, string>();
  for (const d of styrbyDocuments) {
    const adoptedById = d.adoptedBy ? made.get(d.adoptedBy) : undefined;
    if (d.adoptedBy && !adoptedById) throw new Error(`Governance demo: no ${d.adoptedBy}`);
    const row = await createDocument(db, tenant.actor, {
      kind: d.kind,
      title: d.title,
      description: d.description,
      ownerId: person(d.owner),
      status: d.status,
      validFrom: d.validFrom ?? null,
      validTo: d.validTo ?? null,
      reviewIntervalMonths: d.interval ?? null,
      nextReviewOn: d.nextReviewOn ?? null,
      parentId: d.parent ? ids.get(d.parent)! : null,
      adoptedById: adoptedById ?? null,
    });
    ids.set(d.key, row.id);
    made.set(`document:${d.title}`, row.id);
  }
}
