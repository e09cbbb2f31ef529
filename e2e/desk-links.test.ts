import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  call,
  choose,
  expectAccessible,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  region,
  signIn,
  startServer,
} from './support.ts';

// Issue 13, points 1 and 10, in a real browser with the demo municipality: the service desk's
// group lead links two incidents to a problem and records its analysis, merges a duplicate into
// one of them, and in the console chooses two tickets by keyboard and assigns them to a colleague
// in one go; saves the console's filter. axe on every page and dialog visited.

const AGENT = { email: 'tobias.engstrom@styrby.example', password: 'demo' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Made {
  id: string;
  number: string;
  version: number;
}

describe('working tickets together end to end', () => {
  const stamp = Date.now().toString(36);
  let page: Page;
  let problem: Made;
  let first: Made;
  let second: Made;
  let duplicate: Made;

  test('the agent links two incidents to a problem and records its analysis', async () => {
    page = await newPage(browser);
    await signIn(page, server.url, AGENT);
    // The tickets of the scenario, registered for the demo employee in the first line's group.
    const [group] = (
      await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/groups?search=Servicedesk')
    ).items;
    const [employee] = (
      await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/people?search=medarbetare%40styrbord')
    ).items;
    const [colleague] = (
      await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/people?search=Norberg')
    ).items;
    const make = (title: string, type = 'incident', requesterId = employee!.id) =>
      call<Made>(page, 'POST', '/api/v1/tickets', { type, title, requesterId, groupId: group!.id });
    problem = await make(`E-posten tappar bilagor ${stamp}`, 'problem');
    first = await make(`Bilagan försvann ur mejlet ${stamp}`);
    second = await make(`Kan inte öppna pdf-bilaga ${stamp}`);
    duplicate = await make(`Bilagor saknas i inkorgen ${stamp}`, 'incident', colleague!.id);
    await call(page, 'POST', `/api/v1/tickets/${duplicate.id}/messages`, {
      body: `Vilken mejlklient? ${stamp}`,
    });

    await page.goto(`${server.url}/desk/tickets/${problem.id}`);
    await h1(page, new RegExp(problem.number)).waitFor();
    const linked = region(page, 'Kopplade ärenden');
    await linked.getByText('Inga kopplade ärenden.').waitFor();
    await expectAccessible(page, 'problem page');

    // "l" opens the link dialog; on a problem it offers "orsakar incidenten" first.
    await h1(page, new RegExp(problem.number)).click();
    await page.keyboard.press('l');
    let dialog = page.getByRole('dialog', { name: `Koppla ${problem.number} till ett ärende` });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: /^Det här ärendet/ }).inputValue()).toBe(
      'orsakar incidenten',
    );
    await choose(
      page,
      dialog.getByRole('combobox', { name: /^Ärende/ }),
      new RegExp(first.number),
      first.number,
    );
    await expectAccessible(page, 'link dialog');
    await dialog.getByRole('button', { name: 'Koppla' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await linked.getByText(first.number).waitFor();

    // The second by the header's button.
    await page.getByRole('button', { name: 'Koppla ärende' }).click();
    dialog = page.getByRole('dialog', { name: `Koppla ${problem.number} till ett ärende` });
    await choose(
      page,
      dialog.getByRole('combobox', { name: /^Ärende/ }),
      new RegExp(second.number),
      second.number,
    );
    await dialog.getByRole('button', { name: 'Koppla' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await linked.getByRole('heading', { name: 'Incidenter som problemet orsakar (2)' }).waitFor();

    // The analysis, edited under Handläggning, shown as the problem's.
    const handling = region(page, 'Handläggning');
    await handling.getByLabel('Grundorsak').fill('Ett filter i e-postgatewayen tar bort bilagor över 10 MB.');
    await handling.getByLabel('Tillfällig lösning').fill('Dela stora filer som länk.');
    await handling.getByRole('switch', { name: 'Känt fel' }).check({ force: true });
    await handling.getByRole('button', { name: 'Spara' }).click();
    const analysis = region(page, 'Problemanalys');
    await expect.poll(() => analysis.textContent()).toContain('Dela stora filer som länk.');
    const timeline = region(page, 'Händelser');
    await expect.poll(() => timeline.textContent()).toContain(`kopplade ärendet – orsakar ${first.number}`);
    await expectAccessible(page, 'problem with its incidents');

    // The incident shows its problem, a known error with its workaround.
    await linked.getByRole('link', { name: first.number }).click();
    await h1(page, new RegExp(first.number)).waitFor();
    const ofIncident = region(page, 'Kopplade ärenden');
    await ofIncident.getByRole('heading', { name: 'Orsakas av problem (1)' }).waitFor();
    expect(await ofIncident.textContent()).toContain('Dela stora filer som länk.');
    await expectAccessible(page, 'incident with its problem');
  });

  test('the agent merges a duplicate into the incident', async () => {
    await page.goto(`${server.url}/desk/tickets/${duplicate.id}`);
    await h1(page, new RegExp(duplicate.number)).waitFor();
    await h1(page, new RegExp(duplicate.number)).click();
    await page.keyboard.press('m');
    const dialog = page.getByRole('dialog', { name: `Slå ihop ${duplicate.number} med ett annat ärende` });
    await dialog.waitFor();
    await choose(
      page,
      dialog.getByRole('combobox', { name: /^Ärendet som finns kvar/ }),
      new RegExp(first.number),
      first.number,
    );
    await dialog.getByText('Finns kvar', { exact: true }).waitFor();
    await dialog.getByLabel(/^Meddelande till beställaren/).fill('Vi följer upp i det andra ärendet.');
    await expectAccessible(page, 'merge dialog');
    await dialog.getByRole('button', { name: 'Slå ihop' }).click();

    // Taken to the ticket that stays: the copied message, the note of the merge, the duplicate link.
    await h1(page, new RegExp(first.number)).waitFor();
    const timeline = region(page, 'Händelser');
    await expect.poll(() => timeline.textContent()).toContain(`Vilken mejlklient? ${stamp}`);
    expect(await timeline.textContent()).toContain(`Kopierat från ${duplicate.number}`);
    expect(await timeline.textContent()).toContain(`slog ihop ${duplicate.number} med det här ärendet`);
    await region(page, 'Kopplade ärenden').getByRole('heading', { name: 'Dubbletter (1)' }).waitFor();
    await expect.poll(() => region(page, 'Uppgifter').textContent()).toContain(`från ${duplicate.number}`);
    await expectAccessible(page, 'ticket after the merge');
  });

  test('the agent assigns two tickets at once from the console, by keyboard, and saves the filter', async () => {
    await page.goto(`${server.url}/desk/console?q=${encodeURIComponent(stamp)}&type=incident`);
    await h1(page, 'Ärendekonsol').waitFor();
    const table = page.getByRole('table', { name: 'Ärenden' });
    // The two incidents still open of this run (the duplicate is closed).
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'console');

    // Both chosen with "*", then "g" for the assign dialog.
    await h1(page, 'Ärendekonsol').click();
    await page.keyboard.press('*');
    await page.getByText('2 ärenden valda').waitFor();
    await page.keyboard.press('g');
    const dialog = page.getByRole('dialog', { name: 'Tilldela 2 ärenden' });
    await dialog.waitFor();
    await choose(page, dialog.getByRole('combobox', { name: 'Handläggare' }), /Linnea Söderberg/, 'Linnea');
    await expectAccessible(page, 'bulk assign dialog');
    await dialog.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await page.getByText('2 ärenden tilldelades.').waitFor();
    for (const number of [first.number, second.number])
      await expect
        .poll(() => table.getByRole('row').filter({ hasText: number }).textContent())
        .toContain('Linnea Söderberg');
    await expect.poll(() => page.getByText('0 ärenden valda').count()).toBe(1);

    // The help lists the new keys (from the page, not from a field, where a key is text).
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Kortkommandon' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Tilldela de valda ärendena en grupp eller handläggare');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // The filter saved under a name, chosen again from the list after leaving it.
    await page.getByRole('button', { name: 'Spara filtret' }).click();
    const save = page.getByRole('dialog', { name: 'Spara filtret' });
    await save.getByLabel(/^Namn/).fill(`Bilagor ${stamp}`);
    await expectAccessible(page, 'save filter dialog');
    await save.getByRole('button', { name: 'Spara' }).click();
    await save.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /^Alla öppna/ }).click();
    await page.goto(`${server.url}/desk/console`);
    await h1(page, 'Ärendekonsol').waitFor();
    await choose(page, page.getByRole('combobox', { name: 'Sparade filter' }), `Bilagor ${stamp}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(stamp);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'console with a saved filter');
  });

  test('the agent marks a major incident, messages everyone affected, and attaches a file', async () => {
    await page.goto(`${server.url}/desk/tickets/${second.id}`);
    await h1(page, new RegExp(second.number)).waitFor();
    const handling = region(page, 'Handläggning');
    await handling.getByRole('switch', { name: 'Större störning' }).check({ force: true });
    await handling.getByRole('button', { name: 'Spara' }).click();
    const major = region(page, 'Större störning');
    await major.waitFor();
    // On a major incident "l" offers the affected tickets first.
    await h1(page, new RegExp(second.number)).click();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: `Koppla ${second.number} till ett ärende` });
    expect(await dialog.getByRole('combobox', { name: /^Det här ärendet/ }).inputValue()).toBe(
      'är överordnat',
    );
    await choose(
      page,
      dialog.getByRole('combobox', { name: /^Ärende/ }),
      new RegExp(first.number),
      first.number,
    );
    await dialog.getByRole('button', { name: 'Koppla' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => major.textContent()).toContain('1 ärende är kopplat till störningen.');
    await major
      .getByRole('textbox', { name: /^Meddelande till alla berörda/ })
      .fill(`Störning i e-posten ${stamp}`);
    await major.getByRole('button', { name: 'Skicka till alla' }).click();
    await page.getByText('Meddelandet gick till 1 kopplat ärende och störningen.').waitFor();
    await expectAccessible(page, 'major incident');

    // A file for the requester, from the ticket's attachments.
    const files = region(page, 'Bilagor');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      files.getByRole('button', { name: 'Bifoga fil', exact: true }).click(),
    ]);
    await chooser.setFiles({
      name: 'instruktion.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Starta om Outlook.'),
    });
    await files.getByRole('link', { name: 'instruktion.txt' }).waitFor();
    await expectAccessible(page, 'ticket with a file');

    // The linked incident got the message as a reply to its requester.
    await page.goto(`${server.url}/desk/tickets/${first.id}`);
    const timeline = region(page, 'Händelser');
    await expect.poll(() => timeline.textContent()).toContain(`Störning i e-posten ${stamp}`);
    expect(await timeline.textContent()).toContain(`Från störningen ${second.number}`);
    await page.context().close();
  });
});
