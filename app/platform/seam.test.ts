import { IconHome } from '@tabler/icons-react';
import { describe, expect, test } from 'vitest';
import { buildSeam, type ClientModule } from './seam.ts';

// The web app's seam: what modules register comes together in one place, in order, and two
// modules cannot claim the same name, page, search section or audit entity.

const a: ClientModule = {
  name: 'a',
  navGroups: [
    { id: 'late', label: 'x', order: 50 },
    { id: 'early', label: 'y', order: 5 },
  ],
  nav: [{ to: '/a', label: 'a.nav', icon: IconHome, group: 'early' }],
  search: [{ section: 'things', label: 'a.things', icon: IconHome }],
  startSections: [{ section: 'due', label: 'a.due' }],
  audit: [{ entity: 'thing', label: 'a.thing' }],
  auditFields: { thingId: (v) => String(v) },
};

describe('the web seam', () => {
  test('collects what modules register, navigation groups in their order', () => {
    const seam = buildSeam([
      a,
      { name: 'b', nav: [{ to: '/b', label: 'b', icon: IconHome, group: 'late' }] },
    ]);
    expect(seam.navGroups.map((g) => g.id)).toEqual(['early', 'late']);
    expect(seam.nav.map((n) => n.to)).toEqual(['/a', '/b']);
    expect(seam.search.get('things')?.label).toBe('a.things');
    expect(seam.audit.get('thing')?.label).toBe('a.thing');
    expect(seam.auditFields.get('thingId')?.(7)).toBe('7');
  });

  test("carries what modules contribute to a point another module opens, in the modules' order", () => {
    const seam = buildSeam([
      { name: 'a', contributes: { 'desk.orderLinks': 'first' } },
      { name: 'b' },
      { name: 'c', contributes: { 'desk.orderLinks': 'second', other: 1 } },
    ]);
    expect(seam.contributions.get('desk.orderLinks')).toEqual(['first', 'second']);
    expect(seam.contributions.get('other')).toEqual([1]);
    expect(seam.contributions.get('none')).toBeUndefined();
  });

  test.each([
    ['module', { name: 'a' }],
    ['page', { name: 'b', nav: [{ to: '/a', label: 'b', icon: IconHome, group: 'early' }] }],
    ['search section', { name: 'b', search: [{ section: 'things', label: 'b', icon: IconHome }] }],
    ['audit entity', { name: 'b', audit: [{ entity: 'thing', label: 'b' }] }],
    ['start-page section', { name: 'b', startSections: [{ section: 'due', label: 'b' }] }],
    ['audit field', { name: 'b', auditFields: { thingId: () => null } }],
  ] as [string, ClientModule][])('refuses a second %s of the same name', (what, b) => {
    expect(() => buildSeam([a, b])).toThrow(`register the ${what}`);
  });
});
