import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

// End-to-end helpers: the real server (server/boot.ts, as npm start runs it, on a copy of the demo in PGlite)
// as a child process, Debian's Chromium through playwright-core, and axe for WCAG 2.1 AA.

export const root = fileURLToPath(new URL('..', import.meta.url));

export const ADMIN = { email: 'admin@styrbord.example', password: 'demo' };
export const EMPLOYEE = { email: 'medarbetare@styrbord.example', password: 'demo' };

/** Node 24 (the project's runtime) for the server, even when the test runner itself is older. */
function nodeBinary(): string {
  if (/^v2[4-9]\./.test(process.version)) return process.execPath;
  const local = join(root, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Stops the server and removes its data directory, unless told to keep it. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Builds the web app if dist/app is missing (npm run test:e2e builds it anyway). */
export function ensureBuilt() {
  if (existsSync(join(root, 'dist', 'app', 'index.html'))) return;
  execFileSync(
    nodeBinary(),
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'app/vite.config.ts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

/** The environment every e2e server runs with: the demo in PGlite, no outside services. */
function serverEnv(port: number, dataDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DEMO_DATA: 'true',
    // The desk's two years of history at a tenth of the size.
    DEMO_DESK_HISTORY: '2000',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: '',
    OIDC_ISSUER: '',
    OIDC_CLIENT_ID: '',
    OIDC_CLIENT_SECRET: '',
    ...env,
  };
}

/**
 * Starts the server on `dataDir`; `env` adds to (or overrides) its environment, e.g.
 * MAIL_INBOUND_PORT. Without a `dataDir`, each call gets its own copy of the demo database the
 * e2e project's global setup made once (e2e/global-setup.ts): every file starts from the same
 * demo, and none waits the half minute loading it takes.
 */
export async function startServer(
  env: Record<string, string> = {},
  dataDir = copyOfDemo(),
): Promise<RunningServer> {
  ensureBuilt();
  const port = await freePort();
  const child: ChildProcess = spawn(nodeBinary(), ['server/boot.ts'], {
    cwd: root,
    env: serverEnv(port, dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Loading the demo municipality with its desk history takes about 20 s on a quiet machine; a
    // loaded one has taken over 90. Within the e2e project's hook timeout (180 s).
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 170 s:\n${output}`)),
      170_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Styrbord is ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve((match[1] ?? '').replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh directory holding a copy of the global setup's demo database (an empty one outside it). */
function copyOfDemo(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'styrbord-e2e-'));
  // Outside the e2e project (a file run on its own by another runner) the server loads the demo itself.
  const template = inject('demoTemplate');
  if (template) cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const violations = new WeakMap<Page, string[]>();

/**
 * Records every Content-Security-Policy violation on the page (the browser's console message and
 * the page's securitypolicyviolation event); expectAccessible fails when there is one.
 */
export async function watchCsp(page: Page) {
  const seen: string[] = [];
  violations.set(page, seen);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `CSP ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
}

export function expectNoCspViolation(page: Page) {
  expect(violations.get(page) ?? [], `CSP violations on ${page.url()}`).toEqual([]);
}

/** Waits until the page has settled: its h1 is shown, no request is running, no spinner, no menu. */
export async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 10_000 }).toBe(0);
  // A menu that was just used fades out; check the page, not the transition.
  await expect.poll(() => page.locator('[data-menu-dropdown]').count(), { timeout: 10_000 }).toBe(0);
  // Likewise a notification fading in or out: mid-transition its text is half transparent, which
  // axe reads as low contrast. Wait until no CSS transition or animation is running.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document
              .getAnimations()
              // Endless ones (a skeleton's pulse) never finish; only transitions that end matter here.
              .filter(
                (a) =>
                  a.playState === 'running' && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY,
              ).length,
        ),
      {
        timeout: 10_000,
      },
    )
    .toBe(0);
  // A notification that has just mounted is transparent for a frame before its fade-in starts, and
  // one whose fade-out has ended stays in the page at opacity 0 until it is removed: in neither
  // moment does a transition run. Wait until every notification shown is fully opaque.
  await expect.poll(() => page.evaluate(notificationsNotOpaque, NOTIFICATION), { timeout: 10_000 }).toBe(0);
}

/** A Mantine notification (the toast of notifySuccess and the like). */
const NOTIFICATION = '.mantine-Notification-root';

/** How many notifications (or their ancestors) are not fully opaque; runs in the page. */
function notificationsNotOpaque(selector: string): number {
  const translucent = (node: Element | null): boolean =>
    node !== null && (Number(getComputedStyle(node).opacity) < 1 || translucent(node.parentElement));
  return [...document.querySelectorAll(selector)].filter(translucent).length;
}

/**
 * Holds the notifications shown (or lets them go again) as a pointer resting on one does: Mantine
 * pauses every notification's auto-close while one is hovered (pauseResetOnHover "all"). The events
 * are dispatched, not the real pointer moved, so no other hover state on the page changes. React
 * reads a mouseover without relatedTarget as the pointer entering from outside the window, and a
 * mouseout without one as it leaving.
 */
async function holdNotifications(page: Page, hold: boolean) {
  await page.evaluate(
    ({ selector, hold }) => {
      const win = window as unknown as { __heldNotification?: Element | null };
      // Let go of the one that was held, even if another has come before it since.
      const target = hold ? document.querySelector(selector) : win.__heldNotification;
      win.__heldNotification = hold ? target : null;
      target?.dispatchEvent(
        new MouseEvent(hold ? 'mouseover' : 'mouseout', { bubbles: true, cancelable: true, composed: true }),
      );
    },
    { selector: NOTIFICATION, hold },
  );
}

/**
 * What the notifications look like now (count, opacity, place) and how many of their transitions
 * started since the page was watched: compared before and after axe, so a result is used only when
 * no notification came, went or moved while axe read the page.
 */
async function notificationsState(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    const win = window as unknown as { __notificationMoves?: number };
    if (win.__notificationMoves === undefined) {
      win.__notificationMoves = 0;
      const count = (event: Event) => {
        if (event.target instanceof Element && event.target.closest('.mantine-Notifications-root'))
          win.__notificationMoves = (win.__notificationMoves ?? 0) + 1;
      };
      document.addEventListener('transitionrun', count, true);
      document.addEventListener('animationstart', count, true);
    }
    const shown = [...document.querySelectorAll(selector)].map((n) => {
      const box = n.getBoundingClientRect();
      return `${getComputedStyle(n).opacity}@${Math.round(box.x)},${Math.round(box.y)}`;
    });
    return `${win.__notificationMoves} moves; ${shown.join(' ')}`;
  }, NOTIFICATION);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now; fails listing every violation. */
