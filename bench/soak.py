#!/usr/bin/env python3
"""The load, fault schedule, classification and figures of bench/soak (see bench/README.md). Python 3 standard library.

bench/soak starts Keycloak, the fault proxy (bench/faultproxy.py) and Liberty, then runs this. It:
  - takes tokens for alice, bob (tenant acme) and carol (tenant globex) at Keycloak, connects their crm and scheduler
    accounts and the acme and globex docs tenants at the demo vault, and opens MCP sessions;
  - runs a mixed load for SOAK_SECONDS with a few threads: plain tools, @Downstream tools (cached, with a downstream
    call, refused by the STS), connected-service tools (user and tenant level, the re-exported crm_lookup_customer),
    tools/list, session open/close, calls with never-used tokens (credential cache misses), and a trickle of
    unauthenticated and malformed requests, each with the answer it must get;
  - injects faults one after another: Keycloak stopped and started again (bin/keycloak), the token vault answering
    slowly (beyond its read time-out) and then with 500s, the remote CRM MCP server down (connections refused);
  - classifies every answer from its status and body: ok, expected by design, expected under a fault (the isError
    sentence the fault must give, within the configured time bound), or unexpected;
  - measures recovery after each fault, and heap after GC, threads, file descriptors, live sessions and cached
    credentials of the Liberty process at the start and the end; prints the figures.

Environment (bench/soak sets them): SOAK_SECONDS, SOAK_BASE (http://localhost:9080), SOAK_KEYCLOAK
(http://localhost:8180), SOAK_PROXY_CONTROL (port), SOAK_LIBERTY_PID, SOAK_OUT (results dir), SOAK_LEDGER (file of
secrets to scan the logs for; this script appends every token it obtains), SOAK_ROOT (repository), SOAK_THINK_MS (50),
SOAK_VAULT_DELAY (12 s), SOAK_GRACE (30 s), SOAK_BOUND_ALLOWANCE (1.0 s), and the server's own time-limit settings
when overridden (MCP_STS_CONNECT_TIMEOUT_MS, ...) so the bounds printed are the configured ones.
"""
import base64
import collections
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

