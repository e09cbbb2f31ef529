import type { Browser, Locator } from 'playwright-core';
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

// Issue 14, point 6, in a real browser with the demo municipality: the admin opens the yearly
// self-assessment, looks at the demo template and its editor, answers the IT-styrgrupp's draft
// round of 2026 from the keyboard (a scale question as a radio group moved with the arrow keys, a
// comment, saved with Enter), finds the answer kept after a reload, submits the round (locked),
// and opens the comparison across 2024–2026 with its charts and table. axe on every page visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function press(control: Locator, key = 'Enter') {
  await control.focus();
  await control.press(key);
}

const TEMPLATE = 'Självskattning e-förvaltning';

describe('the yearly self-assessment', () => {
  // The tests run in order: the comparison shows what the round's test answered.
  test('shows the demo template, its rounds and its editor', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Självskattning' }).click();
    await h1(page, 'Självskattning').waitFor();
    const rounds = page.getByRole('table', { name: 'Självskattningsomgångar, senaste året först' });
    await rounds.getByRole('link', { name: `${TEMPLATE} 2024` }).waitFor();
    expect(await rounds.getByRole('row').filter({ hasText: 'IT-styrgrupp' }).count()).toBe(3);
    await expectAccessible(page, 'self-assessment');

    // The template and its editor.
    await page
      .getByRole('table', { name: 'Självskattningsmallar' })
      .getByRole('link', { name: TEMPLATE })
      .click();
    await h1(page, TEMPLATE).waitFor();
    await page.getByRole('heading', { name: 'Informationssäkerhet' }).waitFor();
    await expectAccessible(page, 'template');
    await page.goto(`${page.url()}/edit`);
    await h1(page, `Redigera ${TEMPLATE}`).waitFor();
    await expect.poll(() => page.getByLabel('Frågetext').count()).toBe(16);
    await expectAccessible(page, 'template editor');
  });

  test('answers the round of 2026 by keyboard and submits it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    // This year's round, a draft with answers already given.
    await page.goto(`${server.url}/governance/surveys`);
    await page.getByRole('link', { name: `${TEMPLATE} 2026` }).click();
    await h1(page, `${TEMPLATE} 2026`).waitFor();
    await expectAccessible(page, 'round');

    const group = page.getByRole('radiogroup', { name: /^2\. Forum, mandat och beslutsvägar/ });
    // Earlier years' answers stand beside the question.
    await page.getByText('Tidigare år: 2024: 2 Påbörjad · 2025: 3 Delvis etablerad').first().waitFor();
    const checked = group.getByRole('radio', { checked: true });
    await expect.poll(() => checked.getAttribute('value')).toBe('4');
    // An arrow key moves the answer one step up the scale; Tab goes on to the comment.
    await press(checked, 'ArrowRight');
    await expect.poll(() => group.getByRole('radio', { name: '5 – Fullt utvecklad' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const comment = page.getByLabel('Kommentar till fråga 2');
    await expect.poll(() => comment.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Mandaten beslutades av KS i våras.');
    await page.getByRole('status').filter({ hasText: '1 osparad ändring' }).waitFor();
    await press(page.getByRole('button', { name: 'Spara svaren' }));
    await page.getByText('Svaren är sparade.').waitFor();

    await page.reload();
    await h1(page, `${TEMPLATE} 2026`).waitFor();
    const again = page.getByRole('radiogroup', { name: /^2\. Forum, mandat och beslutsvägar/ });
    await expect.poll(() => again.getByRole('radio', { name: '5 – Fullt utvecklad' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Kommentar till fråga 2').inputValue()).toBe(
      'Mandaten beslutades av KS i våras.',
    );

    // Submitted, the answers are locked.
    await press(page.getByRole('button', { name: 'Lämna in' }));
    const dialog = page.getByRole('dialog', { name: 'Lämna in' });
    await dialog.waitFor();
    await expectAccessible(page, 'submit dialog');
    await press(dialog.getByRole('button', { name: 'Lämna in' }));
    await page.getByText('Omgången är inlämnad.').waitFor();
    await page.getByText(/Svaren är låsta\./).waitFor();
    await expect
      .poll(() => again.getByRole('radio', { name: '5 – Fullt utvecklad' }).isDisabled())
      .toBe(true);
    await expectAccessible(page, 'submitted round');
  });

  test('compares the three years as charts and tables', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/governance/surveys`);
    await page.getByRole('link', { name: `${TEMPLATE} 2026` }).click();
    await h1(page, `${TEMPLATE} 2026`).waitFor();
    // The comparison: three years, the section means as a chart, each section's table.
    await press(page.getByRole('link', { name: 'Jämför år' }));
    await h1(page, 'Jämförelse mellan år').waitFor();
    await page.getByRole('img', { name: /^Medelvärde per avsnitt\./ }).waitFor();
    const table = page.getByRole('table', { name: 'Styrning och ledning: svar per fråga och år' });
    const header = table.getByRole('row').first();
    for (const year of ['2024', '2025', '2026'])
      await header.getByRole('columnheader', { name: year }).waitFor();
    const row = table.getByRole('row', { name: /^2\. Forum, mandat/ });
    await row.getByText('5 Fullt utvecklad').waitFor();
    await row.getByText('2 Påbörjad').waitFor();
    await row.getByText('Mandaten beslutades av KS i våras.').waitFor();
    await expectAccessible(page, 'comparison');
  });

  test("writes a new template in the editor and starts a forum's round of it", async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/governance/surveys`);
    await h1(page, 'Självskattning').waitFor();
    await press(page.getByRole('button', { name: 'Ny mall' }));
    await h1(page, 'Ny självskattningsmall').waitFor();
    const stamp = Date.now().toString(36);
    const title = `Uppföljning av systemförvaltning ${stamp}`;
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Avsnittets rubrik').fill('Förvaltningsmodell');
    await page.getByLabel('Frågetext').fill('Varje system har en förvaltningsplan');
    await press(page.getByRole('button', { name: 'Lägg till fråga' }));
    await page.getByLabel('Frågetext').nth(1).fill('Har systemägargruppen mötts fyra gånger?');
    const kind = page.getByRole('combobox', { name: 'Svarstyp' }).nth(1);
    await kind.click();
    await page.getByRole('option', { name: 'Ja eller nej' }).click();
    await expectAccessible(page, 'new template');
    await press(page.getByRole('button', { name: 'Spara mallen' }));
    await h1(page, title).waitFor();
    await page.getByText('1 Saknas · 2 Påbörjad', { exact: false }).waitFor();

    await press(page.getByRole('button', { name: 'Starta omgång' }));
    const dialog = page.getByRole('dialog', { name: 'Starta omgång' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: /^Forum/ }).click();
    await page.getByRole('option', { name: 'Systemägargrupp' }).first().click();
    await expectAccessible(page, 'start round');
    await press(dialog.getByRole('button', { name: 'Starta omgång' }));
    await h1(page, new RegExp(`^${title} \\d{4}$`)).waitFor();
    await page.getByText('Besvaras av Systemägargrupp.').waitFor();
    await page
      .getByRole('radiogroup', { name: /^2\. Har systemägargruppen/ })
      .getByRole('radio', { name: 'Ja' })
      .waitFor();
  });
});
