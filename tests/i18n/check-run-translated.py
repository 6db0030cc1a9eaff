#!/usr/bin/env python3
# check-run-translated.py — the binary speaks the desktop's language
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-run-translated.py CHUSHUITONG PO-DIR LANG…
#
# Runs `chushuitong --help` (it needs no display) from the build tree as
# the README says, CST_BUILD_TREE=1 with the C.UTF-8 locale, and checks
# that LANGUAGE=LANG shows each option's description as po/LANG.po
# translates it, and that LANGUAGE=C shows the English. This is main.c's
# setlocale / bindtextdomain at work, with the catalogues the build made.
# Prints TAP.

import os
import subprocess
import sys

sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
import potools  # noqa: E402

OPTIONS = ['Show the version and exit',
           'Use the identity database at PATH instead of the default one']


def run (binary, language):
    env = dict (os.environ, CST_BUILD_TREE='1', LC_ALL='C.UTF-8', LANGUAGE=language)
    env.pop ('LANG', None)
    result = subprocess.run ([binary, '--help'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env=env, timeout=30)
    return result.returncode, result.stdout.decode ('utf-8', 'replace')


def main ():
    if len (sys.argv) < 4:
        sys.exit ('usage: check-run-translated.py CHUSHUITONG PO-DIR LANG…')
    binary, podir, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
    tap = potools.Tap ()

    status, output = run (binary, 'C')
    missing = [o for o in OPTIONS if o not in output]
    tap.check (status == 0 and not missing, 'LANGUAGE=C: the help is in English',
               ['exit status %d' % status] * (status != 0)
               + ['"%s" is not in the output' % o for o in missing])

    for language in languages:
        _, entries = potools.parse (os.path.join (podir, language + '.po'))
        translations = {e.msgid: e.msgstr for e in entries if e.msgctxt is None}
        status, output = run (binary, language)
        problems = ['exit status %d' % status] if status != 0 else []
        for option in OPTIONS:
            wanted = translations.get (option)
            if not wanted:
                problems.append ('po/%s.po does not translate "%s"' % (language, option))
            elif wanted not in output:
                problems.append ('"%s" ("%s") is not in the output' % (wanted, option))
        if problems:
            problems += ['output:'] + output.strip ().split ('\n')
        tap.check (True, 'LANGUAGE=%s: the help is in %s' % (language, language), problems)

    return tap.done ()


if __name__ == '__main__':
    sys.exit (main ())
