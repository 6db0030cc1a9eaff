#!/usr/bin/python3
# startup.py — start-up time, memory and start-up I/O of chushuitong
# against the floor app, run inside build-aux/headless-session.
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: startup.py BUILD_DIR start|memory|io|callgrind [RUNS]
#
# Both programs run under the same session, renderer and environment,
# with the same LD_PRELOAD shim (first-frame-shim.c), in interleaved
# rounds whose order alternates, after one discarded warm-up run each.

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

RENDERER_ENV = {
    'GDK_BACKEND': 'x11',
    'GSK_RENDERER': 'cairo',
    'GDK_DEBUG': 'gl-disable',
}


def die(msg):
    print(f'bench: {msg}', file=sys.stderr)
    sys.exit(1)


class Runner:
    def __init__(self, build):
        self.build = os.path.abspath(build)
        self.shim = os.path.join(self.build, 'bench', 'libbench-first-frame-shim.so')
        self.launcher = os.path.join(self.build, 'bench', 'bench-exec')
        self.programs = {
            'floor': os.path.join(self.build, 'bench', 'bench-floor-app'),
            'chushuitong': os.path.join(self.build, 'src', 'chushuitong'),
        }
        for path in [self.shim, self.launcher, *self.programs.values()]:
            if not os.path.exists(path):
                die(f'{path} is missing (build-aux/bench builds it)')
        self.tmp = tempfile.mkdtemp(prefix='cst-bench-')
        self.db = os.path.join(self.tmp, 'identity.db')
        env = dict(os.environ)
        env.update(RENDERER_ENV)
        env['ADW_DISABLE_PORTAL'] = '1'
        env['GSETTINGS_SCHEMA_DIR'] = os.path.join(self.build, 'data')
        env['CST_DATABASE'] = self.db
        for var in ('G_DEBUG', 'G_MESSAGES_DEBUG', 'GTK_DEBUG', 'LD_PRELOAD'):
            env.pop(var, None)
        self.env = env

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run(self, name, mode, wrapper=()):
        out = os.path.join(self.tmp, 'frame.txt')
        if os.path.exists(out):
            os.unlink(out)
        env = dict(self.env)
        env['CST_BENCH_OUT'] = out
        env['CST_BENCH_MODE'] = mode
        env['LD_PRELOAD'] = self.shim
        cmd = [*wrapper, self.launcher, self.programs[name]]
        proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=60, text=True)
        if proc.returncode != 0 or not os.path.exists(out):
            die(f'{name} did not present a frame (exit {proc.returncode}): {proc.stderr.strip()}')
        with open(out) as f:
            fields = dict(kv.split('=', 1) for kv in f.read().split())
        result = {k: int(v) for k, v in fields.items()}
        result['ms'] = (result['frame_ns'] - result['exec_ns']) / 1e6
        return result

    def rounds(self, mode, runs):
        samples = {name: [] for name in self.programs}
        for name in self.programs:       # warm-up: D-Bus activation, caches
            self.run(name, mode)
        for i in range(runs):
            order = list(self.programs)
            if i % 2:
                order.reverse()
            for name in order:
                samples[name].append(self.run(name, mode))
        return samples


def stats(values):
    return min(values), statistics.median(values), max(values)


def row(label, values, unit, fmt='{:.1f}'):
    lo, med, hi = stats(values)
    f = lambda v: fmt.format(v)
    return f'  {label:<22} {f(lo):>9} {f(med):>9} {f(hi):>9}  {unit}'


def header(runs):
    print(f'  {"":<22} {"min":>9} {"median":>9} {"max":>9}   ({runs} interleaved runs each)')


def describe_renderer(warm=True):
    return ('renderer: GSK_RENDERER=cairo, GDK_DEBUG=gl-disable, GDK_BACKEND=x11 '
            '(Xvfb, private session bus' + (', warm after one discarded run each)' if warm else ')'))


def bench_start(runner, runs):
    samples = runner.rounds('frame', runs)
    print('Start-up: exec → first frame presented (logged out)')
    print('  ' + describe_renderer())
    header(runs)
    for name, results in samples.items():
        print(row(name, [r['ms'] for r in results], 'ms'))
    floor = statistics.median(r['ms'] for r in samples['floor'])
    app = statistics.median(r['ms'] for r in samples['chushuitong'])
    ratio = app / floor
    print(f'  ratio of medians: {ratio:.2f}× the floor (goal ≤ 1.25×) — '
          f'{"met" if ratio <= 1.25 else "NOT met"}')
    return ratio


def bench_memory(runner, runs):
    samples = runner.rounds('memory', runs)
    print('Memory: 1 s after the first frame (/proc/PID/smaps_rollup)')
    print('  ' + describe_renderer())
    header(runs)
    for key, label in (('rss_kb', 'RSS'), ('pss_kb', 'PSS')):
        for name, results in samples.items():
            print(row(f'{label} {name}', [r[key] / 1024 for r in results], 'MiB'))
    ratios = {}
    for key in ('rss_kb', 'pss_kb'):
        floor = statistics.median(r[key] for r in samples['floor'])
        app = statistics.median(r[key] for r in samples['chushuitong'])
        ratios[key] = app / floor
    print(f'  ratio of medians: RSS {ratios["rss_kb"]:.2f}×, PSS {ratios["pss_kb"]:.2f}× '
          f'the floor (goal ≤ 1.5× for both) — {"met" if max(ratios.values()) <= 1.5 else "NOT met"}')
    return ratios


CALLGRIND_TOTAL = re.compile(r'^(?:summary|totals): (\d+)', re.M)


