#!/usr/bin/env python3
"""Top frames of a JFR recording's CPU samples (jdk.ExecutionSample), for bench/peers/run.

Usage: jfr-top.py RECORDING [N] [PREFIX]
Prints the N (25) methods most often on top of a sampled stack (self time), the N methods most often anywhere in
a stack (inclusive time: each method counted once per sample), and the N frames inclusive among the methods whose
class starts with PREFIX (dev.delegatemcp.: this server's own code). Percentages are of all samples.
"""
import collections
import json
import subprocess
import sys


def frames(event):
    for frame in event["values"]["stackTrace"]["frames"]:
        method = frame["method"]
        yield method["type"]["name"].replace("/", ".") + "." + method["name"]


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    prefix = sys.argv[3] if len(sys.argv) > 3 else "dev.delegatemcp."
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                              recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(printed)["recording"]["events"]
    total = len(events)
    if not total:
        print("no CPU samples in", recording)
        return
    self_counts, inclusive = collections.Counter(), collections.Counter()
    for event in events:
        stack = list(frames(event))
        if stack:
            self_counts[stack[0]] += 1
        inclusive.update(set(stack))

    def show(title, counter, keep=lambda name: True):
        print(f"{title} ({total} samples)")
        for name, count in [(n, c) for n, c in counter.most_common() if keep(n)][:top]:
            print(f"  {100.0 * count / total:5.1f}%  {name}")

    show("self", self_counts)
    show("inclusive, below the thread's run loop", inclusive, lambda n: inclusive[n] < 0.9 * total)
    show(f"inclusive, {prefix}*", inclusive, lambda n: n.startswith(prefix))


if __name__ == "__main__":
    main()
