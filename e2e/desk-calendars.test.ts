import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 13, point 5 in a real browser with the demo municipality: the desk's default calendar in
// the list, its page and the "try it" form, the edit dialog worked by keyboard (an interval added,
// a holiday switched), and axe on every page and dialog visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('business calendars', () => {
  test('an admin opens the default calendar, asks when a target is due, and changes the hours', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    // The desk's admin group in the navigation holds the page.
    await expect.poll(() => page.getByRole('link', { name: 'Öppettider' }).count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/desk/calendars`);
    await page.getByRole('heading', { level: 1, name: 'Öppettider' }).waitFor();
    await expect.poll(() => page.getByText('Mån–Fre 07:00–16:00').isVisible()).toBe(true);
    await expectAccessible(page, 'calendars');

    await page.getByRole('link', { name: 'Servicedeskens öppettider' }).click();
    await page.getByRole('heading', { level: 1, name: 'Servicedeskens öppettider' }).waitFor();
    await expectAccessible(page, 'calendar');

    // Friday 27 March 2026 15:00, 120 minutes: one hour on Friday, the rest on Monday after the
    // spring change, 08:00 local time.
    await page.getByLabel('Startdatum').fill('2026-03-27');
    await page.keyboard.press('Escape');
    await page.getByLabel(/^Starttid/).fill('15:00');
    await page.getByLabel('Arbetsminuter').fill('120');
    await page.getByRole('button', { name: 'Räkna' }).click();
    await expect
      .poll(() => page.getByText(/Klart senast måndag 30 mars 2026 (kl\. )?08:00/).isVisible())
      .toBe(true);
    await expectAccessible(page, 'calendar with an answer');

    await page.getByRole('button', { name: 'Redigera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra kalender' });
    await dialog.waitFor();
    await expectAccessible(page, 'calendar dialog');
    // Saturday gets an interval by keyboard; midsommarafton is kept open.
    await dialog.getByRole('button', { name: 'Lägg till intervall, Lördag' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Lördag, stänger (intervall 1)').fill('12:00');
    await dialog.getByLabel('Midsommarafton').uncheck();
    await expectAccessible(page, 'calendar dialog, changed');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('row', { name: /Lördag 07:00–12:00/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Öppet ändå: Midsommarafton/).isVisible()).toBe(true);

    // A backwards interval is refused beside its field, and nothing is saved.
    await page.getByRole('button', { name: 'Redigera' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Måndag, stänger (intervall 1)').fill('06:00');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.getByText('Starttiden måste vara före sluttiden').isVisible()).toBe(true);
    await expectAccessible(page, 'calendar dialog with an error');
  });
});
