import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  expectNoCspViolation,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  region,
  signIn,
  startServer,
} from './support.ts';

// Issue 15 point 6 in a real browser with the demo municipality: the portfolio's keeper opens the
// timeline and walks its rows by keyboard, the benefit/cost/risk chart, the load on key roles and
// the report for the IT-styrgrupp, and downloads the projects as XLSX from the report; every page
// axe-clean.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('portfolio views', () => {
  test('timeline by keyboard, bubble chart, load and the printable report with its XLSX', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });

    // The timeline: rows are links; the arrow keys move between them, Enter opens one.
    await nav.getByRole('link', { name: 'Tidslinje' }).click();
    await h1(page, 'Tidslinje').waitFor();
    const rows = page.locator('a.styrbord-timeline-row');
    await rows.first().waitFor();
    await region(page, 'Tidslinjens rader').waitFor();
    await expectAccessible(page, 'portfolio timeline');
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    await rows.first().focus();
    const first = await rows.first().getAttribute('aria-label');
    expect(first).toMatch(/^(Projekt|Upphandling) /);
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(await focused()).toBe(await rows.nth(1).getAttribute('aria-label'));
    await page.keyboard.press('End');
    expect(await focused()).toBe(await rows.nth(count - 1).getAttribute('aria-label'));
    await page.keyboard.press('Home');
    expect(await focused()).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/portfolio\/(projects|procurements)\//);
    await page.goBack();
    await h1(page, 'Tidslinje').waitFor();

    // Benefit, cost and risk.
    await nav.getByRole('link', { name: 'Nytta, kostnad och risk' }).click();
    await h1(page, 'Nytta, kostnad och risk').waitFor();
    await page.getByRole('img', { name: /^Behov efter nytta, kostnad och risk\./ }).waitFor();
    await region(page, 'Behoven i diagrammet').waitFor();
    await expectAccessible(page, 'bubble chart');

    // Load on key roles: a capacity of one overloads someone.
    await nav.getByRole('link', { name: 'Belastning på nyckelroller' }).click();
    await h1(page, 'Belastning på nyckelroller').waitFor();
    await region(page, 'Belastning per person och månad').waitFor();
    const capacity = page.getByRole('textbox', { name: /^Kapacitet/ });
    await capacity.fill('1');
    await page.getByText(/^[1-9]\d* av \d+ personer är överbelastade/).waitFor();
    await expectAccessible(page, 'load on key roles');

    // The report for the IT-styrgrupp, and the projects as XLSX.
    await nav.getByRole('link', { name: 'Portföljrapport' }).click();
    await h1(page, 'Portföljrapport för IT-styrgruppen').waitFor();
    await page.getByRole('heading', { level: 2, name: /^Rankad behovslista, topp 10$/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Projekt och senaste status' }).waitFor();
    await page.getByRole('button', { name: 'Skriv ut' }).waitFor();
    await expectAccessible(page, 'portfolio report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Exportera' }).click();
        await page.getByRole('menuitem', { name: /Excel|XLSX/ }).click();
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^projekt-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('projekt');
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(1);
    expectNoCspViolation(page);
    await page.context().close();
  });
});
