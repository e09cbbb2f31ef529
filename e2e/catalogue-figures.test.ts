import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
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

// Issue 16 point 6 in a real browser with the demo: the catalogue's keeper opens the cost figures,
// reads the socialförvaltning's IT cost per employee against its budget, changes its budget by
// keyboard, downloads the year's XLSX and finds the same figure in it, and sees Styrby beside
// Grannby in the comparison until Styrby stops sharing. axe on the page and the dialog.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

const year = () =>
  Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4));

/** The text of a row's cells, header cell first. */
async function cells(row: Locator) {
  return (await row.locator('th, td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
}

async function unitRow(page: Page, name: string) {
  const table = page.getByRole('table', { name: /^IT-kostnad, anställda/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await row.waitFor();
  return row;
}

describe('the cost figures', () => {
  test('per unit with budget against outcome, the XLSX, and the comparison of two municipalities', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Kostnadsnyckeltal', exact: true })
      .click();
    await h1(page, 'Kostnadsnyckeltal').waitFor();
    const soc = await unitRow(page, 'Socialförvaltningen');
    const before = await cells(soc);
    // Cost, employees, workplaces, per employee, per workplace, budget, deviation: a cost and a budget.
    expect(before[1]).toMatch(/kr/);
    expect(before[6]).toMatch(/^6 000 000,00 kr$/);
    await page.getByRole('heading', { name: 'Definitioner' }).waitFor();
    await page.getByText(/IT-kostnad: summan av debiteringens rader/).waitFor();
    const comparison = page.getByRole('table', { name: `Nyckeltal per kommun ${year()}` });
    await comparison.getByRole('rowheader', { name: /Grannby kommun/ }).waitFor();
    await comparison.getByRole('rowheader', { name: /Styrby kommun/ }).waitFor();
    await expectAccessible(page, 'figures');

    // The budget, by keyboard.
    await press(page.getByRole('button', { name: 'Ange budget' }));
    const dialog = page.getByRole('dialog', { name: `Enheternas IT-budget ${year()}` });
    await dialog.waitFor();
    const field = dialog.getByRole('textbox', { name: 'Socialförvaltningen', exact: true });
    await expect.poll(() => field.inputValue()).toMatch(/^6 000 000/);
    await expectAccessible(page, 'budgets dialog');
    await field.focus();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially('6500000');
    await press(dialog.getByRole('button', { name: 'Spara' }));
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await cells(await unitRow(page, 'Socialförvaltningen')))[6])
      .toBe('6 500 000,00 kr');

    // The XLSX: the same cost and budget.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exportera som Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`nyckeltal-${year()}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    let found: unknown[] | undefined;
    book.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).value === 'Socialförvaltningen') found = (row.values as unknown[]).slice(1);
    });
    expect(found?.[8]).toBe(6_500_000);
    const cost = Number(
      (await cells(await unitRow(page, 'Socialförvaltningen')))[1]!.replace(/[^\d,]/g, '').replace(',', '.'),
    );
    expect(found?.[3]).toBeCloseTo(cost, 2);

    // Styrby stops sharing (the switch by keyboard): then it sees only itself.
    const share = page.getByRole('switch', { name: /^Dela våra nyckeltal/ });
    await share.focus();
    await share.press('Space');
    await page.getByText('Vi delar inte våra nyckeltal').waitFor();
    await expect.poll(() => comparison.getByRole('rowheader').count()).toBe(1);
    await expectAccessible(page, 'figures, not shared');
  });
});
