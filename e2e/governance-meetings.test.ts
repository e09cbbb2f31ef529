import ICAL from 'ical.js';
import type { Browser, Locator } from 'playwright-core';
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

// Issue 14, point 7 for meetings, in a real browser with the demo municipality: the admin plans a
// meeting of the IT-styrgrupp from the forum's page (Helena Bergström chairing, Sofia Åberg to
// justera), moves it to another room, adds an agenda item (and removes one added by mistake after
// the confirmation), writes its minutes and records a decision with its § under it;
// the chair and the justerare each justera the minutes, which locks them; the meeting is in the
// forum's iCalendar feed (parsed by ical.js), the minutes print, and the decision is in the log. axe on every page and dialog visited; the forms are sent
// from the keyboard.

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

const stockholmDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Stockholm',
  });

describe('meetings of a forum', () => {
  const stamp = Date.now().toString(36);
  const day = stockholmDay(7);
  const paragraph = String(1000 + (Date.now() % 90_000));
  const subject = `Införande av ny e-tjänsteplattform ${stamp}`;

  test('plans a meeting, records a decision with its § under an item, justerar the minutes and finds the decision in the log', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Forum' }).click();
    await h1(page, 'Forum').waitFor();
    await page
      .getByRole('table', { name: 'Forum' })
      .getByRole('link', { name: 'IT-styrgrupp', exact: true })
      .click();
    await h1(page, 'IT-styrgrupp').waitFor();
    // The demo's meetings: one justerat behind, one ahead.
    const meetings = page.getByRole('table', { name: 'Sammanträden' });
    await meetings.getByRole('row').filter({ hasText: 'Justerat' }).first().waitFor();
    await expectAccessible(page, 'forum with meetings');

    await press(page.getByRole('button', { name: 'Nytt sammanträde' }));
    const dialog = page.getByRole('dialog', { name: 'Nytt sammanträde' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: /^Forum/ }).inputValue()).toBe('IT-styrgrupp');
    await dialog.getByLabel(/^Datum/).fill(day);
    await dialog.getByLabel(/^Plats/).fill('Kommunhuset, sammanträdesrum Storsjön');
    await choose(page, dialog.getByRole('combobox', { name: /^Ordförande/ }), /Helena Bergström/, 'Helena');
    await choose(page, dialog.getByRole('combobox', { name: /^Justerare/ }), /Sofia Åberg/, 'Sofia');
    await expectAccessible(page, 'meeting dialog');
    await press(dialog.getByRole('button', { name: 'Skapa sammanträde' }));
    await dialog.waitFor({ state: 'hidden' });
    await h1(page, `IT-styrgrupp ${day}`).waitFor();
    const meetingUrl = page.url();
    await expectAccessible(page, 'meeting');

    // The meeting moves to another room: the same form, from the page's Edit.
    await press(page.getByRole('button', { name: 'Redigera' }));
    const edit = page.getByRole('dialog', { name: 'Ändra sammanträde' });
    await edit.waitFor();
    expect(await edit.getByLabel(/^Plats/).inputValue()).toBe('Kommunhuset, sammanträdesrum Storsjön');
    await edit.getByLabel(/^Plats/).fill('Stadshuset, sal Vättern');
    await expectAccessible(page, 'meeting edit dialog');
    await press(edit.getByRole('button', { name: 'Spara' }));
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('Sammanträdet är sparat.').waitFor();
    await page.getByText('Stadshuset, sal Vättern').waitFor();
    // Archived with a reason by mistake, and restored.
    await press(page.getByRole('button', { name: 'Fler åtgärder' }));
    await page.getByRole('menuitem', { name: 'Arkivera' }).click();
    const archive = page.getByRole('dialog', { name: 'Arkivera sammanträdet' });
    await archive.getByLabel(/^Orsak till arkivering/).fill('Fel sammanträde');
    await expectAccessible(page, 'meeting archive dialog');
    // Someone else moves it again while the dialog is open, and the page refetches behind it (a
    // reconnect refetches stale queries): archiving must answer the conflict, not go on unseen.
    const meetingId = new URL(meetingUrl).pathname.split('/').pop();
    await page.evaluate(async (id) => {
      const session = await (await fetch('/api/v1/session')).json();
      const meeting = await (await fetch(`/api/v1/meetings/${id}`)).json();
      const response = await fetch(`/api/v1/meetings/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ version: meeting.version, place: 'Stadshuset, sal Runn' }),
      });
      if (!response.ok) throw new Error(`PATCH: ${response.status}`);
    }, meetingId);
    await expect
      .poll(
        async () => {
          await page.evaluate(() => {
            window.dispatchEvent(new Event('offline'));
            window.dispatchEvent(new Event('online'));
          });
          return page.getByText('Stadshuset, sal Runn').count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await press(archive.getByRole('button', { name: 'Arkivera' }));
    const conflict = archive.getByRole('alert');
    await expect
      .poll(() => conflict.textContent())
      .toContain('Någon annan har ändrat uppgifterna medan du arbetade med dem.');
    await press(conflict.getByRole('button', { name: 'Läs in igen' }));
    await conflict.waitFor({ state: 'hidden' });
    expect(await archive.getByLabel(/^Orsak till arkivering/).inputValue()).toBe('Fel sammanträde');
    await press(archive.getByRole('button', { name: 'Arkivera' }));
    await archive.waitFor({ state: 'hidden' });
    await page.getByText(/^Sammanträdet arkiverades /).waitFor();
    await page.getByText('Fel sammanträde', { exact: false }).waitFor();
    await expectAccessible(page, 'archived meeting');
    await press(page.getByRole('button', { name: 'Återställ' }));
    await page.getByRole('button', { name: 'Redigera' }).waitFor();

    // An item on the agenda, its minutes, and a decision under it.
    const addItem = page.getByRole('form', { name: 'Lägg till punkt' });
    await addItem.getByLabel(/^Rubrik/).fill(subject);
    await press(addItem.getByRole('button', { name: 'Lägg till punkt' }));
    const item = page.getByRole('article', { name: `Punkt 1: ${subject}` });
    await item.waitFor();
    // The item shows before the page has refetched the rest; the button is busy until then.
    await expect.poll(() => addItem.getByRole('button', { name: 'Lägg till punkt' }).isEnabled()).toBe(true);
    // An item put on by mistake, taken off again after the confirmation.
    await addItem.getByLabel(/^Rubrik/).fill(`Felaktig punkt ${stamp}`);
    await press(addItem.getByRole('button', { name: 'Lägg till punkt' }));
    const mistake = page.getByRole('article', { name: `Punkt 2: Felaktig punkt ${stamp}` });
    await press(mistake.getByRole('button', { name: `Ta bort punkt 2: Felaktig punkt ${stamp}` }));
    const confirm = page.getByRole('dialog', { name: 'Ta bort punkt 2?' });
    await confirm.waitFor();
    await expectAccessible(page, 'remove item dialog');
    await press(confirm.getByRole('button', { name: 'Ta bort punkten' }));
    await confirm.waitFor({ state: 'hidden' });
    await mistake.waitFor({ state: 'detached' });
    await page.getByText('Punkten är borttagen.').waitFor();
    expect(await page.getByRole('article', { name: /^Punkt 2:/ }).count()).toBe(0);
    // A fresh page: Mantine shows five confirmations at a time and queues the rest, so the next
    // step's would wait behind the ones above.
    await page.reload();
    await item.waitFor();
    await item
      .getByLabel('Protokoll för punkt 1')
      .fill('IT-strategen föredrog förslaget. Diskussion följde.');
    await press(item.getByRole('button', { name: 'Spara protokoll' }));
    await page.getByText('Protokollet för punkten är sparat.').waitFor();
    await press(item.getByRole('button', { name: 'Registrera beslut' }));
    const decision = page.getByRole('dialog', { name: 'Beslut under punkt 1' });
    await decision.waitFor();
    await decision.getByLabel(/^Paragraf/).fill(paragraph);
    await decision
      .getByRole('textbox', { name: /^Beslut/ })
      .fill('IT-styrgruppen beslutar att införa den nya e-tjänsteplattformen under våren.');
    await expectAccessible(page, 'decision under an item');
    await press(decision.getByRole('button', { name: 'Registrera beslut' }));
    await decision.waitFor({ state: 'hidden' });
    await item.getByRole('link', { name: `§ ${paragraph} ${subject}` }).waitFor();
    await expectAccessible(page, 'meeting with a decision');

    // The chair and the justerare justera; the second signature locks the minutes.
    for (const email of ['helena.bergstrom@styrby.example', 'sofia.aberg@styrby.example']) {
      const signer = await newPage(browser);
      await signIn(signer, server.url, { email, password: 'demo' });
      await signer.goto(meetingUrl);
      await h1(signer, `IT-styrgrupp ${day}`).waitFor();
      await press(signer.getByRole('button', { name: 'Justera protokollet' }));
      await signer.getByText('Du har justerat protokollet.').waitFor();
      await expectAccessible(signer, `meeting justerat by ${email}`);
      await signer.context().close();
    }
    await page.reload();
    await page.getByText(/^Protokollet justerades .* och är låst\.$/).waitFor();
    expect(await page.getByRole('button', { name: 'Registrera beslut' }).count()).toBe(0);
    await expectAccessible(page, 'locked meeting');
    // The PDF, made on the server, with the session of the page.
    const pdfHref = await page.getByRole('link', { name: 'Protokoll som PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${server.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The meeting in the forum's iCalendar feed, fetched as a calendar client would (no session)
    // and read by a real parser.
    await page.getByRole('link', { name: 'IT-styrgrupp' }).first().click();
    await h1(page, 'IT-styrgrupp').waitFor();
    await press(page.getByRole('button', { name: /kalenderlänk$/ }));
    const link = page.getByLabel('Prenumerationslänk');
    await link.waitFor();
    await expectAccessible(page, 'forum with a calendar link');
    const feedPath = new URL(await link.inputValue()).pathname;
    expect(feedPath).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const response = await fetch(`${server.url}${feedPath}`);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const event = calendar
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .find((e) => e.uid === `${meetingId}@styrbord`);
    expect(event?.summary).toBe(`IT-styrgrupp ${day}`);
    // The room the other change moved it to while the archive dialog was open.
    expect(event?.location).toBe('Stadshuset, sal Runn');
    await page.goto(meetingUrl);
    await h1(page, `IT-styrgrupp ${day}`).waitFor();

    // The minutes to print.
    await page.getByRole('link', { name: 'Protokoll för utskrift' }).click();
    await h1(page, `Protokoll IT-styrgrupp ${day}`).waitFor();
    await page.getByText(`§ ${paragraph} ${subject}`).waitFor();
    await expectAccessible(page, 'printable minutes');

    // All meetings, the new one among them, with the personal calendar link.
    await nav.getByRole('link', { name: 'Sammanträden' }).click();
    await h1(page, 'Sammanträden').waitFor();
    await page
      .getByRole('table', { name: 'Sammanträden' })
      .getByRole('link', { name: new RegExp(`^${day} `) })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Skapa kalenderlänk' }).waitFor();
    await expectAccessible(page, 'meetings');

    // The decision in the log.
    await nav.getByRole('link', { name: 'Beslutslogg' }).click();
    await h1(page, 'Beslutslogg').waitFor();
    await page.getByLabel('Sök i besluten').fill(stamp);
    const log = page.getByRole('table', { name: 'Beslut, senaste först' });
    await log.getByRole('row').filter({ hasText: subject }).waitFor();
    await expectAccessible(page, 'decision log');
  });
});
