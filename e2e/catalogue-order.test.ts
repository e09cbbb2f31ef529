import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Browser, Locator } from 'playwright-core';
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
// desk marks the desk's request delivered, and the subscription runs from that day. Then the
// month: Björkskolan moves to billing from the month's first day, the month's run is computed
// and locked, and the computer's line is on the school's specification and, to the öre, in the
// SIE file for the finance system. axe on every page and dialog visited.

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
    // Ordered where every employee orders: the portal's "Beställ", where a priced service leads
    // to the catalogue's form with its price on the card, not to a bare desk request.
    await nav.getByRole('link', { name: 'Beställ', exact: true }).click();
    await h1(page, 'Beställ').waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Dator som tjänst' }) });
    await card.getByText(/erbjudanden|kr/).waitFor();
    await expectAccessible(page, 'portal order');
    await card.getByRole('link', { name: 'Beställ Dator som tjänst' }).click();
    await h1(page, 'Ny beställning').waitFor();
    expect(new URL(page.url()).pathname).toBe('/catalogue/order');
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

  test("the month is run and locked: the computer is on the school's specification and in the SIE file", async () => {
    const press = async (button: Locator) => {
      await button.focus();
      await button.press('Enter');
    };
    const month = new Date().toISOString().slice(0, 7);
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });

    // Björkskolan is under quality steering until next year: it moves to billing this month.
    await nav.getByRole('link', { name: 'Kvalitetsstyrning och debitering', exact: true }).click();
    await h1(page, 'Kvalitetsstyrning och debitering').waitFor();
    const modes = page.getByRole('table', { name: 'Förvaltningar och deras läge' });
    await press(modes.getByRole('button', { name: 'Historik: Björkskolan' }));
    const change = page.getByRole('dialog', { name: 'Ändra läge för Björkskolan' });
    await change.waitFor();
    await choose(page, change.getByRole('combobox', { name: /^Läge/ }), 'Debitering');
    await change.getByLabel('Från och med').fill(`${month}-01`);
    await expectAccessible(page, 'billing switch dialog');
    await press(change.getByRole('button', { name: 'Ändra läge' }));
    // The switch joins the unit's history, shown in the same dialog.
    await change
      .getByRole('table', { name: 'Övergångar, senaste först' })
      .getByRole('row')
      .filter({ hasText: 'Debitering' })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    await change.waitFor({ state: 'hidden' });
    await modes
      .getByRole('row')
      .filter({ hasText: 'Björkskolan' })
      .filter({ hasText: 'Debitering' })
      .waitFor();

    // The month's run, computed again and locked.
    await nav.getByRole('link', { name: 'Debitering', exact: true }).click();
    await h1(page, 'Debitering').waitFor();
    await page
      .getByRole('table', { name: 'Debiteringskörningar' })
      .getByRole('link', { name: month })
      .click();
    await h1(page, `Debitering ${month}`).waitFor();
    await press(page.getByRole('button', { name: 'Beräkna om' }));
    const compute = page.getByRole('dialog', { name: `Beräkna debiteringen för ${month}` });
    await press(compute.getByRole('button', { name: /^Beräkna/ }).last());
    await compute.waitFor({ state: 'hidden' });
    await press(page.getByRole('button', { name: 'Lås', exact: true }));
    const lock = page.getByRole('dialog', { name: `Lås debiteringen för ${month}` });
    await lock.waitFor();
    await expectAccessible(page, 'lock dialog');
    await press(lock.getByRole('button', { name: 'Lås', exact: true }));
    await lock.waitFor({ state: 'hidden' });
    await page.getByText('Månaden är låst.').waitFor();

    // The school's specification: the computer's line, and its sum per kontering.
    const units = page.getByRole('table', { name: 'Månadens summa per enhet' });
    await units.getByRole('link', { name: 'Specifikation: Björkskolan' }).click();
    await h1(page, `Specifikation ${month} – Björkskolan`).waitFor();
    const lines = page.getByRole('table', { name: 'Rader' });
    await lines.getByRole('row').filter({ hasText: 'Dator som tjänst – bärbar dator' }).first().waitFor();
    await expectAccessible(page, 'specification');
    const sum = page
      .getByRole('table', { name: 'Summa per kontering' })
      .getByRole('row')
      .filter({ hasText: '4210 · 6550 · P4001' });
    // The rows of the school's cost centre, account and project, whatever their counterpart (SIE
    // has no counterpart dimension: the file sums them).
    await sum.first().waitFor();
    let ore = 0;
    for (const cell of await sum.locator('td').all()) {
      const text = ((await cell.textContent()) ?? '').replace(/[^\d,]/g, '');
      expect(text).toMatch(/^\d+,\d{2}$/);
      ore += Number(text.replace(',', ''));
    }
    expect(ore).toBeGreaterThan(0);
    const kronor = `${Math.floor(ore / 100)}${ore % 100 ? `.${String(ore % 100).padStart(2, '0')}` : ''}`;

    // The SIE file of the locked month: the same sum on the school's cost centre and project.
    await page.goBack();
    await h1(page, `Debitering ${month}`).waitFor();
    await page.getByRole('button', { name: 'Till ekonomisystemet' }).waitFor();
    await expectAccessible(page, 'locked run with its finance files');
    await press(page.getByRole('button', { name: 'Till ekonomisystemet' }));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'SIE 4i (verifikationer)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`debitering-${month}.se`);
    const sie = iconv.decode(await readFile((await download.path())!), 'cp437');
    expect(sie).toContain('#FNAMN "Styrby kommun"');
    // The en dash of the school's name is not in CP437: it is written as a plain dash.
    expect(sie).toContain('#OBJEKT 1 "4210" "Björkskolan F-6"');
    expect(sie).toContain(`#TRANS "6550" {1 "4210" 6 "P4001"} ${kronor}\r\n`);
    await page.context().close();
  });
});
