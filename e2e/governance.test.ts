import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectAccessible,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  signIn,
  startServer,
} from './support.ts';

// Issue 14, points 1 and 3, in a real browser with the demo municipality: the admin opens the
// IT-styrgrupp from the forums, records a decision with its § there, is told in words that a second
// decision under the same § of the same year is refused (the server's 409), and finds the decision
// in the decision log by a stemmed search. axe on every page and dialog visited; the forms are
// filled and sent from the keyboard.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses a button from the keyboard. */
async function press(button: Locator) {
  await button.focus();
  await button.press('Enter');
}

describe('forums and the decision log', () => {
  const stamp = Date.now().toString(36);
  // A § the demo's IT-styrgrupp has not used this year (its 2026 decisions are § 1, 5 and 9).
  const paragraph = String(100 + (Date.now() % 800));
  const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4);
  const title = `Upphandling av ny telefoniväxel ${stamp}`;

  test('records a decision with its § in the IT-styrgrupp, refuses the § twice, and finds it by a stemmed search', async () => {
    const page = await newPage(browser);
    await signIn(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Forum' }).click();
    await h1(page, 'Forum').waitFor();
    const forums = page.getByRole('table', { name: 'Forum' });
    await forums.getByRole('row').filter({ hasText: '10–12 per år' }).first().waitFor();
    await expectAccessible(page, 'forums');

    await forums.getByRole('link', { name: 'IT-styrgrupp', exact: true }).click();
    await h1(page, 'IT-styrgrupp').waitFor();
    await page
      .getByRole('table', { name: 'Ledamöter' })
      .getByRole('row', { name: /Lars Öberg/ })
      .waitFor();
    expect(await page.getByText('Karin Lindqvist').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'forum');

    const record = async (subject: string) => {
      await press(page.getByRole('button', { name: 'Registrera beslut' }));
      const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
      await dialog.waitFor();
      // Recorded from the forum's page, the forum is chosen already.
      expect(await dialog.getByRole('combobox', { name: /^Forum/ }).inputValue()).toBe('IT-styrgrupp');
      await dialog.getByLabel(/^Paragraf/).fill(paragraph);
      await dialog.getByLabel(/^Diarienummer/).fill(`KS ${year}/4711`);
      await dialog.getByLabel(/^Ärende/).fill(subject);
      await dialog
        .getByRole('textbox', { name: /^Beslut/ })
        .fill('IT-styrgruppen beslutar att upphandlingen av en ny telefoniväxel ska starta under hösten.');
      return dialog;
    };

    const dialog = await record(title);
    await expectAccessible(page, 'decision dialog');
    await press(dialog.getByRole('button', { name: 'Registrera', exact: true }));
    await dialog.waitFor({ state: 'hidden' });
    await h1(page, title).waitFor();
    await page
      .getByText(new RegExp(`^IT-styrgrupp ${year}-\\d\\d-\\d\\d § ${paragraph}$`))
      .first()
      .waitFor();
    await expectAccessible(page, 'decision');

    // The same § of the same year again: refused, said beside the field.
    await page.getByRole('link', { name: 'IT-styrgrupp' }).first().click();
    await h1(page, 'IT-styrgrupp').waitFor();
    const again = await record(`Dubblett ${stamp}`);
    await press(again.getByRole('button', { name: 'Registrera', exact: true }));
    const message = `§ ${paragraph} finns redan för IT-styrgrupp ${year}. Välj en annan paragraf.`;
    await again.getByText(message).waitFor();
    expect(await again.getByLabel(/^Paragraf/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'decision dialog with a taken paragraph');
    await again.getByRole('button', { name: 'Avbryt' }).click();
    await again.waitFor({ state: 'hidden' });

    // The log finds "upphandlingen" when asked for "upphandlingarna".
    await nav.getByRole('link', { name: 'Beslutslogg' }).click();
    await h1(page, 'Beslutslogg').waitFor();
    await page.getByLabel('Sök i besluten').fill(`upphandlingarna ${stamp}`);
    const log = page.getByRole('table', { name: 'Beslut, senaste först' });
    // The search applies once typing pauses: then the header and the one decision are left.
    await expect.poll(() => log.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    await log.getByRole('row').filter({ hasText: title }).waitFor();
    expect(
      await log
        .getByRole('row')
        .filter({ hasText: `KS ${year}/4711` })
        .count(),
    ).toBe(1);
    expect(
      await log
        .getByRole('row')
        .filter({ hasText: `Dubblett ${stamp}` })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'decision log');

    // The governing documents, those overdue for review marked.
    await nav.getByRole('link', { name: 'Styrdokument' }).click();
    await h1(page, 'Styrdokument').waitFor();
    const documents = page.getByRole('table', { name: 'Styrdokument' });
    await documents
      .getByRole('row')
      .filter({ hasText: 'Kontinuitetsplan för IT' })
      .filter({ hasText: 'Revidering försenad' })
      .waitFor();
    await expectAccessible(page, 'governing documents');
    await documents.getByRole('link', { name: 'Informationssäkerhetspolicy' }).click();
    await h1(page, 'Informationssäkerhetspolicy').waitFor();
    await page
      .getByRole('table', { name: 'Dokument under detta' })
      .getByRole('link', { name: 'Riktlinje för informationsklassning' })
      .waitFor();
    await expectAccessible(page, 'governing document');

    // A new version: a PDF with its change note, listed as version 1.
    const versionForm = page.getByRole('form', { name: 'Lägg till version' });
    await versionForm.locator('input[type="file"]').setInputFiles({
      name: `informationssakerhetspolicy-${stamp}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% ${stamp}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`),
    });
    await versionForm.getByText(`Vald fil: informationssakerhetspolicy-${stamp}.pdf`).waitFor();
    await versionForm.getByLabel('Ändring').fill('Reviderad efter översynen av styrdokumenten');
    await press(versionForm.getByRole('button', { name: 'Lägg till version' }));
    const versions = page.getByRole('table', { name: 'Versioner' });
    await versions
      .getByRole('row', { name: new RegExp(`informationssakerhetspolicy-${stamp}\\.pdf`) })
      .waitFor();
    expect(await versions.getByRole('row').filter({ hasText: 'Reviderad efter översynen' }).count()).toBe(1);
    await expectAccessible(page, 'governing document with a version');
  });
});
