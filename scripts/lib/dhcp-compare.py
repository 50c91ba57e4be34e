#!/usr/bin/env python3
"""Whole-process DHCP comparison for scripts/bench-dhcp (run by it inside the client network namespace).

Every client does the same three pieces of work against the same dnsmasq, each APPLYING the address, in
interleaved rounds (round i runs every client once per scenario, so load changes hit all clients alike):

  first      no lease remembered, no IPv4 address on the interface
  reconnect  the lease remembered (lease file / record), the interface flushed
  renew      bound (address on the interface, the client's daemon running where it has one)

A number is the wall time from starting the command to the address being applied: the later of the command's
exit and the hook's "applied" mark (the hook writes it after `ip` has set the address; external clients only).
External clients run the safe hook (scripts/lib/dhcp-hook.sh, wrapped to write the mark), never their own.
Setup between runs (stopping daemons, removing lease memory, flushing) is not timed.

Output: JSON on stdout {"rows": {client: {scenario: [ms, ...]}}, "exchanges": {...}, "warmup": {...}}.
"""
import json
import os
import select
import signal
import subprocess
import sys
import time

IF, EAPOLCTL, WORK, HOOK_LIB, RUNS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
TIMEOUT = 20
STATE = f"{WORK}/state"
MARKS = f"{WORK}/applied.log"
HOOK = f"{WORK}/hook.sh"
DHCLIENT_PID, DHCLIENT_LEASES = f"{WORK}/dhclient.pid", f"{WORK}/dhclient.leases"
EAPOLCTL_RUN = "/run/eapolctl/dhcp"  # eapolctl's dhclient files for root (not configurable on the command line)
DHCPCD_LEASE = f"/var/lib/dhcpcd/{IF}.lease"
ENV = dict(os.environ, EAPOLCTL_STATE_DIR=STATE, EAPOLCTL_KEY_FILE=f"{WORK}/store.key")

with open(HOOK, "w") as f:
    f.write(f"""#!/bin/sh
# scripts/lib/dhcp-hook.sh plus a mark once the address is applied (dhclient/dhcpcd: $reason, udhcpc: $1)
{HOOK_LIB} "$@"; rc=$?
case "${{reason:-}}${{1:-}}" in
  BOUND*|RENEW*|REBIND*|REBOOT*|bound*|renew*) echo "$(date +%s%N) ${{reason:-$1}}" >> {MARKS} ;;
esac
exit $rc
""")
os.chmod(HOOK, 0o755)
open(MARKS, "a").close()


def die(msg):
    print(f"dhcp-compare: {msg}", file=sys.stderr)
    sys.exit(1)


def sh(*args, check=True):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and r.returncode != 0:
        die(f"{' '.join(args)} exited {r.returncode}: {r.stdout[-500:]}")
    return r.stdout


def flush():
    sh("ip", "-4", "address", "flush", "dev", IF)


def addresses():
    out = json.loads(sh("ip", "-j", "-4", "address", "show", "dev", IF))
    return [a["local"] for i in out for a in i.get("addr_info", [])]


def cmdline(pid):
    try:
        return open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def stop_pid(pid, must_contain):
    """SIGTERM a process this benchmark started (checked by its command line) and wait until it has exited."""
    if not pid or must_contain not in cmdline(pid):
        return
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    try:
        signal.pidfd_send_signal(fd, signal.SIGTERM)
        select.select([fd], [], [], 5)
    except ProcessLookupError:
        pass
    finally:
        os.close(fd)


def read_pid(path):
    try:
        return int(open(path).read().strip())
    except (OSError, ValueError):
        return None


def marks():
    return open(MARKS).read().splitlines()


