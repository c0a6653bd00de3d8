// The journey through the real server and a real browser, one step per test, run in order
// and sharing one browser: sign in → new client → intake → a screening that defers → an esthetician
// cannot override → a prescriber clears → plan → consent signed → session charted and signed →
// aftercare printed → adverse event → outcome (the steps after the consent are in steps/afterConsent.ts).

import { afterAll, beforeAll, expect, test } from 'vitest';
import { localToday, addDays } from '../src/format';
import { afterConsentSteps } from './steps/afterConsent';
import { launchBrowser, screenshot, seriousAccessibilityViolations, signIn, signOut, startServer, type Browser, type Server } from './harness';

let server: Server;
let browser: Browser;

/** What the steps hand on to each other. */
const journey = {
  clientName: 'Avery Quinn',
  clientPath: '',
  screeningPath: '',
  planPath: '',
};

let stepFailed = false;

/** One step of the journey; once a step fails, the later ones are skipped rather than failing after it. */
function step(name: string, body: () => Promise<void>): void {
  test(name, async (context) => {
    if (stepFailed) context.skip();
    try {
      await body();
    } catch (error) {
      stepFailed = true;
      throw error;
    }
  });
}

async function expectAccessible(screen: string): Promise<void> {
  expect(await seriousAccessibilityViolations(browser.page), `axe on ${screen}`).toEqual([]);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  browser.page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  if (browser) expect(browser.consoleErrors, 'console errors during the journey').toEqual([]);
  await browser?.close();
  await server?.stop();
});

step('a nurse signs in', async () => {
  await signIn(browser.page, server, server.accounts['nurse']!);
});

step('Today shows what needs the nurse', async () => {
  const { page } = browser;
  await page.getByRole('heading', { name: /^Today/ }).waitFor();
  await page.getByRole('region', { name: 'Sessions due' }).waitFor();
  await expectAccessible('Today');
  await screenshot(page, 'today');
});

step('the nurse registers a new client, corrected field by field', async () => {
  const { page } = browser;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  await page.getByRole('table').waitFor();
  await expectAccessible('Clients');
  await screenshot(page, 'clients');

  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByLabel('Given name').fill('Avery');
  await page.getByLabel('Family name').fill('Quinn');
  await page.getByRole('button', { name: 'Register client' }).click();
  // The server names the missing birth date; the form shows it beside the field.
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('Some fields need attention.');
  expect(await page.locator('.field.has-error').textContent()).toContain('Birth date');
  await expectAccessible('New client with errors');

  await page.getByLabel('Birth date').fill('1988-03-14');
  await page.getByLabel('Fitzpatrick skin type').selectOption('3');
  await page.getByLabel('Phone').fill('+1 801 555 0199');
  await screenshot(page, 'new-client');
  await page.getByRole('button', { name: 'Register client' }).click();
  await page.getByRole('heading', { name: journey.clientName }).waitFor();
  journey.clientPath = new URL(page.url()).pathname;
  expect(journey.clientPath).toMatch(/^\/clients\/\d+$/);
  expect(await page.getByText('Nothing is on record yet.').isVisible()).toBe(true);
});

step('the intake records recent waxing, and the screening defers', async () => {
  const { page } = browser;
  await page.getByRole('link', { name: 'Start consultation' }).click();
  await page.getByRole('heading', { name: `Consultation: ${journey.clientName}` }).waitFor();

  await page.getByLabel('Waxing', { exact: true }).check();
  await page.getByLabel('Waxing: Date done').fill(addDays(localToday(), -3));
  await page.getByRole('group', { name: 'Waxing: zones affected' }).getByLabel('Perioral skin and upper lip (not the vermilion)').check();

  await page.getByLabel('Indication').selectOption({ label: 'Fine lines and wrinkles' });
  const zones = page.getByRole('group', { name: 'Zones to treat' });
  await zones.getByLabel('Cheeks').check();
  await zones.getByLabel('Perioral skin and upper lip (not the vermilion)').check();
  await page.getByLabel('Device', { exact: true }).selectOption('pen');
  await page.getByLabel("Device's maximum depth (mm)").fill('2.5');
  await expectAccessible('Consultation intake');
  await page.getByLabel('Waxing', { exact: true }).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'intake');

  await page.getByRole('button', { name: 'Record intake and screen' }).click();
  await page.getByRole('heading', { name: 'Findings' }).waitFor();
  journey.screeningPath = new URL(page.url()).pathname;
  const decision = page.getByRole('region', { name: 'Decision' });
  expect(await decision.textContent()).toContain('Defer: not today');
  expect(await decision.textContent()).toContain('Earliest date for treatment');
  const finding = page.getByRole('article', { name: /^DF-08/ });
  expect(await finding.textContent()).toContain('Waxing');
  expect(await finding.textContent()).toContain('R64');
  // A nurse is no prescriber: no override here.
  expect(await page.getByRole('button', { name: 'Record override' }).count()).toBe(0);
  await expectAccessible('Screening');
  await screenshot(page, 'screening');
});

