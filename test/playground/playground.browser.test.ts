import fs from 'node:fs';
import { Browser, chromium, Page, Response } from 'playwright-core';
import { DEV_JWT_SECRET } from '../../src/config';
import { DEMO_DATA } from '../../src/services/demo/demo-data';
import { startApi, TestApi } from '../support/api';

/** Debian's chromium (`.ci/run` installs it when missing); the flags keep it quiet on a headless CI box. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const isOperation = (name: string) => (r: Response) =>
  r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postDataJSON()?.operationName === name);

/** The next request of the playground that is not a schema fetch, with its response. */
async function nextOperation(page: Page): Promise<{ operationName: string; body: any }> {
  const request = await page.waitForRequest((r) =>
    r.url().endsWith('/graphql') && r.method() === 'POST' && r.postDataJSON()?.operationName !== 'IntrospectionQuery');
  const response = await request.response();
  return { operationName: request.postDataJSON().operationName, body: await response?.json() };
}

describe('the playground in a browser (Chromium)', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    api = await startApi(DEMO_DATA, { jwtSecret: DEV_JWT_SECRET });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('loads the schema on first open, signs in as admin, runs createRole and a query, with no error anywhere', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    const introspected = page.waitForResponse(isOperation('IntrospectionQuery'));
    await page.goto(`${base}/playground`);
    const anonymous = await introspected;
    expect((await anonymous.json()).data.__schema.queryType.name).toBe('Query');
    expect(anonymous.request().headers().authorization).toBeUndefined();

    // Signing in changes the Authorization header, and the schema is fetched again with it.
    const again = page.waitForResponse(isOperation('IntrospectionQuery'));
    await page.locator('select[aria-label="Sign in as"]').selectOption('admin');
    expect((await again).request().headers().authorization).toMatch(/^Bearer /);
    await page.locator('.graphiql-editor-tool', { hasText: 'Bearer ' }).waitFor();

    // Executed in the same moment the tab opens: GraphiQL learns the tab's operation name only
    // 100 ms later, and before the fix the mutation went out named "Viewer" (the reverted run).
    const created = nextOperation(page);
    await page.evaluate(`{
      const tab = [...document.querySelectorAll('.graphiql-tab')].find((t) => t.textContent.includes('CreateRole'));
      tab.querySelector('.graphiql-tab-button').click();
      document.querySelector('.graphiql-execute-button').click();
    }`);
    expect(await created).toEqual({ operationName: 'CreateRole', body: { data: { createRole: { id: expect.any(String), name: 'Catalog reader', grants: [{ permission: 'CATALOG_VIEW', warehouseIds: null }] } } } });
    await page.locator('.result-window', { hasText: 'Catalog reader' }).waitFor();

    await page.locator('.graphiql-tab', { hasText: 'Viewer' }).click();
    const viewed = nextOperation(page);
    await page.locator('.graphiql-execute-button').click();
    const viewer = await viewed;
    expect([viewer.operationName, viewer.body.errors]).toEqual(['Viewer', undefined]);
    expect(viewer.body.data.viewer.user.login).toBe('admin');
    await page.locator('.result-window', { hasText: '"login": "admin"' }).waitFor();

    expect(problems).toEqual([]);
  });
});

