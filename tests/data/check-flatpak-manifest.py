#!/usr/bin/env python3
# check-flatpak-manifest.py — the data suite's checks of the Flatpak manifest
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   check-flatpak-manifest.py show FLATPAK-BUILDER MANIFEST
#       flatpak-builder --show-manifest must succeed with nothing on
#       stderr (it warns there about unknown or misspelt properties).
#   check-flatpak-manifest.py rules MANIFEST
#       the project's rules: required keys, exactly the agreed
#       finish-args, a pinned libsodium, the app built from this tree.
# Prints TAP.

import json
import os
import re
import subprocess
import sys
import tempfile

FINISH_ARGS = [
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--system-talk-name=net.reactivated.Fprint',
]

# Never, whatever else changes: no keyring bus access (the Secret portal
# serves libsecret in the sandbox), no raw devices, no files, no X11 alone.
FORBIDDEN = [
    (re.compile(r'^--(system-)?talk-name=org\.freedesktop\.secrets$'), 'talks to the keyring directly'),
    (re.compile(r'^--(system-)?own-name=org\.freedesktop\.secrets$'), 'owns the keyring name'),
    (re.compile(r'^--device=all$'), 'grants every device'),
    (re.compile(r'^--filesystem='), 'grants file system access'),
    (re.compile(r'^--socket=x11$'), 'uses X11 instead of fallback-x11'),
    (re.compile(r'^--socket=session-bus$'), 'grants the whole session bus'),
    (re.compile(r'^--socket=system-bus$'), 'grants the whole system bus'),
]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, what, detail=''):
        self.n += 1
        if ok:
            print(f'ok {self.n} {what}')
        else:
            self.failed += 1
            print(f'not ok {self.n} {what}')
            for line in str(detail).splitlines():
                print(f'# {line}')
        return ok

    def done(self):
        print(f'1..{self.n}')
        return 1 if self.failed else 0


def show(tap, flatpak_builder, manifest):
    # flatpak-builder leaves a .flatpak-builder state directory in its cwd.
    with tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.run([flatpak_builder, '--show-manifest', os.path.abspath(manifest)],
                              cwd=cwd, capture_output=True, text=True, timeout=120)
    tap.check(proc.returncode == 0, 'flatpak-builder --show-manifest succeeds',
              f'exit status {proc.returncode}\n{proc.stderr}')
    tap.check(proc.stderr.strip() == '', 'flatpak-builder prints nothing on stderr', proc.stderr)
    try:
        shown = json.loads(proc.stdout)
    except ValueError as e:
        shown = None
        tap.check(False, 'the shown manifest is JSON', e)
    if shown is not None:
        tap.check(shown.get('id') == json.load(open(manifest)).get('id'),
                  'the shown manifest is this manifest')


def rules(tap, manifest):
    try:
        with open(manifest, encoding='utf-8') as f:
            m = json.load(f)
    except ValueError as e:
        tap.check(False, 'the manifest is valid JSON', e)
        return
    tap.check(isinstance(m, dict), 'the manifest is a JSON object')
    if not isinstance(m, dict):
        return

    for key in ('id', 'runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'modules'):
        tap.check(key in m, f'has "{key}"')
    tap.check('app-id' not in m, 'uses "id", not the old "app-id"')

    app_id = m.get('id', '')
    expected_id = os.path.basename(manifest)[:-len('.json')]
    tap.check(app_id == expected_id, 'the id is the file name', f'{app_id!r} != {expected_id!r}')
    tap.check(app_id.endswith('.Devel'), 'the id is the development profile\'s', app_id)
    tap.check(m.get('runtime') == 'org.gnome.Platform', 'the runtime is org.gnome.Platform', m.get('runtime'))
    tap.check(m.get('sdk') == 'org.gnome.Sdk', 'the SDK is org.gnome.Sdk', m.get('sdk'))
    tap.check(isinstance(m.get('runtime-version'), str) and re.fullmatch(r'\d+', m.get('runtime-version', '')),
              'the runtime version is a GNOME release', m.get('runtime-version'))
    tap.check(m.get('command') == 'chushuitong', 'the command is chushuitong', m.get('command'))

    finish_args = m.get('finish-args', [])
    tap.check(finish_args == FINISH_ARGS, 'finish-args are exactly the agreed ones',
              f'have:     {finish_args}\nexpected: {FINISH_ARGS}')
    for arg in finish_args:
        for pattern, why in FORBIDDEN:
            tap.check(not pattern.search(arg), f'{arg} is allowed', f'{arg} {why}')

    modules = m.get('modules', [])
    tap.check(isinstance(modules, list) and len(modules) >= 2, 'has the libsodium and app modules')
    if not isinstance(modules, list) or not modules:
        return
    by_name = {mod.get('name'): mod for mod in modules if isinstance(mod, dict)}

    sodium = by_name.get('libsodium')
    if tap.check(sodium is not None, 'has a libsodium module'):
        sources = sodium.get('sources', [])
        archives = [s for s in sources if isinstance(s, dict) and s.get('type') == 'archive']
        tap.check(len(archives) == 1 and len(sources) == 1, 'libsodium comes from one release archive', sources)
        for s in archives:
            tap.check(str(s.get('url', '')).startswith('https://'), 'the archive is fetched over https', s.get('url'))
            tap.check(re.fullmatch(r'[0-9a-f]{64}', str(s.get('sha256', ''))) is not None,
                      'the archive is pinned by its sha256', s.get('sha256'))
            tap.check('1.0.18' in str(s.get('url', '')), 'the archive is libsodium 1.0.18', s.get('url'))

    app = modules[-1]
    tap.check(app.get('name') == 'chushuitong', 'the app is the last module', app.get('name'))
    tap.check(app.get('buildsystem') == 'meson', 'the app is built with meson', app.get('buildsystem'))
    tap.check('-Dprofile=development' in app.get('config-opts', []), 'the app is built with -Dprofile=development',
              app.get('config-opts'))
    tap.check(app.get('sources') == [{'type': 'dir', 'path': '..'}], 'the app is built from this source tree',
              app.get('sources'))
    top = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(manifest)), '..'))
    tap.check(os.path.isfile(os.path.join(top, 'meson.build')), 'the tree it points at has a meson.build', top)


def main(argv):
    tap = Tap()
    if len(argv) == 4 and argv[1] == 'show':
        show(tap, argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == 'rules':
        rules(tap, argv[2])
    else:
        print('usage: check-flatpak-manifest.py show FLATPAK-BUILDER MANIFEST | rules MANIFEST',
              file=sys.stderr)
        return 2
    return tap.done()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
