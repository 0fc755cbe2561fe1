#!/usr/bin/env python3
"""Reads what Liberty wrote to messages.log and the audit file since a mark, across log rotations (used by bench/run).

  logscan.py mark <logs dir>          prints a mark: "<inode>:<size>" of messages.log and of downstream-audit0.log now
  logscan.py scan <logs dir> <mark>   prints key=value counts for everything written since the mark:
      exchanges   audit lines {"type":"downstream_credential",...,"cache_hit":false} (STS token exchanges)
      hits        audit lines with "cache_hit":true
      failures    audit lines whose outcome is not "granted"
      pairs       exchanges per user/target pair (user>target:count,...); BENCH_USER_NAMES="<sub>=<name>,..."
                  shows user names instead of token subjects
      warnings    Liberty messages of level W, E or F, also printed as "warning: <count>x <message>" lines (the 5
                  most frequent messages, numbers in them masked so repeats group)
      complete    1 when every byte since the mark was still on disk, 0 when a rotated file was already deleted

Liberty rotates by renaming messages.log to messages_<yy.MM.dd_HH.mm.ss>.<n>.log (at start and at maxFileSize); the
audit file (a java.util.logging FileHandler, mcp.audit.file) by renaming downstream-audit<g>.log to generation g+1. So
the marked file is found again by its inode and the files after it in time order are read in full.
"""
import json
import os
import re
import sys

AUDIT = '{"type":"downstream_credential"'
LEVEL = re.compile(r'^\[[^\]]+\] [0-9a-fA-F]+ \S+\s+([WEF]) (.*)$')


def files(logs, family):
    if family == 'audit':
        generations = sorted((int(m.group(1)), f) for f in os.listdir(logs)
                             for m in [re.fullmatch(r'downstream-audit(\d+)\.log', f)] if m)
        return [os.path.join(logs, f) for _, f in reversed(generations)]  # oldest (highest generation) first
    rotated = sorted(f for f in os.listdir(logs) if f.startswith('messages_') and f.endswith('.log'))
    ordered = [os.path.join(logs, f) for f in rotated]
    current = os.path.join(logs, 'messages.log')
    if os.path.exists(current):
        ordered.append(current)
    return ordered


CURRENT = {'messages': 'messages.log', 'audit': 'downstream-audit0.log'}


def mark(logs):
    marks = []
    for family in ('messages', 'audit'):
        current = os.path.join(logs, CURRENT[family])
        if not os.path.exists(current):
            marks.append('0:0')
            continue
        st = os.stat(current)
        marks.append(f'{st.st_ino}:{st.st_size}')
    return ','.join(marks)


def since(logs, family, marker):
    """The paths and the offset in the first one holding everything written since the mark, and whether complete."""
    inode, offset = (int(v) for v in marker.split(':'))
    ordered = files(logs, family)
    start, complete = None, 1
    for i, path in enumerate(ordered):
        st = os.stat(path)
        if st.st_ino == inode:
            if st.st_size < offset:  # truncated in place: the marked bytes are gone
                offset, complete = 0, 0
            start = i
            break
    if start is None:  # no mark (no log yet) or the marked file was deleted by rotation
        complete = 1 if inode == 0 else 0
        start, offset = 0, 0
        if inode != 0:
            # Only files newer than the mark can hold new lines; without the marked file we cannot tell which
            # rotated ones are, so read the current file only.
            start = max(0, len(ordered) - 1)
    return ordered[start:], offset, complete


def scan(logs, markers):
    counts = {'exchanges': 0, 'hits': 0, 'failures': 0, 'warnings': 0}
    pairs, warnings = {}, {}
    names = dict(kv.split('=', 1) for kv in os.environ.get('BENCH_USER_NAMES', '').split(',') if '=' in kv)
    complete = 1
    for family, marker in zip(('messages', 'audit'), markers.split(',')):
        paths, offset, family_complete = since(logs, family, marker)
        complete = min(complete, family_complete)
        for i, path in enumerate(paths):
            with open(path, 'rb') as f:
                if i == 0:
                    f.seek(offset)
                for raw in f:
                    line = raw.decode('utf-8', 'replace').rstrip('\n')
                    at = line.find(AUDIT)
                    if at >= 0:
                        try:
                            audit = json.JSONDecoder().raw_decode(line[at:])[0]
                        except ValueError:
                            continue
                        if audit.get('cache_hit'):
                            counts['hits'] += 1
                        else:
                            counts['exchanges'] += 1
                            user = audit.get('user')
                            key = f"{names.get(user, user)}>{audit.get('target')}"
                            pairs[key] = pairs.get(key, 0) + 1
                        if audit.get('outcome') != 'granted':
                            counts['failures'] += 1
                        continue
                    m = LEVEL.match(line)
                    if m:
                        counts['warnings'] += 1
                        text = re.sub(r'\d+', 'N', f'{m.group(1)} {m.group(2)}')[:300]
                        warnings[text] = warnings.get(text, 0) + 1
    for key, value in counts.items():
        print(f'{key}={value}')
    print('pairs=' + ','.join(f'{k}:{v}' for k, v in sorted(pairs.items())))
    print(f'complete={complete}')
    for text, n in sorted(warnings.items(), key=lambda kv: -kv[1])[:5]:
        print(f'warning: {n}x {text}')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == 'mark':
        print(mark(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == 'scan':
        scan(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
