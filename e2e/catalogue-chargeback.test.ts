import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  choose,
  expectAccessible,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 16, points 3 and 4, in a real browser with the demo municipality: a rental computer in
// stock issued to a unit, the investment budget, this month's consumption imported from a print
// system's file, the month's run computed again with the new lines on the unit's lines, and the
// open dispute; the keepers' forms and dialogs and the run and export settings. axe on every page
// and dialog visited; the dialogs by keyboard.

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

const thisMonth = () => new Date().toISOString().slice(0, 7);

async function menu(page: Page, link: string, title: string) {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await h1(page, title).waitFor();
}

/** The page of the first asset in a state, found through the API with the page's own session. */
async function openAsset(page: Page, state: 'issued' | 'inStock') {
  const answer = await page.request.get(`${server.url}/api/v1/catalogue/assets?state=${state}&limit=1`);
  expect(answer.ok()).toBe(true);
  const [asset] = (await answer.json()).items as { id: string; serial: string }[];
  await page.goto(`${server.url}/catalogue/assets/${asset!.id}`);
  await h1(page, new RegExp(`\\(${asset!.serial}\\)$`)).waitFor();
}

describe('rental equipment and the chargeback run', () => {
  test('a computer in stock is issued to a unit, and the investment budget shows the year’s purchases', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await menu(page, 'Hyrd utrustning', 'Hyrd utrustning');
    const table = page.getByRole('table', { name: 'Hyrd utrustning' });
    await table.getByRole('row').nth(1).waitFor();
    await expectAccessible(page, 'assets');
    await choose(page, page.getByRole('combobox', { name: 'Status' }), 'I lager');
    await expect.poll(() => new URL(page.url()).searchParams.get('state')).toBe('inStock');
    const row = table.getByRole('row').filter({ hasText: 'I lager' }).first();
    await row.waitFor();
    const serial = (await row.getByRole('link').first().textContent()) ?? '';
    await row.getByRole('link').first().click();
    await h1(page, new RegExp(`\\(${serial}\\)$`)).waitFor();
    await expectAccessible(page, 'asset');

    await press(page.getByRole('button', { name: 'Lämna ut' }));
    const dialog = page.getByRole('dialog', { name: /^Lämna ut / });
    await dialog.waitFor();
    await choose(page, dialog.getByRole('combobox', { name: /^Enhet/ }), /^Socialförvaltningen/, 'Social');
    await expectAccessible(page, 'issue dialog');
    await press(dialog.getByRole('button', { name: 'Lämna ut' }));
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Utrustningen är utlämnad.').waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Socialförvaltningen');
    await expectAccessible(page, 'asset issued');

    await page.goto(`${server.url}/catalogue/investments`);
    await h1(page, 'Investeringsbudget').waitFor();
    await page.getByRole('table', { name: /^Inköp \d{4} per typ av utrustning$/ }).waitFor();
    await expectAccessible(page, 'investments');
    await page.context().close();
  });

  test('this month’s consumption imported from a file is charged in the recomputed run', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await menu(page, 'Förbrukning', 'Förbrukning');
    await page.getByRole('table', { name: /^Summor per erbjudande/ }).waitFor();
    await expectAccessible(page, 'consumption');
    const month = thisMonth();
    await choose(
      page,
      page.getByRole('combobox', { name: 'Månad' }),
      new RegExp(
        `^${new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))}$`,
      ),
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(month);
    await page.getByText('Ingen förbrukning är inläst för månaden.').first().waitFor();

    await press(page.getByRole('button', { name: 'Importera förbrukning' }));
    const dialog = page.getByRole('dialog', { name: 'Importera förbrukning' });
    await dialog.waitFor();
    // A line the socialförvaltning's second printer reported, and one with a unit that does not exist.
    const bad = `Månad;Erbjudande;Enhet;Antal;Referens;Konto\r\n${month};Utskrift per sida;5000;1 250;Skrivare plan 3;6540\r\n${month};Utskrift per sida;9999;10;;6540\r\n`;
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'utskrifter.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await press(dialog.getByRole('button', { name: 'Kontrollera filen' }));
    const errors = dialog.getByRole('table', { name: /fel/i });
    await errors.waitFor();
    expect(await errors.textContent()).toContain('Ingen enhet har det kostnadsstället eller namnet.');
    await expectAccessible(page, 'consumption import, errors');
    const good = bad.split('\r\n').slice(0, 2).join('\r\n');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'utskrifter.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await press(dialog.getByRole('button', { name: 'Kontrollera filen' }));
    await dialog.getByText('1 nya, 0 ändrade och 0 oförändrade rader.').waitFor();
    await press(dialog.getByRole('button', { name: 'Importera på riktigt' }));
    await dialog.getByText('Importen är klar').waitFor();
    await expectAccessible(page, 'consumption import, done');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const rows = page.getByRole('table', { name: /^Förbrukning per enhet/ });
    await rows.getByRole('row').filter({ hasText: 'Skrivare plan 3' }).waitFor();

    // The run of this month, computed again: the socialförvaltning (billed) gets the pages.
    await menu(page, 'Debitering', 'Debitering');
    await page
      .getByRole('table', { name: 'Debiteringskörningar' })
      .getByRole('link', { name: month })
      .click();
    await h1(page, `Debitering ${month}`).waitFor();
    await expectAccessible(page, 'run');
    await press(page.getByRole('button', { name: 'Beräkna om' }));
    const compute = page.getByRole('dialog', { name: `Beräkna debiteringen för ${month}` });
    await compute.waitFor();
    await expectAccessible(page, 'compute dialog');
    await press(compute.getByRole('button', { name: /^Beräkna/ }).last());
    await compute.waitFor({ state: 'hidden' });
    await page.getByText(`Debiteringen för ${month} är beräknad.`).waitFor();
    const units = page.getByRole('table', { name: 'Månadens summa per enhet' });
    await press(units.getByRole('button', { name: 'Visa rader: Socialförvaltningen' }));
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Utskrift per sida – Skrivare plan 3');
    expect(await page.locator('main').textContent()).toContain('562,50');
    await expectAccessible(page, 'run lines of a unit');

    // The open dispute of a locked month, to be decided.
    await page.goto(`${server.url}/catalogue/disputes`);
    await h1(page, 'Bestridanden').waitFor();
    await expectAccessible(page, 'disputes');
    await press(page.getByRole('button', { name: /^Besluta/ }).first());
    const resolve = page.getByRole('dialog', { name: /^Besluta om bestridandet av / });
    await resolve.waitFor();
    await expectAccessible(page, 'resolve dialog');
    await page.keyboard.press('Escape');
    await resolve.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  test('the keepers’ forms: new equipment, a return, a scrapping, a correction and the run settings', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await menu(page, 'Hyrd utrustning', 'Hyrd utrustning');
    const table = page.getByRole('table', { name: 'Hyrd utrustning' });
    await table.getByRole('row').nth(1).waitFor();
    await press(page.getByRole('button', { name: 'Registrera utrustning' }));
    const form = page.getByRole('dialog', { name: 'Registrera utrustning' });
    await form.waitFor();
    await expectAccessible(page, 'new equipment');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });

    // An issued computer is taken back: the dialog, then cancelled.
    await openAsset(page, 'issued');
    await press(page.getByRole('button', { name: 'Ta i retur' }));
    const back = page.getByRole('dialog', { name: /^Ta i retur / });
    await back.waitFor();
    await expectAccessible(page, 'return dialog');
    await page.keyboard.press('Escape');
    await back.waitFor({ state: 'hidden' });

    await openAsset(page, 'inStock');
    await press(page.getByRole('button', { name: 'Skrota' }));
    const scrap = page.getByRole('dialog', { name: /^Skrota / });
    await scrap.waitFor();
    await expectAccessible(page, 'scrap dialog');
    await page.keyboard.press('Escape');
    await scrap.waitFor({ state: 'hidden' });

    // A line of a locked month is corrected into a later one: the dialog.
    await menu(page, 'Debitering', 'Debitering');
    const runs = page.getByRole('table', { name: 'Debiteringskörningar' });
    await runs.getByRole('row').filter({ hasText: 'Låst' }).first().getByRole('link').first().click();
    await h1(page, /^Debitering \d{4}-\d{2}$/).waitFor();
    const units = page.getByRole('table', { name: 'Månadens summa per enhet' });
    await press(units.getByRole('button', { name: 'Visa rader: Socialförvaltningen' }));
    const correct = page.getByRole('button', { name: /^Rätta: / }).first();
    await correct.waitFor();
    await press(correct);
    const correction = page.getByRole('dialog', { name: /^Rätta raden / });
    await correction.waitFor();
    await expectAccessible(page, 'correction dialog');
    await page.keyboard.press('Escape');
    await correction.waitFor({ state: 'hidden' });

    // The run settings with the export settings for the finance system.
    await page.goto(`${server.url}/catalogue/run-settings`);
    await h1(page, 'Inställningar för debitering').waitFor();
    await page.getByRole('heading', { name: 'Export till ekonomisystemet' }).waitFor();
    await expectAccessible(page, 'run and export settings');
    await page.context().close();
  });
});