# ---------------------------------------------------------------------------------------------------- configuration
ENV = os.environ
SECONDS = float(ENV.get('SOAK_SECONDS', '600'))
BASE = urllib.parse.urlsplit(ENV.get('SOAK_BASE', 'http://localhost:9080'))
KEYCLOAK = urllib.parse.urlsplit(ENV.get('SOAK_KEYCLOAK', 'http://localhost:8180'))
PROXY_CONTROL = int(ENV.get('SOAK_PROXY_CONTROL', '9283'))
LIBERTY_PID = int(ENV['SOAK_LIBERTY_PID']) if ENV.get('SOAK_LIBERTY_PID') else None
OUT = ENV.get('SOAK_OUT', '/tmp/soak')
LEDGER = ENV.get('SOAK_LEDGER')
ROOT = ENV.get('SOAK_ROOT', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THINK = float(ENV.get('SOAK_THINK_MS', '50')) / 1000
VAULT_DELAY = float(ENV.get('SOAK_VAULT_DELAY', '12'))
GRACE = float(ENV.get('SOAK_GRACE', '30'))
ALLOWANCE = float(ENV.get('SOAK_BOUND_ALLOWANCE', '1.0'))
CLIENT_TIMEOUT = 30.0
MCP_PATH = '/mcp-server/mcp'
PROTOCOL = '2025-11-25'
REALM = 'mcp-demo'
USERS = {'alice': 'acme', 'bob': 'acme', 'carol': 'globex'}


def setting_ms(name, default):
    return float(ENV.get(name, default)) / 1000


def duration_s(name, default):
    m = re.fullmatch(r'PT(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?', ENV.get(name, default).strip())
    return int(m.group(1) or 0) * 60 + float(m.group(2) or 0)


# The configured time limits (product defaults unless overridden in the environment) and the bound they give an
# answer under each fault. Fault Tolerance on the STS and vault clients: @Timeout 8 s per attempt, one retry after
# 200 ms (+ up to 100 ms jitter) when unavailable; each attempt is also bounded by connect + read time-outs.
FT_TIMEOUT = 8.0
STS_ATTEMPT = min(FT_TIMEOUT, setting_ms('MCP_STS_CONNECT_TIMEOUT_MS', '2000') + setting_ms('MCP_STS_READ_TIMEOUT_MS', '5000'))
VAULT_ATTEMPT = min(FT_TIMEOUT, setting_ms('MCP_OUTBOUND_CONNECT_TIMEOUT_MS', '2000')
                    + setting_ms('MCP_OUTBOUND_READ_TIMEOUT_MS', '5000'))
REMOTE_CONNECT = duration_s('MCP_REMOTE_CONNECT_TIMEOUT', 'PT5S')
REMOTE_TIMEOUT = duration_s('MCP_REMOTE_TIMEOUT', 'PT15S')
BOUNDS = {
    'keycloak': (2 * STS_ATTEMPT + 0.3,
                 f'2 attempts x min(FT timeout 8 s, STS connect+read {STS_ATTEMPT:g} s) + 0.3 s retry delay'),
    'vault-slow': (2 * VAULT_ATTEMPT + 0.3,
                   f'2 attempts x min(FT timeout 8 s, vault connect+read {VAULT_ATTEMPT:g} s) + 0.3 s retry delay'),
    'vault-500': (2 * VAULT_ATTEMPT + 0.3,
                  f'2 attempts x min(FT timeout 8 s, vault connect+read {VAULT_ATTEMPT:g} s) + 0.3 s retry delay'),
    'crm-down': (REMOTE_CONNECT + REMOTE_TIMEOUT,
                 f'mcp.remote.connect-timeout {REMOTE_CONNECT:g} s + mcp.remote.timeout {REMOTE_TIMEOUT:g} s'),
}

EXCHANGE = {'calendar_access': 'calendar', 'calendar_events': 'calendar', 'payroll_summary': 'payroll'}
CONNECTED = {'crm_lookup': 'crm', 'crm_lookup_customer': 'crm', 'find_meeting_slot': 'scheduler',
             'generate_document': 'docs'}
ARGS = {'whoami': {}, 'echo': {'text': 'soak'}, 'calendar_access': {}, 'calendar_events': {}, 'payroll_summary': {},
        'crm_lookup': {'name': 'Acme Corp'}, 'crm_lookup_customer': {'name': 'Acme Corp'},
        'find_meeting_slot': {'day': '2026-11-23'}, 'generate_document': {'title': 'Soak', 'body': 'soak text'}}
# Which kinds each fault affects (its expected isError sentences apply to them), by target.
AFFECTS = {
    'keycloak': dict(EXCHANGE),
    'vault-slow': dict(CONNECTED, **{'tools/list': 'crm'}),
    'vault-500': dict(CONNECTED, **{'tools/list': 'crm'}),
    'crm-down': {'crm_lookup': 'crm', 'crm_lookup_customer': 'crm', 'tools/list': 'crm'},
}
# A remote MCP server that failed itself; and the STS or vault failing for a target (the target never called).
UNREACHABLE = 'The {} service could not be reached; try again in a moment.'
ACCESS_UNAVAILABLE = ('Access to the {} service could not be obtained just now, as the service that grants it did not'
                      ' answer; try again in a moment.')
SIGN_IN_REFUSED = 'Your sign-in was not accepted for {}; sign in again and retry.'
# Keycloak's answers while bin/keycloak start re-creates the realm (the realm, its clients or users not there yet):
# invalid_client / unauthorized_client, and other failures.
SETUP_REFUSED = 'This server is not set up correctly to reach {}; please tell your administrator.'
NOT_OBTAINED = 'Access to {} could not be obtained; try again later.'
PAYROLL_REFUSED = 'Access to payroll is not available to you or to this server; ask your administrator to grant it.'

T0 = time.monotonic()


def now():
    return time.monotonic() - T0


def log(text):
    print(f'[{now():7.1f}s] {text}', flush=True)


def record_secret(secret):
    if LEDGER and secret:
        with LEDGER_LOCK:
            with open(LEDGER, 'a', encoding='utf-8') as f:
                f.write(secret + '\n')


LEDGER_LOCK = threading.Lock()


# ---------------------------------------------------------------------------------------------------- fault windows
class Faults:
    """Fault windows on the bench's clock: name, start, end (None while on)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.windows = []
        self.generation = 0          # Keycloak's realm generation: +1 at each restart
        self.keycloak_busy = threading.Event()

    def begin(self, name, detail):
        with self.lock:
            window = {'name': name, 'detail': detail, 'start': now(), 'end': None}
            self.windows.append(window)
        log(f'FAULT {name} begins: {detail}')
        return window

    def restarting(self, window):
        """Keycloak is starting again: a new realm (new keys, new user ids) may answer from now on."""
        with self.lock:
            self.generation += 1
            window['restart_at'] = now()

    def end(self, window):
        window['end'] = now()
        log(f'FAULT {window["name"]} ends after {window["end"] - window["start"]:.1f} s')

    def overlapping(self, t0, t1, grace=GRACE):
        """Windows (with their grace after the end) that overlap [t0, t1]."""
        with self.lock:
            return [w for w in self.windows
                    if w['start'] <= t1 and (w['end'] is None or w['end'] + grace >= t0)]


FAULTS = Faults()


# ---------------------------------------------------------------------------------------------------- records
REFERENCE = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')


class Records:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []          # (kind, outcome, detail, t0, t1, faults)
        self.examples = {}      # unexpected: (kind, detail) -> up to 3 dicts

    def add(self, kind, outcome, detail, t0, t1, faults=(), example=None):
        detail = REFERENCE.sub('<reference>', detail)   # so that answers that differ by their reference group
        with self.lock:
            self.rows.append((kind, outcome, detail, t0, t1, tuple(faults)))
            if outcome == 'unexpected' and example is not None:
                examples = self.examples.setdefault((kind, detail), [])
                if len(examples) < 3:
                    examples.append(example)


RECORDS = Records()


# ---------------------------------------------------------------------------------------------------- identities
class Identity:
    def __init__(self, user, token, generation):
        self.user, self.token, self.generation = user, token, generation
        payload = token.split('.')[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)))
        self.sub, self.tenant, self.issued = claims['sub'], claims.get('tenant'), time.monotonic()


def http_call(method, split, path, body=None, headers=None, timeout=CLIENT_TIMEOUT):
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def keycloak_token(user):
    body = urllib.parse.urlencode({'grant_type': 'password', 'client_id': 'mcp-client', 'username': user,
                                   'password': user, 'scope': 'notes.read notes.write'})
    status, _, answer = http_call('POST', KEYCLOAK, f'/realms/{REALM}/protocol/openid-connect/token', body,
                                  {'Content-Type': 'application/x-www-form-urlencoded'}, timeout=10)
    if status != 200:
        raise RuntimeError(f'token for {user}: HTTP {status}')
    token = json.loads(answer)['access_token']
    record_secret(token)
    return token


class Users:
    """The current identity of each user (token, subject, Keycloak generation), renewed every 60 s."""

    def __init__(self):
        self.lock = threading.Lock()
        self.current = {}
        self.subjects = set()
        self.connected = set()     # (sub, app) and ('tenant', tenant, app) connected at the vault

    def get(self, user):
        with self.lock:
            return self.current[user]

    def renew(self, user):
        identity = Identity(user, keycloak_token(user), FAULTS.generation)
        self.provision(identity)
        with self.lock:
            self.current[user] = identity
            self.subjects.add(identity.sub)
        return identity

    def provision(self, identity):
        """Connects the user's crm and scheduler (and the tenant's docs) unless done for this subject already."""
        for app, level in (('crm', 'user'), ('scheduler', 'user'), ('docs', 'tenant')):
            key = (identity.sub, app) if level == 'user' else ('tenant', identity.tenant, app)
            if key in self.connected:
                continue
            deadline = time.monotonic() + 90
            while True:
                status, _, answer = http_call('POST', BASE, f'/sample-connections/connect/{app}?level={level}', b'',
                                              {'Authorization': 'Bearer ' + identity.token}, timeout=15)
                if status == 200:
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(f'connect {app} for {identity.user}: HTTP {status} {answer[:200]!r}')
                time.sleep(0.5)
            self.connected.add(key)


USERS_STATE = Users()


# ---------------------------------------------------------------------------------------------------- MCP client
class Client:
    """One keep-alive connection to Liberty, used by one thread."""

    def __init__(self):
        self.connection = None

    def send(self, method, body=None, headers=None, path=MCP_PATH):
        """(status, headers, body bytes) or raises OSError/HTTPException; reconnects once on a stale connection."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=CLIENT_TIMEOUT)
            try:
                self.connection.request(method, path, body=body, headers=headers or {})
                response = self.connection.getresponse()
                answer = response.read()
                if response.will_close:
                    self.close()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, answer
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self.close()
                if attempt == 2 or not isinstance(e, (http.client.RemoteDisconnected, BrokenPipeError)):
                    raise
            except Exception:
                self.close()
                raise

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def mcp_headers(identity, session=None):
    headers = {'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream'}
    if identity is not None:
        headers['Authorization'] = 'Bearer ' + identity.token
    if session:
        headers['Mcp-Session-Id'] = session
        headers['MCP-Protocol-Version'] = PROTOCOL
    return headers


