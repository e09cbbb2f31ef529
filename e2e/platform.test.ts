import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ADMIN,
  expectAccessible,
  expectNoCspViolation,
  h1,
  launchBrowser,
  newPage,
  type RunningServer,
  settle,
  signIn,
  startServer,
} from './support.ts';

// Issue 13: the platform in a real browser on the real server with the demo municipality.
// Every page visited is checked with axe (WCAG 2.1 AA).

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

describe('Styrbord in the browser', () => {
  test('an admin creates a unit and a person, grants a role, reads the history, switches language, signs out', async () => {
    const page = await newPage(browser);
    const stamp = Date.now().toString(36);
    const unitName = `E2E-enheten ${stamp}`;
    const given = 'Eva';
    const family = `Testsson ${stamp}`;
    const email = `eva.${stamp}@styrbord.example`;

    // Sign-in page, a wrong password first: the message says what is wrong, in Swedish.
    await page.goto(`${server.url}/sign-in`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel(/^Lösenord/).fill('fel lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('E-postadressen eller lösenordet stämmer inte');
    await signIn(page, server.url);
    await expectAccessible(page, 'start');

    // Units: list, then a new unit.
    await nav(page).getByRole('link', { name: 'Enheter' }).click();
    await h1(page, 'Enheter').waitFor();
    await page.locator('tbody tr a').first().waitFor();
    await expectAccessible(page, 'units list');
    await page.getByRole('button', { name: 'Ny enhet' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'Ny enhet' });
    await unitDialog.getByLabel('Namn').fill(unitName);
    await unitDialog.getByLabel('Kostnadsställe').fill(`E2E-${stamp}`);
    await unitDialog.getByRole('button', { name: 'Skapa enhet' }).click();
    await h1(page, unitName).waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: `Historik för ${unitName}` }).textContent())
      .toContain('Skapad');
    await expectAccessible(page, 'unit page');

    // A person in the new unit.
    await page.getByRole('button', { name: 'Fler åtgärder' }).click();
    await page.getByRole('menuitem', { name: 'Ny person i enheten' }).click();
    const personDialog = page.getByRole('dialog', { name: 'Ny person' });
    await personDialog.getByLabel('Förnamn').fill(given);
    await personDialog.getByLabel('Efternamn').fill(family);
    await personDialog.getByLabel('E-postadress').fill('inte en adress');
    await personDialog.getByRole('button', { name: 'Skapa person' }).click();
    await expect.poll(() => personDialog.textContent()).toContain('Ange en giltig e-postadress');
    await personDialog.getByLabel('E-postadress').fill(email);
    await personDialog.getByRole('button', { name: 'Skapa person' }).click();
    await h1(page, `${given} ${family}`).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Uppgifter' }).textContent())
      .toContain(unitName);

    // Grant a role, limited to the new unit.
    await page.getByRole('region', { name: 'Roller' }).getByRole('button', { name: 'Tilldela roll' }).click();
    const grantDialog = page.getByRole('dialog', { name: /Tilldela roll/ });
    await grantDialog.getByLabel(/^Roll/).click();
    await page.getByRole('option', { name: 'IT-samordnare' }).click();
    await grantDialog.getByLabel('Gäller enhet').fill(stamp);
    await page.getByRole('option', { name: new RegExp(stamp) }).click();
    await grantDialog.getByRole('button', { name: 'Tilldela roll' }).click();
    await grantDialog.waitFor({ state: 'hidden' });
    const roles = page.getByRole('table', { name: `Roller för ${given} ${family}` });
    await expect.poll(() => roles.textContent()).toContain('IT-samordnare');
    await expect.poll(() => roles.textContent()).toContain(unitName);

    // The person's history shows the creation and the grant.
    const history = page.getByRole('table', { name: `Historik för ${given} ${family}` });
    await expect.poll(() => history.textContent()).toContain('Skapad');
    await expect.poll(() => history.textContent()).toContain('Roll tilldelad');
    await expect.poll(() => history.textContent()).toContain('IT-samordnare');
    await expectAccessible(page, 'person page');

    // People list, filtered by search.
    await nav(page).getByRole('link', { name: 'Personer' }).click();
    await h1(page, 'Personer').waitFor();
    await page.getByRole('searchbox', { name: 'Sök' }).fill(family);
    await expect.poll(() => page.locator('tbody').textContent()).toContain(`${family}, ${given}`);
    await expectAccessible(page, 'people list');

    // Administration: roles, audit log (the grant is there), import with a bad file.
    await nav(page).getByRole('link', { name: 'Roller och behörigheter' }).click();
    await h1(page, 'Roller och behörigheter').waitFor();
    // Choosing a role in the catalogue lists its holders (paged by the server), the new one too.
    await page.getByRole('button', { name: /^IT-samordnare/ }).click();
    const holders = page.getByRole('table', { name: 'Tilldelade roller' });
    await expect.poll(() => holders.textContent()).toContain(`${given} ${family}`);
    expect(await holders.textContent()).not.toContain('Administratör');
    await expectAccessible(page, 'roles');

    await nav(page).getByRole('link', { name: 'Ändringslogg' }).click();
    await h1(page, 'Ändringslogg').waitFor();
    await expect
      .poll(() => page.getByRole('table', { name: 'Ändringar, senaste först' }).textContent())
      .toContain('Roll tilldelad');
    await expectAccessible(page, 'audit log');

    await nav(page).getByRole('link', { name: 'Import och export' }).click();
    await h1(page, 'Import och export').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'enheter.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('namn;typ\nBra enhet;kontor\n;kontor\nTredje;ingen typ\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    const errors = page.getByRole('table', { name: 'Fel i filen, per rad' });
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'import');

    // My API tokens, from the user menu.
    await page.getByRole('button', { name: /^Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Mina API-nycklar' }).click();
    await h1(page, 'Mina API-nycklar').waitFor();
    await expectAccessible(page, 'tokens');
    // The expiry is typed as ÅÅÅÅ-MM-DD whatever the browser's own date format.
    await page.getByRole('button', { name: 'Ny API-nyckel' }).click();
    await page.getByLabel(/^Namn/).fill(`e2e ${stamp}`);
    const expiry = page.getByLabel('Giltig till');
    expect(await expiry.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
    await expiry.click();
    // Within the year a token may live (API_TOKEN_DAYS, at most 365).
    const expiryDay = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.keyboard.type(expiryDay);
    expect(await expiry.inputValue()).toBe(expiryDay);
    await expectAccessible(page, 'token expiry with its calendar open');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Din nya API-nyckel' }).waitFor();
    await page.getByRole('button', { name: 'Klar' }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain(expiryDay);

    // Notification preferences, from the user menu: a switch per kind, changed by keyboard.
    await page.getByRole('button', { name: /^Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Inställningar för aviseringar' }).click();
    await h1(page, 'Aviseringar').waitFor();
    const mailSwitch = page.getByRole('switch').first();
    await mailSwitch.waitFor();
    const before = await mailSwitch.isChecked();
    await mailSwitch.focus();
    await page.keyboard.press('Space');
    await page.getByText('Inställningen är sparad.').first().waitFor();
    await expect.poll(() => mailSwitch.isChecked()).toBe(!before);
    await expectAccessible(page, 'notification preferences');
    await page.getByRole('button', { name: /^Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Mina API-nycklar' }).click();
    await h1(page, 'Mina API-nycklar').waitFor();

    // English and back to Swedish.
    await page.getByTestId('language-switch').click();
    await h1(page, 'My API tokens').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect
      .poll(() =>
        nav(page)
          .or(page.getByRole('navigation', { name: 'Main menu' }))
          .first()
          .textContent(),
      )
      .toContain('Audit log');
    await page.reload();
    await h1(page, 'My API tokens').waitFor();
    await page.getByTestId('language-switch').click();
    await h1(page, 'Mina API-nycklar').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    // Sign out.
    await page.getByRole('button', { name: /^Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Logga ut' }).click();
    await h1(page, 'Logga in').waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('utloggad');
    await page.goto(`${server.url}/units`);
    await h1(page, 'Logga in').waitFor();
    await page.context().close();
  });

  test('the core flow works with the keyboard alone', async () => {
    const page = await newPage(browser);
    const unitName = `Tangentbordsenheten ${Date.now().toString(36)}`;

    await page.goto(`${server.url}/sign-in`);
    await settle(page);
    // The email field has focus when the page opens.
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await h1(page, 'Mitt Styrbord').waitFor();
    await settle(page);

    /** Tabs forward until the focused element has this accessible text. */
    async function tabTo(name: string, max = 40) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
        });
        if (text === name) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    }

    // The skip link comes first and moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet');

    // The notification bell: reached with Tab, named with its count, opens with Enter (axe passes
    // with the popover open), and Escape closes it with focus back on the bell.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'notification-bell')
      )
        break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Aviseringar, /,
    );
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Senaste aviseringarna' }).waitFor();
    await expectAccessible(page, 'notifications-popover');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'notification-bell',
    );

    await tabTo('Enheter');
    await page.keyboard.press('Enter');
    await h1(page, 'Enheter').waitFor();
    await settle(page);
    await tabTo('Ny enhet');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Ny enhet' }).waitFor();
    // The name field has focus in the dialog; Enter submits the form.
    await expect
      .poll(() =>
        page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '',
        ),
      )
      .toContain('Namn');
    await page.keyboard.type(unitName);
    await page.keyboard.press('Enter');
    await h1(page, unitName).waitFor();

    // Ctrl+K finds it again.
    await tabTo('Start');
    await page.keyboard.press('Enter');
    await h1(page, 'Mitt Styrbord').waitFor();
    await page.keyboard.press('Control+K');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Sök efter personer, enheter och sidor',
    );
    await page.keyboard.type(unitName);
    await page
      .getByRole('button', { name: new RegExp(unitName) })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await h1(page, unitName).waitFor();
    await page.context().close();
  });

  test('at phone width the navigation is behind a menu button', async () => {
    const page = await newPage(browser, 390, 844);
    await signIn(page, server.url);
    const menu = page.getByRole('button', { name: 'Öppna menyn' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    await expect.poll(() => nav(page).getByRole('link', { name: 'Personer' }).isVisible()).toBe(false);
    await menu.click();
    await nav(page).getByRole('link', { name: 'Personer' }).click();
    await h1(page, 'Personer').waitFor();
    await expect.poll(() => nav(page).getByRole('link', { name: 'Personer' }).isVisible()).toBe(false);
    await expectAccessible(page, 'people list at 390 px');
    await page.context().close();
  });

  test('an account in two municipalities chooses one at sign-in', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-postadress').fill('kjell.bergqvist@grannby.example');
    await page.getByLabel(/^Lösenord/).fill('demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const choice = page.getByRole('radiogroup', { name: /Organisation/ });
    await choice.waitFor();
    const labels = await choice.locator('label').allTextContents();
    expect(labels).toEqual(['Grannby kommun', 'Styrby kommun']);
    await expectAccessible(page, 'sign-in, choosing an organisation');
    // Submitting without a choice asks for one; then the keyboard picks Grannby.
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Välj en organisation.').waitFor();
    // Focus is on the first organisation: Space chooses it, Enter signs in.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('grannby');
    await page.keyboard.press('Space');
    expect(await choice.getByRole('radio', { name: 'Grannby kommun' }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await h1(page, 'Mitt Styrbord').waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Grannby kommun');
    await page.context().close();
  });

  test('the API browser (/api/docs) loads under the same Content-Security-Policy without a violation', async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${server.url}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Swagger UI lays out the whole document (221 paths, 1.2 MB) before it shows the heading.
    await page.getByRole('heading', { name: /Styrbord API/ }).waitFor({ timeout: 60_000 });
    await page.locator('.opblock').first().waitFor();
    await page.waitForLoadState('networkidle');
    expectNoCspViolation(page);
    await page.context().close();
  });

  test('index.html is revalidated every time, the hashed chunks are kept for a year', async () => {
    for (const path of ['/', '/systems']) {
      const html = await fetch(`${server.url}${path}`);
      expect(html.headers.get('cache-control')).toBe('no-cache');
      expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const text = await (await fetch(`${server.url}/`)).text();
    const script = text.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
