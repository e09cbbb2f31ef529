import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';
import * as directory from './service.ts';

// Every unit, person and role assignment says what the reader may do with it (`can`), from the
// directory's policy and the record's state, so that the web app never recomputes roles.

let t: TestContext;
let admin: Session;
let employee: Session;
let unitId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  await seedPerson(t.db, t.a, 'medarbetare@a.example', ['employee']);
  employee = await signIn(t.app, 'medarbetare@a.example');
  const unit = await directory.createUnit(t.db, t.a.actor, { name: 'Kontoret', kind: 'office' });
  unitId = unit.id;
  const person = await directory.createPerson(t.db, t.a.actor, {
    givenName: 'Pia',
    familyName: 'Prov',
    email: 'pia@a.example',
    unitId,
  });
  personId = person.id;
});
afterAll(() => t.close());

const get = async (session: Session, url: string) => {
  const response = await t.app.inject({ url, headers: session.headers() });
  expect(response.statusCode).toBe(200);
  return json(response);
};

describe('can', () => {
  it('lets an admin change a unit and a person, and an employee only read them', async () => {
    expect((await get(admin, `/api/v1/units/${unitId}`)).can).toEqual({
      update: true,
      move: true,
      archive: true,
      restore: false,
      createChild: true,
      createPerson: true,
      readHistory: true,
    });
    expect((await get(employee, `/api/v1/units/${unitId}`)).can).toEqual({
      update: false,
      move: false,
      archive: false,
      restore: false,
      createChild: false,
      createPerson: false,
      readHistory: false,
    });
    expect((await get(admin, `/api/v1/people/${personId}`)).can).toEqual({
      update: true,
      move: true,
      archive: true,
      restore: false,
      grantRole: true,
      resetPassword: true,
      manageTokens: true,
      readHistory: true,
    });
    expect((await get(employee, `/api/v1/people/${personId}`)).can).toMatchObject({
      update: false,
      archive: false,
      restore: false,
      grantRole: false,
      resetPassword: false,
      manageTokens: false,
      readHistory: false,
    });
    // Lists say the same, item by item.
    const units = await get(employee, '/api/v1/units?limit=200');
    expect(units.items.find((u: { id: string }) => u.id === unitId).can.update).toBe(false);
    const people = await get(admin, `/api/v1/people?unitId=${unitId}`);
    expect(people.items.map((p: { can: { update: boolean } }) => p.can.update)).toEqual([true]);
  });

  it('lets nobody archive themselves, and everyone read their own history', async () => {
    const me = await get(admin, '/api/v1/session');
    expect(me.person.can).toMatchObject({ update: true, archive: false, readHistory: true });
    const self = await get(employee, '/api/v1/session');
    expect(self.person.can).toMatchObject({ update: false, archive: false, readHistory: true });
  });

  it('says an archived record may be restored, not archived or changed', async () => {
    const person = await get(admin, `/api/v1/people/${personId}`);
    const archived = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${personId}/archive`,
      headers: admin.headers(),
      payload: { version: person.version, reason: 'Slutat' },
    });
    expect(archived.statusCode).toBe(200);
    expect(json(archived).can).toMatchObject({
      update: false,
      archive: false,
      restore: true,
      grantRole: false,
    });

    const unit = await get(admin, `/api/v1/units/${unitId}`);
    const archivedUnit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${unitId}/archive`,
      headers: admin.headers(),
      payload: { version: unit.version, reason: 'Nedlagt' },
    });
    expect(archivedUnit.statusCode).toBe(200);
    expect(json(archivedUnit).can).toMatchObject({
      update: false,
      archive: false,
      restore: true,
      createChild: false,
    });
    expect((await get(admin, `/api/v1/units/${unitId}`)).can).toMatchObject({
      archive: false,
      restore: true,
    });
    // An employee may not restore either.
    expect((await get(employee, `/api/v1/units/${unitId}`)).can.restore).toBe(false);
  });

  it('lets an admin revoke a role, but not their own admin role, and nobody revoke a revoked one', async () => {
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/role-assignments',
      headers: admin.headers(),
      payload: { personId: t.a.adminId, role: 'reader' },
    });
    expect(granted.statusCode).toBe(201);
    expect(json(granted).can).toEqual({ revoke: true });

    const own = await get(admin, `/api/v1/role-assignments?personId=${t.a.adminId}`);
    const byRole = Object.fromEntries(
      own.items.map((a: { role: string; can: { revoke: boolean } }) => [a.role, a.can.revoke]),
    );
    expect(byRole).toEqual({ admin: false, reader: true });
    const asEmployee = await get(employee, `/api/v1/role-assignments?personId=${t.a.adminId}`);
    expect(asEmployee.items.every((a: { can: { revoke: boolean } }) => !a.can.revoke)).toBe(true);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/role-assignments/${json(granted).id}/revoke`,
      headers: admin.headers(),
    });
    expect(json(revoked).can).toEqual({ revoke: false });
  });
});
