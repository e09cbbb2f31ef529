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

// Allocation keys (issue 16 point 4) in a real browser with the demo municipality: the demo's
// common IT infrastructure is listed with its key and monthly amount; a keeper adds a cost by
// fixed shares by keyboard (a refused form says why beside the field), changes it, archives it and
// restores it; and this month's preview, recomputed, carries the allocation's lines. axe on the
// page and every dialog.

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

async function menu(page: Page, link: string, title: string) {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await h1(page, title).waitFor();
}

describe('allocation keys', () => {
  test('the demo’s shared cost is listed, and a keeper adds, changes, archives and restores one by keyboard', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await menu(page, 'Fördelningsnycklar', 'Fördelningsnycklar');
    const table = page.getByRole('table', { name: 'Fördelningsnycklar och deras månadsbelopp' });
    const demo = table.getByRole('row').filter({ hasText: 'Gemensam IT-infrastruktur' });
    await demo.waitFor();
    expect(await demo.textContent()).toContain('Användare');
    expect(await demo.textContent()).toMatch(/250\s000/);
    await expectAccessible(page, 'allocations');

    await press(page.getByRole('button', { name: 'Ny fördelningsnyckel' }));
    const dialog = page.getByRole('dialog', { name: 'Ny fördelningsnyckel' });
    await dialog.waitFor();
    await expectAccessible(page, 'new allocation dialog');
    await dialog.getByRole('textbox', { name: /^Namn/ }).fill('Växel och telefoni');
    await dialog.getByRole('textbox', { name: /^Belopp per månad/ }).fill('12000');
    // Neither an offering nor an account: refused, and said beside the account.
    await press(dialog.getByRole('button', { name: 'Spara' }));
    await dialog.getByText('Ange ett erbjudande eller ett konto.').waitFor();
    await expectAccessible(page, 'new allocation dialog, refused');
    await dialog.getByRole('textbox', { name: /^Konto/ }).fill('6540');
    await choose(page, dialog.getByRole('combobox', { name: /^Nyckel/ }), 'Fasta andelar');
    await press(dialog.getByRole('button', { name: 'Lägg till andel' }));
    await choose(page, dialog.getByRole('combobox', { name: /^Enhet 1/ }), /^Socialförvaltningen$/, 'Social');
    await dialog.getByRole('textbox', { name: /^Vikt 1/ }).fill('3');
    await expectAccessible(page, 'new allocation dialog, shares');
    await press(dialog.getByRole('button', { name: 'Spara' }));
    await dialog.waitFor({ state: 'hidden' });
    const mine = table.getByRole('row').filter({ hasText: 'Växel och telefoni' });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Socialförvaltningen 3');

    // Changed: by users over every unit.
    await press(mine.getByRole('button', { name: 'Redigera Växel och telefoni' }));
    const edit = page.getByRole('dialog', { name: 'Ändra Växel och telefoni' });
    await edit.waitFor();
    await choose(page, edit.getByRole('combobox', { name: /^Nyckel/ }), 'Användare');
    await press(edit.getByRole('button', { name: 'Spara' }));
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => mine.textContent()).not.toContain('Socialförvaltningen 3');

    // The run of this month, recomputed, carries the allocation's line for the socialförvaltning.
    const month = new Date().toISOString().slice(0, 7);
    const compute = await page.request.post(`${server.url}/api/v1/catalogue/runs`, {
      data: { period: month },
      headers: { 'x-csrf-token': await csrf(page, server.url) },
    });
    expect(compute.status(), await compute.text()).toBeLessThan(300);
    const run = (await compute.json()) as { id: string };
    const lines = (await (
      await page.request.get(`${server.url}/api/v1/catalogue/runs/${run.id}/lines?limit=200`)
    ).json()) as { items: { source: string; description: string; amount: number }[] };
    const phone = lines.items.filter((l) => l.description.startsWith('Växel och telefoni – '));
    // Every unit shares by its people; the billed ones carry their share ("w av T användare"),
    // the rest stays with the IT unit: the lines sum to 12 000 kr × billed people / all people,
    // each line's öre rounded.
    expect(phone.length).toBeGreaterThan(0);
    const shares = phone.map((l) => /– (\d+) av (\d+) användare$/.exec(l.description));
    expect(shares.every((m) => m !== null)).toBe(true);
    const share = shares.reduce((s, m) => s + (1_200_000 * Number(m![1])) / Number(m![2]), 0);
    const charged = phone.reduce((s, l) => s + l.amount, 0);
    expect(Math.abs(charged - share)).toBeLessThanOrEqual(phone.length);
    expect(charged).toBeLessThan(1_200_000);

    // Archived with a reason, then restored from the archived list.
    await press(mine.getByRole('button', { name: 'Arkivera Växel och telefoni' }));
    const archive = page.getByRole('dialog', { name: 'Arkivera Växel och telefoni' });
    await archive.waitFor();
    await expectAccessible(page, 'archive allocation dialog');
    await archive.getByRole('textbox', { name: /^Orsak/ }).fill('Ingår i infrastrukturen');
    await press(archive.getByRole('button', { name: 'Arkivera' }));
    await archive.waitFor({ state: 'hidden' });
    await mine.waitFor({ state: 'detached' });
    await press(page.getByRole('button', { name: 'Visa arkiverade' }));
    await press(mine.getByRole('button', { name: 'Återställ Växel och telefoni' }));
    await mine.getByRole('button', { name: 'Arkivera Växel och telefoni' }).waitFor();
    await expectAccessible(page, 'allocations with archived');
    await page.context().close();
  });
});

/** The session's CSRF token, as the web app reads it. */
async function csrf(page: Page, base: string): Promise<string> {
  const session = await page.request.get(`${base}/api/v1/session`);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}
