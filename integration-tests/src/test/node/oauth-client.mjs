// Signs in to the MCP server by itself, as VS Code, Claude Code or the Inspector do, with the official TypeScript
// SDK's OAuth client support: 401 -> protected resource metadata -> authorization server metadata -> dynamic client
// registration -> authorization code with PKCE and `resource` -> token; then lists and calls tools.
// The user's part (the browser) is played by plain HTTP requests: the Keycloak login form is filled in, the consent
// form accepted, and the redirect lands on a real loopback callback server, as with a native client.
//
// Usage: node oauth-client.mjs <signin>   env: MCP_URL, MCP_USER, MCP_PASSWORD (the demo user's),
//        MCP_SCOPE (optional: ask for these scopes instead of those of the server's 401 challenge),
//        MCP_TOOLS (comma-separated tools to call with no arguments after signing in, default whoami),
//        MCP_SECRETS_FILE (optional: the tokens and the code are written there, one a line, for the log scan)
// Prints one JSON object: what the registration, the token (its claims only) and the tools looked like. Never a
// token, a code or the registration access token.
import fs from 'node:fs';
import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const serverUrl = new URL(process.env.MCP_URL);

/** The redirect target of a native client: a loopback HTTP server on a free port that takes one code. */
async function callbackServer() {
  let resolveCode;
  const code = new Promise((resolve) => (resolveCode = resolve));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Signed in; you can close this window.');
    resolveCode({ code: url.searchParams.get('code'), state: url.searchParams.get('state'),
      error: url.searchParams.get('error'), errorDescription: url.searchParams.get('error_description') });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, code, close: () => server.close() };
}

/** An OAuthClientProvider that keeps everything in memory, as a client's session would. */
class MemoryProvider {
  constructor(redirectUrl) {
    this._redirectUrl = redirectUrl;
    this.authorizationUrl = undefined;
    this.registrations = 0;
  }
  get redirectUrl() { return this._redirectUrl; }
  get clientMetadata() {
    return {
      client_name: 'delegate-mcp e2e (TypeScript SDK)',
      redirect_uris: [this._redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  state() { this._state = crypto.randomUUID(); return this._state; }
  clientInformation() { return this._client; }
  saveClientInformation(info) { this.registrations++; this._client = info; }
  tokens() { return this._tokens; }
  saveTokens(tokens) { this._tokens = tokens; }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this._verifier = verifier; }
  codeVerifier() { return this._verifier; }
  saveDiscoveryState(state) { this.discovery = state; }
  discoveryState() { return this.discovery; }
}

/** A browser's cookie jar, just enough for Keycloak's login session. */
class Browser {
  constructor() { this.cookies = new Map(); this.pages = []; }
  _store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
  _headers(extra = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return cookie ? { ...extra, Cookie: cookie } : extra;
  }
  /** Follows redirects by hand until a page answers or the redirect leaves for the client's loopback callback. */
  async go(url, init = {}) {
    let target = new URL(url);
    let options = init;
    for (let hops = 0; hops < 10; hops++) {
      if (target.origin === this.callbackOrigin) {
        await fetch(target); // the callback server answers the browser and takes the code
        return { callback: target };
      }
      const response = await fetch(target, { ...options, headers: this._headers(options.headers), redirect: 'manual' });
      this._store(response);
      this.pages.push(`${options.method || 'GET'} ${target.origin}${target.pathname} -> ${response.status}`);
      if (response.status >= 300 && response.status < 400) {
        target = new URL(response.headers.get('location'), target);
        options = {};
        continue;
      }
      return { status: response.status, url: target, html: await response.text() };
    }
    throw new Error('too many redirects');
  }
}

function decodeEntities(text) {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)));
}

/** The action of the page's form whose opening tag matches, or undefined. */
function formAction(html, tagPattern) {
  for (const match of html.matchAll(/<form\b[^>]*>/gi)) {
    if (tagPattern.test(match[0])) {
      const action = /\baction="([^"]*)"/i.exec(match[0]);
      return action ? decodeEntities(action[1]) : undefined;
    }
  }
  return undefined;
}

/** The user's part: log in at Keycloak, grant consent if asked, and land on the callback with a code. */
async function userSignsIn(browser, authorizationUrl, callback) {
  let page = await browser.go(authorizationUrl);
  const steps = [];
  for (let i = 0; i < 4 && !page.callback; i++) {
    if (page.status !== 200) {
      throw new Error(`authorization page answered ${page.status}: ${page.html.slice(0, 300)}`);
    }
    const login = formAction(page.html, /id="kc-form-login"/);
    if (login) {
      steps.push('login');
      page = await browser.go(new URL(login, page.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: process.env.MCP_USER, password: process.env.MCP_PASSWORD,
          credentialId: '' }).toString(),
      });
      continue;
    }
    const consent = /name="accept"/.test(page.html) ? formAction(page.html, /method="post"/i) : undefined;
    if (consent) {
      steps.push('consent');
      page = await browser.go(new URL(consent, page.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ accept: 'Yes' }).toString(),
      });
      continue;
    }
    const error = /<[^>]*(?:kc-feedback-text|instruction)[^>]*>([^<]*)</i.exec(page.html);
    throw new Error(`unexpected page at ${page.url.pathname}: ${error ? error[1].trim() : page.html.slice(0, 300)}`);
  }
  if (!page.callback) {
    throw new Error('the sign-in did not come back to the client');
  }
  const result = await callback.code;
  return { ...result, steps };
}

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** Hands a secret to the Java test's ledger (a file only it reads), never to stdout. */
function ledger(secret) {
  if (secret && process.env.MCP_SECRETS_FILE) {
    fs.appendFileSync(process.env.MCP_SECRETS_FILE, `${secret}\n`, { mode: 0o600 });
  }
}

