import { createTransport } from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  choose,
  EMPLOYEE,
  expectAccessible,
  freePort,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 13, point 11, the agents' side: mail that no ticket holds waits in the desk's inbox. The
// server listens for SMTP (MAIL_INBOUND_PORT) and the test sends it real mail from a stranger;
// the demo's inbox holds another (a substitute teacher outside the directory). The admin (an agent
// of every group) opens the inbox, makes a ticket of the demo's mail for a requester chosen from
// the directory, and discards the stranger's with a reason. axe on every page and dialog.

const DESK = 'servicedesk@styrby.se';
const DEMO_SUBJECT = 'Inloggning till Heroma för vikarier';

let server: RunningServer;
let browser: Browser;
let smtpPort = 0;

beforeAll(async () => {
  smtpPort = await freePort();
  [server, browser] = await Promise.all([
    startServer({ MAIL_INBOUND_PORT: String(smtpPort), MAIL_INBOUND_HOST: '127.0.0.1' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the desk’s inbox of received mail', () => {
  const stamp = Date.now().toString(36);
  const strangerSubject = `Erbjudande om skrivarpapper ${stamp}`;

  test('an employee has no inbox in the menu', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, EMPLOYEE);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Mina ärenden' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Inkorg' }).count()).toBe(0);
    await page.context().close();
  });

  test('the admin makes a ticket of one held mail and discards another', async () => {
    // Real SMTP to the listener: a stranger's mail is held (unknown sender).
    const sender = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await sender.sendMail({
      from: 'Pappersgrossisten <order@pappersgrossisten.example>',
      to: DESK,
      subject: strangerSubject,
      text: `Hej!\n\nVi erbjuder skrivarpapper till bra pris. (${stamp})`,
    });
    sender.close();

    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Inkorg' }).click();
    await h1(page, 'Inkorg för e-post').waitFor();
    const table = page.getByRole('table', { name: 'Mottagna mejl, nyaste först' });
    // The job reads the mail within a second or so of the listener's "250 OK".
    await expect
      .poll(
        async () => {
          if ((await table.getByRole('link', { name: strangerSubject }).count()) > 0) return true;
          await page.reload();
          await table.waitFor();
          return false;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    const demoRow = table.getByRole('row').filter({ hasText: DEMO_SUBJECT });
    expect(await demoRow.textContent()).toContain('Okänd avsändare');
    expect(await demoRow.textContent()).toContain('sara.ek@vikariepoolen.example');
    const strangerRow = table.getByRole('row').filter({ hasText: strangerSubject });
    expect(await strangerRow.textContent()).toContain('order@pappersgrossisten.example');
    await expectAccessible(page, 'inbox');

    // Opened by keyboard: the mail shows above the list, and the focus moves to it.
    await table.getByRole('link', { name: DEMO_SUBJECT }).press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: DEMO_SUBJECT });
    await heading.waitFor();
    expect(new URL(page.url()).searchParams.get('mail')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const mail = page.getByRole('region', { name: DEMO_SUBJECT });
    await expect.poll(() => mail.textContent()).toContain('Jag är ny vikarie på Västra skolan');
    expect(await mail.textContent()).toContain('Adressen hör inte till någon i katalogen');
    await expectAccessible(page, 'inbox, one mail open');

    // Make a ticket: the sender is unknown, so the requester is chosen; without one it is refused.
    await mail.getByRole('button', { name: 'Gör ärende' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gör ett ärende av mejlet' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Rubrik').inputValue()).toBe(DEMO_SUBJECT);
    await expectAccessible(page, 'make a ticket dialog');
    const requester = dialog.getByRole('combobox', { name: /^Beställare/ });
    await dialog.getByRole('button', { name: 'Gör ärende' }).click();
    await expect.poll(() => requester.getAttribute('aria-invalid')).toBe('true');
    await choose(page, requester, /Emelie Larsson/, 'Emelie');
    await dialog.getByRole('button', { name: 'Gör ärende' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const done = page.getByText(/^Ärendet INC-\d{4}-\d{6} är skapat av mejlet\.$/);
    await done.waitFor();
    const number = (await done.textContent())?.match(/INC-\d{4}-\d{6}/)?.[0] ?? '';
    // The open mail says what became of it, and the held list no longer has it.
    await expect.poll(() => mail.textContent()).toContain('Blev ärende');
    // The focus goes back to the mail (its buttons are gone), so the keyboard goes on from there.
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await mail.getByRole('link', { name: number }).waitFor();
    expect(await mail.getByRole('button', { name: 'Gör ärende' }).count()).toBe(0);
    await expect.poll(() => table.getByRole('link', { name: DEMO_SUBJECT }).count()).toBe(0);
    await expectAccessible(page, 'inbox, mail made a ticket');

    // Discard the stranger's, with a reason, confirmed in the dialog.
    await table.getByRole('link', { name: strangerSubject }).click();
    const stranger = page.getByRole('region', { name: strangerSubject });
    await stranger.getByRole('button', { name: 'Kasta' }).click();
    const discard = page.getByRole('dialog', { name: 'Kasta mejlet' });
    await discard.waitFor();
    await expectAccessible(page, 'discard dialog');
    // Sent without a reason: refused in the dialog, nothing discarded.
    await discard.getByRole('button', { name: 'Kasta mejlet' }).click();
    const reason = discard.getByLabel(/^Skäl/);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    // The focus goes to the field that needs a reason.
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.fill('Reklam, inget ärende.');
    await discard.getByRole('button', { name: 'Kasta mejlet' }).press('Enter');
    await discard.waitFor({ state: 'hidden' });
    await page.getByText('Mejlet är kastat.').waitFor();
    await expect.poll(() => stranger.textContent()).toContain('Kastat');
    expect(await stranger.textContent()).toContain('Reklam, inget ärende.');
    await expect.poll(() => table.getByRole('link', { name: strangerSubject }).count()).toBe(0);
    await expectAccessible(page, 'inbox, mail discarded');

    // Two agents on one mail: the second's choice, made on the version read before the first
    // discarded it, is refused in words, and reloading shows what the first did.
    const raced = `Fråga om lönespecifikation ${stamp}`;
    const again = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await again.sendMail({
      from: 'Okänd Person <okand.person@extern.example>',
      to: DESK,
      subject: raced,
      text: 'Var hittar jag min lönespecifikation?',
    });
    again.close();
    await expect
      .poll(
        async () => {
          if ((await table.getByRole('link', { name: raced }).count()) > 0) return true;
          await page.reload();
          await table.waitFor();
          return false;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    await table.getByRole('link', { name: raced }).click();
    const racedMail = page.getByRole('region', { name: raced });
    await racedMail.getByRole('button', { name: 'Gör ärende' }).click();
    const late = page.getByRole('dialog', { name: 'Gör ett ärende av mejlet' });
    await late.waitFor();
    const other = await newPage(browser);
    await signIn(other, server.url);
    await other.goto(page.url());
    const first = other.getByRole('region', { name: raced });
    await first.getByRole('button', { name: 'Kasta' }).click();
    const otherDialog = other.getByRole('dialog', { name: 'Kasta mejlet' });
    await otherDialog.getByLabel(/^Skäl/).fill('Besvarad per telefon.');
    await otherDialog.getByRole('button', { name: 'Kasta mejlet' }).click();
    await other.getByText('Mejlet är kastat.').waitFor();
    await other.context().close();
    await choose(page, late.getByRole('combobox', { name: /^Beställare/ }), /Emelie Larsson/, 'Emelie');
    await late.getByRole('button', { name: 'Gör ärende' }).click();
    const conflict = late.getByRole('alert');
    await expect
      .poll(() => conflict.textContent())
      .toContain('Någon annan har ändrat uppgifterna medan du arbetade med dem.');
    await expectAccessible(page, 'make a ticket dialog, conflict');
    await conflict.getByRole('button', { name: 'Läs in igen' }).click();
    await expect.poll(() => racedMail.textContent()).toContain('Besvarad per telefon.');
    await page.keyboard.press('Escape');
    await late.waitFor({ state: 'hidden' });
    expect(await racedMail.getByRole('button', { name: 'Gör ärende' }).count()).toBe(0);

    // Handled: all three, each with what became of it.
    await choose(page, page.getByRole('combobox', { name: 'Visa' }), 'Hanterade');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('handled');
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: DEMO_SUBJECT }).textContent())
      .toContain('Blev ärende');
    expect(await table.getByRole('row').filter({ hasText: strangerSubject }).textContent()).toContain(
      'Kastat',
    );
    expect(await table.getByRole('row').filter({ hasText: raced }).textContent()).toContain('Kastat');
    await expectAccessible(page, 'inbox, handled');

    // The ticket it made: the mail's subject and text, for the requester chosen.
    await table.getByRole('link', { name: DEMO_SUBJECT }).click();
    await mail.getByRole('link', { name: number }).click();
    await h1(page, new RegExp(DEMO_SUBJECT)).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Emelie Larsson');
    expect(await page.locator('main').textContent()).toContain('Jag är ny vikarie på Västra skolan');
    await expectAccessible(page, 'the ticket made of the mail');
    await page.context().close();
  });
});
