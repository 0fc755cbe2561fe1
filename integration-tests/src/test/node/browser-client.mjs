// A browser-based MCP client in a real browser: headless Chromium (Debian's package) loads browser/mcp-page.html
// from a page origin this script serves, and the page's script talks to the MCP server cross-origin (CORS).
// Usage: node browser-client.mjs <allowed|foreign>
//   env: MCP_URL, MCP_TOKEN, CHROMIUM (the browser binary, default /usr/bin/chromium)
//   allowed: the page comes from http://127.0.0.1:<port> (in the server's default allow-list, and another origin
//            than the server's http://localhost:<port>); foreign: from http://127.0.0.2:<port> (not in it).
// Prints one JSON object: what the page reported, the browser's console errors and what the page server served.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const host = process.argv[2] === 'foreign' ? '127.0.0.2' : '127.0.0.1';
const page = readFileSync(new URL('./browser/mcp-page.html', import.meta.url));
const served = [];
const server = createServer((request, response) => {
  served.push(`${request.method} ${request.url}`);
  if (request.url === '/mcp-page.html') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(page);
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, host, resolve));
const pageUrl = `http://${host}:${server.address().port}/mcp-page.html#`
    + new URLSearchParams({ mcp: process.env.MCP_URL, token: process.env.MCP_TOKEN });

const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const out = { console: [] };
try {
  const tab = await browser.newPage();
  tab.on('console', (message) => {
    if (message.type() === 'error') out.console.push(message.text());
  });
  await tab.goto(pageUrl);
  await tab.waitForSelector('#result[data-done]', { timeout: 60_000, state: 'attached' });
  out.page = JSON.parse(await tab.textContent('#result'));
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
out.served = served;
console.log(JSON.stringify(out));
