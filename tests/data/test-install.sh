#!/usr/bin/env bash
# test-install.sh — install the build into a temporary DESTDIR and check it
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.sh BUILD-DIR PREFIX APP-ID APPSTREAMCLI|'' LINGUAS-FILE
#
# `meson install` completes the build first if anything is out of date,
# so the tree checked is the whole build. Prints TAP.

set -uo pipefail

build_dir=$1 prefix=$2 app_id=$3 appstreamcli=$4 linguas=$5

destdir=$(mktemp -d "${TMPDIR:-/tmp}/cst-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT

n=0 failed=0
check ()
{
  local what=$1; shift
  n=$((n + 1))
  local out
  if out=$("$@" 2>&1); then
    echo "ok $n $what"
  else
    failed=$((failed + 1))
    echo "not ok $n $what"
    # The end of a build or validator log is the part that says why.
    tail -n 40 <<<"$out" | sed 's/^/# /'
  fi
}

check "meson install into a DESTDIR succeeds" \
  meson install -C "$build_dir" --destdir "$destdir" --quiet

root=$destdir$prefix
for file in \
    bin/chushuitong \
    bin/chushuitong-admin \
    "share/applications/$app_id.desktop" \
    "share/metainfo/$app_id.metainfo.xml" \
    share/glib-2.0/schemas/io.github.chushuitong.Desktop.gschema.xml \
    "share/icons/hicolor/scalable/apps/$app_id.svg" \
    "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  check "installs $file" test -s "$root/$file"
done
check "the binaries are executable" test -x "$root/bin/chushuitong" -a -x "$root/bin/chushuitong-admin"
check "the desktop file names the installed icon" \
  grep -qx "Icon=$app_id" "$root/share/applications/$app_id.desktop"

while read -r lang; do
  case $lang in ''|'#'*) continue ;; esac
  check "installs the $lang catalogue" test -s "$root/share/locale/$lang/LC_MESSAGES/chushuitong.mo"
done <"$linguas"

if [ -n "$appstreamcli" ]; then
  check "appstreamcli validate-tree accepts the installed tree" \
    "$appstreamcli" validate-tree --no-net "$root"
else
  echo "ok $((n += 1)) # SKIP appstreamcli not found"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