step('an esthetician cannot override the screening', async () => {
  const { page } = browser;
  await signOut(page);
  await signIn(page, server, server.accounts['esthetician']!);
  await page.goto(`${server.url}${journey.screeningPath}`);
  await page.getByRole('heading', { name: 'Findings' }).waitFor();
  expect(await page.getByRole('button', { name: 'Record override' }).count()).toBe(0);
  expect(await page.getByRole('note').textContent()).toContain('Only a prescriber');
  expect(await page.getByRole('link', { name: 'Plan treatment' }).count()).toBe(0);
  // The server refuses too, whatever the page shows.
  const screeningId = journey.screeningPath.split('/').pop();
  const status = await page.evaluate(async (id) => {
    const session = await (await fetch('/api/v1/session')).json();
    const response = await fetch(`/api/v1/screenings/${id}/overrides`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
      body: JSON.stringify({ reason: 'I would like to go ahead' }),
    });
    return response.status;
  }, screeningId);
  expect(status).toBe(403);
});

step('a physician clears the client with a reason', async () => {
  const { page } = browser;
  await signOut(page);
  await signIn(page, server, server.accounts['physician']!);
  // Today lists the client among those awaiting a prescriber's clearance.
  await page.getByRole('region', { name: 'Awaiting clearance' }).getByRole('link', { name: journey.clientName }).click();
  expect(new URL(page.url()).pathname).toBe(journey.screeningPath);
  await page.getByRole('button', { name: 'Record override' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('Some fields need attention.');
  await page.getByLabel('Reason for the override').fill('Perioral zone left out of the plan until the waxing has healed; cheeks are clear.');
  await page.getByRole('button', { name: 'Record override' }).click();
  await page.getByRole('heading', { name: 'Overrides' }).waitFor();
  expect(await page.getByText('Perioral zone left out of the plan').isVisible()).toBe(true);
  await page.getByRole('link', { name: 'Plan treatment' }).click();
});

step('the physician plans the treatable zone on the zone map', async () => {
  const { page } = browser;
  await page.getByRole('heading', { name: 'Course of treatment' }).waitFor();
  const map = page.getByRole('group', { name: 'Zone map of the face and body' });
  const perioral = map.getByRole('button', { name: /^Perioral skin/ });
  expect(await perioral.getAttribute('aria-label')).toContain('Deferred');
  await perioral.click();
  expect(await page.locator('.zone-explain').textContent()).toContain('Limited by');
  // Only the zone the screening found treatable is offered for the plan.
  expect(await page.getByRole('checkbox', { name: 'Cheeks' }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: /^Perioral/ }).count()).toBe(0);
  await page.getByLabel('Number of sessions').fill('3');
  await page.getByLabel('Days between sessions').fill('28');
  await expectAccessible('Plan');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'plan');
  await page.getByRole('button', { name: 'Save plan and go to consent' }).click();
  await page.getByRole('heading', { name: 'What the client agrees to' }).waitFor();
  journey.planPath = new URL(page.url()).pathname;
  expect(journey.planPath).toMatch(/\/plans\/\d+\/consent$/);
});

step('the client signs the consent on screen, and it locks', async () => {
  const { page } = browser;
  // The client reads the knowledge base's own words for each item.
  const items = await page.locator('.consent-items').textContent();
  expect(items).toContain('CN-01');
  expect(items).toContain('Microneedling makes many tiny punctures');
  const sign = page.getByRole('button', { name: 'Sign and lock consent' });
  expect(await sign.isDisabled()).toBe(true);
  await page.getByLabel('I have read these items', { exact: false }).check();
  await page.getByLabel('I agree to photographs', { exact: false }).check();
  const pad = page.locator('canvas.signature-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) {
    await page.mouse.move(box.x + 30 + step * 30, box.y + box.height * (0.6 + 0.2 * Math.sin(step)));
  }
  await page.mouse.up();
  await expectAccessible('Consent');
  await screenshot(page, 'consent');
  await sign.click();
  await page.getByRole('heading', { name: 'Consent signed and locked' }).waitFor();
  expect(await page.getByRole('img', { name: `Signature of ${journey.clientName}` }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Sign and lock consent' }).count()).toBe(0);
  await page.getByRole('link', { name: 'Back to the chart' }).click();
  await page.getByRole('heading', { name: 'Record' }).waitFor();
  // The plan is named as the knowledge base names its indication.
  const vocabulary = (await (await page.request.get(`${server.url}/api/v1/knowledge-base/vocabulary`)).json()) as { indications: { code: string; label: string }[] };
  const wrinkles = vocabulary.indications.find((indication) => indication.code === 'wrinkles')!.label;
  expect(await page.locator('.timeline').textContent()).toContain(`Plan: ${wrinkles}`);
  await expectAccessible('Client chart');
  await screenshot(page, 'client-chart');
});

afterConsentSteps(step, () => ({ page: browser.page, server, planPath: journey.planPath }));
