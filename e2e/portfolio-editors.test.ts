import type { Browser, Locator, Page } from 'playwright-core';
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

// Issue 15's editors in a real browser with the demo municipality: the portfolio's keeper changes
// a project's milestones, budget and outcome per year, and risks in their dialogs by keyboard
// (axe on each open dialog), and makes the contract an awarded procurement resulted in, in the
// register, from the procurement's page.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses a button with the keyboard: focus, then Enter. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

async function openDialog(page: Page, button: string, title: RegExp) {
  await press(page.getByRole('button', { name: button }));
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

async function save(page: Page, dialog: Locator) {
  await press(dialog.getByRole('button', { name: 'Spara' }));
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Projektet är sparat.').first().waitFor();
}

describe('portfolio editors', () => {
  test('the keeper edits milestones, budget and risks of a project by keyboard', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/portfolio/projects?q=${encodeURIComponent('IT-organisation på KLK')}`);
    await page.getByRole('link', { name: 'Etablera en IT-organisation på KLK' }).waitFor();
    await expectAccessible(page, 'the projects');
    await page.getByRole('link', { name: 'Etablera en IT-organisation på KLK' }).click();
    await h1(page, 'Etablera en IT-organisation på KLK').waitFor();

    // Milestones: the demo's one is changed, a second is added.
    let dialog = await openDialog(page, 'Ändra milstolpar', /^Milstolpar i /);
    await expectAccessible(page, 'milestones dialog');
    const first = dialog.getByRole('group', { name: 'Milstolpe 1' });
    await first.getByRole('textbox', { name: /^Klar/ }).fill('2015-04-15');
    await press(dialog.getByRole('button', { name: 'Lägg till milstolpe' }));
    const second = dialog.getByRole('group', { name: 'Milstolpe 2' });
    // The new row's name has the focus.
    await expect
      .poll(async () =>
        second.getByRole('textbox', { name: /^Milstolpe/ }).evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.type('IT-chef anställd');
    await second.getByRole('textbox', { name: /^Planerad/ }).fill('2015-06-30');
    await save(page, dialog);
    const milestones = region(page, 'Milstolpar');
    await milestones.getByRole('rowheader', { name: 'IT-chef anställd' }).waitFor();
    await milestones.getByText('2015-04-15').or(milestones.getByText('15 apr. 2015')).first().waitFor();

    // Budget: a year with investment and outcome in kronor; a blank name is refused on its row.
    dialog = await openDialog(page, 'Ändra budget och utfall', /^Budget och utfall för /);
    await press(dialog.getByRole('button', { name: 'Lägg till år' }));
    const year = dialog.getByRole('group').last();
    await year.getByRole('textbox', { name: /^År/ }).fill('2015');
    await year.getByRole('textbox', { name: /^Investering \(kr\)/ }).fill('1200000');
    await year.getByRole('textbox', { name: /^Utfall investering \(kr\)/ }).fill('1150000');
    await expectAccessible(page, 'budget dialog');
    // The same year twice: the server's error (body.budget.N.year) on that row's year, then removed.
    await press(dialog.getByRole('button', { name: 'Lägg till år' }));
    const again = dialog.getByRole('group').last();
    await again.getByRole('textbox', { name: /^År/ }).fill('2015');
    await press(dialog.getByRole('button', { name: 'Spara' }));
    await again.getByText('Året finns redan i budgeten.').waitFor();
    expect(await again.getByRole('textbox', { name: /^År/ }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'budget dialog with the server’s error on a row');
    const removeButtons = dialog.getByRole('button', { name: /^Ta bort / });
    await press(removeButtons.last());
    await save(page, dialog);
    const budget = region(page, 'Budget och utfall per år');
    await budget.getByRole('rowheader', { name: '2015' }).waitFor();
    await expect.poll(async () => budget.textContent()).toMatch(/1\s200\s000,00\skr/);

    // Risks: one added; a missing description is shown on its own row's field.
    dialog = await openDialog(page, 'Ändra risker', /^Risker i /);
    await press(dialog.getByRole('button', { name: 'Lägg till risk' }));
    const risk = dialog.getByRole('group').last();
    await press(dialog.getByRole('button', { name: 'Spara' }));
    await expect
      .poll(async () => risk.getByRole('textbox', { name: /^Risk/ }).getAttribute('aria-invalid'))
      .toBe('true');
    await expectAccessible(page, 'risks dialog with an error');
    await risk.getByRole('textbox', { name: /^Risk/ }).fill('Svårt att rekrytera IT-chef');
    await risk.getByRole('textbox', { name: /^Sannolikhet/ }).fill('4');
    await risk.getByRole('textbox', { name: /^Konsekvens/ }).fill('5');
    await risk.getByRole('textbox', { name: /^Åtgärd/ }).fill('Rekryteringsfirma');
    await save(page, dialog);
    const risks = region(page, 'Risker');
    await risks.getByRole('rowheader', { name: 'Svårt att rekrytera IT-chef' }).waitFor();

    // A stale version: someone else changes the project while the dialog is open; the 409, then
    // "Läs in igen" reads it again (with the other change) and the save goes through.
    dialog = await openDialog(page, 'Ändra milstolpar', /^Milstolpar i /);
    const projectId = new URL(page.url()).pathname.split('/').pop();
    await page.evaluate(async (id) => {
      const session = await (await fetch('/api/v1/session')).json();
      const project = await (await fetch(`/api/v1/projects/${id}`)).json();
      const response = await fetch(`/api/v1/projects/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          version: project.version,
          milestones: [...project.milestones, { name: 'Tillagd av någon annan' }],
        }),
      });
      if (!response.ok) throw new Error(`PATCH: ${response.status}`);
    }, projectId);
    // The page refetches the project behind the open dialog (a reconnect refetches stale queries):
    // the dialog must stay on the version it opened with, or the save would overwrite unseen.
    await expect
      .poll(
        async () => {
          await page.evaluate(() => {
            window.dispatchEvent(new Event('offline'));
            window.dispatchEvent(new Event('online'));
          });
          return milestones.textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain('Tillagd av någon annan');
    await press(dialog.getByRole('button', { name: 'Lägg till milstolpe' }));
    // Type only once the new row's name has the focus (it moves there on the next render; under
    // load, typing before it lost the name and the save stopped at the empty field, not the 409).
    await expect
      .poll(async () =>
        dialog
          .getByRole('textbox', { name: /^Milstolpe/ })
          .last()
          .evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.type('Min milstolpe');
    await press(dialog.getByRole('button', { name: 'Spara' }));
    const conflict = dialog.getByRole('alert');
    await expect
      .poll(() => conflict.textContent())
      .toContain('Någon annan har ändrat uppgifterna medan du arbetade med dem.');
    await expectAccessible(page, 'milestones dialog, conflict');
    await press(conflict.getByRole('button', { name: 'Läs in igen' }));
    await conflict.waitFor({ state: 'hidden' });
    await expect
      .poll(() =>
        dialog
          .getByRole('textbox', { name: /^Milstolpe/ })
          .last()
          .inputValue(),
      )
      .toBe('Tillagd av någon annan');
    await save(page, dialog);
    await milestones.getByRole('rowheader', { name: 'Tillagd av någon annan' }).waitFor();
    await expectAccessible(page, 'the project after its edits');
    expectNoCspViolation(page);
    await page.context().close();
  });

  test('an awarded procurement gets its contract in the register', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const title = 'Nätverk och brandväggar, förnyad konkurrensutsättning';
    await page.goto(`${server.url}/portfolio/procurements?q=${encodeURIComponent('brandväggar')}`);
    await page.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page, 'the procurements');
    await page.getByRole('link', { name: title }).click();
    await h1(page, title).waitFor();

    // Evaluating → awarded through the status dialog.
    await press(page.getByRole('button', { name: 'Fler åtgärder' }));
    await page.getByRole('menuitem', { name: 'Ändra status' }).click();
    let dialog = page.getByRole('dialog', { name: 'Ändra status' });
    await dialog.waitFor();
    await dialog
      .getByRole('textbox', { name: /^Status/ })
      .or(dialog.getByLabel(/^Status/))
      .first()
      .click();
    await page.getByRole('option', { name: 'Tilldelad' }).click();
    await press(dialog.getByRole('button', { name: 'Spara' }));
    await dialog.waitFor({ state: 'hidden' });

    dialog = await openDialog(page, 'Skapa avtal i registret', /^Avtal i registret för /);
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    await expectAccessible(page, 'contract dialog');
    // Prefilled from the procurement; the supplier is chosen by keyboard.
    expect(await dialog.getByRole('textbox', { name: /^Avtalets namn/ }).inputValue()).toBe(title);
    const supplier = dialog.getByRole('combobox', { name: /^Leverantör/ });
    await supplier.focus();
    await page.keyboard.type('Evry');
    // The register's search narrows the list: Evry first, then chosen with the arrow and Enter.
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/Evry/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => supplier.inputValue()).toMatch(/Evry/);
    await dialog.getByRole('textbox', { name: /^Avtalet börjar/ }).fill('2026-04-01');
    await press(dialog.getByRole('button', { name: 'Skapa avtal i registret' }));
    // The contract's page in the register.
    await h1(page, title).waitFor();
    await expect.poll(() => page.url()).toMatch(/\/contracts\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: /Evry/ }).first().waitFor();
    await expectAccessible(page, 'the contract made from the procurement');
    await page.goBack();
    await region(page, 'Upphandlingen').or(page.getByRole('main')).first().waitFor();
    await page.getByText('Avtal tecknat').first().waitFor();
    expectNoCspViolation(page);
    await page.context().close();
  });
});
