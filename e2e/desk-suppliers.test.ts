import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EMPLOYEE,
  expectAccessible,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 13 point 4 in a real browser on the demo municipality: the underpinning contracts'
// follow-up (CGI's Heroma contract measured on the tickets handed to CGI's support), from the
// navigation to the contract by keyboard; an employee has no link. axe on every page visited.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the supplier contracts', () => {
  test('an admin reads the report per supplier and contract and goes on to the contract by keyboard', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    await page.getByRole('link', { name: 'Leverantörsavtal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning av leverantörsavtal' }).waitFor();
    const table = page.getByRole('table', { name: /^Leverantörsavtal, / });
    const row = table
      .getByRole('row', { name: /CGI Sverige AB/ })
      .filter({ hasText: 'Lön och personal Heroma' });
    await expect.poll(() => row.count()).toBe(1);
    await expect(
      row.getByRole('link', { name: 'CGI – avtalad servicenivå Heroma' }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'supplier report');

    const contract = row.getByRole('link', { name: /^Lön och personal Heroma/ });
    await contract.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Lön och personal Heroma' }).waitFor();
    await expectAccessible(page, 'the contract from the report');

    // The demo's ticket now with CGI's support: its page shows the supplier's clock and contract.
    const found = await page.request.get(`${server.url}/api/v1/tickets?search=skattetabell`);
    const ticket = (await found.json()).items.find(
      (t: { title: string }) => t.title === 'Heroma räknar med fel skattetabell',
    );
    await page.goto(`${server.url}/desk/tickets/${ticket.id}`);
    await page.getByRole('heading', { name: 'Hos leverantör' }).waitFor();
    await page.getByText('Mäts mot Lön och personal Heroma: CGI – avtalad servicenivå Heroma').waitFor();
    await expectAccessible(page, 'a ticket with a supplier');
  });

  test('an employee has no link to it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    await expect(page.getByRole('link', { name: 'Leverantörsavtal' }).count()).resolves.toBe(0);
  });
});
