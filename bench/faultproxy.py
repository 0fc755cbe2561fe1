#!/usr/bin/env python3
"""A fault-injecting HTTP/1.1 proxy for bench/soak (Python 3 standard library only, loopback only).

Sits between the MCP server and what it calls (the token vault, a remote MCP server): one listening port per route,
each forwarding to an upstream host:port, each in a mode the bench switches at run time through a control port:

  pass            forward the request, return the upstream's answer
  delay:<s>       wait <s> seconds, then forward (a client with a shorter read time-out gives up first)
  status:<code>   answer <code> at once with a small JSON error body, without asking the upstream
  down            close the listening socket and every open connection: new connections are refused

  faultproxy.py --control <port> --route <name>=<listen port>=<upstream host>:<upstream port> [--route ...]
                [--ledger <file>] [--log <file>]

Control (GET http://127.0.0.1:<control port>/...):
  /mode/<route>?set=<mode>    switch a route's mode, answers the new mode
  /stats                      JSON: per route, the mode and the requests counted by mode and answer
  /quit                       stop

--ledger: every credential that passes through (the bearer value of an Authorization header, and the part after
"<project>:" of a vault management-key header; "accessToken"/"refreshToken" values in answers) is appended to this
file once, one a line, so that the bench's log scan can look for them too. The proxy's own log (--log) holds the
method, path, mode, status and duration of each request, never a header or body.
"""
import argparse
import http.client
import json
import re
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HOP_BY_HOP = {'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers',
              'transfer-encoding', 'upgrade', 'content-length', 'host'}
TOKEN_FIELD = re.compile(rb'"(?:accessToken|refreshToken|access_token|refresh_token)"\s*:\s*"([^"]+)"')
MODE = re.compile(r'^(pass|down|delay:\d+(\.\d+)?|status:[1-5]\d\d)$')


class Ledger:
    def __init__(self, path):
        self.path, self.seen, self.lock = path, set(), threading.Lock()

    def add(self, secret):
        if not self.path or not secret or len(secret) < 8:
            return
        with self.lock:
            if secret in self.seen:
                return
            self.seen.add(secret)
            with open(self.path, 'a', encoding='utf-8') as f:
                f.write(secret + '\n')


class Log:
    def __init__(self, path):
        self.file = open(path, 'a', encoding='utf-8', buffering=1) if path else None
        self.lock = threading.Lock()

    def write(self, line):
        if self.file:
            with self.lock:
                self.file.write(time.strftime('%H:%M:%S ') + line + '\n')


class Route:
    def __init__(self, name, port, upstream_host, upstream_port, ledger, log):
        self.name, self.port = name, port
        self.upstream = (upstream_host, upstream_port)
        self.ledger, self.log = ledger, log
        self.mode = 'pass'
        self.counts = {}
        self.lock = threading.Lock()
        self.server = None
        self.connections = set()
        self.start()

    def count(self, mode, outcome):
        key = f'{mode} {outcome}'
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1

    def start(self):
        route = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def process_request(self, request, client_address):
                with route.lock:
                    route.connections.add(request)
                super().process_request(request, client_address)

            def shutdown_request(self, request):
                with route.lock:
                    route.connections.discard(request)
                super().shutdown_request(request)

        self.server = Server(('127.0.0.1', self.port), handler_for(self))
        threading.Thread(target=self.server.serve_forever, name=f'route-{self.name}', daemon=True).start()

    def stop(self):
        server, self.server = self.server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self.lock:
            open_connections = list(self.connections)
            self.connections.clear()
        for connection in open_connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                connection.close()
            except OSError:
                pass

    def set_mode(self, mode):
        with self.lock:
            previous, self.mode = self.mode, mode
        if mode == 'down' and previous != 'down':
            self.stop()
        elif mode != 'down' and previous == 'down':
            for attempt in range(50):
                try:
                    self.start()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(f'could not listen on {self.port} again')
        self.log.write(f'route {self.name}: mode {previous} -> {mode}')