def rpc(id_, method, params=None):
    message = {'jsonrpc': '2.0', 'id': id_, 'method': method}
    if params is not None:
        message['params'] = params
    return json.dumps(message).encode()


INITIALIZE = rpc(1, 'initialize', {'protocolVersion': PROTOCOL, 'capabilities': {},
                                   'clientInfo': {'name': 'soak', 'version': '1'}})
INITIALIZED = json.dumps({'jsonrpc': '2.0', 'method': 'notifications/initialized'}).encode()


def timed(client, method, body, headers, path=MCP_PATH):
    t0 = now()
    try:
        status, headers_in, answer = client.send(method, body, headers, path)
        return t0, now(), status, headers_in, answer, None
    except Exception as e:  # connection refused, reset, client time-out
        return t0, now(), None, {}, b'', f'{type(e).__name__}: {e}'


def stale_token_401(identity, status):
    """A 401 for a token issued before the last Keycloak restart (its realm and keys are gone): expected."""
    return status == 401 and identity is not None and identity.generation < FAULTS.generation


def unexpected(kind, detail, t0, t1, status, answer, error, identity, faults, request=None):
    example = {'kind': kind, 'detail': detail, 't': round(t0, 1), 'duration_s': round(t1 - t0, 3),
               'status': status, 'error': error, 'user': identity.user if identity else None,
               'faults': [w['name'] for w in faults], 'request': request,
               'response': answer[:600].decode('utf-8', 'replace') if answer else ''}
    RECORDS.add(kind, 'unexpected', detail, t0, t1, [w['name'] for w in faults], example)


def open_session(client, identity, kind='session_open'):
    t0, t1, status, headers, answer, error = timed(client, 'POST', INITIALIZE, mcp_headers(identity))
    faults = FAULTS.overlapping(t0, t1)
    session = headers.get('mcp-session-id')
    if status == 200 and session:
        c0, c1, cstatus, _, canswer, cerror = timed(client, 'POST', INITIALIZED, mcp_headers(identity, session))
        if cstatus == 202:
            RECORDS.add(kind, 'ok', 'initialize + initialized', t0, c1)
            return session
        if stale_token_401(identity, cstatus):
            RECORDS.add(kind, 'expected-fault', 'HTTP 401 for a token from before the Keycloak restart', t0, c1,
                        ['keycloak'])
            return None
        unexpected(kind, f'notifications/initialized: HTTP {cstatus}', t0, c1, cstatus, canswer, cerror, identity,
                   faults, 'notifications/initialized')
        return None
    if stale_token_401(identity, status):
        RECORDS.add(kind, 'expected-fault', 'HTTP 401 for a token from before the Keycloak restart', t0, t1,
                    ['keycloak'])
        return None
    unexpected(kind, f'initialize: HTTP {status}' if status else f'initialize: {error}', t0, t1, status, answer,
               error, identity, faults, 'initialize')
    return None


def close_session(client, identity, session, kind='session_close'):
    t0, t1, status, _, answer, error = timed(client, 'DELETE', None, mcp_headers(identity, session))
    if status == 204:
        RECORDS.add(kind, 'ok', 'HTTP 204', t0, t1)
    elif stale_token_401(identity, status):
        RECORDS.add(kind, 'expected-fault', 'HTTP 401 for a token from before the Keycloak restart', t0, t1,
                    ['keycloak'])
    else:
        unexpected(kind, f'DELETE: HTTP {status}' if status else f'DELETE: {error}', t0, t1, status, answer, error,
                   identity, FAULTS.overlapping(t0, t1), 'DELETE session')


def result_text(result):
    return ''.join(c.get('text', '') for c in result.get('content', []) if isinstance(c, dict))


def check_data(tool, identity, result):
    """None when the successful result belongs to the caller; else what is wrong."""
    text = result_text(result)
    structured = result.get('structuredContent') or {}
    if tool == 'whoami':
        return None if structured.get('subject') == identity.sub else f'whoami subject {structured.get("subject")}'
    if tool == 'echo':
        return None if text == 'soak' else f'echo text {text[:40]!r}'
    if tool == 'calendar_access':
        return None if structured.get('target') == 'calendar' else 'calendar_access without target calendar'
    if tool == 'calendar_events':
        try:
            events = json.loads(text)
        except ValueError:
            return 'calendar_events text is not JSON'
        return None if events.get('subject') == identity.sub else f'calendar subject {events.get("subject")}'
    if tool in ('crm_lookup', 'crm_lookup_customer', 'find_meeting_slot'):
        whole = json.dumps(result)
        return None if f'\\"user\\":\\"{identity.sub}\\"' in whole or f'"user": "{identity.sub}"' in whole \
            or f'"user":"{identity.sub}"' in whole else f'{tool}: not the caller\'s connection'
    if tool == 'generate_document':
        whole = json.dumps(result)
        return None if identity.tenant in whole else f'generate_document: not the tenant {identity.tenant}'
    return None


def call_tool(client, identity, session, tool, kind=None):
    kind = kind or tool
    body = rpc(7, 'tools/call', {'name': tool, 'arguments': ARGS[tool]})
    t0, t1, status, _, answer, error = timed(client, 'POST', body, mcp_headers(identity, session))
    classify_tool(kind, tool, identity, t0, t1, status, answer, error)
    return t0, t1, status, answer


def bound_check(kind, faults, t0, t1):
    """The bound of the faults affecting this kind, or None; whether the call exceeded it."""
    bounds = [BOUNDS[w['name']][0] for w in faults if kind_base(kind) in AFFECTS[w['name']]]
    if not bounds:
        return None, False
    bound = max(bounds)
    return bound, (t1 - t0) > bound + ALLOWANCE


def kind_base(kind):
    return kind.split(':', 1)[1] if kind.startswith('probe:') or kind.startswith('miss:') else kind


