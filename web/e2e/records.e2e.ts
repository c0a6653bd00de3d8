// After consent: a nurse charts and signs a session for a demo client with a signed consent, prints
// the aftercare sheet, reports an adverse event and scores the outcome; then an administrator goes
// through the admin screens and finds the session by its cartridge lot.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, seriousAccessibilityViolations, signIn, signOut, startServer, type Browser, type Server } from './harness';
import { visitAdminScreens, visitKnowledgeBase } from './steps/admin';
import { chartAndSignSession, signConsentWithPhotos, printAftercare, reportAdverseEvent, scoreOutcome } from './steps/charting';

let server: Server;
let browser: Browser;
let sessionId = 0;

/** Amara Okafor of the demo clinic: an acne-scar plan with one session done. */
const kClientId = 3;
const kPlanId = 3;
/** The journey (journey.e2e.ts) takes the user guide's pictures of these steps; this run checks them without. */
const kNoPictures = { screenshots: false };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a nurse charts a session, sees a cap refused on its field, and signs it; the amendment sits beside it', async () => {
  await signIn(browser.page, server, server.accounts['nurse']!);
  await signConsentWithPhotos(browser.page, server, kPlanId);
  sessionId = await chartAndSignSession(browser.page, server, kClientId, kPlanId, kNoPictures);
  expect(sessionId).toBeGreaterThan(0);
});

test('the aftercare sheet shows and prints without the app around it', async () => {
  await printAftercare(browser.page, server, sessionId, kNoPictures);
});

test('an adverse event is reported (escalation required at grade 3) and its outcome recorded', async () => {
  await reportAdverseEvent(browser.page, server, sessionId, kNoPictures);
});

test('the outcome is scored beside the baseline and current photographs', async () => {
  const session = await browser.page.request.get(`${server.url}/api/v1/sessions/${sessionId}`);
  const performedOn = ((await session.json()) as { performed_on: string }).performed_on;
  await scoreOutcome(browser.page, server, kClientId, 'gais', performedOn, kNoPictures);
});

test('charting, the signed session, outcomes and the inventory fit a 1024×768 tablet without sideways scrolling', async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1024, height: 768 });
  try {
    for (const [path, heading] of [['/clients/4/plans/4/session', 'Protocol checklist'], [`/sessions/${sessionId}`, 'Session signed and locked'],
      ['/admin/inventory', 'Devices'], ['/clients/3/outcomes', 'Baseline and now']] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await seriousAccessibilityViolations(page), `axe on ${path} at 1024×768`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${path}`).toBeLessThanOrEqual(1024);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('an administrator reads staff, inventory, the audit log, and finds the session by its cartridge lot', async () => {
  if (await browser.page.getByRole('button', { name: 'Sign out' }).isVisible()) await signOut(browser.page);
  await signIn(browser.page, server, server.accounts['admin']!);
  await visitAdminScreens(browser.page, server, 'AST12-2705', sessionId);
});

test('the knowledge base lists its rules with their sources', async () => {
  await visitKnowledgeBase(browser.page, server);
});

test('no console errors along the way', () => {
  expect(browser.consoleErrors).toEqual([]);
});