def bench_callgrind(runner, runs):
    """Instructions from exec to the first frame, which do not depend on
    the load of the machine (unlike the times of bench_start)."""
    if shutil.which('valgrind') is None:
        print('Start-up instructions: skipped (valgrind missing)')
        return None
    totals = {name: [] for name in runner.programs}
    for i in range(runs):
        order = list(runner.programs)
        if i % 2:
            order.reverse()
        for name in order:
            out = os.path.join(runner.tmp, f'callgrind.{name}.{i}')
            # bench-exec execs the program: callgrind follows it and writes
            # its counts when the shim ends the process at the first frame.
            runner.run(name, 'frame',
                       wrapper=['valgrind', '--tool=callgrind', '--trace-children=yes',
                                f'--callgrind-out-file={out}.%p'])
            counts = []
            for path in os.listdir(runner.tmp):
                if path.startswith(f'callgrind.{name}.{i}.'):
                    with open(os.path.join(runner.tmp, path)) as f:
                        m = CALLGRIND_TOTAL.search(f.read())
                    if m:
                        counts.append(int(m.group(1)))
            if not counts:
                die(f'callgrind wrote no counts for {name}')
            totals[name].append(max(counts))   # the program, not bench-exec
    print('Start-up instructions: exec → first frame (valgrind --tool=callgrind, all threads)')
    print('  ' + describe_renderer(warm=False))
    header(runs)
    for name, values in totals.items():
        print(row(name, [v / 1e6 for v in values], 'M instructions', '{:.0f}'))
    floor = statistics.median(totals['floor'])
    app = statistics.median(totals['chushuitong'])
    print(f'  ratio of medians: {app / floor:.2f}× the floor (independent of the load; '
          'GTK loads the icon theme in a thread, and whether the main thread then loads it '
          'again moves both programs by ~65 M between runs)')
    return app / floor


STRACE_LINE = re.compile(r'^(?:\[pid\s+)?(\d+)\]?\s+(\d+\.\d+)\s+(\w+)\((.*)$')


def bench_io(runner):
    """What start-up touches before the first frame, by thread."""
    if shutil.which('strace') is None or shutil.which('dbus-monitor') is None:
        print('Start-up I/O: skipped (strace or dbus-monitor missing)')
        return True
    runner.run('chushuitong', 'frame')      # warm
    trace = os.path.join(runner.tmp, 'strace.txt')
    bus = os.path.join(runner.tmp, 'dbus.txt')
    monitor = subprocess.Popen(['dbus-monitor', '--session', '--profile'],
                               stdout=open(bus, 'w'), stderr=subprocess.DEVNULL)
    try:
        import time
        time.sleep(0.3)
        result = runner.run('chushuitong', 'memory',
                            wrapper=['strace', '-f', '-ttt', '-qq', '-o', trace,
                                     '-e', 'trace=openat,connect'])
        time.sleep(0.2)
    finally:
        monitor.terminate()
        monitor.wait()
    frame = result['frame_real_us'] / 1e6
    main_pid = None
    before = []
    db_opens = []
    with open(trace) as f:
        for line in f:
            m = STRACE_LINE.match(line)
            if not m:
                continue
            pid, t, call, rest = int(m.group(1)), float(m.group(2)), m.group(3), m.group(4)
            if main_pid is None:
                main_pid = pid
            if runner.db in rest:
                db_opens.append((t - frame, pid == main_pid))
            if t < frame:
                before.append((pid == main_pid, call, rest))
    secrets = []
    with open(bus) as f:
        for line in f:
            parts = line.split('\t')
            if len(parts) > 5 and parts[0] in ('mc', 'sig') and 'org.freedesktop.secrets' in line \
               or (len(parts) > 5 and '/org/freedesktop/secrets' in line and parts[0] == 'mc'):
                secrets.append(float(parts[1]) - frame)
    connects = [r for main, c, r in before if c == 'connect']
    print('Start-up I/O before the first frame (strace -f -e openat,connect; dbus-monitor)')
    print(f'  openat calls before the first frame: {sum(1 for b in before if b[1] == "openat")}, '
          f'connect calls: {len(connects)}')
    for c in connects:
        addr = re.search(r'sun_path=@?"([^"]*)"', c)
        print(f'    connect {addr.group(1) if addr else c[:60]}')
    if db_opens:
        first = min(db_opens)
        print(f'  identity.db opened {first[0] * 1000:+.0f} ms from the first frame '
              f'({"main thread" if first[1] else "a worker thread"})')
    else:
        print('  identity.db: not opened at all during start-up + 1 s (opened on first use)')
    if secrets:
        print(f'  first keyring (Secret Service) call {min(secrets) * 1000:+.0f} ms from the first frame')
    else:
        print('  keyring: no Secret Service call during start-up + 1 s')
    ok = all(t > 0 for t, _ in db_opens) and all(t > 0 for t in secrets) and \
        not any(main for _, main in db_opens)
    print(f'  nothing blocks on the database or keyring before the first frame: {"yes" if ok else "NO"}')
    return ok


def main():
    if len(sys.argv) < 3:
        die('usage: startup.py BUILD_DIR start|memory|io|callgrind [RUNS]')
    runner = Runner(sys.argv[1])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    try:
        what = sys.argv[2]
        if what == 'start':
            bench_start(runner, runs)
        elif what == 'memory':
            bench_memory(runner, runs)
        elif what == 'io':
            bench_io(runner)
        elif what == 'callgrind':
            bench_callgrind(runner, runs)
        else:
            die(f'unknown benchmark {what}')
    finally:
        runner.close()


if __name__ == '__main__':
    main()
