import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, screenshot, seriousAccessibilityViolations, startServer, type Browser, type Server } from './harness';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demo: false });
  browser = await launchBrowser();
  browser.page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('first start: the administrator sets up the clinic with the printed token and is signed in', async () => {
  const { page } = browser;
  expect(server.setupToken).toMatch(/^\S{20,}$/);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Set up Corium' }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Setup token').fill('not-the-token');
  await page.getByLabel('Clinic name').fill('Alta Skin Clinic');
  await page.getByLabel('Time zone').fill('America/Denver');
  await page.getByLabel('Your full name').fill('Rosa Alvarez');
  await page.getByLabel('Your email').fill('rosa@alta.example');
  await page.getByLabel('Password').fill('a long clinic passphrase 2026');
  await screenshot(page, 'setup');
  await page.getByRole('button', { name: 'Create clinic and sign in' }).click();
  await page.getByRole('alert').waitFor();

  await page.getByLabel('Setup token').fill(server.setupToken!);
  await page.getByRole('button', { name: 'Create clinic and sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(await page.getByText('Rosa Alvarez').first().isVisible()).toBe(true);
  // Setup is done for good: a reload lands in the app, not on the setup form.
  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(browser.consoleErrors).toEqual([]);
});
