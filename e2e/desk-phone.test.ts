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

// Issue 13 point 12 in a real browser with the demo municipality: the phone figures against the
// promise, chosen by keyboard, an import checked and written, and the page refused to an employee.
// axe on every state visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the phone page', () => {
  test('an admin reads the figures per month by keyboard, checks an export and imports it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.getByRole('link', { name: 'Telefoni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Telefoni' }).waitFor();
    const table = page.getByRole('table', { name: 'Svarstider per period' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(10);
    await expect
      .poll(() => page.getByText(/Svarslöfte: 80 % av samtalen besvaras inom 60 sekunder/).isVisible())
      .toBe(true);
    await expectAccessible(page, 'phone figures');

    const per = page.getByRole('combobox', { name: 'Per' });
    await per.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Månad' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => table.getByRole('row').count()).toBeLessThan(6);

    const csv = [
      'Tid;Kö;Väntetid (s);Besvarat',
      '2025-01-07 08:00:00;E2e-kö;12;ja',
      '2025-01-07 08:01:00;E2e-kö;75;nej',
    ];
    await page
      .locator('#phone-import ~ * input[type=file], section:has(#phone-import) input[type=file]')
      .first()
      .setInputFiles({
        name: 'vaxel.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv.join('\n')),
      });
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await page.getByText(/Filen har 2 rader: 2 nya samtal, 0 redan importerade/).waitFor();
    await expectAccessible(page, 'phone import checked');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByText(/Importen är klar: 2 nya samtal/).waitFor();
    const imports = page.getByRole('table', { name: 'Senaste importer av samtalsstatistik' });
    await expect.poll(() => imports.getByText('vaxel.csv').isVisible()).toBe(true);
  });

  test('an employee without the agent role is refused the page', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    await page.goto(`${server.url}/desk/phone`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'phone refused');
  });
});
