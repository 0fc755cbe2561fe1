// The official TypeScript SDK client talking with a tool while it runs: progress, log messages, cancellation,
// sampling and form elicitation (MCP 2025-11-25). The tools are the fixtures of InteractionTools.
// Usage: node sdk-interactions.mjs <progress-and-log|cancel|sampling-and-elicitation>   env: MCP_URL, MCP_TOKEN
// Prints one JSON object with what happened; SdkInteractionsE2EIT asserts on it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';

const url = new URL(process.env.MCP_URL);
const headers = { Authorization: `Bearer ${process.env.MCP_TOKEN}` };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A client whose every message, both ways, is also written down as it crossed the transport.
async function connect(capabilities = {}) {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
  const client = new Client({ name: 'delegate-mcp-e2e', version: '1.0.0' }, { capabilities });
  const wire = { sent: [], received: [], errors: [] };
  client.onerror = (e) => wire.errors.push(String(e && e.message ? e.message : e));
  await client.connect(transport);
  const send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    wire.sent.push(message);
    return send(message, options);
  };
  const onmessage = transport.onmessage;
  transport.onmessage = (message, extra) => {
    wire.received.push(message);
    onmessage(message, extra);
  };
  return { client, transport, wire };
}

async function close({ client, transport }) {
  await transport.terminateSession();
  await client.close();
}

const text = (result) => result.content?.[0]?.text;

async function progressAndLog() {
  const connection = await connect();
  const { client } = connection;
  const logged = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logged.push(n.params));
  const out = {};

  const progress = [];
  const withToken = await client.callTool({ name: 'e2e_progress', arguments: {} }, undefined, {
    onprogress: (p) => progress.push(p),
  });
  out.progress = progress;
  out.progressResult = text(withToken);
  const before = connection.wire.received.length;
  const withoutToken = await client.callTool({ name: 'e2e_progress', arguments: {} });
  out.progressResultWithoutToken = text(withoutToken);
  out.progressNotificationsWithoutToken = connection.wire.received.slice(before)
    .filter((m) => m.method === 'notifications/progress').length;

  await client.callTool({ name: 'e2e_log', arguments: {} });
  out.loggedBeforeSetLevel = logged.splice(0);
  await client.setLoggingLevel('info');
  out.logResult = text(await client.callTool({ name: 'e2e_log', arguments: {} }));
  out.loggedAtInfo = logged.splice(0);
  await close(connection);
  return out;
}

async function cancel() {
  const connection = await connect();
  const { client, wire } = connection;
  const key = `k-${Date.now()}`;
  const abort = new AbortController();
  const out = { key };
  const started = Date.now();
  try {
    const result = await client.callTool({ name: 'e2e_wait_for_cancel', arguments: { key } }, undefined, {
      signal: abort.signal,
      timeout: 60000,
      onprogress: (p) => {
        out.progressBeforeCancel = p.message;
        abort.abort('the user changed their mind');
      },
    });
    out.outcome = { result };
  } catch (e) {
    out.outcome = { error: e.name, message: String(e.message) };
  }
  const call = wire.sent.find((m) => m.method === 'tools/call' && m.params?.name === 'e2e_wait_for_cancel');
  out.requestId = call.id;
  out.cancelledSent = wire.sent.filter((m) => m.method === 'notifications/cancelled').map((m) => m.params);

  // The tool tells what it saw, once it has seen it.
  out.seenByTool = 'nothing yet';
  while (out.seenByTool === 'nothing yet' && Date.now() - started < 20000) {
    await sleep(200);
    out.seenByTool = text(await client.callTool({ name: 'e2e_cancellation_seen', arguments: { key } }));
  }
  // The tool returned a result after it saw the cancellation; give it time to arrive, if the server sent it.
  await sleep(1500);
  out.answersToCancelled = wire.received.filter((m) => m.id === call.id && (m.result || m.error));
  out.unknownIdErrors = wire.errors.filter((e) => e.includes('unknown message ID'));
  // The session goes on.
  out.afterwards = text(await client.callTool({ name: 'e2e_progress', arguments: {} }));
  await close(connection);
  return out;
}

async function samplingAndElicitation() {
  const connection = await connect({ sampling: {}, elicitation: { form: {} } });
  const { client } = connection;
  const out = {};
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    out.samplingRequest = request.params;
    const question = request.params.messages[0].content.text;
    return {
      role: 'assistant',
      content: { type: 'text', text: `the answer to "${question}" is 42` },
      model: 'e2e-model',
      stopReason: 'endTurn',
    };
  });
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    out.elicitationRequest = request.params;
    return { action: 'accept', content: { name: 'Alice', guests: 3, vegetarian: true, size: 'l' } };
  });
  out.sampled = await client.callTool({ name: 'e2e_ask_model', arguments: { question: 'what is six times seven?' } });
  out.elicited = await client.callTool({ name: 'e2e_ask_user', arguments: {} });
  await close(connection);
  return out;
}

const scenarios = {
  'progress-and-log': progressAndLog,
  cancel,
  'sampling-and-elicitation': samplingAndElicitation,
};
const name = process.argv[2];
if (!scenarios[name]) {
  console.error(`unknown scenario ${name}`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await scenarios[name]()));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }));
  process.exit(1);
}