def classify_tool(kind, tool, identity, t0, t1, status, answer, error):
    faults = FAULTS.overlapping(t0, t1)
    names = [w['name'] for w in faults if tool in AFFECTS[w['name']]]
    request = f'tools/call {tool} {json.dumps(ARGS[tool])}'
    if status is None:
        unexpected(kind, f'no answer ({error.split(":")[0]})', t0, t1, status, answer, error, identity, faults,
                   request)
        return
    if stale_token_401(identity, status):
        RECORDS.add(kind, 'expected-fault', 'HTTP 401 for a token from before the Keycloak restart', t0, t1,
                    ['keycloak'])
        return
    if status == 404 and b'Session not found' in answer:
        unexpected(kind, 'HTTP 404 session not found', t0, t1, status, answer, error, identity, faults, request)
        return
    if status != 200:
        unexpected(kind, f'HTTP {status}', t0, t1, status, answer, error, identity, faults, request)
        return
    try:
        reply = json.loads(answer)
    except ValueError:
        unexpected(kind, 'HTTP 200 but not JSON', t0, t1, status, answer, error, identity, faults, request)
        return
    if 'error' in reply:
        unexpected(kind, f'JSON-RPC error {reply["error"].get("code")}', t0, t1, status, answer, error, identity,
                   faults, request)
        return
    result = reply.get('result') or {}
    bound, over = bound_check(kind, [w for w in faults if w['name'] in names], t0, t1)
    if over:
        unexpected(kind, f'answered in {t1 - t0:.1f} s, beyond the bound {bound:.1f} s', t0, t1, status, answer,
                   error, identity, faults, request)
        return
    if not result.get('isError'):
        wrong = check_data(tool, identity, result)
        if wrong:
            unexpected(kind, 'wrong data: ' + wrong, t0, t1, status, answer, error, identity, faults, request)
        else:
            RECORDS.add(kind, 'ok', 'ok', t0, t1, names)
        return
    text = result_text(result)
    if tool == 'payroll_summary' and text == PAYROLL_REFUSED:
        RECORDS.add(kind, 'expected-design', text, t0, t1, names)
        return
    target = EXCHANGE.get(tool) or CONNECTED.get(tool)
    if names and text in (UNREACHABLE.format(target), ACCESS_UNAVAILABLE.format(target)):
        RECORDS.add(kind, 'expected-fault', text, t0, t1, names)
        return
    configuring = [w for w in faults if w['name'] == 'keycloak' and w.get('restart_at') is not None
                   and w['restart_at'] <= t1]
    if tool in EXCHANGE and configuring and text in (SETUP_REFUSED.format(target), NOT_OBTAINED.format(target)):
        RECORDS.add(kind, 'expected-fault', text + ' (while bin/keycloak start re-creates the realm)', t0, t1,
                    ['keycloak'])
        return
    if tool in EXCHANGE and identity.generation < FAULTS.generation and text == SIGN_IN_REFUSED.format(target):
        RECORDS.add(kind, 'expected-fault', text + ' (token from before the Keycloak restart)', t0, t1, ['keycloak'])
        return
    unexpected(kind, 'isError: ' + REFERENCE.sub('<reference>', text)[:200], t0, t1, status, answer, error, identity, faults, request)


def tools_list(client, identity, session, kind='tools/list'):
    t0, t1, status, _, answer, error = timed(client, 'POST', rpc(3, 'tools/list', {}), mcp_headers(identity, session))
    faults = FAULTS.overlapping(t0, t1)
    names = [w['name'] for w in faults if 'tools/list' in AFFECTS[w['name']]]
    if status is None:
        unexpected(kind, f'no answer ({error.split(":")[0]})', t0, t1, status, answer, error, identity, faults,
                   'tools/list')
        return
    if stale_token_401(identity, status):
        RECORDS.add(kind, 'expected-fault', 'HTTP 401 for a token from before the Keycloak restart', t0, t1,
                    ['keycloak'])
        return
    try:
        tools = [t['name'] for t in json.loads(answer)['result']['tools']] if status == 200 else None
    except (ValueError, KeyError, TypeError):
        tools = None
    if tools is None:
        unexpected(kind, f'HTTP {status}, no tool list', t0, t1, status, answer, error, identity, faults, 'tools/list')
        return
    bound, over = bound_check(kind, [w for w in faults if w['name'] in names], t0, t1)
    if over:
        unexpected(kind, f'answered in {t1 - t0:.1f} s, beyond the bound {bound:.1f} s', t0, t1, status, b'', error,
                   identity, faults, 'tools/list')
    elif 'whoami' not in tools or 'crm_lookup' not in tools:
        unexpected(kind, 'own tools missing', t0, t1, status, answer, error, identity, faults, 'tools/list')
    elif 'crm_lookup_customer' in tools:
        RECORDS.add(kind, 'ok', 'ok', t0, t1, names)
    elif names:
        RECORDS.add(kind, 'expected-fault', 'the crm tools are not listed while the vault or the crm server fails',
                    t0, t1, names)
    else:
        unexpected(kind, 'crm_lookup_customer not listed for a connected user', t0, t1, status, answer, error,
                   identity, faults, 'tools/list')


# ---------------------------------------------------------------------------------------------------- workers
STOP = threading.Event()


class Worker(threading.Thread):
    def __init__(self, name, user, plan, think=THINK):
        super().__init__(name=name, daemon=True)
        self.user, self.plan, self.think = user, plan, think
        self.client = Client()
        self.sessions = {}   # sub -> session id

    def session_for(self, identity):
        session = self.sessions.get(identity.sub)
        if session is None:
            session = open_session(self.client, identity)
            if session:
                self.sessions[identity.sub] = session
        return session

    def run(self):
        step = 0
        while not STOP.is_set():
            identity = USERS_STATE.get(self.user)
            session = self.session_for(identity)
            if session is None:
                STOP.wait(1)
                continue
            item = self.plan[step % len(self.plan)]
            step += 1
            if item == 'tools/list':
                tools_list(self.client, identity, session)
            else:
                _, _, status, answer = call_tool(self.client, identity, session, item)
                if status == 404 and b'Session not found' in answer:
                    self.sessions.pop(identity.sub, None)
            STOP.wait(self.think)


class MissMaker(threading.Thread):
    """Calls exchange and connected tools with never-used tokens: every call is a credential cache miss."""

    def __init__(self, pool):
        super().__init__(name='miss', daemon=True)
        self.pool, self.client, self.sessions = pool, Client(), {}

    def run(self):
        while not STOP.is_set():
            identity = self.pool.take()
            if identity is None:
                STOP.wait(1)
                continue
            session = self.sessions.get(identity.sub)
            if session is None:
                session = open_session(self.client, identity)
                if session is None:
                    STOP.wait(1)
                    continue
                self.sessions[identity.sub] = session
            for tool in ('calendar_events', 'crm_lookup'):
                _, _, status, answer = call_tool(self.client, identity, session, tool, kind='miss:' + tool)
                if status == 404 and b'Session not found' in answer:
                    self.sessions.pop(identity.sub, None)
            STOP.wait(3)


class TokenPool(threading.Thread):
    """Never-used tokens for the miss maker, fetched ahead (so there are some while Keycloak is down)."""

    def __init__(self, size=6):
        super().__init__(name='pool', daemon=True)
        self.size, self.tokens, self.lock, self.turn = size, collections.deque(), threading.Lock(), 0

    def take(self):
        with self.lock:
            while self.tokens:
                identity = self.tokens.popleft()
                fresh = time.monotonic() - identity.issued < 240 and identity.generation == FAULTS.generation
                if fresh and identity.sub in USERS_STATE.subjects:
                    return identity
        return None

    def run(self):
        while not STOP.is_set():
            if not FAULTS.keycloak_busy.is_set():
                with self.lock:
                    missing = self.size - len(self.tokens)
                if missing > 0:
                    user = list(USERS)[self.turn % len(USERS)]
                    self.turn += 1
                    try:
                        identity = Identity(user, keycloak_token(user), FAULTS.generation)
                        with self.lock:
                            self.tokens.append(identity)
                    except Exception:
                        pass
            STOP.wait(1.5)


