import { personCreate, roleGrant, unitCreate } from '../../../shared/directory.ts';
import type { Database } from '../../db/client.ts';
import { setPassword } from '../auth/service.ts';
import { systemActor } from '../context.ts';
import type { DemoContext, Seam } from '../seam.ts';
import {
  DEMO_PASSWORD,
  type DemoTenant,
  demoTenants,
  emailOf,
  employeeNumberOf,
  phoneOf,
} from './demo-data.ts';
import * as directory from './service.ts';

// Loads the demo municipalities (./demo-data.ts) through the directory services, so every unit,
// person and role is validated and audited like one made in the UI. Called by server/main.ts on
// an empty database and by `npm run demo:reset`.
//
// Sign-ins, all with the password "demo":
//   admin@styrbord.example            admin of Styrby kommun (Jenny Ström, IT-enheten)
//   medarbetare@styrbord.example      employee only (Emelie Larsson, Försörjningsstöd)
//   helena.bergstrom@styrby.example   IT-strateg
//   sofia.aberg@styrby.example        förändringsansvarig
//   niklas.wallin@styrby.example      IT-kundansvarig for Barn- och utbildningsförvaltningen
//   maria.johansson@styrby.example    ekonom
//   tobias.engstrom@styrby.example    service desk
//   admin@grannkommun.example         admin of Grannby kommun (the second tenant)
//   kjell.bergqvist@grannby.example   in both tenants (Grannby's IT-samordnare, Styrby's partner
//                                     contact): signing in asks which organisation
//
//   karin.wester@styrby.example       informationssäkerhetssamordnare
//
// The system roles (systemOwner, systemManager, operationsOwner) are granted per system by the
// registry's demo (server/modules/registry/systems/demo.ts).

/**
 * Loads the demo directory of each municipality, then every module's demo records into it (in the
 * order of the seam), so a module's demo can name the directory's units and people.
 */
export async function loadDemo(db: Database, seam?: Seam): Promise<void> {
  for (const data of demoTenants) {
    const tenant = await loadTenant(db, data);
    for (const part of seam?.modules ?? []) await part.demo?.(db, tenant);
  }
}

async function loadTenant(db: Database, data: DemoTenant): Promise<DemoContext> {
  if (await directory.findTenantBySlug(db, data.slug)) {
    throw new Error(
      `The demo tenant "${data.slug}" already exists; run npm run demo:reset for a fresh start`,
    );
  }
  const tenant = await directory.createTenant(db, {
    slug: data.slug,
    name: data.name,
    kind: 'municipality',
    orgNumber: data.orgNumber,
  });
  const actor = systemActor(tenant.id, 'Demodata');

  const unitIds = new Map<string, string>();
  const unitId = (key: string) => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`${data.slug}: unknown or later unit "${key}"`);
    return id;
  };
  for (const u of data.units) {
    const input = unitCreate.parse({
      name: u.name,
      kind: u.kind,
      parentId: u.parent ? unitId(u.parent) : null,
      costCentre: u.costCentre,
      orgNumber: u.orgNumber ?? null,
    });
    unitIds.set(u.key, (await directory.createUnit(db, actor, input)).id);
  }

  const personIds = new Map<string, string>();
  let employeeIndex = 0;
  for (const [index, p] of data.people.entries()) {
    const person = await directory.createPerson(
      db,
      actor,
      personCreate.parse({
        givenName: p.given,
        familyName: p.family,
        email: emailOf(data, p),
        title: p.title,
        phone: phoneOf(data, index),
        unitId: unitId(p.unit),
        employeeNumber: p.external ? null : employeeNumberOf(data, employeeIndex++),
      }),
    );
    const grants = [...(p.external ? [] : ['employee' as const]), ...(p.roles ?? [])];
    for (const g of grants) {
      const grant =
        typeof g === 'string' ? { role: g } : { role: g.role, scope: 'unit', scopeId: unitId(g.unit) };
      await directory.grantRole(db, actor, roleGrant.parse({ personId: person.id, ...grant }));
    }
    if (p.signIn) await setPassword(db, actor, person.id, DEMO_PASSWORD);
    personIds.set(person.email, person.id);
  }
  return {
    id: tenant.id,
    slug: tenant.slug,
    actor,
    unitId,
    personId: (email) => {
      const id = personIds.get(email);
      if (!id) throw new Error(`${data.slug}: no demo person with the email ${email}`);
      return id;
    },
  };
}
