// Drives the MCP server with the official TypeScript SDK client, as a real MCP client would.
// Usage: node sdk-client.mjs <session|rejected|calls>   env: MCP_URL, MCP_TOKEN (optional),
//        for calls: MCP_TOOL (tool name), MCP_CALLS (how many times, default 1), MCP_ARGS (JSON object, default {})
// Prints one JSON object with what happened; the Java integration tests assert on it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.env.MCP_URL);
const token = process.env.MCP_TOKEN;
const headers = token ? { Authorization: `Bearer ${token}` } : {};

function newClient() {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  const client = new Client({ name: 'delegate-mcp-e2e', version: '1.0.0' });
  return { client, transport };
}

async function session() {
  const { client, transport } = newClient();
  await client.connect(transport);
  const out = {
    protocolVersion: transport.protocolVersion,
    sessionId: transport.sessionId,
    serverInfo: client.getServerVersion(),
  };
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  out.tools = tools.map((t) => t.name);
  out.echo = await client.callTool({ name: 'echo', arguments: { text: 'hello', times: 2 } });
  // The SDK validates structuredContent against the tool's outputSchema here.
  out.whoami = await client.callTool({ name: 'whoami', arguments: {} });
  out.failing = await client.callTool({ name: 'echo', arguments: { text: 'x', times: 99 } });
  try {
    await client.callTool({ name: 'no_such_tool', arguments: {} });
    out.unknownTool = 'no error';
  } catch (e) {
    out.unknownTool = { code: e.code, message: e.message };
  }
  out.ping = await client.ping();
  const sessionId = transport.sessionId;
  await transport.terminateSession();
  out.terminated = transport.sessionId === undefined;
  // The ended session is gone for good: a request that names it gets 404.
  const after = await fetch(url, {
    method: 'POST',
    headers: {
      ...headers,
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'Mcp-Session-Id': sessionId,
      'MCP-Protocol-Version': out.protocolVersion,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' }),
  });
  out.statusAfterTerminate = after.status;
  await client.close();
  return out;
}

async function rejected() {
  const { client, transport } = newClient();
  try {
    await client.connect(transport);
    await client.close();
    return { connected: true };
  } catch (e) {
    return { connected: false, code: e.code, message: String(e.message).slice(0, 300) };
  }
}

async function calls() {
  const { client, transport } = newClient();
  await client.connect(transport);
  const results = [];
  const count = Number(process.env.MCP_CALLS || '1');
  for (let i = 0; i < count; i++) {
    const started = Date.now();
    const result = await client.callTool({ name: process.env.MCP_TOOL, arguments: JSON.parse(process.env.MCP_ARGS || '{}') });
    results.push({ millis: Date.now() - started, isError: result.isError === true, text: result.content?.[0]?.text });
  }
  await transport.terminateSession();
  await client.close();
  return { results };
}

const scenarios = { session, rejected, calls };
const name = process.argv[2];
if (!scenarios[name]) {
  console.error(`unknown scenario ${name}`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await scenarios[name]()));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }));
  process.exit(1);
}
