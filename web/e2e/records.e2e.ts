// After consent: a nurse charts and signs a session for a demo client with a signed consent, prints
// the aftercare sheet, reports an adverse event and scores the outcome; then an administrator goes
// through the admin screens and finds the session by its cartridge lot.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, signIn, signOut, startServer, type Browser, type Server } from './harness';
import { visitAdminScreens, visitKnowledgeBase } from './steps/admin';
import { aftercareAvailable, chartAndSignSession, printAftercare, reportAdverseEvent, scoreOutcome } from './steps/charting';

let server: Server;
let browser: Browser;
let sessionId = 0;

/** Amara Okafor of the demo clinic: an acne-scar plan with a signed consent and one session done. */
const kClientId = 3;
const kPlanId = 3;

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
  sessionId = await chartAndSignSession(browser.page, server, kClientId, kPlanId);
  expect(sessionId).toBeGreaterThan(0);
});

test('the aftercare sheet shows and prints without the app around it', async (context) => {
  if (!(await aftercareAvailable(browser.page, server, sessionId))) context.skip();
  await printAftercare(browser.page, server, sessionId);
});

test('an adverse event is reported (escalation required at grade 3) and its outcome recorded', async () => {
  await reportAdverseEvent(browser.page, server, sessionId);
});

test('the outcome is scored beside the baseline and current photographs', async () => {
  await scoreOutcome(browser.page, server, kClientId, 'gais');
  await signOut(browser.page);
});

test('an administrator reads staff, inventory, recall and the audit log', async (context) => {
  await signIn(browser.page, server, server.accounts['admin']!);
  await visitAdminScreens(browser.page, server, 'AST12-2705');
  const rules = await browser.page.request.get(`${server.url}/api/v1/knowledge-base/rules`);
  if (rules.status() !== 200) context.skip();
  await visitKnowledgeBase(browser.page, server);
});

test('no console errors along the way', () => {
  expect(browser.consoleErrors).toEqual([]);
});
