#!/usr/bin/env python3
# check-ui-strings.py — every string a user sees in a .ui file is translatable
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-ui-strings.py SRC-DIR [FILE.ui…]
#
# Parses every GtkBuilder file under SRC-DIR and fails when user text is
# not marked translatable="yes": the text properties (label, title,
# subtitle, tooltip-text, placeholder-text, text, description, heading,
# body, …, and custom ones named *-text, *-label, *-title), accessible
# labels and descriptions, menu labels, items of string lists, message
# dialog responses, level bar offsets excluded. A string without a letter
# ("", "·", "1") is not text. translatable="no" is accepted only for the
# entries of ALLOWLIST, each with its reason. Also fails when a context
# or a comment is given to a string that is not translatable (it would be
# lost). Prints TAP, one test per file.

import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
import potools  # noqa: E402

TEXT_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup',
    'placeholder-text', 'text', 'description', 'heading', 'body',
    'secondary-text', 'button-label', 'dropdown-tooltip', 'comments',
    'copyright', 'developer-name', 'translator-credits', 'application-name',
    'release-notes', 'intro', 'message', 'summary', 'accelerator-label',
}
TEXT_SUFFIXES = ('-text', '-label', '-title', '-tooltip', '-heading', '-description')
# Properties whose names look like text but hold identifiers or values.
NOT_TEXT = {'icon-name', 'action-name', 'name', 'section-name', 'input-purpose',
            'use-markup', 'use-underline', 'title-widget', 'label-widget',
            'title-lines', 'subtitle-lines', 'mnemonic-widget', 'start-icon-name'}
ACCESSIBLE_TEXT = {'label', 'description', 'placeholder', 'role-description', 'value-text'}

TRUE = {'yes', 'true', '1', 'y', 't'}

# (file relative to the source root, element or property, text) → reason.
ALLOWLIST = {
}


def is_text (value):
    return value is not None and re.search (r'[^\W\d_]', value) is not None


def check_file (path, rel):
    problems = []
    try:
        tree = ET.parse (path)
    except ET.ParseError as e:
        return ['%s: not well-formed XML: %s' % (rel, e)]

    # ElementTree keeps no line numbers; find them by text in the source.
    with open (path, encoding='utf-8') as f:
        source_lines = f.read ().split ('\n')

    def line_of (element, text):
        needle = '>' + (text or '').split ('\n')[0]
        for number, line in enumerate (source_lines, 1):
            if needle in line and ('"%s"' % element.get ('name', '')) in line:
                return number
        for number, line in enumerate (source_lines, 1):
            if (text or '').split ('\n')[0] in line:
                return number
        return 0

    def check (element, what):
        text = element.text
        translatable = (element.get ('translatable') or '').lower ()
        if not is_text (text):
            return
        if translatable in TRUE:
            return
        key = (rel, what, text.strip ())
        line = line_of (element, text)
        if translatable in ('no', 'false', '0'):
            if key not in ALLOWLIST:
                problems.append ('%s:%d: %s "%s" is marked translatable="no" but is not in '
                                 'the allowlist of %s' % (rel, line, what, text.strip (),
                                                          os.path.basename (__file__)))
        elif key not in ALLOWLIST:
            problems.append ('%s:%d: %s "%s" is not marked translatable="yes"'
                             % (rel, line, what, text.strip ()))

    parents = {child: parent for parent in tree.iter () for child in parent}
    for element in tree.iter ():
        tag = element.tag
        parent = parents.get (element)
        translatable = (element.get ('translatable') or '').lower ()
        if translatable not in TRUE and (element.get ('context') or element.get ('comments')):
            problems.append ('%s:%d: "%s" has a context or translator comment but is not '
                             'translatable' % (rel, line_of (element, element.text),
                                               (element.text or '').strip ()))
        if tag == 'property':
            name = (element.get ('name') or '').replace ('_', '-')
            if parent is not None and parent.tag == 'accessibility':
                if name in ACCESSIBLE_TEXT:
                    check (element, 'accessible %s' % name)
            elif name not in NOT_TEXT and (name in TEXT_PROPERTIES or name.endswith (TEXT_SUFFIXES)):
                check (element, 'property %s' % name)
        elif tag == 'attribute':
            if element.get ('name') in ('label', 'title', 'description'):
                check (element, 'menu attribute %s' % element.get ('name'))
        elif tag == 'item' and parent is not None and parent.tag == 'items':
            check (element, 'string list item')
        elif tag == 'response' and parent is not None and parent.tag == 'responses':
            check (element, 'dialog response %s' % element.get ('id'))
        elif tag == 'mark' and parent is not None and parent.tag == 'marks':
            check (element, 'scale mark')
    return problems


def main ():
    if len (sys.argv) < 2:
        sys.exit ('usage: check-ui-strings.py SRC-DIR [FILE.ui…]')
    srcdir = os.path.abspath (sys.argv[1])
    root = os.path.dirname (srcdir)
    files = [os.path.abspath (f) for f in sys.argv[2:]]
    if not files:
        for base, dirs, names in os.walk (srcdir):
            dirs.sort ()
            files += [os.path.join (base, n) for n in sorted (names) if n.endswith ('.ui')]
    tap = potools.Tap ()
    if not files:
        tap.check (False, 'there are .ui files to check', ['no .ui file under %s' % srcdir])
    for path in files:
        rel = os.path.relpath (path, root)
        tap.check (True, rel + ': user text is translatable', check_file (path, rel))
    stale = [k for k in ALLOWLIST if not os.path.exists (os.path.join (root, k[0]))]
    tap.check (True, 'every allowlist entry names an existing file',
               ['%s: no such file (remove the entry)' % k[0] for k in stale])
    return tap.done ()


if __name__ == '__main__':
    sys.exit (main ())