class Run:
    """One timed command: start → exit, and → the first applied-mark written after the start."""

    def __init__(self, args, uses_hook=True, pre=None):
        self.n_marks = len(marks())
        self.t0 = time.time_ns()
        if pre:
            pre()
        self.proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
                                   timeout=TIMEOUT + 5)
        self.t_exit = time.time_ns()
        if self.proc.returncode != 0:
            die(f"{' '.join(args)} exited {self.proc.returncode}: {self.proc.stdout[-800:]}")
        self.reason = None
        end = self.t_exit
        if uses_hook:
            deadline = time.monotonic() + TIMEOUT
            while True:
                new = marks()[self.n_marks:]
                if new:
                    t, self.reason = new[0].split(" ", 1)
                    end = max(end, int(t))
                    break
                if time.monotonic() > deadline:
                    die(f"{' '.join(args)}: no address applied within {TIMEOUT} s")
                time.sleep(0.001)
        self.ms = (end - self.t0) / 1e6
        if not addresses():
            die(f"{' '.join(args)}: no IPv4 address on {IF} afterwards")


# ---- the clients -------------------------------------------------------------------------------------------
# Each: reset(scenario) prepares the state (untimed), run(scenario) returns a finished Run.

class Builtin:
    name = "eapolctl (builtin)"
    record = f"{STATE}/leases/{IF}.json"

    def reset(self, scenario):
        if scenario == "first":
            try:
                os.unlink(self.record)
            except FileNotFoundError:
                pass
        if scenario != "renew":
            flush()

    def run(self, scenario):
        r = Run([EAPOLCTL, "dhcp", "renew", "--interface", IF, "--dhcp", "builtin", "--timeout", str(TIMEOUT), "--json"],
                uses_hook=False)
        out = json.loads(r.proc.stdout.strip().splitlines()[-1])
        r.reason = out.get("result", out)["dhcp"]["exchange"]
        return r

    def stop(self):
        pass


class Dhclient:
    name = "dhclient"

    def args(self):
        return ["dhclient", "-1", "-v", "-pf", DHCLIENT_PID, "-lf", DHCLIENT_LEASES, "-sf", HOOK, IF]

    def stop(self):
        stop_pid(read_pid(DHCLIENT_PID), DHCLIENT_PID)
        for p in (DHCLIENT_PID,):
            if os.path.exists(p):
                os.unlink(p)

    def reset(self, scenario):
        if scenario != "renew":
            self.stop()
            if scenario == "first" and os.path.exists(DHCLIENT_LEASES):
                os.unlink(DHCLIENT_LEASES)
            flush()
        else:  # bound, with its daemon (left by the reconnect run); the daemon writes its pid file after forking
            for _ in range(500):
                if read_pid(DHCLIENT_PID):
                    break
                time.sleep(0.002)

    def run(self, scenario):
        # dhclient has no "renew now" trigger: while bound, the daemon is stopped (SIGTERM, exit awaited — the part
        # of `dhclient -x` that is not its sleep(1)) and dhclient started again; all of it timed.
        pre = self.stop if scenario == "renew" else None
        return Run(self.args(), pre=pre)


class EapolctlDhclient(Dhclient):
    name = "eapolctl → dhclient"
    binary = EAPOLCTL
    pidfile, leases = f"{EAPOLCTL_RUN}/{IF}.dhclient.pid", f"{EAPOLCTL_RUN}/{IF}.dhclient.leases"

    def stop(self):
        stop_pid(read_pid(self.pidfile), self.pidfile)
        if os.path.exists(self.pidfile):
            os.unlink(self.pidfile)

    def reset(self, scenario):
        if scenario != "renew":
            self.stop()
            if scenario == "first" and os.path.exists(self.leases):
                os.unlink(self.leases)
            flush()
        else:
            for _ in range(500):
                if read_pid(self.pidfile):
                    break
                time.sleep(0.002)

    def run(self, scenario):
        return Run([self.binary, "dhcp", "renew", "--interface", IF, "--dhcp", "dhclient", "--dhcp-script", HOOK,
                    "--timeout", str(TIMEOUT), "--json"])


