import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EMPLOYEE,
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

// Issue 15 in a real browser with the demo municipality, as far as it stands: an employee leaves
// an idea in the portal and follows it; the portfolio's keeper reads the overview's figures, walks
// the ranked demands and a decision path, starts the project of a decided demand, opens seed 004's
// cancelled procurement and the re-procurement plan, and a project with its status reports; every
// page axe-clean.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('portfolio', () => {
  test('an employee leaves an idea in the portal, sends it with Enter and follows it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Lämna en idé' }).click();
    await h1(page, 'Lämna en idé eller ett behov').waitFor();
    await expectAccessible(page, 'portal idea form');
    const title = `Digital signering av avtal ${Date.now().toString(36)}`;
    await page.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
    await page.getByRole('textbox', { name: /^Vad behövs/ }).fill('Avtal skrivs ut och skickas med post.');
    await page.getByRole('textbox', { name: /^Varför behövs det/ }).fill('Det tar veckor.');
    await page.getByRole('radio', { name: /Kommungemensamt/ }).check();
    await page.getByRole('button', { name: 'Skicka in' }).press('Enter');
    await h1(page, title).waitFor();
    await page.getByText('Inkommen').first().waitFor();
    await expectAccessible(page, 'the idea, as its submitter sees it');
    expectNoCspViolation(page);
    await page.context().close();
  });

  test('the keeper walks the demands, a decision path, procurements, the plan and projects', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });

    // The overview: seed 004's cancelled procurement's 4 MSEK among the figures.
    await nav.getByRole('link', { name: 'Portföljöversikt' }).click();
    await h1(page, 'Portföljöversikt').waitFor();
    const bought = page.getByRole('region', { name: /^Upphandlingar \(\d+\)$/ });
    await expect
      .poll(async () => bought.textContent())
      .toMatch(/avbrutna upphandlingar\s*4\s000\s000,00\skr/);
    await expectAccessible(page, 'portfolio overview');

    await nav.getByRole('link', { name: 'Behov och idéer' }).click();
    await h1(page, 'Behov och idéer').waitFor();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'demands');
    // The ranked backlog's first demand and its decision path.
    await page.getByRole('table').first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: /Beslutsväg/ }).waitFor();
    await expectAccessible(page, 'a demand with its decision path');

    // The demand decided by the IT-styrgrupp starts a project, named as the demand; it goes on to genomförs.
    await page.goto(`${server.url}/portfolio/demands?search=e-tj%C3%A4nsteplattform`);
    await page.getByRole('link', { name: /Gemensam e-tjänsteplattform för alla förvaltningar/ }).click();
    await h1(page, 'Gemensam e-tjänsteplattform för alla förvaltningar').waitFor();
    await page.getByRole('button', { name: 'Starta projekt' }).click();
    const start = page.getByRole('dialog', { name: 'Nytt projekt' });
    expect(await start.getByRole('textbox', { name: /^Namn|^Projekt/ }).inputValue()).toBe(
      'Gemensam e-tjänsteplattform för alla förvaltningar',
    );
    await expectAccessible(page, 'a project from a decided demand');
    await start.getByRole('button', { name: 'Skapa projekt' }).click();
    await page.waitForURL(/\/portfolio\/projects\/[0-9a-f-]{36}$/);
    await h1(page, 'Gemensam e-tjänsteplattform för alla förvaltningar').waitFor();
    await page.goBack();
    await region(page, 'Projekt')
      .getByRole('link', { name: /Gemensam e-tjänsteplattform/ })
      .waitFor();
    await page.getByText('Genomförs').first().waitFor();

    await nav.getByRole('link', { name: 'Upphandlingar' }).click();
    await h1(page, 'Upphandlingar').waitFor();
    await page.getByRole('link', { name: /Upphandling av IT-drift och telefoni/ }).click();
    await h1(page, /Upphandling av IT-drift och telefoni/).waitFor();
    await page.getByText('Avbruten').first().waitFor();
    await expectAccessible(page, 'the cancelled procurement');
    await page.goto(`${server.url}/portfolio/procurements/plan`);
    await h1(page, 'Plan för återupphandling').waitFor();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'the re-procurement plan');

    await nav.getByRole('link', { name: 'Projekt', exact: true }).click();
    await h1(page, 'Projekt').waitFor();
    await expectAccessible(page, 'projects');
    await page
      .getByRole('link', { name: /Dator som tjänst/ })
      .first()
      .click();
    await h1(page, /Dator som tjänst/).waitFor();
    await page.getByRole('heading', { level: 2, name: /Statusrapporter/ }).waitFor();
    await expectAccessible(page, 'a project');
    expectNoCspViolation(page);
    await page.context().close();
  });
});
