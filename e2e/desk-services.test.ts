import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  choose,
  EMPLOYEE,
  expectAccessible,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 13, points 4 and 9, in a real browser with the demo municipality: the admin reads the
// service levels and builds a catalogue service with an order form (fields added, typed and
// reordered by keyboard); the employee sees the desk's promises, orders the service in the
// portal (refused empty, beside each field) and follows the request. axe on every page and
// dialog visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses a button from the keyboard. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

describe('catalogue services and ordering', () => {
  const stamp = Date.now().toString(36);
  const service = `Surfplatta ${stamp}`;

  test('the admin reads the service levels', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Servicenivåer' }).click();
    await h1(page, 'Servicenivåer').waitFor();
    const table = page.getByRole('table', { name: 'Servicenivåer' });
    await table.getByRole('row').filter({ hasText: 'Verksamhetskritiska system' }).waitFor();
    // CGI's (Heroma) and Formpipe's (the diary) contracted levels.
    expect(await table.getByRole('row').filter({ hasText: 'Underleverantörsavtal' }).count()).toBe(2);
    await expectAccessible(page, 'service levels');

    await table.getByRole('link', { name: 'Standard', exact: true }).click();
    await h1(page, 'Standard').waitFor();
    const targets = page.getByRole('table', { name: 'Svars- och lösningstid per prioritet' });
    // Priority 3 of the ITIL defaults: 4 hours to respond, 27 business hours to solve.
    expect(await targets.getByRole('row', { name: /3 Medel/ }).textContent()).toMatch(/4 tim.*27 tim/);
    await page.getByRole('table', { name: 'Tjänster med den här nivån' }).getByRole('row').nth(1).waitFor();
    await expectAccessible(page, 'service level');

    await page.getByRole('button', { name: 'Redigera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra servicenivå' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Lösningstid, prioritet 1, timmar').inputValue()).toBe('4');
    await expectAccessible(page, 'service level dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  test('the admin creates a service with an order form, its fields added and reordered by keyboard', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Tjänster', exact: true }).click();
    await h1(page, 'Tjänster').waitFor();
    await page
      .getByRole('table', { name: 'Tjänster' })
      .getByRole('link', { name: 'Dator som tjänst' })
      .waitFor();
    await expectAccessible(page, 'services');

    await page.getByRole('button', { name: 'Ny tjänst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny tjänst' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Namn/).fill(service);
    await dialog.getByLabel('Beskrivning').fill('En surfplatta för arbete i fält, med kommunens appar.');
    await choose(page, dialog.getByRole('combobox', { name: /^Ärendegrupp/ }), 'Servicedesk', 'Service');

    const add = dialog.getByRole('button', { name: 'Lägg till fält' });
    await press(add);
    const first = dialog.getByRole('group', { name: /^Fält 1/ });
    await first.getByLabel(/^Rubrik/).fill('Modell');
    await choose(page, first.getByRole('combobox', { name: 'Typ' }), 'Val i en lista');
    await first.getByLabel(/^Val, ett per rad/).fill('iPad\nSamsung Galaxy Tab');
    await first.getByLabel('Obligatoriskt').check();
    // The key follows the label.
    expect(await first.getByLabel(/^Nyckel/).inputValue()).toBe('modell');

    await press(add);
    const second = dialog.getByRole('group', { name: /^Fält 2/ });
    await second.getByLabel(/^Rubrik/).fill('Varför behövs den?');
    await choose(page, second.getByRole('combobox', { name: 'Typ' }), 'Lång text');
    await second.getByLabel('Obligatoriskt').check();
    await expectAccessible(page, 'service dialog with two fields');
    // The second field moves up, by keyboard.
    await press(second.getByRole('button', { name: 'Flytta fält 2 uppåt' }));
    await expect
      .poll(() =>
        dialog
          .getByRole('group', { name: /^Fält 1/ })
          .getByLabel(/^Rubrik/)
          .inputValue(),
      )
      .toBe('Varför behövs den?');

    await dialog.getByRole('button', { name: 'Skapa tjänst' }).click();
    await h1(page, service).waitFor();
    const fields = page.getByRole('table', { name: 'Fälten i beställningsformuläret' });
    await expect.poll(() => fields.getByRole('row').count()).toBe(3);
    expect(await fields.getByRole('row').nth(1).textContent()).toContain('Varför behövs den?');
    expect(await fields.getByRole('row').nth(2).textContent()).toContain('iPad, Samsung Galaxy Tab');
    await expectAccessible(page, 'service page with the preview of its form');
    await page.context().close();
  });

  test('the employee sees the promises, orders the service in the portal and follows the request', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Mina ärenden' }).click();
    await h1(page, 'Mina ärenden').waitFor();
    const promises = page.getByRole('region', { name: 'Det här lovar servicedesken' });
    await promises.waitFor();
    await expect.poll(() => promises.textContent()).toMatch(/besvaras inom 60 sekunder/);
    await expect.poll(() => promises.textContent()).toMatch(/Uppmätt: \d+\s%/);
    await expectAccessible(page, 'my tickets with the promises');

    await nav.getByRole('link', { name: 'Beställ', exact: true }).click();
    await h1(page, 'Beställ').waitFor();
    const order = page.getByRole('link', { name: `Beställ ${service}` });
    await order.waitFor();
    await expectAccessible(page, 'order: the catalogue');
    await order.click();
    await h1(page, `Beställ ${service}`).waitFor();
    await expectAccessible(page, 'order form');

    // Sent empty: both required answers are refused beside their fields, nothing is sent.
    await page.getByRole('button', { name: 'Skicka beställningen' }).click();
    const model = page.getByRole('combobox', { name: /^Modell/ });
    const why = page.getByLabel(/^Varför behövs den/);
    await expect.poll(() => model.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => why.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'order form with errors');

    await choose(page, model, 'iPad');
    await why.fill('Jag inventerar gatubelysningen ute i fält.');
    await page.getByLabel(/^Något mer vi behöver veta/).fill('Gärna före den 1 september.');
    await page.getByRole('button', { name: 'Skicka beställningen' }).click();

    await page.waitForURL(/\/portal\/tickets\/[0-9a-f-]+$/);
    await h1(page, new RegExp(`REQ-.*${service}`)).waitFor();
    const number = (await page.locator('h1').textContent())?.match(/REQ-\d{4}-\d{6}/)?.[0] ?? '';
    expect(number).toMatch(/^REQ-\d{4}-\d{6}$/);
    await expectAccessible(page, 'the ordered request');

    await nav.getByRole('link', { name: 'Mina ärenden' }).click();
    await h1(page, 'Mina ärenden').waitFor();
    const row = page
      .getByRole('table', { name: 'Mina ärenden' })
      .getByRole('row')
      .filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain(service);
    await page.context().close();
  });
});
