// Calls tools that use stored connections (@Downstream(connection=...)) with the official TypeScript SDK client, in
// one MCP session, and can connect the service in between, as a user would after being sent to the connect URL.
// Usage: node connections-client.mjs
//   env: MCP_URL, MCP_TOKEN (the user's sign-in token; also sent to the connect URL),
//        MCP_ELICITATION: "url" to declare capabilities.elicitation.url at initialize (and answer no elicitation
//          request), "url-connect" to declare it and act as a user who agrees to every URL elicitation and then,
//          half a second later, connects at its URL (POST with the user's token), anything else: none,
//        MCP_STEPS: a JSON array of steps, run in order:
//          {"call": "<tool>", "arguments": {...}}  -> {isError, text, structuredContent} or {error: {code, ...}}
//          {"list": true}                           -> {tools: [names of every page of tools/list]}
//          {"connect": "elicited" | "<url>"}        -> POST the connect URL (the one the last call's -32042 error
//                                                      carried, or the one given) with the user's token: {status, body}
// Prints one JSON object {"results": [...], "elicited": [...], "completed": [...]}: one entry per step, the URL
// elicitations the server sent during calls ({mode, url, message}) and the elicitation ids it said were complete
// (never the token).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ElicitRequestSchema,
  ElicitationCompleteNotificationSchema,
  McpError,
  UrlElicitationRequiredError,
} from '@modelcontextprotocol/sdk/types.js';

const url = new URL(process.env.MCP_URL);
const token = process.env.MCP_TOKEN;
const steps = JSON.parse(process.env.MCP_STEPS || '[]');
const mode = process.env.MCP_ELICITATION;
const capabilities = mode === 'url' || mode === 'url-connect' ? { elicitation: { url: {} } } : {};

const transport = new StreamableHTTPClientTransport(url, {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: 'delegate-mcp-connections-e2e', version: '1.0.0' }, { capabilities });
const elicited = [];
const completed = [];
const connecting = [];
if (mode === 'url-connect') {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    const { mode: kind, url: target, message, elicitationId } = request.params;
    elicited.push({ mode: kind, url: target, message, elicitationId });
    // The user agrees, then opens the page and connects a moment later, while the call waits.
    connecting.push(new Promise((resolve) => setTimeout(async () => {
      const response = await fetch(target, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      resolve(response.status);
    }, 500)));
    return { action: 'accept' };
  });
  client.setNotificationHandler(ElicitationCompleteNotificationSchema, (notification) => {
    completed.push(notification.params.elicitationId);
  });
}

async function call(step) {
  try {
    const result = await client.callTool({ name: step.call, arguments: step.arguments ?? {} });
    return {
      isError: result.isError === true,
      text: result.content?.filter((c) => c.type === 'text').map((c) => c.text).join('\n'),
      structuredContent: result.structuredContent ?? null,
    };
  } catch (e) {
    return {
      error: {
        mcpError: e instanceof McpError,
        // The SDK's own type for -32042 (it names itself McpError).
        urlElicitationRequired: e instanceof UrlElicitationRequiredError,
        code: e.code,
        message: String(e.message),
        // UrlElicitationRequiredError (-32042): what the client would show the user.
        elicitations: e.elicitations ?? e.data?.elicitations ?? null,
      },
    };
  }
}

async function list() {
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools.map((t) => t.name));
    cursor = page.nextCursor;
  } while (cursor);
  return { tools };
}

async function connect(step, results) {
  let target = step.connect;
  if (target === 'elicited') {
    const last = [...results].reverse().find((r) => r.error?.elicitations?.length);
    if (!last) {
      return { status: null, body: 'no elicitation to follow' };
    }
    target = last.error.elicitations[0].url;
  }
  const response = await fetch(target, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.text() };
}

try {
  await client.connect(transport);
  const results = [];
  for (const step of steps) {
    results.push(step.call ? await call(step) : step.list ? await list() : await connect(step, results));
  }
  const connectStatuses = await Promise.all(connecting);
  await transport.terminateSession();
  await client.close();
  console.log(JSON.stringify({ results, elicited, completed, connectStatuses }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }));
  process.exit(1);
}