def handler_for(route):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'
        upstream = None

        def log_message(self, format, *args):  # no default stderr lines (they would show paths only, but still)
            pass

        def body(self):
            if self.headers.get('Transfer-Encoding', '').lower() == 'chunked':
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b';')[0].strip(), 16)
                    if size == 0:
                        while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                            pass
                        return b''.join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            length = int(self.headers.get('Content-Length') or 0)
            return self.rfile.read(length) if length else b''

        def record_secrets(self, data=None):
            authorization = self.headers.get('Authorization', '')
            if authorization.lower().startswith('bearer '):
                value = authorization[7:].strip()
                route.ledger.add(value)
                if ':' in value:  # vault management key: "<project id>:<key>"
                    route.ledger.add(value.split(':', 1)[1])
            if data:
                for match in TOKEN_FIELD.finditer(data):
                    route.ledger.add(match.group(1).decode('utf-8', 'replace'))

        def reply(self, status, body, headers=()):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            if self.command != 'HEAD':
                self.wfile.write(body)

        def handle_any(self):
            started = time.monotonic()
            mode = route.mode
            outcome = 'error'
            try:
                data = self.body()
                self.record_secrets()
                if mode.startswith('status:'):
                    status = int(mode.split(':', 1)[1])
                    self.reply(status, json.dumps({'errorCode': 'E999999', 'errorDescription': 'injected fault',
                                                   'message': 'injected fault'}).encode(),
                               [('Content-Type', 'application/json')])
                    outcome = str(status)
                    return
                if mode.startswith('delay:'):
                    time.sleep(float(mode.split(':', 1)[1]))
                status, headers, answer = self.forward(data)
                self.record_secrets(answer)
                self.reply(status, answer, headers)
                outcome = str(status)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                outcome = 'client-gone'
                self.close_connection = True
            except (OSError, http.client.HTTPException) as e:
                outcome = 'upstream-' + type(e).__name__
                try:
                    self.reply(502, b'{"message":"proxy: upstream failed"}', [('Content-Type', 'application/json')])
                except OSError:
                    self.close_connection = True
            finally:
                route.count(mode, outcome)
                route.log.write(f'{route.name} {self.command} {urlsplit(self.path).path} mode={mode} -> {outcome} '
                                f'{(time.monotonic() - started) * 1000:.0f}ms')

        def forward(self, data):
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            headers['Host'] = f'{route.upstream[0]}:{route.upstream[1]}'
            headers['Content-Length'] = str(len(data))
            for attempt in (1, 2):
                if self.upstream is None:
                    self.upstream = http.client.HTTPConnection(*route.upstream, timeout=60)
                try:
                    self.upstream.request(self.command, self.path, body=data, headers=headers)
                    response = self.upstream.getresponse()
                    answer = response.read()
                    kept = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
                    if response.will_close:
                        self.upstream.close()
                        self.upstream = None
                    return response.status, kept, answer
                except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                    # A kept-alive upstream connection the upstream had closed: once more on a new one.
                    self.upstream.close()
                    self.upstream = None
                    if attempt == 2:
                        raise

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any

        def finish(self):
            try:
                super().finish()
            finally:
                if self.upstream is not None:
                    self.upstream.close()

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--control', type=int, required=True)
    parser.add_argument('--route', action='append', required=True)
    parser.add_argument('--ledger')
    parser.add_argument('--log')
    args = parser.parse_args()
    ledger, log = Ledger(args.ledger), Log(args.log)
    routes = {}
    for spec in args.route:
        name, port, upstream = spec.split('=', 2)
        host, upstream_port = upstream.rsplit(':', 1)
        if host not in ('localhost', '127.0.0.1', '::1'):
            sys.exit(f'faultproxy: upstream must be on loopback, not {host}')
        routes[name] = Route(name, int(port), host, int(upstream_port), ledger, log)
    done = threading.Event()

    class Control(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def log_message(self, format, *args):
            pass

        def answer(self, status, payload):
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlsplit(self.path)
            parts = url.path.strip('/').split('/')
            if parts == ['stats']:
                self.answer(200, {name: {'mode': r.mode, 'counts': dict(r.counts)} for name, r in routes.items()})
            elif parts == ['quit']:
                self.answer(200, {'quit': True})
                done.set()
            elif len(parts) == 2 and parts[0] == 'mode' and parts[1] in routes:
                mode = parse_qs(url.query).get('set', [''])[0]
                if not MODE.match(mode):
                    self.answer(400, {'error': f'mode must be pass, down, delay:<s> or status:<code>, not {mode}'})
                    return
                routes[parts[1]].set_mode(mode)
                self.answer(200, {'route': parts[1], 'mode': mode})
            else:
                self.answer(404, {'error': 'unknown'})

    control = ThreadingHTTPServer(('127.0.0.1', args.control), Control)
    control.daemon_threads = True
    threading.Thread(target=control.serve_forever, daemon=True).start()
    log.write('faultproxy ready: ' + ', '.join(f'{n} 127.0.0.1:{r.port} -> {r.upstream[0]}:{r.upstream[1]}'
                                              for n, r in routes.items()))
    print('faultproxy ready', flush=True)
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    for route in routes.values():
        route.stop()
    control.shutdown()


if __name__ == '__main__':
    main()
