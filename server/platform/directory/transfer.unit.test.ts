import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.ts';
import { normalizeHeader, readRows } from '../transfer/columns.ts';
import { ImportErrors } from '../transfer/errors.ts';
import type { Sheet } from '../transfer/sheet.ts';
import type { PersonRow, UnitRow } from './service.ts';
import { personColumns, planPeople, planUnits, unitColumns } from './transfer.ts';

// The import planners of the directory, without a database: rows of a file against the tenant's
// current units and people.

const at = new Date('2025-01-01T00:00:00Z');

function unit(
  id: string,
  name: string,
  parentId: string | null,
  costCentre: string | null,
  archived = false,
): UnitRow {
  return {
    tenantId: 't',
    id,
    parentId,
    name,
    sortName: name.toLowerCase(),
    kind: 'subunit',
    costCentre,
    orgNumber: null,
    archivedAt: archived ? at : null,
    archiveReason: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  } as UnitRow;
}

function person(id: string, email: string, employeeNumber: string | null, unitId: string | null): PersonRow {
  return {
    tenantId: 't',
    id,
    givenName: 'Test',
    familyName: id,
    sortName: id,
    email,
    title: null,
    phone: null,
    unitId,
    employeeNumber,
    active: true,
    archivedAt: null,
    archiveReason: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  } as PersonRow;
}

const units = [
  unit('kommun', 'Kommunen', null, '1'),
  unit('ks', 'Kommunstyrelsen', 'kommun', '10'),
  unit('eko', 'Ekonomi', 'ks', '11'),
  unit('old', 'Gamla enheten', 'kommun', '99', true),
];

function sheetOf(text: string): Sheet {
  const [header, ...rows] = text.trim().split('\n');
  return {
    format: 'csv',
    headerLine: 1,
    header: header!.split(';'),
    rows: rows.map((r, i) => ({ line: i + 2, cells: r.split(';') })),
  };
}

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

function planUnitsOf(text: string) {
  const errors = new ImportErrors();
  const rows = readRows(sheetOf(text), unitColumns, errors);
  const plan = planUnits(rows, units, errors, ids());
  return { plan, errors: errors.sorted().map((e) => `${e.line}.${e.field}: ${e.message}`) };
}

describe('planning a unit import', () => {
  it('creates parents before children, matches by cost centre or by name under the parent', () => {
    const { plan, errors } = planUnitsOf(`
namn;typ;överordnad;kostnadsställe
Löner;enhet;Nya kontoret;
Nya kontoret;kontor;10;20
Ekonomienheten;enhet;10;11
Kommunstyrelsen;förvaltning;1;`);
    expect(errors).toEqual([]);
    expect(plan.creates).toEqual([
      {
        id: 'new-1',
        name: 'Nya kontoret',
        kind: 'office',
        parentId: 'ks',
        costCentre: '20',
        orgNumber: null,
      },
      { id: 'new-2', name: 'Löner', kind: 'subunit', parentId: 'new-1', costCentre: null, orgNumber: null },
    ]);
    expect(plan.updates).toEqual([
      { before: units[2], changes: { name: 'Ekonomienheten' } },
      // Matched by name under its parent; the empty cell clears the cost centre.
      { before: units[1], changes: { kind: 'department', costCentre: null } },
    ]);
  });

  it('runs the tree check over the tree as the file leaves it', () => {
    const { errors } = planUnitsOf(`
namn;typ;överordnad;kostnadsställe
Kommunen;enhet;11;1
Ny;enhet;99;30
Själv;enhet;40;40
Ring 1;enhet;51;50
Ring 2;enhet;50;51`);
    expect(errors).toEqual([
      '2.parent: A unit cannot be moved below itself',
      '3.parent: The parent unit is archived',
      '4.parent: A unit cannot be its own parent',
      "5.parent: The units on lines 5, 6 would be each other's parents",
      "6.parent: The units on lines 5, 6 would be each other's parents",
    ]);
  });

  it('knows a bad row by its text: a child of it gets no second error', () => {
    const { errors } = planUnitsOf(`
namn;typ;överordnad;kostnadsställe
Trasig;sektion;;60
Barn;enhet;60;61`);
    expect(errors).toEqual([expect.stringMatching(/^2\.kind: Unknown type "sektion"/)]);
  });
});

describe('planning a people import', () => {
  const people = [person('ada', 'ada@a.example', 'E1', 'eko'), person('bo', 'bo@a.example', null, null)];
  const actor = { personId: 'ada' } as Actor;

  function planPeopleOf(text: string) {
    const errors = new ImportErrors();
    const rows = readRows(sheetOf(text), personColumns, errors);
    const plan = planPeople(rows, people, units, actor, errors, ids());
    return { plan, errors: errors.sorted().map((e) => `${e.line}.${e.field}: ${e.message}`) };
  }

  it('matches by employee number, else email; names units by cost centre or name; lists whom it deactivates', () => {
    const { plan, errors } = planPeopleOf(`
förnamn;efternamn;e-post;anställningsnummer;enhet;aktiv
Test;ada;ADA@kommun.example;E1;Ekonomi;
Test;bo;bo@a.example;E2;11;nej
Cia;Ny;cia@a.example;;;`);
    expect(errors).toEqual([]);
    expect(plan.updates).toEqual([
      { before: people[0], changes: { email: 'ada@kommun.example' } },
      { before: people[1], changes: { employeeNumber: 'E2', unitId: 'eko', active: false } },
    ]);
    expect(plan.creates).toEqual([
      expect.objectContaining({ id: 'new-1', email: 'cia@a.example', unitId: null, active: true }),
    ]);
    expect(plan.deactivated).toEqual(['bo']);
  });

  it('refuses a taken email, an unknown or archived unit, and deactivating yourself', () => {
    const { errors } = planPeopleOf(`
förnamn;efternamn;e-post;anställningsnummer;enhet;aktiv
Test;ada;bo@a.example;E1;;
Test;bo;bo@a.example;;Finns inte;
Ny;Person;ny@a.example;;99;
Test;ada;ada@a.example;;;nej`);
    expect(errors).toEqual([
      '2.email: The email address is used by another person',
      '3.email: The email address bo@a.example is also on line 2',
      '3.unit: No unit has the cost centre or name "Finns inte"',
      '4.unit: The unit is archived',
      '5.active: You cannot deactivate yourself',
    ]);
  });
});

describe('the directory columns', () => {
  it('no header of one column is taken by another', () => {
    for (const columns of [unitColumns, personColumns]) {
      const names = columns.flatMap((c) =>
        [...new Set([c.sv, c.en, c.key, ...(c.aliases ?? [])].map(normalizeHeader))].map((n) => [n, c.key]),
      );
      expect(new Set(names.map(([n]) => n)).size).toBe(names.length);
    }
  });
});
