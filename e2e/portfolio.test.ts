import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  call,
  choose,
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
// cancelled procurement and the re-procurement plan, and a project with its status reports; a
// change ticket of the desk promoted into a demand by keyboard; every page axe-clean.

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
    // Their own unit: the choice of another is for those who register needs for units.
    await page.getByText('Behovet registreras för din enhet.').waitFor();
    expect(await page.getByRole('checkbox', { name: /Registrera för en enhet/ }).count()).toBe(0);
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
    // The ranked backlog: highest score first, numbered; its first demand and its decision path.
    await choose(page, page.getByRole('combobox', { name: 'Ordning' }), 'Rangordnad (högst poäng först)');
    await page.waitForURL(/sort=rank/);
    const ranked = page.getByRole('table', { name: /^Rangordnade/ });
    await ranked.getByRole('columnheader', { name: 'Plats' }).waitFor();
    await expectAccessible(page, 'the ranked backlog');
    await ranked.getByRole('link').first().click();
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
    await page.getByRole('link', { name: /Upphandling av IT-drift och telefoni/ }).waitFor();
    await expectAccessible(page, 'procurements');
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

  test('the keeper promotes a change ticket into a demand by keyboard, and the ticket links to it', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const [employee] = (
      await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/people?search=medarbetare%40styrbord')
    ).items;
    const title = `Fält för projektkod i attesten ${Date.now().toString(36)}`;
    const ticket = await call<{ id: string; number: string }>(page, 'POST', '/api/v1/tickets', {
      type: 'change',
      title,
      description: 'Vid bokslut söker ekonomerna projektkoden för hand.',
      requesterId: employee!.id,
    });
    await page.goto(`${server.url}/desk/tickets/${ticket.id}`);
    await h1(page, new RegExp(title)).waitFor();
    const promote = page.getByRole('button', { name: 'Gör till behov' });
    await promote.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Gör ${ticket.number} till behov` });
    const heading = dialog.getByRole('textbox', { name: /^Rubrik/ });
    // The title and the description come from the ticket; the title has the focus.
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await heading.inputValue()).toBe(title);
    expect(await dialog.getByRole('textbox', { name: /^Vad behövs/ }).inputValue()).toBe(
      'Vid bokslut söker ekonomerna projektkoden för hand.',
    );
    await expectAccessible(page, 'the promote dialog');
    // Verksamhetsspecifikt is chosen; the arrow key goes to Kommungemensamt.
    await dialog.getByRole('radio', { name: /Verksamhetsspecifikt/ }).focus();
    await page.keyboard.press('ArrowUp');
    expect(await dialog.getByRole('radio', { name: /Kommungemensamt/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Gör till behov' }).focus();
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/portfolio\/demands\/[0-9a-f-]{36}$/);
    await h1(page, title).waitFor();
    const link = page.getByRole('link', { name: `${ticket.number} ${title}` });
    await link.waitFor();
    await page.getByText('Kommungemensamt').first().waitFor();
    await expectAccessible(page, 'the demand from a change ticket');
    const demandId = new URL(page.url()).pathname.split('/').pop();
    const { number, submitterName } = await call<{ number: string; submitterName: string }>(
      page,
      'GET',
      `/api/v1/demands/${demandId}`,
    );
    expect(submitterName).toBe('Emelie Larsson');

    // Back on the ticket: a link to the demand instead of the action.
    await link.focus();
    await page.keyboard.press('Enter');
    await h1(page, new RegExp(title)).waitFor();
    await page.getByRole('link', { name: `Behov ${number}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Gör till behov' }).count()).toBe(0);
    await expectAccessible(page, 'a promoted change ticket');

    // The keeper registers needs for units: the portal's form offers the choice.
    await page.goto(`${server.url}/portal/ideas/new`);
    await h1(page, 'Lämna en idé eller ett behov').waitFor();
    const forUnit = page.getByRole('checkbox', { name: /Registrera för en enhet/ });
    await forUnit.focus();
    await page.keyboard.press('Space');
    await page.getByRole('combobox', { name: /^Enhet/ }).waitFor();
    await expectAccessible(page, 'the idea form, registering for a unit');
    expectNoCspViolation(page);
    await page.context().close();
  });
});