class Refresher(threading.Thread):
    """A new token for each user every 60 s (tokens live 300 s); paused while Keycloak is stopped or starting."""

    def __init__(self):
        super().__init__(name='refresh', daemon=True)
        self.failures = 0

    def run(self):
        while not STOP.wait(60):
            if FAULTS.keycloak_busy.is_set():
                continue
            for user in USERS:
                try:
                    USERS_STATE.renew(user)
                except Exception as e:
                    self.failures += 1
                    log(f'token refresh for {user} failed: {e}')


class Churn(threading.Thread):
    """Sessions opened (initialize, initialized, tools/list) and closed (DELETE); every 5th one is left open."""

    def __init__(self):
        super().__init__(name='churn', daemon=True)
        self.client, self.opened = Client(), 0

    def run(self):
        while not STOP.is_set():
            user = list(USERS)[self.opened % len(USERS)]
            identity = USERS_STATE.get(user)
            session = open_session(self.client, identity)
            if session:
                self.opened += 1
                tools_list(self.client, identity, session, kind='tools/list')
                if self.opened % 5:
                    close_session(self.client, identity, session)
            STOP.wait(0.5)


def forged_jwt(real_token):
    """A JWT with a real header (so its kid is known), a payload the bench made up and a random signature."""
    header = real_token.split('.')[0]
    claims = {'iss': f'{KEYCLOAK.scheme}://{KEYCLOAK.netloc}/realms/{REALM}', 'sub': 'mallory',
              'aud': [f'{BASE.scheme}://{BASE.netloc}{MCP_PATH}', 'mcp-server'], 'exp': int(time.time()) + 300,
              'iat': int(time.time()), 'scope': 'notes.read notes.write', 'azp': 'mcp-client'}
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b'=').decode()
    signature = base64.urlsafe_b64encode(os.urandom(256)).rstrip(b'=').decode()
    return f'{header}.{payload}.{signature}'


HUGE = 4 * 1024 * 1024 + 1024


class Junk(threading.Thread):
    """A steady trickle of unauthenticated and malformed requests, each with the answer it must get."""

    def __init__(self):
        super().__init__(name='junk', daemon=True)
        self.client, self.session, self.sub, self.count = Client(), None, None, 0

    def cases(self, identity):
        s = self.session
        auth = mcp_headers(identity, s)
        bad = dict(auth)
        return [
            ('junk:no_token', 'POST', rpc(1, 'tools/list'), {'Content-Type': 'application/json'}, 401, None, None),
            ('junk:garbage_token', 'POST', rpc(1, 'tools/list'),
             {'Content-Type': 'application/json', 'Authorization': 'Bearer not-a-jwt'}, 401, None, None),
            ('junk:forged_jwt', 'POST', rpc(1, 'tools/list'),
             {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + forged_jwt(identity.token)}, 401,
             None, None),
            ('junk:bad_json', 'POST', b'{"jsonrpc":"2.0",', auth, 400, -32700, None),
            ('junk:wrong_content_type', 'POST', rpc(1, 'tools/list'), dict(bad, **{'Content-Type': 'text/plain'}),
             415, None, None),
            ('junk:fractional_id', 'POST', b'{"jsonrpc":"2.0","id":1.5,"method":"tools/list"}', auth, 400, -32600,
             None),
            ('junk:batch', 'POST', b'[{"jsonrpc":"2.0","id":1,"method":"tools/list"}]', auth, 400, -32600, None),
            ('junk:no_session', 'POST', rpc(1, 'tools/list'), mcp_headers(identity), 400, -32600, None),
            ('junk:unknown_session', 'POST', rpc(1, 'tools/list'),
             dict(auth, **{'Mcp-Session-Id': 'x' * 43}), 404, -32600, None),
            ('junk:unknown_tool', 'POST', rpc(1, 'tools/call', {'name': 'no_such_tool', 'arguments': {}}), auth, 200,
             -32602, None),
            ('junk:invalid_arguments', 'POST', rpc(1, 'tools/call', {'name': 'echo', 'arguments': {'times': 'x'}}),
             auth, 200, None, 'Invalid arguments for tool echo'),
            ('junk:get', 'GET', None, auth, 405, None, None),
        ]

    def run(self):
        while not STOP.is_set():
            identity = USERS_STATE.get('bob')
            if self.sub != identity.sub or self.session is None:
                self.session, self.sub = open_session(self.client, identity), identity.sub
                if self.session is None:
                    STOP.wait(1)
                    continue
            self.count += 1
            if self.count % 40 == 0:
                case = ('junk:huge_body', 'POST', b'{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"x":"'
                        + b'a' * HUGE + b'"}}', mcp_headers(identity, self.session), 413, None, None)
            else:
                cases = self.cases(identity)
                case = cases[self.count % len(cases)]
            self.check(identity, *case)
            STOP.wait(0.3)

    def check(self, identity, kind, method, body, headers, want_status, want_code, want_text):
        t0, t1, status, headers_in, answer, error = timed(self.client, method, body, headers)
        faults = FAULTS.overlapping(t0, t1)
        problem = None
        if status is None:
            problem = f'no answer ({error.split(":")[0]})'
        elif stale_token_401(identity, status) and want_status != 401:
            RECORDS.add(kind, 'expected-fault', 'HTTP 401 for a token from before the Keycloak restart', t0, t1,
                        ['keycloak'])
            return
        elif status != want_status:
            problem = f'HTTP {status}, expected {want_status}'
        elif want_status == 401 and 'resource_metadata=' not in headers_in.get('www-authenticate', ''):
            problem = '401 without a resource_metadata challenge'
        else:
            reply = None
            try:
                reply = json.loads(answer) if answer else None
            except ValueError:
                pass
            if want_code is not None and not (isinstance(reply, dict) and (reply.get('error') or {}).get('code')
                                              == want_code):
                problem = f'expected JSON-RPC error {want_code}'
            if want_text is not None:
                result = (reply or {}).get('result') or {}
                if not (result.get('isError') and result_text(result).startswith(want_text)):
                    problem = f'expected an isError result starting "{want_text}"'
        if problem:
            shown = body[:200] if body and len(body) < 100000 else (b'<%d bytes>' % len(body or b''))
            unexpected(kind, problem, t0, t1, status, answer, error, identity, faults,
                       f'{method} {shown.decode("utf-8", "replace")}')
            if status == 404:
                self.session = None
        else:
            RECORDS.add(kind, 'expected-design', f'HTTP {status}' + (f' {want_code}' if want_code else ''), t0, t1)


