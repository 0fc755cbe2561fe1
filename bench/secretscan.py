#!/usr/bin/env python3
"""Looks for every secret of a run in every file of some directories (bench/soak's equivalent of the integration
tests' WholeRunLogScanIT with its SecretsLedger).

  secretscan.py <ledger file> <label>=<dir or file> [<label>=<dir or file> ...]

The ledger holds one secret a line (the tokens the bench obtained, the credentials the fault proxy forwarded); the
client secrets in MCP_STS_CLIENT_SECRET and MCP_OUTBOUND_MANAGEMENT_KEY are added. Prints, per label, the files
scanned and the leaks: file and ledger line, never the secret itself. Exit status 1 when anything leaked.
"""
import os
import sys


def files(path):
    if os.path.isfile(path):
        yield path
        return
    for directory, _, names in os.walk(path):
        for name in sorted(names):
            yield os.path.join(directory, name)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    ledger = sys.argv[1]
    secrets = []
    with open(ledger, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if len(line) >= 8 and line not in secrets:
                secrets.append(line)
    kinds = {}
    for name in ('MCP_STS_CLIENT_SECRET', 'MCP_OUTBOUND_MANAGEMENT_KEY'):
        value = os.environ.get(name, '').strip()
        if value and value not in secrets:
            secrets.append(value)
        kinds[value] = name
    jwts = sum(1 for s in secrets if s.count('.') == 2 and s.startswith('eyJ'))
    print(f'secrets looked for: {len(secrets)} ({jwts} JWTs: Keycloak tokens the bench obtained and exchanged or '
          f'vault credentials the proxy forwarded; {len(secrets) - jwts} others: client secrets, the management key, '
          f'opaque credentials)')
    encoded = [s.encode() for s in secrets]
    leaks = 0
    for spec in sys.argv[2:]:
        label, path = spec.split('=', 1)
        scanned, size, found = 0, 0, []
        if os.path.exists(path):
            for file in files(path):
                if os.path.abspath(file) == os.path.abspath(ledger):
                    continue
                try:
                    with open(file, 'rb') as f:
                        data = f.read()
                except OSError:
                    continue
                scanned += 1
                size += len(data)
                for i, secret in enumerate(encoded):
                    if secret in data:
                        found.append(f'{os.path.relpath(file, path) if os.path.isdir(path) else file} holds '
                                     f'{kinds.get(secrets[i], f"ledger secret #{i + 1}")}')
        leaks += len(found)
        print(f'{label}: {scanned} files ({size / 1e6:.1f} MB) scanned, {len(found)} secrets found')
        for line in found[:20]:
            print(f'    LEAK: {line}')
    return 1 if leaks else 0


if __name__ == '__main__':
    sys.exit(main())
