import { and, eq, inArray } from 'drizzle-orm';
import type { GroupKind } from '../../../../shared/desk/groups.ts';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { demoSystemRoles } from '../../registry/systems/demo-data.ts';
import { systems } from '../../registry/systems/schema.ts';
import { addMember, createGroup } from './service.ts';

// The demo's groups, through the service (validated, audited, members granted like in the UI):
// Styrby's first line and second line, a förvaltning group for the kommungemensamma systems most
// asked about (members: the systems' förvaltare in the register), and a supplier group. Ids go into
// `made` as `group:<name>`.

interface DemoGroup {
  name: string;
  kind: GroupKind;
  description: string;
  /** Local parts of the members' addresses; the first is the lead. */
  members: string[];
  system?: string;
  supplier?: string;
  email?: string;
}

/** The förvaltare of a system in the register's demo. */
const managersOf = (system: string) => demoSystemRoles.find((r) => r.system === system)?.managers ?? [];

const styrbyGroups: DemoGroup[] = [
  {
    name: 'Servicedesk',
    kind: 'firstLine',
    description: 'Första linjen: telefon, e-post och portal, vardagar 07–16.',
    members: ['tobias.engstrom', 'linnea.soderberg', 'hampus.granlund', 'amira.osman'],
    email: 'servicedesk@styrby.example',
  },
  {
    name: 'IT-enheten, andra linjen',
    kind: 'secondLine',
    description: 'Klientinstallation, utskrift, nätverk och behörigheter i infrastrukturen.',
    members: ['erik.dahlgren', 'magnus.berglund', 'patrik.nyberg'],
  },
  ...['Lön- och personalsystem', 'Ekonomisystem', 'Diarium och ärendehantering', 'E-post och kalender'].map(
    (system): DemoGroup => ({
      name: `Förvaltning ${system}`,
      kind: 'management',
      description: `Frågor om inloggning, behörighet, funktioner och utbildning i ${system}.`,
      members: managersOf(system),
      system,
    }),
  ),
  {
    name: 'CGI support (Heroma)',
    kind: 'supplier',
    description: 'Leverantörens support för lönesystemet, enligt avtalets servicenivåer.',
    members: [],
    supplier: 'CGI Sverige AB',
  },
  {
    name: 'Formpipe support (Diarium)',
    kind: 'supplier',
    description: 'Leverantörens support för diariet och e-arkivet, enligt avtalets servicenivåer.',
    members: [],
    supplier: 'Formpipe Software AB',
  },
];

export async function loadGroupsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const [systemIds, supplierIds] = await Promise.all([
    idsByName(
      db,
      tenant.id,
      systems,
      styrbyGroups.flatMap((g) => (g.system ? [g.system] : [])),
    ),
    idsByName(
      db,
      tenant.id,
      suppliers,
      styrbyGroups.flatMap((g) => (g.supplier ? [g.supplier] : [])),
    ),
  ]);
  const person = (who: string) => tenant.personId(`${who}@styrby.example`);
  for (const g of styrbyGroups) {
    const row = await createGroup(db, tenant.actor, {
      name: g.name,
      kind: g.kind,
      description: g.description,
      email: g.email ?? null,
      systemId: g.system ? systemIds.get(g.system)! : null,
      supplierId: g.supplier ? supplierIds.get(g.supplier)! : null,
      leadId: g.members[0] ? person(g.members[0]) : null,
    });
    for (const who of g.members) await addMember(db, tenant.actor, row.id, person(who));
    made.set(`group:${g.name}`, row.id);
  }
}

/** Ids of the register's demo records by name (the desk's demo loads after the registry's). */
async function idsByName(
  db: Database,
  tenantId: string,
  table: typeof systems | typeof suppliers,
  names: string[],
): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.name, names)));
  const found = new Map(rows.map((r) => [r.name, r.id]));
  for (const name of names) if (!found.has(name)) throw new Error(`Desk demo: no register record "${name}"`);
  return found;
}