# ---------------------------------------------------------------------------------------------------- process figures
def jcmd(*args):
    return subprocess.run(['jcmd', str(LIBERTY_PID), *args], capture_output=True, text=True, timeout=120).stdout


def process_figures(gc):
    figures = {}
    if LIBERTY_PID is None:
        return figures
    with open(f'/proc/{LIBERTY_PID}/status') as f:
        figures['threads'] = int(re.search(r'^Threads:\s+(\d+)', f.read(), re.M).group(1))
    figures['fds'] = len(os.listdir(f'/proc/{LIBERTY_PID}/fd'))
    if gc:
        jcmd('GC.run')
        m = re.search(r'used (\d+)K', jcmd('GC.heap_info'))
        figures['heap_after_gc_mb'] = round(int(m.group(1)) / 1024, 1) if m else None
        histogram = jcmd('GC.class_histogram')  # a full GC first: live objects only
        for label, cls in (('sessions', 'dev.delegatemcp.server.protocol.session.McpSession'),
                           ('credentials', 'dev.delegatemcp.credentials.CredentialCache$Entry')):
            figures[label] = sum(int(m.group(1)) for m in re.finditer(
                r'^\s*\d+:\s+(\d+)\s+\d+\s+' + re.escape(cls) + r'(\s|$)', histogram, re.M))
    return figures


class Sampler(threading.Thread):
    def __init__(self):
        super().__init__(name='sampler', daemon=True)
        self.samples = []

    def run(self):
        while not STOP.wait(10):
            try:
                self.samples.append(process_figures(gc=False))
            except Exception:
                pass


class Watchdog(threading.Thread):
    """Liveness: a GET of the MCP endpoint without a token (401) every second. When one has not
    been answered after 3 s, a thread dump of Liberty goes to results (at most 3), so a stall can be read afterwards."""

    def __init__(self):
        super().__init__(name='watchdog', daemon=True)
        self.stalls, self.dumps, self.probes = [], [], 0

    def run(self):
        while not STOP.wait(1):
            result = {}

            def get():
                try:
                    result['status'] = http_call('GET', BASE, MCP_PATH, timeout=60)[0]
                except Exception as e:
                    result['error'] = type(e).__name__
            t0 = now()
            helper = threading.Thread(target=get, daemon=True)
            helper.start()
            helper.join(3)
            if helper.is_alive() and len(self.dumps) < 3 and LIBERTY_PID:
                path = os.path.join(OUT, f'stall-{len(self.dumps) + 1}-threads.txt')
                with open(path, 'w') as f:
                    f.write(f'bench clock {now():.1f} s: a GET sent at {t0:.1f} s is not answered yet\n')
                    f.write(jcmd('Thread.print'))
                self.dumps.append(path)
            helper.join(60)
            self.probes += 1
            if now() - t0 > 3:
                self.stalls.append((t0, now() - t0, result.get('status') or result.get('error')))


# ---------------------------------------------------------------------------------------------------- faults and recovery
def proxy_mode(route, mode):
    status, _, answer = http_call('GET', urllib.parse.urlsplit(f'http://127.0.0.1:{PROXY_CONTROL}'),
                                  f'/mode/{route}?set={urllib.parse.quote(mode)}', timeout=30)
    if status != 200:
        raise RuntimeError(f'proxy mode {route} {mode}: HTTP {status} {answer!r}')


def probe(fault, window, fresh_token, tool):
    """After a fault: the same affected call every 0.5 s until it succeeds; seconds from the fault's end."""
    client = Client()
    deadline = now() + 180
    first_accepted = None
    while now() < deadline and not STOP.is_set():
        try:
            identity = Identity('alice', keycloak_token('alice'), FAULTS.generation) if fresh_token \
                else USERS_STATE.get('alice')
        except Exception:
            time.sleep(0.5)
            continue
        if fresh_token and identity.sub not in USERS_STATE.subjects:
            time.sleep(0.5)   # the refresher has not provisioned the new subject yet
            continue
        session = open_session(client, identity, kind='probe:session_open')
        if session:
            if first_accepted is None:
                first_accepted = now() - window['end']
            t0, t1, status, answer = call_tool(client, identity, session, tool, kind='probe:' + tool)
            close_session(client, identity, session, kind='probe:session_close')
            try:
                result = json.loads(answer).get('result') or {}
            except ValueError:
                result = {}
            if status == 200 and result and not result.get('isError'):
                client.close()
                return first_accepted, t1 - window['end']
        time.sleep(0.5)
    client.close()
    return first_accepted, None


REPORT = {'faults': []}


def keycloak(command):
    """bin/keycloak stop|start; its output to keycloak-restart.log, without the line that shows the client secret."""
    done = subprocess.run([os.path.join(ROOT, 'bin/keycloak'), command], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=400)
    with open(os.path.join(OUT, 'keycloak-restart.log'), 'a') as out:
        out.writelines(line + '\n' for line in done.stdout.splitlines() if 'client secret' not in line)
    return done


