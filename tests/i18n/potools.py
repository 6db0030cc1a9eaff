# potools.py — a small PO reader and TAP writer for the i18n checks
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads what msgmerge and msgattrib write (and the hand-written fragments):
# entries separated by blank lines, msgctxt / msgid / msgid_plural /
# msgstr / msgstr[N] with continuation lines, comments, obsolete entries
# (#~) skipped.

import re
import sys

_ESCAPES = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a',
            'b': '\b', 'f': '\f', 'v': '\v'}


def unescape (s):
    return re.sub (r'\\(.)', lambda m: _ESCAPES.get (m.group (1), m.group (1)), s)


class Entry:
    def __init__ (self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = None          # singular entries
        self.msgstr_plural = {}     # index → text
        self.flags = set ()
        self.comments = []          # '#.' extracted comments
        self.references = []        # '#:' lines
        self.line = 0

    @property
    def key (self):
        return (self.msgctxt, self.msgid)

    @property
    def label (self):
        return (self.msgctxt + '|' if self.msgctxt is not None else '') + self.msgid

    @property
    def translations (self):
        if self.msgid_plural is not None:
            return [self.msgstr_plural[i] for i in sorted (self.msgstr_plural)]
        return [self.msgstr or '']

    @property
    def translated (self):
        return all (self.translations) and 'fuzzy' not in self.flags

    @property
    def sources (self):
        """The extracted comment text and the English source texts."""
        return [self.msgid] + ([self.msgid_plural] if self.msgid_plural else [])


def parse (path):
    """Returns (header entry or None, [entries])."""
    with open (path, encoding='utf-8') as f:
        lines = f.read ().split ('\n')
    entries = []
    entry = Entry ()
    field = None

    def finish ():
        nonlocal entry, field
        if entry.msgid is not None:
            entries.append (entry)
        entry = Entry ()
        field = None

    for number, raw in enumerate (lines, 1):
        line = raw.strip ()
        if not line:
            finish ()
            continue
        if line.startswith ('#~'):
            continue
        if line.startswith ('#'):
            if field is not None and not line.startswith ('#,'):
                # A comment after the strings starts the next entry.
                finish ()
            if line.startswith ('#,'):
                entry.flags.update (f.strip () for f in line[2:].split (','))
            elif line.startswith ('#.'):
                entry.comments.append (line[2:].strip ())
            elif line.startswith ('#:'):
                entry.references.extend (line[2:].split ())
            continue
        m = re.match (r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if m:
            keyword, index, text = m.group (1), m.group (2), unescape (m.group (3))
            if keyword in ('msgctxt', 'msgid') and entry.msgid is not None:
                finish ()
            if keyword == 'msgctxt':
                entry.msgctxt = text
                entry.line = number
            elif keyword == 'msgid':
                entry.msgid = text
                entry.line = entry.line or number
            elif keyword == 'msgid_plural':
                entry.msgid_plural = text
            elif index is not None:
                entry.msgstr_plural[int (index)] = text
            else:
                entry.msgstr = text
            field = (keyword, index)
            continue
        m = re.match (r'^"(.*)"$', line)
        if m and field is not None:
            text = unescape (m.group (1))
            keyword, index = field
            if keyword == 'msgctxt':
                entry.msgctxt += text
            elif keyword == 'msgid':
                entry.msgid += text
            elif keyword == 'msgid_plural':
                entry.msgid_plural += text
            elif index is not None:
                entry.msgstr_plural[int (index)] += text
            else:
                entry.msgstr += text
            continue
        raise ValueError ('%s:%d: cannot read %r' % (path, number, raw))
    finish ()

    header = None
    if entries and entries[0].msgid == '' and entries[0].msgctxt is None:
        header = entries.pop (0)
    return header, entries


def header_fields (header):
    fields = {}
    for line in (header.msgstr or '').split ('\n'):
        if ':' in line:
            name, value = line.split (':', 1)
            fields[name.strip ()] = value.strip ()
    return fields


class Tap:
    """Prints TAP: one `ok`/`not ok` per check, diagnostics as # lines."""

    def __init__ (self):
        self.count = 0
        self.failed = 0

    def check (self, ok, what, problems=()):
        self.count += 1
        problems = list (problems)
        if ok and not problems:
            print ('ok %d %s' % (self.count, what))
        else:
            self.failed += 1
            print ('not ok %d %s' % (self.count, what))
            for problem in problems[:60]:
                for line in str (problem).split ('\n'):
                    print ('# ' + line)
            if len (problems) > 60:
                print ('# … and %d more' % (len (problems) - 60))
        sys.stdout.flush ()

    def skip (self, what, why):
        self.count += 1
        print ('ok %d %s # SKIP %s' % (self.count, what, why))

    def done (self):
        print ('1..%d' % self.count)
        return 1 if self.failed else 0


def _compare (catalogue, fragments):
    """What build-aux/update-translations reports about the fragments."""
    _, entries = parse (catalogue)
    by_key = {e.key: e for e in entries}
    for fragment in fragments:
        _, fragment_entries = parse (fragment)
        for f in fragment_entries:
            e = by_key.get (f.key)
            if e is None:
                print ('  %s:%d: "%s" is not a message of the sources (not merged)'
                       % (fragment, f.line, f.label))
            elif e.translated and all (f.translations) and e.translations != f.translations[:len (e.translations)]:
                print ('  %s:%d: "%s": kept "%s", the fragment says "%s"'
                       % (fragment, f.line, f.label, ' | '.join (e.translations),
                          ' | '.join (f.translations)))


if __name__ == '__main__':
    if len (sys.argv) >= 3 and sys.argv[1] == 'compare':
        _compare (sys.argv[2], sys.argv[3:])
    else:
        sys.exit ('usage: potools.py compare CATALOGUE FRAGMENT…')
