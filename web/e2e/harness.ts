// The browser tests' fixtures: a fresh `corium serve` with its own data directory on a free port,
// Debian's Chromium with a fresh profile, console errors collected, axe-core checks and screenshots.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const kWebDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const kRepoRoot = resolve(kWebDir, '..');
export const kDemoPassword = 'wasatch-demo-2026';

export function coriumBinary(): string {
  const candidates = [process.env['CORIUM_BINARY'], 'build/release/corium', 'build/debug/corium']
    .filter((path): path is string => Boolean(path))
    .map((path) => resolve(kRepoRoot, path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`No corium binary: set CORIUM_BINARY or build one (looked at ${candidates.join(', ')})`);
  return found;
}

export interface Server {
  url: string;
  /** Demo sign-in email by role, e.g. accounts.physician. */
  accounts: Record<string, string>;
  /** Every line the server printed, for the setup token and for diagnosis. */
  output: string[];
  /** The one-time setup token a server without accounts prints at first start. */
  setupToken: string | null;
  stop: () => Promise<void>;
}

export async function startServer(options: { demo?: boolean } = {}): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corium-e2e-'));
  const args = ['serve', '--data-dir', dataDir, '--listen', '127.0.0.1:0', '--web', join(kWebDir, 'dist'), '--fast-password-hashing'];
  if (options.demo !== false) args.splice(1, 0, '--demo');
  const child: ChildProcess = spawn(coriumBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const accounts: Record<string, string> = {};
  let setupToken: string | null = null;
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`corium serve did not start:\n${output.join('\n')}`)), 60_000);
    let pending = '';
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (output[output.length - 2]?.includes('one-time setup token')) setupToken = line.trim();
        const account = /^\s+(\S+@\S+)\s+\((\w+)\)/.exec(line);
        if (account) accounts[account[2]!] = account[1]!;
        const listening = /Corium is listening on (http:\/\/\S+)/.exec(line);
        if (listening) {
          clearTimeout(timer);
          resolveUrl(listening[1]!);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString().trimEnd()));
    child.on('exit', (code) => reject(new Error(`corium serve exited with ${code}:\n${output.join('\n')}`)));
  });
  return {
    url,
    accounts,
    setupToken,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether the server has a route: any answer but 404 before signing in. */
export async function hasEndpoint(server: Server, path: string): Promise<boolean> {
  const response = await fetch(`${server.url}/api/v1${path}`);
  return response.status !== 404;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far; a test fails when any appear. */
  consoleErrors: string[];
  /** The API's 4xx answers Chromium logged (a refused sign-in, a 422 shown beside its field). */
  refusedRequests: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'corium-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const consoleErrors: string[] = [];
  const refusedRequests: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const line = `${message.text()} (${message.location().url})`;
      // Chromium logs every 4xx answer; the app shows those to the user, so they are refusals, not faults.
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) refusedRequests.push(line);
      else consoleErrors.push(line);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    consoleErrors,
    refusedRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page in its own browser context, so two people can be signed in at once. */
export async function signIn(page: Page, server: Server, email: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(kDemoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Corium' }).waitFor();
}

const kAxeSource = readFileSync(join(kWebDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now, described one per line. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the server's Content-Security-Policy rightly does not allow
  // an inline script tag to do.
  await page.evaluate(kAxeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  }) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Writes docs/screenshots/<name>.png when CORIUM_SCREENSHOTS=1 asks for it. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['CORIUM_SCREENSHOTS'] !== '1') return;
  // The focus ring belongs on screen, not in the user guide's pictures.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(kRepoRoot, 'docs', 'screenshots', `${name}.png`), fullPage: false });
}