def run_faults(schedule):
    """The faults one after another, each at its planned time (or 10 s after the previous one recovered)."""
    earliest = 0.0
    for name, planned, length in schedule:
        start = max(planned, earliest)
        while now() < start and not STOP.is_set():
            time.sleep(0.2)
        if STOP.is_set():
            return
        entry = {'name': name}
        if name == 'keycloak':
            window = FAULTS.begin(name, 'bin/keycloak stop, then bin/keycloak start (realm re-created)')
            FAULTS.keycloak_busy.set()
            old = USERS_STATE.get('alice')
            t = time.monotonic()
            keycloak('stop')
            entry['stop_s'] = time.monotonic() - t
            time.sleep(length)
            # From here on a new realm (new keys, new user ids) may answer: tokens from before belong to a realm that
            # is gone, and until bin/keycloak start has configured it the realm lacks clients and users.
            FAULTS.restarting(window)
            t = time.monotonic()
            started = keycloak('start')
            entry['start_s'] = time.monotonic() - t
            if started.returncode != 0:
                raise RuntimeError('bin/keycloak start failed: see keycloak-restart.log')
            FAULTS.end(window)
            # Tokens from before the restart: does the MCP server still accept them?
            client = Client()
            s0, s1, status, _, _, _ = timed(client, 'POST', INITIALIZE, mcp_headers(old))
            entry['old_token_initialize'] = status
            # A new token: how long until the MCP server accepts it (it must fetch the new realm's keys)?
            entry['first_accepted_s'] = None
            while now() - window['end'] < 180 and entry['first_accepted_s'] is None:
                try:
                    fresh = Identity('alice', keycloak_token('alice'), FAULTS.generation)
                    s0, s1, status, _, _, _ = timed(client, 'POST', INITIALIZE, mcp_headers(fresh))
                    if status == 200:
                        entry['first_accepted_s'] = s1 - window['end']
                        break
                except Exception:
                    pass
                time.sleep(0.5)
            # New tokens for everybody (their subjects are new: the realm was re-created), new connections.
            t = now()
            for user in USERS:
                for attempt in range(120):
                    try:
                        USERS_STATE.renew(user)
                        break
                    except Exception as e:
                        if attempt == 119:
                            raise
                        time.sleep(0.5)
            entry['reprovisioned_s'] = now() - window['end']
            entry['new_subjects'] = USERS_STATE.get('alice').sub != old.sub
            FAULTS.keycloak_busy.clear()
            s0, s1, status, _, _, _ = timed(client, 'POST', INITIALIZE, mcp_headers(old))
            entry['old_token_initialize_after_new'] = status
            client.close()
            entry['recovered_s'] = probe(name, window, True, 'calendar_events')[1]
        else:
            route, mode, detail = {
                'vault-slow': ('vault', f'delay:{VAULT_DELAY:g}',
                               f'the vault answers after {VAULT_DELAY:g} s (read time-out {VAULT_ATTEMPT - 2:g} s)'),
                'vault-500': ('vault', 'status:500', 'the vault answers HTTP 500'),
                'crm-down': ('remote', 'down', 'the remote crm MCP server refuses connections'),
            }[name]
            window = FAULTS.begin(name, detail)
            proxy_mode(route, mode)
            STOP.wait(length)
            proxy_mode(route, 'pass')
            FAULTS.end(window)
            tool = 'crm_lookup'
            entry['first_accepted_s'], entry['recovered_s'] = probe(name, window, name.startswith('vault'), tool)
        entry['window'] = window
        REPORT['faults'].append(entry)
        log(f'recovery after {name}: {entry.get("recovered_s")}')
        earliest = now() + GRACE   # so that the next fault starts after this one's grace period


# ---------------------------------------------------------------------------------------------------- summary
def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def fmt(v, unit='s'):
    return '-' if v is None else (f'{v:.3f}{unit}' if v < 10 else f'{v:.1f}{unit}')


