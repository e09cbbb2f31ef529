import type { Browser } from 'playwright-core';
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

// Issue 16 point 2 in a real browser with the demo municipality: the IT-kundansvarig orders a
// computer for a new teacher at Björkskolan with its kontering (the unit's own codes as the
// choices), the ekonom approves it as budget holder (from the start page's queue), the service
// desk marks the desk's request delivered, and the subscription runs from that day. axe on
// every page and dialog visited.

let server: RunningServer;
let browser: Browser;

const NIKLAS = { email: 'niklas.wallin@styrby.example', password: 'demo' };
const MARIA = { email: 'maria.johansson@styrby.example', password: 'demo' };
const TOBIAS = { email: 'tobias.engstrom@styrby.example', password: 'demo' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an order from the catalogue', () => {
  test('ordered with kontering, approved by the budget holder, delivered through the desk', async () => {
    // 1. The order, by the IT-kundansvarig.
    let page = await newPage(browser);
    await signIn(page, server.url, NIKLAS);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Beställningar', exact: true }).click();
    await h1(page, 'Beställningar').waitFor();
    await expectAccessible(page, 'my orders');
    await page.getByRole('link', { name: 'Ny beställning' }).click();
    await h1(page, 'Ny beställning').waitFor();
    await choose(
      page,
      page.getByRole('combobox', { name: /^Erbjudande/ }),
      'Dator som tjänst – bärbar dator',
      'bärbar',
    );
    await choose(page, page.getByRole('combobox', { name: /^Person/ }), /Karolina Bengtsson/, 'Karolina');
    const kontering = page.getByRole('group', { name: 'Kontering' });
    const costCentre = kontering.getByRole('combobox', { name: /^Kostnadsställe/ });
    await expect.poll(() => costCentre.isEnabled()).toBe(true);
    await choose(page, costCentre, /^4210/);
    await choose(page, kontering.getByRole('combobox', { name: /^Konto/ }), /^6550/);
    await choose(page, kontering.getByRole('combobox', { name: /^Aktivitet/ }), /^P4001/);
    // The desk's order form of the service.
    await choose(page, page.locator('#catalogue-order-modell'), /Bärbar standarddator/);
    await page.locator('#catalogue-order-leveransadress').fill('Björkskolan, lärarrummet');
    await page.locator('#catalogue-order-kostnadsstalle').fill('4210');
    await choose(page, page.locator('#catalogue-order-anvandare'), /Karolina Bengtsson/, 'Karolina');
    await page.getByLabel('Meddelande').fill('Ny lärare, börjar på måndag');
    await expectAccessible(page, 'order form');
    await page.getByRole('button', { name: 'Beställ' }).click();
    // A refused order shows why (the field's message or the form's alert): say it in the failure.
    await Promise.race([
      h1(page, 'Dator som tjänst – bärbar dator').waitFor(),
      page
        .locator('.mantine-InputWrapper-error, .mantine-Alert-root')
        .first()
        .waitFor()
        .then(async () => {
          throw new Error(
            `order refused: ${(await page.locator('.mantine-InputWrapper-error, .mantine-Alert-root').allTextContents()).join(' | ')}`,
          );
        }),
    ]);
    await page.getByText('Väntar på attest').first().waitFor();
    const orderUrl = page.url();
    await expectAccessible(page, 'order awaiting approval');
    await page.context().close();

    // 2. The attest, by the ekonom: the start page's queue leads to the order.
    page = await newPage(browser);
    await signIn(page, server.url, MARIA);
    const item = page.getByRole('link', { name: /Dator som tjänst – bärbar dator · Björkskolan/ }).first();
    await item.waitFor();
    await expectAccessible(page, 'start page with the attest queue');
    await page.goto(orderUrl);
    await h1(page, 'Dator som tjänst – bärbar dator').waitFor();
    const approve = page.getByRole('button', { name: 'Attestera' });
    await approve.focus();
    await approve.press('Enter');
    await page.getByText('Under leverans').first().waitFor();
    await expectAccessible(page, 'order approved');
    await page.context().close();

    // 3. Delivery, by the service desk working the request.
    page = await newPage(browser);
    await signIn(page, server.url, TOBIAS);
    await page.goto(orderUrl);
    await h1(page, 'Dator som tjänst – bärbar dator').waitFor();
    await page.getByRole('button', { name: 'Levererad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Markera som levererad' });
    await dialog.waitFor();
    await expectAccessible(page, 'delivery dialog');
    await dialog.getByRole('button', { name: 'Levererad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Levererad', { exact: true }).first().waitFor();
    await page.context().close();

    // 4. The subscription, on the ekonom's list.
    page = await newPage(browser);
    await signIn(page, server.url, MARIA);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Abonnemang', exact: true })
      .click();
    await h1(page, 'Abonnemang').waitFor();
    const table = page.getByRole('table', { name: 'Abonnemang, senaste först' });
    const row = table.getByRole('row').filter({ hasText: 'Karolina Bengtsson' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('4210 · 6550 · P4001');
    await expectAccessible(page, 'subscriptions');

    // 5. The unit's kontering codes, kept by the ekonom.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Konteringskoder', exact: true })
      .click();
    await h1(page, 'Konteringskoder').waitFor();
    await choose(page, page.getByRole('combobox', { name: /^Enhet/ }), /Björkskolan/, 'Björk');
    const codes = page.getByRole('table', { name: 'Enhetens koder' });
    await codes.getByRole('row').filter({ hasText: '6550' }).waitFor();
    await page.getByRole('textbox', { name: /^Kod/ }).fill('6560');
    await page.getByRole('textbox', { name: /^Benämning/ }).fill('Skärmar');
    await page.getByRole('textbox', { name: /^Benämning/ }).press('Enter');
    await codes.getByRole('row').filter({ hasText: '6560' }).waitFor();
    await expectAccessible(page, 'kontering codes');
    await page.context().close();
  });
});
