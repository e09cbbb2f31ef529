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

// Issue 13 point 13 in a real browser on the demo municipality (its imported desk history): the
// metrics page chosen by keyboard, its charts and table, down into a förvaltning and on to its
// printable report; an IT-kundansvarig sees their förvaltning only; an employee has no link.
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

const BUF = 'Barn- och utbildningsförvaltningen';

describe('the metrics', () => {
  test('an admin reads the figures, changes the view by keyboard and opens a förvaltning’s report', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nyckeltal för servicedesken' }).waitFor();
    const table = page.getByRole('table', { name: /^Nyckeltal per enhet/ });
    await expect.poll(() => table.getByRole('row', { name: new RegExp(BUF) }).count()).toBe(1);
    // The charts are images named by what they show, with the same numbers as a table.
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: /^Skapade och lösta ärenden per månad\. .* skapade och .* lösta/ })
          .count(),
      )
      .toBe(1);
    await page.getByRole('img', { name: /^Öppna ärenden vid slutet av varje månad/ }).waitFor();
    await expect(page.getByText('Löfte: 70 %').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'metrics by unit');

    // The disclosure opens by keyboard and shows the chart's numbers.
    await page.locator('summary', { hasText: 'Visa siffrorna som tabell' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /^Skapade och lösta ärenden per månad$/ }).waitFor();
    // The chart, its legend and table are a group named by its title, the value axis has its title,
    // and the table's scroll box is the next stop of the keyboard, named as the chart.
    const chart = page.getByRole('group', { name: 'Skapade och lösta ärenden per månad' });
    await expect(chart.getByRole('img').count()).resolves.toBe(1);
    await expect(chart.locator('svg[role="img"] text', { hasText: 'Antal ärenden' }).count()).resolves.toBe(
      1,
    );
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        page.evaluate(() => [
          document.activeElement?.getAttribute('role'),
          document.activeElement?.getAttribute('aria-label'),
        ]),
      )
      .toEqual(['region', 'Skapade och lösta ärenden per månad']);
    await expectAccessible(page, 'metrics with a chart’s numbers open');

    // Per group, chosen with the keyboard.
    const by = page.getByRole('combobox', { name: 'Dela upp per' });
    await by.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Grupp' }).waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const groups = page.getByRole('table', { name: /^Nyckeltal per grupp/ });
    await groups
      .getByRole('row', { name: /Servicedesk/ })
      .first()
      .waitFor();
    await expect(page.url()).toContain('by=group');

    // Last month by its preset, back per unit, down into the förvaltning.
    await page.getByText('Förra månaden', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')?.endsWith('-01')).toBe(true);
    await page.getByText('Senaste 12 månaderna', { exact: true }).click();
    await by.click();
    await page.getByRole('option', { name: 'Enhet' }).click();
    await page.getByRole('link', { name: `Visa underenheterna till ${BUF}` }).click();
    await page.getByText(`Visar ${BUF} och dess underenheter`).waitFor();
    await page
      .getByRole('table', { name: /^Nyckeltal per enhet/ })
      .getByRole('row', { name: /Grundskoleavdelningen/ })
      .waitFor();
    await expectAccessible(page, 'metrics of a förvaltning');

    // The export of the same view.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Exportera' }).click();
        await page.getByRole('menuitem', { name: /CSV/ }).click();
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^servicedesk-nyckeltal-unit-\d{4}-\d{2}-\d{2}\.csv$/);

    // One click from the förvaltning's row to its report.
    await page.getByRole('button', { name: 'Visa alla enheter' }).click();
    await page.getByRole('link', { name: `Rapport för ${BUF}` }).click();
    await page.getByRole('heading', { level: 1, name: `Servicerapport: ${BUF}` }).waitFor();
    await page
      .getByRole('table', { name: 'Ärenden per enhet' })
      .getByRole('row', { name: /Grundskoleavdelningen/ })
      .waitFor();
    await page.getByRole('table', { name: 'Svar och lösning i tid per prioritet' }).waitFor();
    await page.getByRole('img', { name: /^Ärenden per månad, i år och året innan/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ärenden med överskriden servicenivå' }).waitFor();
    await expect(page.getByRole('button', { name: 'Skriv ut' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'unit report');
    // On paper the app's frame and the controls are left out.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Skriv ut' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('#main-navigation').isVisible()).resolves.toBe(false);
    await expect(
      page.getByRole('heading', { level: 1, name: `Servicerapport: ${BUF}` }).isVisible(),
    ).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  test('an IT-kundansvarig sees the förvaltning they answer for, an employee no metrics', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, { email: 'niklas.wallin@styrby.example', password: 'demo' });
    await page.getByRole('link', { name: 'Nyckeltal', exact: true }).click();
    await page.getByText(`Du ser ärendena för ${BUF} med underliggande enheter.`).waitFor();
    const table = page.getByRole('table', { name: /^Nyckeltal per enhet/ });
    await table.getByRole('row', { name: new RegExp(BUF) }).waitFor();
    await expect.poll(() => table.getByRole('row', { name: /Socialförvaltningen/ }).count()).toBe(0);
    await expectAccessible(page, 'metrics of an IT-kundansvarig');
    await page.context().close();

    const employee = await newPage(browser);
    await signIn(employee, server.url, EMPLOYEE);
    await expect.poll(() => employee.getByRole('link', { name: 'Nyckeltal', exact: true }).count()).toBe(0);
    await employee.goto(`${server.url}/desk/metrics`);
    await employee.getByRole('heading', { level: 1, name: 'Du saknar behörighet' }).waitFor();
    await employee.context().close();
  });
});
