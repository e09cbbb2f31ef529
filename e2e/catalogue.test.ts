import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 16, points 1 and 5, in a real browser with the demo municipality: the admin reads the
// catalogue's families and offerings, adds next year's price to an offering by keyboard in the
// rate card editor, runs the price simulation (table and chart), and opens a unit's switch from
// quality steering to billing. axe on every page and dialog visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the priced catalogue', () => {
  test('families, offerings and the rate card editor', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Tjänstefamiljer' }).click();
    await h1(page, 'Tjänstefamiljer').waitFor();
    await page
      .getByRole('table', { name: 'Tjänstefamiljer och deras tjänster' })
      .getByRole('link', { name: 'Lagring per GB' })
      .waitFor();
    await expectAccessible(page, 'catalogue families');

    await nav.getByRole('link', { name: 'Erbjudanden och priser' }).click();
    await h1(page, 'Erbjudanden och priser').waitFor();
    const table = page.getByRole('table', { name: 'Erbjudanden' });
    const row = table.getByRole('row').filter({ hasText: 'Mobiltelefon med abonnemang' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/250,00\s*kr per månad/);
    await expectAccessible(page, 'offerings');

    await row.getByRole('link', { name: 'Mobiltelefon med abonnemang' }).click();
    await h1(page, 'Mobiltelefon med abonnemang').waitFor();
    const cards = page.getByRole('table', { name: 'Prislistor, äldst först' });
    expect(await cards.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'offering');

    const add = page.getByRole('button', { name: 'Nytt pris' });
    await add.focus();
    await add.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Nytt pris för/ });
    await dialog.waitFor();
    await expectAccessible(page, 'rate card dialog');
    const year = dialog.getByLabel('Gäller från');
    await year.fill(String(new Date().getFullYear() + 2));
    await dialog.getByLabel('Internpris utan moms (kr)').fill('275');
    await dialog.getByLabel('Internpris utan moms (kr)').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await cards.getByRole('row').nth(3).waitFor();
    expect(await cards.getByRole('row').nth(3).textContent()).toMatch(/275,00\s*kr/);
    await page.context().close();
  });

  test('the price simulation and the switch to billing', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Prissimulering' }).click();
    await h1(page, /Prissimulering/).waitFor();
    const units = page.getByRole('table', { name: 'Kostnad per förvaltning' });
    await units.getByRole('row').filter({ hasText: 'Socialförvaltningen' }).waitFor();
    await page.getByRole('group', { name: 'Kostnad per förvaltning' }).waitFor();
    await expectAccessible(page, 'simulation');
    const before = await units.getByRole('row').filter({ hasText: 'Totalt' }).textContent();
    await page.getByLabel(/Nytt pris .*: Mobiltelefon med abonnemang/).fill('400');
    await page.getByRole('button', { name: 'Simulera' }).click();
    await expect
      .poll(async () => units.getByRole('row').filter({ hasText: 'Totalt' }).textContent())
      .not.toBe(before);

    await nav.getByRole('link', { name: 'Kvalitetsstyrning och debitering' }).click();
    await h1(page, 'Kvalitetsstyrning och debitering').waitFor();
    const list = page.getByRole('table', { name: 'Förvaltningar och deras läge' });
    // The förvaltning's own row (its offices below say they inherit its mode).
    const soc = list
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Socialförvaltningen', exact: true }) });
    expect(await soc.textContent()).toContain('Debitering');
    const office = list.getByRole('row').filter({ hasText: 'ärvt från Socialförvaltningen' }).first();
    expect(await office.textContent()).toContain('Debitering');
    await expectAccessible(page, 'billing modes');
    const open = soc.getByRole('button', { name: /Historik/ });
    await open.focus();
    await open.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Ändra läge för Socialförvaltningen/ });
    await dialog.getByRole('table', { name: 'Övergångar, senaste först' }).getByRole('row').nth(1).waitFor();
    await expectAccessible(page, 'billing switch dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });
});
