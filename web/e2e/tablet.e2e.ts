// The main screens on a tablet held in a treatment room (1024×768): nothing wider than the screen,
// every screen passes axe, and a keyboard alone can sign in.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { kDemoPassword, launchBrowser, seriousAccessibilityViolations, startServer, type Browser, type Server } from './harness';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ width: 1024, height: 768 });
  browser.page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectFitsAndPassesAxe(screen: string): Promise<void> {
  const { page } = browser;
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${screen} is wider than the screen`).toBeLessThanOrEqual(0);
  expect(await seriousAccessibilityViolations(page), `axe on ${screen}`).toEqual([]);
}

test('a physician signs in with the keyboard alone', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await page.getByLabel('Email').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type(server.accounts['physician']!);
  await page.keyboard.press('Tab');
  await page.keyboard.type(kDemoPassword);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  // The first Tab after loading reaches the skip link, then the navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
});

test('the main screens fit a 1024×768 tablet', async () => {
  const { page } = browser;
  await expectFitsAndPassesAxe('Today');
  await page.goto(`${server.url}/clients`);
  await page.getByRole('table').waitFor();
  await expectFitsAndPassesAxe('Clients');
  await page.getByRole('link', { name: 'Doyle, Margaret' }).click();
  await page.getByRole('heading', { name: 'Record' }).waitFor();
  await expectFitsAndPassesAxe('Client chart');
  await page.getByRole('link', { name: 'Screening' }).first().click();
  await page.getByRole('heading', { name: 'Findings' }).waitFor();
  await expectFitsAndPassesAxe('Screening');
  await page.getByRole('link', { name: 'Plan treatment' }).click();
  await page.getByRole('heading', { name: 'Course of treatment' }).waitFor();
  // The map explains a zone's limit when a zone is focused from the keyboard.
  await page.getByRole('group', { name: 'Zone map of the face and body' }).getByRole('button').first().focus();
  expect(await page.locator('.zone-explain').textContent()).toContain('Limited by');
  await expectFitsAndPassesAxe('Plan');
  await page.goBack();
  await page.goBack();
  await page.getByRole('link', { name: 'Start consultation' }).click();
  await page.getByRole('heading', { name: /^Consultation/ }).waitFor();
  await expectFitsAndPassesAxe('Consultation intake');
  expect(browser.consoleErrors).toEqual([]);
});
