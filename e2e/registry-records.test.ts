import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EMPLOYEE,
  expectAccessible,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 12, points 4 and 7 in a real browser with the demo municipality: the process tree by
// keyboard, a process with its information management plan and record types, the printable plan,
// and the record types' K/R/T levels hidden from the demo employee. axe on every page visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('processes and the information management plan', () => {
  test('an admin walks the tree by keyboard, opens a plan, a record type and the printable plan', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/processes`);
    await page.getByRole('heading', { level: 1, name: 'Processer' }).waitFor();
    await expectAccessible(page, 'processes');

    // Kärnverksamhet is open; Socialtjänst opens with the keyboard, then its processgrupp.
    const social = page.getByRole('button', { name: /innehållet i 3\.\d+ Socialtjänst$/ });
    await social.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => social.getAttribute('aria-expanded')).toBe('true');
    const group = page.getByRole('button', {
      name: /innehållet i 3\.\d+\.\d+ Individ- och familjeomsorg$/,
    });
    await group.focus();
    await page.keyboard.press('Space');
    await page.getByRole('link', { name: 'Ekonomiskt bistånd' }).click();

    await page.getByRole('heading', { level: 1, name: /Ekonomiskt bistånd/ }).waitFor();
    await expect.poll(() => page.getByText('Antagen', { exact: true }).first().isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Handlingstyper i processen' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(8);
    await expect.poll(() => table.getByText('3/4/2').first().isVisible()).toBe(true);
    await expectAccessible(page, 'process');

    await page.getByRole('button', { name: 'Ändra Journalanteckningar' }).click();
    await page.getByRole('dialog', { name: 'Ändra handlingstyp' }).waitFor();
    await expectAccessible(page, 'record type dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Utskriftsvänlig plan' }).click();
    await page.getByRole('heading', { level: 1, name: /Informationshanteringsplan för/ }).waitFor();
    await expect.poll(() => page.getByText(/Antagen av Socialnämnden/).isVisible()).toBe(true);
    await expectAccessible(page, 'printable plan');

    // The system's page lists its processes and the record types kept in it.
    await page.goto(`${server.url}/processes`);
    await page.getByLabel('Sök i strukturen').fill('Bygglov');
    await page.getByRole('link', { name: 'Bygglov' }).first().click();
    await page.getByRole('link', { name: 'Bygglovshantering' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Processer och handlingstyper' }).waitFor();
    await expectAccessible(page, 'system with processes');

    // Every record type, filtered to the disposals that rest on no decision.
    await page.goto(`${server.url}/record-types?noDecision=true`);
    const list = page.getByRole('table', { name: 'Handlingstyper' });
    await expect
      .poll(() => list.getByText('Handlingar i återkallade och avskrivna ärenden').isVisible())
      .toBe(true);
    await expectAccessible(page, 'record types');
  });

  test("Grannby's admin, with no tree yet, loads the KLASSA structure", async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, { email: 'admin@grannkommun.example', password: 'demo' });
    await page.goto(`${server.url}/processes`);
    const load = page.getByRole('button', { name: 'Läs in KLASSA-strukturen' });
    await load.waitFor();
    await expectAccessible(page, 'processes, empty');
    await load.click();
    await page.getByRole('region', { name: 'Processträdet' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Kärnverksamhet' }).isVisible()).toBe(true);
  });

  test('the demo employee reads the plan but not the K/R/T levels', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    await page.goto(`${server.url}/processes?q=Ekonomiskt`);
    await page.getByRole('link', { name: 'Ekonomiskt bistånd' }).click();
    const table = page.getByRole('table', { name: 'Handlingstyper i processen' });
    await expect.poll(() => table.getByText('Skyddas').count()).toBeGreaterThan(8);
    expect(await table.getByText('3/4/2').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Ny handlingstyp' }).count()).toBe(0);
    await expectAccessible(page, 'process as employee');
  });
});