def summary(start, end, samples, load_seconds, watchdog):
    rows = RECORDS.rows
    print()
    print(f'== Soak summary: {load_seconds:.0f} s of load (SOAK_SECONDS={SECONDS:g}), {len(rows)} requests')
    print()
    print('requests by kind and outcome (expected = by design, or the fault\'s own answer; latencies of all answers)')
    print(f'{"kind":32} {"total":>7} {"ok":>7} {"design":>7} {"fault":>7} {"UNEXP":>6} {"p50":>8} {"p99":>8} {"max":>8}')
    by_kind = collections.defaultdict(list)
    for row in rows:
        by_kind[row[0]].append(row)
    totals = collections.Counter()
    for kind in sorted(by_kind):
        group = by_kind[kind]
        c = collections.Counter(r[1] for r in group)
        totals.update(c)
        durations = [r[4] - r[3] for r in group]
        print(f'{kind:32} {len(group):7} {c["ok"]:7} {c["expected-design"]:7} {c["expected-fault"]:7} '
              f'{c["unexpected"]:6} {fmt(percentile(durations, 50)):>8} {fmt(percentile(durations, 99)):>8} '
              f'{fmt(max(durations)):>8}')
    print(f'{"all":32} {len(rows):7} {totals["ok"]:7} {totals["expected-design"]:7} {totals["expected-fault"]:7} '
          f'{totals["unexpected"]:6}')
    print()
    sentences = collections.Counter((r[0], r[2]) for r in rows if r[1] == 'expected-fault')
    print('expected fault answers (kind: answer x count):')
    for (kind, text), n in sorted(sentences.items()):
        print(f'  {kind}: "{text}" x {n}')
    print()
    unexpected_rows = [r for r in rows if r[1] == 'unexpected']
    print(f'UNEXPECTED ERRORS: {len(unexpected_rows)} (target 0)')
    for (kind, detail), n in collections.Counter((r[0], r[2]) for r in unexpected_rows).most_common(15):
        print(f'  {n:5} x {kind}: {detail}')
    with open(os.path.join(OUT, 'records.jsonl'), 'w') as f:
        for row in rows:
            f.write(json.dumps(dict(zip(('kind', 'outcome', 'detail', 't0', 't1', 'faults'), row))) + '\n')
    if RECORDS.examples:
        examples = [e for group in RECORDS.examples.values() for e in group]
        with open(os.path.join(OUT, 'unexpected.json'), 'w') as f:
            json.dump(examples, f, indent=1)
        print(f'  one example of each (up to 3 of each in {os.path.join(OUT, "unexpected.json")}; every request in '
              f'records.jsonl):')
        for group in list(RECORDS.examples.values())[:12]:
            print('   ', json.dumps(group[0])[:900])
    print()
    print('faults (times on the bench clock; bound = the configured limits; affected = calls of the kinds the fault '
          'touches that overlapped it or its first %g s after)' % GRACE)
    for entry in REPORT['faults']:
        w = entry['window']
        name = entry['name']
        bound, why = BOUNDS[name]
        affected = [r for r in rows if r[3] <= w['end'] + GRACE and r[4] >= w['start']
                    and kind_base(r[0]) in AFFECTS[name]]
        durations = [r[4] - r[3] for r in affected]
        c = collections.Counter(r[1] for r in affected)
        print(f'- {name}: {w["detail"]}; t={w["start"]:.1f}..{w["end"]:.1f} s ({w["end"] - w["start"]:.1f} s)')
        if name == 'keycloak':
            print(f'    bin/keycloak stop took {entry["stop_s"]:.1f} s, bin/keycloak start (with the realm) '
                  f'{entry["start_s"]:.1f} s; new user ids after the restart: {entry["new_subjects"]}; '
                  f'new tokens, sessions and vault connections for all users {entry["reprovisioned_s"]:.1f} s after')
            print(f'    a token from before the restart, initialize: HTTP {entry["old_token_initialize"]} right after '
                  f'the restart, HTTP {entry["old_token_initialize_after_new"]} once new tokens were in use')
        print(f'    affected calls: {len(affected)} (ok {c["ok"]}, expected isError/answer {c["expected-fault"]}, '
              f'unexpected {c["unexpected"]}); answer time max {fmt(max(durations) if durations else None)}, '
              f'p99 {fmt(percentile(durations, 99))}; bound {bound:.1f} s ({why}) + {ALLOWANCE:g} s allowance')
        later = [x['window']['start'] for x in REPORT['faults'] if x['window']['start'] > w['start']]
        last_fault = max((r[4] for r in rows if r[1] == 'expected-fault' and name in r[5]
                          and r[3] >= w['start'] and r[3] < min(later, default=float('inf'))), default=None)
        if name == 'keycloak':
            what = 'calendar_events with a new token (a token exchange)'
        elif name.startswith('vault'):
            what = 'crm_lookup with a new token (a vault fetch)'
        else:
            what = 'crm_lookup'
        last = '-' if last_fault is None else f'{last_fault - w["end"]:+.1f} s'
        accepted = fmt(entry.get('first_accepted_s'))
        print(f'    recovery (Liberty not restarted): first session with a new token {accepted}, first successful '
              f'{what} {fmt(entry["recovered_s"])} after the fault ended; last fault answer of the load at {last}')
    print()
    longest = max((d for _, d, _ in watchdog.stalls), default=0)
    print(f'liveness (a GET of the endpoint every second, {watchdog.probes} sent): {len(watchdog.stalls)} answered after '
          f'more than 3 s, longest {longest:.1f} s' + ''.join(f'; at t={t:.1f} s {d:.1f} s' for t, d, _ in
                                                         watchdog.stalls[:8]))
    for path in watchdog.dumps:
        print(f'  thread dump during a stall: {path}')
    print()
    print('Liberty process (pid %s):' % LIBERTY_PID)
    print(f'  heap used after GC: start {start.get("heap_after_gc_mb")} MB, end {end.get("heap_after_gc_mb")} MB')
    threads = [s['threads'] for s in samples if 'threads' in s]
    fds = [s['fds'] for s in samples if 'fds' in s]
    print(f'  threads: start {start.get("threads")}, end {end.get("threads")} (during the run '
          f'{min(threads, default="-")}..{max(threads, default="-")})')
    print(f'  open file descriptors: start {start.get("fds")}, end {end.get("fds")} (during the run '
          f'{min(fds, default="-")}..{max(fds, default="-")})')
    subjects = len(USERS_STATE.subjects)
    print(f'  live sessions at the end: {end.get("sessions")} McpSession objects in the heap after a full GC '
          f'(start {start.get("sessions")}); bound: mcp.sessions.max-per-subject 100 x {subjects} subjects seen '
          f'= {100 * subjects}, mcp.sessions.max 10000')
    print(f'  cached credentials at the end: {end.get("credentials")} CredentialCache$Entry objects in the heap after '
          f'a full GC (start {start.get("credentials")}); bound: mcp.credentials.cache.max-entries-per-subject 100 x '
          f'{subjects} subjects + tenant entries, mcp.credentials.cache.max-entries 10000')
    return len(unexpected_rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    log(f'soak: {SECONDS:g} s of load against {BASE.geturl()}, Keycloak {KEYCLOAK.geturl()}')
    for user in USERS:
        USERS_STATE.renew(user)
    log('tokens, vault connections: ' + ', '.join(f'{u} {USERS_STATE.get(u).sub[:8]}' for u in USERS))
    # Warm-up: each tool once per user, so the start figures are of a server that has served everything.
    client = Client()
    for user in USERS:
        identity = USERS_STATE.get(user)
        session = open_session(client, identity, kind='warmup:session_open')
        for tool in ARGS:
            call_tool(client, identity, session, tool, kind='warmup:' + tool)
        close_session(client, identity, session, kind='warmup:session_close')
    client.close()
    warm_bad = [r for r in RECORDS.rows if r[1] == 'unexpected']
    if warm_bad:
        log(f'warm-up had {len(warm_bad)} unexpected answers: {RECORDS.examples[:3]}')
    start = process_figures(gc=True)
    log(f'start figures: {start}')

    pool = TokenPool()
    sampler = Sampler()
    watchdog = Watchdog()
    threads = [pool, Refresher(), sampler, watchdog,
               Worker('plain', 'alice', ['whoami', 'echo', 'whoami', 'echo', 'tools/list']),
               Worker('downstream', 'bob', ['calendar_access', 'calendar_events', 'calendar_access',
                                            'payroll_summary']),
               Worker('connected', 'alice', ['crm_lookup', 'generate_document', 'find_meeting_slot',
                                             'crm_lookup_customer']),
               Worker('mixed', 'carol', ['whoami', 'calendar_access', 'crm_lookup', 'calendar_events',
                                         'generate_document', 'tools/list', 'crm_lookup_customer', 'echo',
                                         'payroll_summary', 'find_meeting_slot']),
               MissMaker(pool), Churn(), Junk()]
    load_started = now()
    for thread in threads:
        thread.start()
    T = SECONDS
    # Planned start (fraction of the run) and length of each fault; a fault starts at the earliest SOAK_GRACE
    # seconds after the previous one recovered, and the load goes on until the last one has recovered.
    schedule = [('keycloak', 0.10 * T, max(10.0, 0.08 * T)),
                ('vault-slow', 0.35 * T, max(20.0, 0.08 * T)),
                ('vault-500', 0.47 * T, max(15.0, 0.07 * T)),
                ('crm-down', 0.66 * T, max(15.0, 0.08 * T))]
    fault_error = []

    def faults():
        try:
            run_faults([(n, load_started + s, l) for n, s, l in schedule])
        except Exception as e:
            fault_error.append(e)
            log(f'fault schedule failed: {type(e).__name__}: {e}')

    fault_thread = threading.Thread(target=faults, name='faults', daemon=True)
    fault_thread.start()
    last_progress = 0
    while now() - load_started < T or fault_thread.is_alive():
        time.sleep(1)
        if now() - last_progress >= 30:
            last_progress = now()
            c = collections.Counter(r[1] for r in RECORDS.rows)
            top = collections.Counter((r[0], r[2]) for r in RECORDS.rows if r[1] == 'unexpected').most_common(2)
            log(f'progress: {len(RECORDS.rows)} requests, ok {c["ok"]}, design {c["expected-design"]}, '
                f'fault {c["expected-fault"]}, unexpected {c["unexpected"]}'
                + ''.join(f'; {n} x {k}: {d[:90]}' for (k, d), n in top))
        if fault_error or now() - load_started > T + 900:
            break
    STOP.set()
    load_seconds = now() - load_started
    if now() - load_started > T + 1:
        log(f'the load ran {load_seconds - T:.0f} s longer than SOAK_SECONDS so that the last fault could recover')
    for thread in threads:
        thread.join(timeout=CLIENT_TIMEOUT + 5)
    time.sleep(2)
    end = process_figures(gc=True)
    unexpected_count = summary(start, end, [start] + sampler.samples + [end], load_seconds, watchdog)
    if fault_error:
        print(f'FAULT SCHEDULE FAILED: {fault_error[0]}')
        return 2
    return 1 if unexpected_count else 0


if __name__ == '__main__':
    sys.exit(main())