class Dhcpcd:
    name = "dhcpcd"
    common = ["-4", "-c", HOOK, "--noarp", "-B"]

    def stop(self):
        sh("dhcpcd", "-4", "-c", HOOK, "-x", IF, check=False)  # its control socket IF-4.sock; a no-op when none runs
        if getattr(self, "daemon", None):
            self.daemon.wait(5)
            self.daemon = None

    def reset(self, scenario):
        self.stop()
        if scenario == "first" and os.path.exists(DHCPCD_LEASE):
            os.unlink(DHCPCD_LEASE)
        flush()
        if scenario == "renew":  # bound, daemon running (started untimed, lease from its lease file)
            n = len(marks())
            self.daemon = subprocess.Popen(["dhcpcd"] + self.common + [IF], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + TIMEOUT
            while len(marks()) == n:
                if time.monotonic() > deadline:
                    die("dhcpcd daemon did not bind")
                time.sleep(0.005)
            time.sleep(0.05)

    def run(self, scenario):
        if scenario == "renew":
            return Run(["dhcpcd", "-4", "-c", HOOK, "-n", IF])  # through its control socket: rebind now (-c: were none running, a new one would start with our hook, never the system hooks)
        return Run(["dhcpcd", "-1", "-t", str(TIMEOUT)] + self.common + [IF])


class Udhcpc:
    name = "udhcpc"
    daemon = None
    last = None

    def stop(self):
        if self.daemon:
            self.daemon.terminate()
            self.daemon.wait(5)
            self.daemon = None

    def reset(self, scenario):
        self.stop()
        flush()
        if scenario == "renew":  # bound, daemon running
            n = len(marks())
            self.daemon = subprocess.Popen(["udhcpc", "-f", "-i", IF, "-s", HOOK, "-t", "5", "-T", "1"] +
                                           (["-r", self.last] if self.last else []),
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + TIMEOUT
            while len(marks()) == n:
                if time.monotonic() > deadline:
                    die("udhcpc daemon did not bind")
                time.sleep(0.005)
            time.sleep(0.05)

    def run(self, scenario):
        if scenario == "renew":
            return Run(["kill", "-USR1", str(self.daemon.pid)])  # renew: unicast REQUEST
        # udhcpc keeps no lease file: "reconnect" asks for the last address (-r), still DISCOVER → OFFER → REQUEST
        extra = ["-r", self.last] if scenario == "reconnect" and self.last else []
        r = Run(["udhcpc", "-i", IF, "-n", "-q", "-f", "-t", str(TIMEOUT), "-T", "1", "-s", HOOK] + extra)
        self.last = addresses()[0]
        return r


def driving(label, path):
    c = EapolctlDhclient()
    c.name, c.binary = f"eapolctl → dhclient ({label})", path
    return c


# Extra eapolctl binaries whose dhclient driving is compared too ("label=path;label=path", e.g. an older build).
extra = [driving(*x.split("=", 1)) for x in os.environ.get("BENCH_DHCP_DRIVING", "").split(";") if "=" in x]
clients = [Builtin(), Dhclient(), Dhcpcd(), Udhcpc(), EapolctlDhclient()] + extra
scenarios = ["first", "reconnect", "renew"]
rows = {c.name: {s: [] for s in scenarios} for c in clients}
exchanges = {c.name: {s: {} for s in scenarios} for c in clients}
warmup = {c.name: {} for c in clients}
try:
    for i in range(RUNS + 1):  # round 0 is a warm-up (page cache, dnsmasq's lease for each client id)
        for c in clients:
            for s in scenarios:
                c.reset(s)
                r = c.run(s)
                if i == 0:
                    warmup[c.name][s] = round(r.ms, 1)
                else:
                    rows[c.name][s].append(round(r.ms, 3))
                    exchanges[c.name][s][r.reason] = exchanges[c.name][s].get(r.reason, 0) + 1
            c.stop()
        print(f"  round {i}/{RUNS} done", file=sys.stderr)
finally:
    for c in clients:
        try:
            c.stop()
        except Exception:  # noqa: BLE001 - best effort at the end
            pass
    flush()
json.dump({"rows": rows, "exchanges": exchanges, "warmup": warmup}, sys.stdout)
