#!/usr/bin/env python3
"""Markdown report of scripts/bench-dhcp's compare part.

Arguments: RUNS MACHINE COMPARE_JSON_FILE INPROC_JSONL_FILE (the outputs of dhcp-compare.py and dhcp-bench).
"""
import json
import statistics
import sys

runs, machine, compare_path, inproc_path = sys.argv[1:5]
data = json.load(open(compare_path))
rows, exchanges, warmup = data["rows"], data["exchanges"], data["warmup"]
scenarios = [("first", "first lease"), ("reconnect", "reconnect, remembered lease"), ("renew", "renew while bound")]
BASE = "dhclient"


def med(v):
    return statistics.median(v)


def iqr(v):
    q = statistics.quantiles(v, n=4) if len(v) > 1 else [v[0], v[0], v[0]]
    return q[0], q[2]


def what(client, s):
    e = exchanges[client][s]
    return ", ".join(f"{k}" + (f" ×{n}" if len(e) > 1 else "") for k, n in sorted(e.items()))


load = open("/proc/loadavg").read().split()[0]
out = [f"Machine: {machine}, load average at the end {load}. dnsmasq 2.90 `--no-ping` in a namespace pair (veth); "
       f"one warm-up round, then {runs} interleaved rounds (every client does every scenario in each round).", ""]

out.append("Whole process, until the address is applied — median ms (IQR), ratio to dhclient's median in the same "
           "scenario (dhclient = 1.00; lower is faster):")
out.append("")
out.append("| client (command) | " + " | ".join(f"{title} ms | × dhclient" for _, title in scenarios) + " |")
out.append("|---|" + "---:|---:|" * len(scenarios))
for client in rows:
    cells = []
    for s, _ in scenarios:
        v = rows[client][s]
        lo, hi = iqr(v)
        cells.append(f"{med(v):.1f} ({lo:.1f}–{hi:.1f})")
        cells.append(f"{med(v) / med(rows[BASE][s]):.2f}")
    out.append(f"| {client} | " + " | ".join(cells) + " |")
out.append("")
out.append("What each client did on the wire (its hook's reason, or the builtin's `exchange`), per scenario:")
out.append("")
out.append("| client | " + " | ".join(title for _, title in scenarios) + " |")
out.append("|---|" + "---|" * len(scenarios))
for client in rows:
    out.append(f"| {client} | " + " | ".join(what(client, s) for s, _ in scenarios) + " |")
out.append("")

inproc = [json.loads(line) for line in open(inproc_path) if line.strip()]
out.append("Builtin client in-process (`dhcp-bench`: one process, the library call timed around its `await`; "
           f"one warm-up, then {runs} runs) — median ms (min–max):")
out.append("")
out.append("| builtin, in-process | " + " | ".join(title for _, title in scenarios) + " |")
out.append("|---|" + "---:|" * len(scenarios))
for config, label in (("apply", "applying (`ip -batch`) and recording the lease"),
                      ("record-only", "negotiating and recording only (`applyToInterface: false`)")):
    cells = []
    for s, _ in scenarios:
        v = [r["ms"] for r in inproc if r["config"] == config and r["scenario"] == s and r["run"] > 0]
        ex = sorted({r["exchange"] for r in inproc if r["config"] == config and r["scenario"] == s and r["run"] > 0})
        cells.append(f"{med(v):.2f} ({min(v):.2f}–{max(v):.2f}) {'/'.join(ex)}")
    out.append(f"| {label} | " + " | ".join(cells) + " |")
out.append("")
out.append("Warm-up round (not in the medians), ms: " + "; ".join(
    f"{c}: " + "/".join(f"{warmup[c][s]:.0f}" for s, _ in scenarios) for c in warmup) + " (first/reconnect/renew).")
print("\n".join(out))
