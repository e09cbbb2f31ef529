import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  choose,
  EMPLOYEE,
  expectAccessible,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  region,
  signIn,
  startServer,
} from './support.ts';

// Issue 13, point 9's knowledge, in a real browser with the demo municipality: an agent of the
// service desk writes and publishes an article for Heroma, "Kan inte logga in i Heroma"; the demo
// employee starts typing that title in the portal's report form, sees the article suggested under
// it, opens it by keyboard and says it helped, then opens its page; an agent inserts it into a
// reply on the demo's Heroma ticket. axe on every page and dialog visited.

let server: RunningServer;
let browser: Browser;

const AGENT = { email: 'tobias.engstrom@styrby.example', password: 'demo' };
const TITLE = 'Kan inte logga in i Heroma';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the knowledge base end to end', () => {
  test('an agent writes and publishes an article for Heroma', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, AGENT);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Kunskapsbas' }).click();
    await h1(page, 'Kunskapsbas').waitFor();
    const table = page.getByRole('table', { name: 'Kunskapsartiklar' });
    await table.getByRole('link', { name: 'Heroma: kontot är spärrat efter fel lösenord' }).waitFor();
    await expectAccessible(page, 'knowledge base, agent');

    await page.getByRole('button', { name: 'Ny artikel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny kunskapsartikel' });
    await dialog.waitFor();
    // Saved empty: the title and the text are required.
    await dialog.getByRole('button', { name: 'Spara utkast' }).click();
    await expect.poll(() => dialog.getByLabel(/^Rubrik/).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel(/^Rubrik/).fill(TITLE);
    await dialog
      .getByLabel(/^Text/)
      .fill(
        'Oftast är kontot spärrat efter för många försök.\n\n1. Vänta 30 minuter.\n2. Logga in via intranätet.\n\n- Fungerar det inte? Anmäl ett fel.\n<b>inte fetstil</b>',
      );
    await choose(page, dialog.getByRole('combobox', { name: 'System' }), 'Lön- och personalsystem', 'Lön');
    const keywords = dialog.getByLabel(/^Sökord/);
    await keywords.fill('inloggning');
    await keywords.press('Enter');
    await dialog.getByRole('switch', { name: 'Visa förhandsgranskning' }).check();
    const preview = dialog.getByRole('region', { name: 'Förhandsgranskning' });
    await preview.getByRole('listitem').filter({ hasText: 'Vänta 30 minuter.' }).waitFor();
    // The text is shown as text: the markup is not made bold.
    expect(await preview.locator('b').count()).toBe(0);
    await expect.poll(() => preview.textContent()).toContain('<b>inte fetstil</b>');
    await expectAccessible(page, 'article dialog');
    await dialog.getByRole('button', { name: 'Spara utkast' }).click();

    await h1(page, TITLE).waitFor();
    await page.getByText('Utkastet syns bara för handläggare.').waitFor();
    await expectAccessible(page, 'draft article');
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText('Artikeln är publicerad.').first().waitFor();
    await expect.poll(() => page.getByText('Utkastet syns bara för handläggare.').count()).toBe(0);
    const details = region(page, 'Om artikeln');
    await expect.poll(() => details.textContent()).toContain('Publicerad');
    expect(await details.textContent()).toContain('Lön- och personalsystem');
    await expectAccessible(page, 'published article');
    await page.context().close();
  });

  test('the employee types the title in the portal, sees the article suggested and opens it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Anmäl ett fel' }).click();
    await h1(page, 'Anmäl ett fel').waitFor();
    const titleField = page.getByLabel(/^Vad är det som inte fungerar/);
    // Typed as a person types, the last word still unfinished.
    await titleField.pressSequentially('Kan inte logga in i Her', { delay: 40 });
    const status = page.getByRole('status').filter({ hasText: 'kunskapsbasen kan hjälpa dig' });
    await status.waitFor();
    const suggestion = page.getByRole('button', { name: `Läs ${TITLE}`, exact: true });
    await suggestion.waitFor();
    await expectAccessible(page, 'report form with suggestions');

    // By keyboard: the suggestions come right after the title.
    await titleField.focus();
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached =
        (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === `Läs ${TITLE}`;
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: TITLE });
    await dialog.getByRole('listitem').filter({ hasText: 'Vänta 30 minuter.' }).waitFor();
    await expectAccessible(page, 'suggested article dialog');
    await dialog.getByRole('button', { name: 'Ja' }).click();
    await dialog.getByText('Då behöver du inte skicka anmälan.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Ja' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'article dialog after answering');
    // What was typed is still there behind the dialog.
    expect(await titleField.inputValue()).toBe('Kan inte logga in i Her');

    await dialog.getByRole('link', { name: 'Öppna artikeln' }).click();
    await h1(page, TITLE).waitFor();
    // The employee reads it; nothing to change.
    expect(await page.getByRole('button', { name: 'Redigera' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publicera' }).count()).toBe(0);
    await expectAccessible(page, 'article page, employee');

    await nav.getByRole('link', { name: 'Kunskapsbas' }).click();
    await h1(page, 'Kunskapsbas').waitFor();
    const table = page.getByRole('table', { name: 'Kunskapsartiklar' });
    await table.getByRole('link', { name: 'Skrivaren skriver ut tomma sidor' }).waitFor();
    await page.getByLabel('Sök i kunskapsbasen').fill('logga in heroma');
    // The search is in the address, and the list holds what matches every word only.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('logga in heroma');
    await table
      .getByRole('link', { name: 'Skrivaren skriver ut tomma sidor' })
      .waitFor({ state: 'detached' });
    await table.getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(page, 'knowledge base, employee');
    await page.context().close();
  });

  test("an agent inserts the article's link into a reply on the Heroma ticket", async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.goto(`${server.url}/desk/console?q=${encodeURIComponent(TITLE)}`);
    await h1(page, 'Ärendekonsol').waitFor();
    await page.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: /^INC-/ }).first().click();
    await h1(page, new RegExp(TITLE)).waitFor();
    const knowledge = region(page, 'Kunskapsartiklar');
    const insert = knowledge.getByRole('button', { name: `Infoga länk till ${TITLE} i svaret` });
    await insert.waitFor();
    await expectAccessible(page, 'agent ticket page with knowledge');
    await insert.click();
    const reply = region(page, 'Händelser').getByLabel(/^Svar till beställaren/);
    await expect.poll(() => reply.inputValue()).toContain(`Läs mer i kunskapsbasen: ${TITLE}`);
    expect(await reply.inputValue()).toMatch(/\/desk\/knowledge\/[0-9a-f-]{36}/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.context().close();
  });
});