export async function expectAccessible(page: Page, name: string) {
  // A notification closes itself after five seconds and fades out: one that started to while axe
  // ran was read half transparent, as low contrast. So the notifications shown are held still while
  // axe reads the page (checked fully visible, not left out), and a run during which one still
  // came, went or moved is not used: the page is settled and read again.
  let result: Awaited<ReturnType<AxeBuilder['analyze']>> | undefined;
  for (let attempt = 1; !result; attempt++) {
    await settle(page);
    await holdNotifications(page, true);
    await settle(page);
    expectNoCspViolation(page);
    const before = await notificationsState(page);
    // Legacy mode runs axe in the page itself. The default (runPartial) opens a blank page for
    // every check to merge the frames' results, for cross-origin iframes we do not have: that was
    // about half of each check's time, and with 170 checks a run, minutes of CI. (axe's
    // `resultTypes: ['violations']` is no use: rules that count over the page, such as one banner
    // landmark, then see one node of each kind and report false violations.)
    const run = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .setLegacyMode(true)
      .analyze();
    const after = await notificationsState(page);
    await holdNotifications(page, false);
    if (before === after) result = run;
    else if (attempt === 3)
      throw new Error(`notifications on ${name} kept changing while axe ran: ${before} -> ${after}`);
  }
  const report = result.violations
    .map(
      (v) =>
        `• ${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n')}`,
    )
    .join('\n');
  expect(report, `accessibility violations on ${name} (${page.url()}):\n${report}`).toBe('');
}

export async function signIn(page: Page, base: string, who = ADMIN) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-postadress').fill(who.email);
  await page.getByLabel(/^Lösenord/).fill(who.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mitt Styrbord' }).waitFor();
}

/** A page in a fresh context (Swedish, Stockholm time), watched for CSP violations. */
export async function newPage(browser: Browser, width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await watchCsp(page);
  return page;
}

/** The page's main heading. */
export const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A landmark region by its exact accessible name (a section with aria-labelledby). */
export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Chooses an option of a Mantine Select: types to search it (when searchable), then clicks it. */
export async function choose(page: Page, field: Locator, option: string | RegExp, search?: string) {
  await field.click();
  if (search !== undefined) await field.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** A call to the API from the signed-in page, with its CSRF token, as the web app makes it. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}
