import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  choose,
  EMPLOYEE,
  expectAccessible,
  expectNoCspViolation,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 15 from idea to benefit in a real browser with the demo municipality: an employee leaves
// an idea in the portal; the portfolio's keeper prepares it (benefit in kronor and hours),
// records the consultations with procurement and the IT unit, plans a meeting of the
// beredningsgrupp and puts the demand on its agenda, moves it to ready for decision, records the
// IT-styrgrupp's decision in the decision log and the demand as decided by it, starts its
// project, reports its status and a deviation, states an effect goal and records its follow-up;
// then the portfolio's benefit page and the demands' settings. Every page and every dialog opened
// is axe-clean; the dialogs are opened and sent by keyboard (focus and Enter).

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Activates a button by keyboard, as a keyboard user would. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

const stockholmDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Stockholm',
  });

async function openDialog(page: Page, button: string | RegExp, name: string | RegExp) {
  await press(page.getByRole('button', { name: button, exact: typeof button === 'string' }).first());
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

async function send(dialog: Locator, button: string | RegExp) {
  await press(dialog.getByRole('button', { name: button }));
  await dialog.waitFor({ state: 'hidden' });
}

describe('portfolio from idea to benefit', () => {
  test('an idea is prepared, anchored, decided in the right forum, carried out and followed up', async () => {
    const suffix = Date.now().toString(36);
    const title = `E-tjänst för färdtjänst ${suffix}`;

    // The employee's idea, sent from the portal with Enter.
    const portal = await newPage(browser);
    await signIn(portal, server.url, EMPLOYEE);
    await portal
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Lämna en idé' })
      .click();
    await h1(portal, 'Lämna en idé eller ett behov').waitFor();
    await portal.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
    await portal.getByRole('textbox', { name: /^Vad behövs/ }).fill('Ansökan om färdtjänst görs på papper.');
    await portal
      .getByRole('textbox', { name: /^Varför behövs det/ })
      .fill('Handläggarna skriver av varje ansökan.');
    await portal.getByRole('radio', { name: /Kommungemensamt/ }).check();
    await portal.getByRole('button', { name: 'Skicka in' }).press('Enter');
    await h1(portal, title).waitFor();
    await portal.context().close();

    const page = await newPage(browser);
    await signIn(page, server.url);
    const openDemand = async () => {
      await page.goto(`${server.url}/portfolio/demands?search=${encodeURIComponent(suffix)}`);
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await h1(page, title).waitFor();
    };
    await openDemand();
    await expectAccessible(page, 'the new demand');

    // Preparation: under beredning, the benefit in kronor and hours (seed 002's 750 hours).
    await press(page.getByRole('button', { name: 'Flytta till: Under beredning' }));
    await page.getByText('Status ändrad till Under beredning').waitFor();
    const prepare = await openDialog(page, 'Bered', /^Bered /);
    await prepare.getByRole('textbox', { name: /^Besparing per år/ }).fill('250000');
    await prepare.getByRole('textbox', { name: /^Frigjorda timmar per år/ }).fill('750');
    await prepare.getByRole('textbox', { name: /^Nytta i ord/ }).fill('Ansökningarna kommer in digitalt.');
    await expectAccessible(page, 'the prepare dialog');
    await send(prepare, 'Spara');

    // Consultations: procurement and the IT unit.
    for (const [party, who] of [
      ['Upphandling', 'Upphandlingsenheten'],
      ['IT-enheten', 'IT-chefen'],
    ] as const) {
      const consult = await openDialog(page, 'Registrera samråd', /^Samråd om/);
      await choose(page, consult.getByRole('combobox', { name: /^Part/ }), party);
      await consult.getByRole('textbox', { name: /^Vem/ }).fill(who);
      if (party === 'Upphandling') await expectAccessible(page, 'the consult dialog');
      await send(consult, 'Spara');
    }

    // The beredningsgrupp's next meeting, planned from its forum's page.
    const day = stockholmDay(7);
    await page.goto(`${server.url}/governance/forums`);
    await page.getByRole('link', { name: 'IT-strategiska beredningsgruppen', exact: true }).waitFor();
    await expectAccessible(page, 'the forums');
    await page.getByRole('link', { name: 'IT-strategiska beredningsgruppen', exact: true }).click();
    await h1(page, 'IT-strategiska beredningsgruppen').waitFor();
    await expectAccessible(page, 'the beredningsgrupp');
    const meeting = await openDialog(page, 'Nytt sammanträde', 'Nytt sammanträde');
    await expectAccessible(page, 'the new meeting dialog');
    await meeting.getByLabel(/^Datum/).fill(day);
    await meeting.getByLabel(/^Plats/).fill('Kommunhuset, rum Ljusnan');
    await send(meeting, 'Skapa sammanträde');
    await h1(page, `IT-strategiska beredningsgruppen ${day}`).waitFor();
    await expectAccessible(page, 'the new meeting');

    // On its agenda: one action from the demand.
    await openDemand();
    const agenda = await openDialog(page, 'Sätt på dagordning', /dagordning$/);
    await choose(
      page,
      agenda.getByRole('combobox', { name: /^Sammanträde/ }),
      /IT-strategiska beredningsgruppen/,
    );
    await expectAccessible(page, 'the agenda dialog');
    await send(agenda, 'Sätt på dagordning');
    await press(page.getByRole('button', { name: 'Flytta till: Redo för beslut' }));
    await page.getByText('Status ändrad till Redo för beslut').waitFor();
    await page.getByText('Inget saknas: behovet kan beslutas.').waitFor();
    await expectAccessible(page, 'the demand ready for decision');

    // The IT-styrgrupp's decision in the decision log.
    const paragraph = String(9000 + Math.floor(Math.random() * 900));
    await page.goto(`${server.url}/governance/decisions`);
    await h1(page, 'Beslutslogg').waitFor();
    await expectAccessible(page, 'the decision log');
    const decision = await openDialog(page, 'Registrera beslut', 'Registrera beslut');
    await choose(page, decision.getByRole('combobox', { name: /^Forum/ }), 'IT-styrgrupp', 'IT-styrgrupp');
    await decision.getByLabel(/^Datum/).fill(stockholmDay(0));
    await decision.getByRole('textbox', { name: /^Paragraf/ }).fill(paragraph);
    await decision.getByRole('textbox', { name: /^Ärende/ }).fill(title);
    await decision.getByRole('textbox', { name: /^Beslut/ }).fill('IT-styrgruppen bifaller behovet.');
    await expectAccessible(page, 'the decision dialog');
    await send(decision, 'Registrera');

    // The demand decided by that decision.
    await openDemand();
    const decide = await openDialog(page, 'Registrera beslut', /^Beslut om/);
    await choose(
      page,
      decide.getByRole('combobox', { name: /^Beslut i beslutsloggen/ }),
      new RegExp(`§ ${paragraph}`),
    );
    await expectAccessible(page, 'the decide dialog');
    await send(decide, 'Registrera beslut');
    await page.getByText('Beslutet är registrerat').waitFor();

    // Its project, reported on and with a deviation.
    const start = await openDialog(page, 'Starta projekt', 'Nytt projekt');
    await send(start, 'Skapa projekt');
    await page.waitForURL(/\/portfolio\/projects\/[0-9a-f-]{36}$/);
    await h1(page, title).waitFor();
    const report = await openDialog(page, 'Lämna statusrapport', /^Statusrapport för/);
    // By keyboard: the first radio group is the time's; Space picks amber.
    await report.getByRole('radiogroup', { name: /^Tid/ }).getByRole('radio', { name: 'Gul' }).focus();
    await page.keyboard.press('Space');
    await report
      .getByRole('textbox', { name: /^Sammanfattning|^Summering/ })
      .fill('Kravställningen är klar.');
    await expectAccessible(page, 'the status report dialog');
    await send(report, 'Lämna statusrapport');
    const deviation = await openDialog(page, 'Rapportera avvikelse', /^Avvikelse i/);
    await deviation
      .getByRole('textbox', { name: /^Avvikelse/ })
      .fill('Leverantören kan inte leverera före sommaren');
    await expectAccessible(page, 'the deviation dialog');
    await send(deviation, 'Rapportera avvikelse');
    await page.getByRole('table', { name: /^Avvikelser i/ }).waitFor();

    // What the demand's preparation promised, on the project's benefit section.
    await page
      .getByRole('region', { name: 'Effektmål och nyttouppföljning' })
      .getByText(/utlovade vid beredningen 250\s000,00\skr per år i besparing och 750 frigjorda timmar/)
      .waitFor();

    // An effect goal: fewer kronor a year, followed up by the responsible person.
    const goalName = `Lägre kostnad för pappersansökningar ${suffix}`;
    const goal = await openDialog(page, 'Nytt effektmål', 'Nytt effektmål');
    await goal.getByRole('textbox', { name: /^Effektmål/ }).fill(goalName);
    await goal.getByRole('textbox', { name: /^Indikator/ }).fill('Kostnad för handläggning av papper');
    await goal.getByRole('textbox', { name: /^Utgångsvärde/ }).fill('500000');
    await goal.getByRole('textbox', { name: /^Målvärde/ }).fill('250000');
    await choose(
      page,
      goal.getByRole('combobox', { name: /^Ansvarig för uppföljning/ }),
      /Helena Bergström/,
      'Helena',
    );
    await goal.getByLabel(/^Uppföljning 1/).fill(stockholmDay(-2));
    await expectAccessible(page, 'the effect goal dialog');
    await send(goal, 'Spara effektmål');
    const goals = page.getByRole('table', { name: /^Effektmål för/ });
    await goals
      .getByRole('row', { name: new RegExp(goalName) })
      .getByText('Försenad')
      .waitFor();
    await expectAccessible(page, 'the project with its effect goal');

    // The follow-up by keyboard: the day is today already; the value typed, Enter sends.
    await press(page.getByRole('button', { name: `Följ upp ${goalName}` }));
    const follow = page.getByRole('dialog', { name: `Följ upp ${goalName}` });
    await follow.waitFor();
    await expectAccessible(page, 'the follow-up dialog');
    await follow.getByRole('textbox', { name: /^Uppmätt värde/ }).focus();
    await page.keyboard.type('400000');
    await page.keyboard.press('Enter');
    await follow.waitFor({ state: 'hidden' });
    const row = goals.getByRole('row', { name: new RegExp(goalName) });
    await expect.poll(async () => row.textContent()).toMatch(/100\s000,00\skr per år/);
    await page.getByRole('table', { name: 'Uppföljningar, senaste först' }).waitFor();

    // The portfolio's benefit: the goal among all, promised against realised.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Nyttorealisering' })
      .click();
    await h1(page, 'Nyttorealisering').waitFor();
    await page.getByRole('table', { name: 'Effektmål i portföljen' }).getByText(goalName).waitFor();
    await expectAccessible(page, 'the benefit page');
    // The demo's overdue follow-up is due.
    await page
      .getByRole('table', { name: 'Effektmål att följa upp' })
      .getByText('Lägre kostnad per arbetsplats')
      .waitFor();

    // The demands' settings.
    await page.goto(`${server.url}/portfolio/settings`);
    await h1(page, 'Inställningar för behov').waitFor();
    await expectAccessible(page, 'the demand settings');
    // Local demands of Kommunledningskontoret go to KDL: a row added, picked and saved by
    // keyboard, and still there after a reload.
    const unitBodies = page.getByRole('table', { name: 'Förvaltningarnas ledningsgrupper' });
    const before = await unitBodies.getByRole('row').count();
    await press(page.getByRole('button', { name: 'Lägg till ledningsgrupp' }));
    const rowNo = Math.max(before, 1);
    await choose(
      page,
      unitBodies.getByRole('combobox', { name: `Enhet ${rowNo}` }),
      'Kommunledningskontoret',
      'Kommunledning',
    );
    await choose(
      page,
      unitBodies.getByRole('combobox', { name: `Ledningsgrupp ${rowNo}` }),
      'Kommundirektörens ledningsgrupp (KDL)',
      'Kommundirektör',
    );
    await expectAccessible(page, 'the demand settings with a unit row');
    await press(page.getByRole('button', { name: 'Spara' }));
    await page.getByText('Sparat').first().waitFor();
    await page.reload();
    await expect
      .poll(async () => unitBodies.getByRole('combobox', { name: `Enhet ${rowNo}` }).inputValue())
      .toBe('Kommunledningskontoret');
    await expect(
      unitBodies.getByRole('combobox', { name: `Ledningsgrupp ${rowNo}` }).inputValue(),
    ).resolves.toBe('Kommundirektörens ledningsgrupp (KDL)');

    // A project manager on part time carries 3 effort points a month: a row of their own, by
    // keyboard, saved and kept.
    const capacities = page.getByRole('table', { name: 'Personer med egen kapacitet' });
    await press(page.getByRole('button', { name: 'Lägg till person' }));
    await choose(page, capacities.getByRole('combobox', { name: 'Person 1' }), /^Karin Lindqvist/, 'Karin');
    const points = capacities.getByRole('textbox', { name: 'Insatspoäng per månad 1' });
    await points.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('3');
    await expectAccessible(page, 'the demand settings with a capacity row');
    await press(page.getByRole('button', { name: 'Spara' }));
    await page.getByText('Sparat').first().waitFor();
    await page.reload();
    await expect
      .poll(async () => capacities.getByRole('combobox', { name: 'Person 1' }).inputValue())
      .toMatch(/^Karin Lindqvist/);
    await expect(points.inputValue()).resolves.toBe('3');
    expectNoCspViolation(page);
    await page.context().close();
  });
});