/** A JSON-safe summary of a tool call's result. */
function summary(result) {
  return { isError: result.isError === true, text: result.content?.[0]?.text,
    structuredContent: result.structuredContent };
}

async function signin() {
  const callback = await callbackServer();
  const redirectUrl = `http://127.0.0.1:${callback.port}/callback`;
  const provider = new MemoryProvider(redirectUrl);
  const browser = new Browser();
  browser.callbackOrigin = new URL(redirectUrl).origin;
  const out = {};
  try {
    if (process.env.MCP_SCOPE) {
      // A client asking for fewer scopes than the server's challenge names.
      out.firstAttempt = await auth(provider, { serverUrl, scope: process.env.MCP_SCOPE });
    } else {
      // As a client does: connect, meet the 401, discover, register, and be sent to the authorization server.
      const first = new Client({ name: 'delegate-mcp-oauth-e2e', version: '1.0.0' });
      try {
        await first.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
        out.firstAttempt = 'connected without signing in';
      } catch (e) {
        out.firstAttempt = e instanceof UnauthorizedError ? 'UnauthorizedError' : String(e);
        if (!(e instanceof UnauthorizedError)) throw e;
      }
    }
    if (!provider.authorizationUrl) {
      throw new Error('the SDK did not start an authorization');
    }
    const authorization = provider.authorizationUrl;
    out.discovery = {
      authorizationServer: provider.discovery?.authorizationServerUrl,
      resource: provider.discovery?.resourceMetadata?.resource,
      registrationEndpoint: provider.discovery?.authorizationServerMetadata?.registration_endpoint,
    };
    out.registration = {
      count: provider.registrations,
      clientId: provider._client?.client_id,
      redirectUris: provider._client?.redirect_uris,
      scope: provider._client?.scope,
      hasClientSecret: provider._client?.client_secret !== undefined,
    };
    out.authorizationRequest = {
      endpoint: `${authorization.origin}${authorization.pathname}`,
      clientId: authorization.searchParams.get('client_id'),
      scope: authorization.searchParams.get('scope'),
      resource: authorization.searchParams.get('resource'),
      codeChallengeMethod: authorization.searchParams.get('code_challenge_method'),
      hasCodeChallenge: !!authorization.searchParams.get('code_challenge'),
      redirectUri: authorization.searchParams.get('redirect_uri'),
    };

    const signedIn = await userSignsIn(browser, authorization, callback);
    out.userSteps = signedIn.steps;
    if (!signedIn.code) {
      throw new Error(`no code on the callback: ${signedIn.error} ${signedIn.errorDescription || ''}`);
    }
    ledger(signedIn.code);
    out.stateMatches = signedIn.state === provider._state;
    out.finishAuth = await auth(provider, { serverUrl, authorizationCode: signedIn.code });
    const access = provider.tokens()?.access_token;
    if (!access) throw new Error('no access token after the code exchange');
    ledger(access);
    ledger(provider.tokens()?.refresh_token);
    const c = claims(access);
    out.token = { aud: c.aud, azp: c.azp, scope: c.scope, issuer: c.iss, sub: c.sub, tenant: c.tenant,
      refreshToken: provider.tokens()?.refresh_token !== undefined };

    // Connected: the same provider now supplies the token.
    const client = new Client({ name: 'delegate-mcp-oauth-e2e', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(serverUrl, { authProvider: provider });
    await client.connect(transport);
    const tools = [];
    let cursor;
    do {
      const page = await client.listTools(cursor ? { cursor } : {});
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    out.tools = tools.map((t) => t.name).sort();
    out.calls = {};
    for (const tool of (process.env.MCP_TOOLS || 'whoami').split(',')) {
      out.calls[tool] = summary(await client.callTool({ name: tool, arguments: {} }));
    }
    await transport.terminateSession();
    await client.close();
    return out;
  } catch (e) {
    out.error = String(e && e.message ? e.message : e);
    out.browser = browser.pages;
    throw Object.assign(new Error(out.error), { out });
  } finally {
    callback.close();
  }
}

const scenarios = { signin };
const name = process.argv[2];
if (!scenarios[name]) {
  console.error(`unknown scenario ${name}`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await scenarios[name]()));
} catch (e) {
  console.log(JSON.stringify(e.out ? e.out : { error: String(e && e.stack ? e.stack : e) }));
  process.exit(1);
}
