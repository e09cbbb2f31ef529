import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  call,
  expectAccessible,
  launchBrowser,
  newPage,
  type RunningServer,
  region,
  signIn,
  startServer,
} from './support.ts';

// Billable desk hours (issue 16 point 4) in a real browser with the demo municipality: an agent of
// the first line logs time on a ticket by keyboard only (minutes, the hourly rate chosen by typing,
// a note, Enter), sees it listed with the sums, and archives it with a reason. axe on the page and
// the dialog.

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

describe('time on a ticket end to end', () => {
  test('the agent logs billable time by keyboard and archives it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, AGENT);
    const [group] = (
      await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/groups?search=Servicedesk')
    ).items;
    const [employee] = (
      await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/people?search=medarbetare%40styrbord')
    ).items;
    const ticket = await call<{ id: string }>(page, 'POST', '/api/v1/tickets', {
      title: `Rapporten i verksamhetssystemet ${Date.now().toString(36)}`,
      requesterId: employee!.id,
      groupId: group!.id,
    });
    await page.goto(`${server.url}/desk/tickets/${ticket.id}`);
    const panel = region(page, 'Tid');
    await panel.getByText('Ingen tid registrerad.').waitFor();

    await panel.getByRole('textbox', { name: 'Minuter' }).focus();
    await page.keyboard.type('45');
    await panel.getByRole('combobox', { name: /^Timpris/ }).focus();
    await page.keyboard.type('Systemförv');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await panel.getByRole('textbox', { name: 'Anteckning' }).focus();
    await page.keyboard.type('Felsökte rapportens urval');
    await page.keyboard.press('Enter');
    await panel.getByText('Totalt 45 min, varav debiterbart 45 min.').waitFor();
    const list = panel.getByRole('list', { name: 'Registrerad tid' });
    await expect.poll(() => list.textContent()).toContain('Systemförvaltning per timme');
    expect(await list.textContent()).toContain('Felsökte rapportens urval');
    await expectAccessible(page, 'ticket time');

    await list.getByRole('button', { name: /^Arkivera 45 min den / }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Arkivera tidsregistrering' });
    await dialog.getByRole('textbox', { name: 'Varför' }).waitFor();
    await expectAccessible(page, 'archive time');
    await dialog.getByRole('textbox', { name: 'Varför' }).focus();
    await page.keyboard.type('Fel ärende');
    await page.keyboard.press('Enter');
    await panel.getByText('Ingen tid registrerad.').waitFor();
  });
});
