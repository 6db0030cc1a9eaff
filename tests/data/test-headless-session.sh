#!/usr/bin/env bash
# test-headless-session.sh — build-aux/headless-session does what it says
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-headless-session.sh HEADLESS-SESSION GTK-WINDOW-PROBE
# Prints TAP. Starts its own sessions, so it also runs inside one.

set -uo pipefail

session=$1 probe=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/cst-session-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n $1"; [ -n "${2:-}" ] && sed 's/^/# /' <<<"$2"; return 0; }
check () { local what=$1; shift; local out; if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what" "$out"; fi; }

# One session does the checks that need to look from inside; it records
# its private directory so that the clean-up can be checked from outside.
inside=$(cat <<'INNER'
set -u
echo "$CST_HEADLESS_SESSION" >"$1/session-dir"
fail () { echo "$*" >&2; exit 1; }
case $HOME in "$CST_HEADLESS_SESSION"/*) ;; *) fail "HOME=$HOME is not private" ;; esac
for v in XDG_RUNTIME_DIR XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME; do
  case ${!v} in "$CST_HEADLESS_SESSION"/*) ;; *) fail "$v=${!v} is not private" ;; esac
done
[ "$(stat -c %a "$XDG_RUNTIME_DIR")" = 700 ] || fail "XDG_RUNTIME_DIR is not mode 700"
[ -z "${WAYLAND_DISPLAY:-}" ] || fail "WAYLAND_DISPLAY leaked in"
case $DBUS_SESSION_BUS_ADDRESS in *"$CST_HEADLESS_SESSION"*) ;; *) fail "the session bus is not private" ;; esac
echo "env ok"
INNER
)

out=$("$session" bash -c "$inside" inside "$work" 2>&1)
status=$?
if [ $status -eq 0 ]; then ok "a private HOME, XDG dirs and session bus"; else not_ok "a private HOME, XDG dirs and session bus" "$out"; fi
dir=$(cat "$work/session-dir" 2>/dev/null)
check "the session directory is removed at exit" test -n "$dir" -a ! -e "$dir"

leftovers ()
{
  local pid entry
  for pid in /proc/[0-9]*; do
    while IFS= read -r -d '' entry; do
      [ "$entry" = "CST_HEADLESS_SESSION=$dir" ] && { echo "left running: ${pid#/proc/} $(tr '\0' ' ' <"$pid/cmdline")"; break; }
    done 2>/dev/null <"$pid/environ" || true
  done
}
out=$(leftovers)
if [ -z "$out" ] && [ -n "$dir" ]; then ok "nothing it started is left running"; else not_ok "nothing it started is left running" "$out"; fi

"$session" sh -c 'exit 7' >/dev/null 2>&1
status=$?
if [ $status -eq 7 ]; then ok "returns the command's exit status"; else not_ok "returns the command's exit status" "got $status"; fi

check "stdin reaches the command" \
  test "$(printf 'through\n' | "$session" cat)" = through

check "the keyring stores and finds a secret" \
  "$session" sh -c 'printf %s "probe-secret" | secret-tool store --label="cst probe" cst-probe yes &&
                    test "$(secret-tool lookup cst-probe yes)" = probe-secret'

check "the AT-SPI bus answers and toolkit-accessibility is on" \
  "$session" sh -c 'test -n "$AT_SPI_BUS_ADDRESS" &&
                    gdbus call --address "$AT_SPI_BUS_ADDRESS" --dest org.a11y.atspi.Registry \
                      --object-path /org/a11y/atspi/accessible/root \
                      --method org.freedesktop.DBus.Peer.Ping >/dev/null &&
                    test "$(GSETTINGS_BACKEND=dconf gsettings get org.gnome.desktop.interface toolkit-accessibility)" = true'

if [ -x /usr/bin/python3 ] && command -v xwininfo >/dev/null; then
  check "a GTK window appears on its X server" \
    env GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable "$session" /usr/bin/python3 "$probe" "cst-probe-$$"
else
  ok "a GTK window appears on its X server # SKIP /usr/bin/python3 or xwininfo missing"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
