import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EMPLOYEE,
  expectAccessible,
  launchBrowser,
  type RunningServer,
  signIn,
  startServer,
  watchCsp,
} from './support.ts';

// Issue 13, points 9 and 10, in a real browser with the demo municipality: the demo employee
// reports an incident in the portal and finds it under their tickets; the admin finds it in the
// console, replies, sets it waiting for the requester and then solved; the employee rates the
// resolution. axe on every page and dialog visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await watchCsp(page);
  return page;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Chooses an option of a Mantine Select: types to search it (when searchable), then clicks it. */
async function choose(page: Page, field: Locator, option: string | RegExp, search?: string) {
  await field.click();
  if (search !== undefined) await field.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('the service desk end to end', () => {
  const stamp = Date.now().toString(36);
  const title = `Skrivaren skriver inte ut ${stamp}`;
  let number = '';

  test('the employee reports an incident and sees it under their tickets', async () => {
    const page = await newPage();
    await signIn(page, server.url, EMPLOYEE);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    // The console is for agents: the employee's menu has no link to it.
    await nav.getByRole('link', { name: 'Mina ärenden' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Ärendekonsol' }).count()).toBe(0);

    await nav.getByRole('link', { name: 'Anmäl ett fel' }).click();
    await h1(page, 'Anmäl ett fel').waitFor();
    await expectAccessible(page, 'report form');
    // Sent empty: the title is required, and focus goes to it.
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    const titleField = page.getByLabel(/^Vad är det som inte fungerar/);
    await expect.poll(() => titleField.getAttribute('aria-invalid')).toBe('true');

    await titleField.fill(title);
    await page.getByLabel('Beskriv felet').fill('Utskrifterna fastnar i kön sedan i morse.');
    await choose(
      page,
      page.getByRole('combobox', { name: 'Vilket system gäller det?' }),
      'Ekonomisystem',
      'Ekonomi',
    );
    await choose(page, page.getByRole('combobox', { name: 'Vad handlar det om?' }), 'Skrivare och utskrift');
    await page.getByRole('radio', { name: /jag kan arbeta, men det är besvärligt/ }).check();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();

    await h1(page, new RegExp(title)).waitFor();
    number = (await page.locator('h1').textContent())?.match(/INC-\d{4}-\d{6}/)?.[0] ?? '';
    expect(number).toMatch(/^INC-\d{4}-\d{6}$/);
    await expectAccessible(page, 'the requester’s ticket page');

    await nav.getByRole('link', { name: 'Mina ärenden' }).click();
    await h1(page, 'Mina ärenden').waitFor();
    const table = page.getByRole('table', { name: 'Mina ärenden' });
    const row = table.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain(title);
    await expectAccessible(page, 'my tickets');
    await page.context().close();
  });

  test('the admin replies in the console, sets it waiting, and resolves it', async () => {
    const page = await newPage();
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Ärendekonsol' }).click();
    await h1(page, 'Ärendekonsol').waitFor();
    // The search from the keyboard ("/"), kept in the address.
    await h1(page, 'Ärendekonsol').click();
    await page.keyboard.press('/');
    await page.keyboard.type(number);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(number);
    const table = page.getByRole('table', { name: 'Ärenden' });
    await table.getByRole('row').filter({ hasText: number }).waitFor();
    await expectAccessible(page, 'console');
    // The help dialog lists the shortcuts.
    await h1(page, 'Ärendekonsol').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Kortkommandon' });
    await help.waitFor();
    await expectAccessible(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    // j to the row, Enter to open it.
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await h1(page, new RegExp(title)).waitFor();
    await expectAccessible(page, 'agent ticket page');

    // A reply to the requester.
    const timeline = region(page, 'Händelser');
    await timeline.getByLabel(/^Svar till beställaren/).fill('Vilken skrivare gäller det?');
    await timeline.getByRole('button', { name: 'Skicka svar' }).click();
    await expect.poll(() => timeline.textContent()).toContain('Vilken skrivare gäller det?');

    // Waiting for the requester, then solved; each saved with the version read.
    const handling = region(page, 'Handläggning');
    await choose(page, handling.getByRole('combobox', { name: 'Status' }), 'Väntar på beställare');
    await handling.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => timeline.textContent()).toContain('till Väntar på beställare');
    await choose(page, handling.getByRole('combobox', { name: 'Status' }), 'Löst');
    await handling.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => timeline.textContent()).toContain('till Löst');
    await expectAccessible(page, 'solved ticket, agent');
    await page.context().close();
  });

  test('the employee rates the resolution', async () => {
    const page = await newPage();
    await signIn(page, server.url, EMPLOYEE);
    await page.goto(`${server.url}/portal/tickets?show=all`);
    await h1(page, 'Mina ärenden').waitFor();
    const table = page.getByRole('table', { name: 'Mina ärenden' });
    await table.getByRole('link', { name: number }).click();
    await h1(page, new RegExp(title)).waitFor();
    const timeline = region(page, 'Meddelanden');
    await expect.poll(() => timeline.textContent()).toContain('Vilken skrivare gäller det?');
    const rating = region(page, 'Betygsätt lösningen');
    await rating.waitFor();
    await expectAccessible(page, 'rating');
    // By keyboard: the radio group takes the arrow keys.
    await rating.getByRole('radio', { name: '4 – Nöjd' }).check();
    await rating.getByLabel('Kommentar (frivillig)').fill('Snabbt och vänligt.');
    await rating.getByRole('button', { name: 'Skicka betyg' }).click();
    await expect
      .poll(() => region(page, 'Betygsätt lösningen').textContent())
      .toContain('Du gav betyget 4 av 5.');
    await expectAccessible(page, 'rated ticket');
    await page.context().close();
  });

  test("the admin previews the routing: the Heroma question goes to the system's förvaltning", async () => {
    const page = await newPage();
    await signIn(page, server.url);
    await page.goto(`${server.url}/desk/routing`);
    await h1(page, 'Styrning av ärenden').waitFor();
    const rules = page.getByRole('table', { name: 'Styrregler i den ordning de prövas' });
    await rules.getByText('Ändringsönskemål → systemets förvaltare').waitFor();
    await expectAccessible(page, 'routing rules');
    const preview = region(page, 'Prova reglerna');
    await preview.getByLabel('Rubrik').fill('Kan inte logga in i Heroma');
    await preview.getByRole('button', { name: 'Prova' }).press('Enter');
    const result = preview.getByRole('status');
    await expect.poll(() => result.textContent()).toContain('Förvaltning Lön- och personalsystem');
    expect(await result.textContent()).toContain('Systemet Lön- och personalsystem hittades i texten.');
    await expectAccessible(page, 'routing preview');
    // The rule dialog opens by keyboard and is accessible.
    await rules.getByRole('button', { name: /^Ändra Klientinstallation/ }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ändra styrregel' });
    await dialog.waitFor();
    await expectAccessible(page, 'routing rule dialog');
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  test('the admin changes the promised first-contact resolution on the ticket rules page', async () => {
    const page = await newPage();
    await signIn(page, server.url);
    await page.goto(`${server.url}/desk/settings`);
    await h1(page, 'Regler för ärenden').waitFor();
    await expectAccessible(page, 'ticket rules');
    const promise = page.getByLabel('Lovad lösning vid första kontakt');
    await promise.fill('75');
    await page.getByRole('button', { name: 'Spara' }).press('Enter');
    await page.getByText('Reglerna är sparade.').waitFor();
    await page.reload();
    await h1(page, 'Regler för ärenden').waitFor();
    await expect.poll(() => page.getByLabel('Lovad lösning vid första kontakt').inputValue()).toBe('75 %');
    await expectAccessible(page, 'ticket rules saved');
    await page.context().close();
  });
});
