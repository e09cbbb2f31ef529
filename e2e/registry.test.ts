import type { Browser, Page } from 'playwright-core';
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
  settle,
  signIn,
  startServer,
} from './support.ts';

// Issue 12, point 16, in a real browser with the demo municipality: the admin registers a system,
// appoints its systemägare and systemförvaltare and adds an integration; the system is found on
// the map and its impact shown there and on its page; the systemägare classifies it by keyboard;
// the demo employee sees that it is classified but none of its levels. axe on every page and
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

const OWNER = { email: 'maria.johansson@styrby.example', password: 'demo', name: 'Maria Johansson' };
const MANAGER = { name: 'Helena Bergström' };
const RECEIVER = 'Ekonomisystem';
const OWNING_UNIT = 'Ekonomiavdelningen';

/** What the focused element is called: its label, its aria-label or its text. */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return label.trim();
  });
}

/** Tabs forward until the focused element's name matches. */
async function tabTo(page: Page, name: RegExp, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`could not reach ${name} with Tab`);
}

describe('the system register end to end', () => {
  let systemId = '';
  const stamp = Date.now().toString(36);
  const systemName = `E2E-systemet ${stamp}`;
  const information = `Fakturaunderlag ${stamp}`;

  test('the admin registers a system with owner, förvaltare and an integration, and finds its impact', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);

    // Systems from the navigation; a new one through "Nytt system".
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'System', exact: true }).click();
    await h1(page, 'System').waitFor();
    await page.getByRole('table', { name: 'System' }).locator('tbody tr a').first().waitFor();
    await expectAccessible(page, 'system list');

    await page.getByRole('button', { name: 'Nytt system' }).click();
    const form = page.getByRole('dialog', { name: 'Registrera system' });
    await form.waitFor();
    await expectAccessible(page, 'new system form');
    await form.getByLabel(/^Namn/).fill(systemName);
    await choose(page, form.getByRole('combobox', { name: 'Omfattning' }), 'Verksamhetsspecifikt');
    await choose(
      page,
      form.getByRole('combobox', { name: 'Ägande förvaltning' }),
      new RegExp(`› ${OWNING_UNIT}$`),
      OWNING_UNIT,
    );
    await form.getByRole('button', { name: 'Registrera' }).click();
    await h1(page, systemName).waitFor();
    systemId = /\/systems\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(systemId).not.toBe('');
    const roles = region(page, 'Roller');
    await expect.poll(() => roles.textContent()).toContain('Saknas: Systemägare, Systemförvaltare');
    await expectAccessible(page, 'system page');

    // The systemägare and the systemförvaltare through the roles section.
    const appoint = async (kind: string, person: string, first: boolean) => {
      await roles.getByRole('button', { name: 'Utse' }).click();
      const dialog = page.getByRole('dialog', { name: 'Utse en person till en roll' });
      await dialog.waitFor();
      await choose(page, dialog.getByRole('combobox', { name: 'Roll' }), kind);
      await choose(
        page,
        dialog.getByRole('combobox', { name: 'Person' }),
        new RegExp(`^${person}`),
        person.split(' ')[1],
      );
      // With both chosen (the person's list, open as the dialog opens, closed again).
      if (first) await expectAccessible(page, 'roles dialog');
      await dialog.getByRole('button', { name: 'Utse' }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    await appoint('Systemägare', OWNER.name, true);
    await appoint('Systemförvaltare', MANAGER.name, false);
    const roleTable = page.getByRole('table', { name: 'Systemets roller' });
    await expect.poll(() => roleTable.textContent()).toContain(OWNER.name);
    await expect.poll(() => roleTable.textContent()).toContain(MANAGER.name);
    await expect.poll(() => roles.textContent()).toContain('Systemägare och systemförvaltare finns.');

    // An integration to Ekonomisystem: it receives from the new system and so depends on it.
    const integrations = region(page, 'Integrationer');
    await integrations.getByRole('button', { name: 'Lägg till integration' }).click();
    const integrationDialog = page.getByRole('dialog', { name: 'Ny integration' });
    await integrationDialog.waitFor();
    await expect
      .poll(() => integrationDialog.getByRole('combobox', { name: 'Avsändande system' }).inputValue())
      .toBe(systemName);
    await expectAccessible(page, 'integration dialog');
    await choose(
      page,
      integrationDialog.getByRole('combobox', { name: 'Mottagande system' }),
      RECEIVER,
      RECEIVER,
    );
    await integrationDialog.getByRole('textbox', { name: /^Information/ }).fill(information);
    await integrationDialog.getByRole('button', { name: 'Registrera' }).click();
    await integrationDialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByRole('table', { name: 'Integrationer som systemet skickar' }).textContent())
      .toContain(information);

    // The impact on the system page: Ekonomisystem directly, and the units that use it.
    const impact = region(page, 'Påverkan');
    const impactTable = impact.getByRole('table', { name: 'System som påverkas, närmast först' });
    await expect.poll(() => impactTable.getByRole('link', { name: RECEIVER }).count()).toBe(1);
    const receiverRow = impactTable.getByRole('row').filter({ hasText: RECEIVER });
    expect(await receiverRow.textContent()).toContain('direkt');
    await expect.poll(() => impact.getByRole('link', { name: OWNING_UNIT }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'system page with impact');

    // The system map, filtered to the owning unit; the new system chosen by keyboard.
    await page.goto(`${server.url}/systems/map`);
    await h1(page, 'Systemkarta').waitFor();
    await page.getByTestId('system-map').locator('.react-flow__node').first().waitFor();
    await expectAccessible(page, 'system map');
    await choose(
      page,
      page.getByRole('combobox', { name: 'Förvaltning eller enhet' }),
      new RegExp(`› ${OWNING_UNIT}$`),
      OWNING_UNIT,
    );
    const node = page.getByTestId('system-map').getByLabel(new RegExp(`^${systemName},`));
    await node.waitFor();
    await node.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByText('Valt system:').locator('..');
    await expect.poll(() => panel.textContent()).toContain(systemName);
    await page.getByRole('button', { name: 'Visa påverkan', exact: true }).click();
    await page.getByText(`Påverkan om ${systemName} stannar:`).waitFor();
    await page.getByRole('button', { name: 'Sluta visa påverkan' }).waitFor();
    // On the graph the receiving system is highlighted (orange), the new one is the source (blue).
    const fill = (name: string) =>
      page
        .getByTestId('system-map')
        .getByLabel(new RegExp(`^${name},`))
        .locator('div')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(() => fill(RECEIVER)).toBe('rgb(255, 232, 204)');
    await expect.poll(() => fill(systemName)).toBe('rgb(24, 100, 171)');

    // The table alternative says the same: Ekonomisystem is affected one step away.
    await page.getByRole('button', { name: 'Kartan som tabell' }).click();
    const nodesTable = page.getByRole('table', { name: 'System på kartan' });
    const receiverOnMap = nodesTable.getByRole('row').filter({
      has: page.getByRole('link', { name: RECEIVER, exact: true }),
    });
    await expect.poll(() => receiverOnMap.textContent()).toContain('1 steg');
    await expect
      .poll(() => page.getByRole('table', { name: 'Integrationer på kartan' }).textContent())
      .toContain(information);
    await expectAccessible(page, 'system map with impact');
    await page.context().close();
  }, 150_000);

  test('the systemägare classifies the system by keyboard; the demo employee sees no levels', async () => {
    expect(systemId, 'the first test registers the system').not.toBe('');
    const page = await newPage(browser);
    await signIn(page, server.url, OWNER);
    await page.goto(`${server.url}/systems/${systemId}`);
    await h1(page, systemName).waitFor();
    const section = region(page, 'Informationsklassning');
    await expect.poll(() => section.textContent()).toContain('Systemet är inte klassat.');
    await section.getByRole('button', { name: 'Klassa' }).waitFor();
    await settle(page);

    // Keyboard only from here: Tab to "Klassa", Enter opens the dialog.
    // From the main content (the skip link's target), as a keyboard user arrives there.
    await page.locator('#main').focus();
    await tabTo(page, /^Klassa$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Klassa ${systemName}` });
    await dialog.waitFor();
    await expect.poll(() => focusedName(page)).toContain('Informationsmängd');
    await expectAccessible(page, 'classify dialog');

    // Each dimension is a radio group: Tab enters it, the arrow keys choose the level.
    const chooseLevel = async (group: string, level: number) => {
      await page.keyboard.press('Tab');
      const radios = dialog.getByRole('radiogroup', { name: group }).getByRole('radio');
      await expect
        .poll(() => radios.evaluateAll((els) => els.indexOf(document.activeElement as HTMLElement)))
        .toBe(0);
      for (let i = 0; i < level; i++) await page.keyboard.press('ArrowDown');
      await expect.poll(() => radios.nth(level).isChecked()).toBe(true);
    };
    await chooseLevel('Konfidentialitet', 3);
    await chooseLevel('Riktighet', 2);
    await chooseLevel('Tillgänglighet', 1);
    await tabTo(page, /^Motivering/, 10);
    await page.keyboard.type('Fakturor med personuppgifter; ett fel rättas i efterhand.');
    await tabTo(page, /^Klassa$/, 10);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    // The systemägare sees the levels: K3 R2 T1, in words to a screen reader.
    await expect.poll(() => section.textContent()).toContain('Högsta nivå');
    const levels = section.getByText('Konfidentialitet: Nivå 3, Allvarlig').first();
    await expect.poll(() => levels.count()).toBe(1);
    await expect.poll(() => section.getByText('Riktighet: Nivå 2, Måttlig').count()).toBeGreaterThan(0);
    await expect
      .poll(() => section.getByText('Tillgänglighet: Nivå 1, Begränsad').count())
      .toBeGreaterThan(0);
    await expectAccessible(page, 'system page, classified, as the systemägare');
    const nextReview = /nästa översyn (\d{4}-\d{2}-\d{2})/i.exec((await section.textContent()) ?? '')?.[1];
    expect(nextReview).toBeTruthy();
    await page.context().close();

    // The demo employee: classified, review date, no level, no motivation, nothing to classify.
    const employee = await newPage(browser);
    await signIn(employee, server.url, EMPLOYEE);
    await employee.goto(`${server.url}/systems/${systemId}`);
    await h1(employee, systemName).waitFor();
    const restricted = region(employee, 'Informationsklassning');
    await expect.poll(() => restricted.textContent()).toContain(`Klassad, nästa översyn ${nextReview}`);
    const text = (await restricted.textContent()) ?? '';
    expect(text).toContain('Nivåer och motiveringar omfattas av sekretess (OSL).');
    for (const word of [
      'K3',
      'R2',
      'T1',
      'Nivå 3',
      'Nivå 2',
      'Nivå 1',
      'Allvarlig',
      'Måttlig',
      'Begränsad',
      'Fakturor',
    ])
      expect(text, `the employee sees "${word}"`).not.toContain(word);
    expect(await restricted.getByRole('button', { name: 'Klassa' }).count()).toBe(0);
    await expectAccessible(employee, 'system page as the demo employee');

    const answer = await employee.request.get(`${server.url}/api/v1/systems/${systemId}/classification`);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      classified: true,
      restricted: true,
      confidentiality: null,
      integrity: null,
      availability: null,
      traceability: null,
      needsProtectionAnalysis: null,
    });
    expect(JSON.stringify(body)).not.toContain('Fakturor');
    await employee.context().close();
  }, 120_000);
});
