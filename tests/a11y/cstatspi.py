# cstatspi.py — drive the real chushuitong binary through AT-SPI only
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a screen reader or a switch user has, nothing more: the accessible
# tree of the app (roles, names, descriptions, states, relations, actions)
# and synthesized key and pointer events. No test hooks inside the app.
#
# The scenario scripts import this with /usr/bin/python3 (the system Python
# has gi). Each App() starts one chushuitong on a fresh database seeded by
# `chushuitong-admin seed-demo`, inside the headless session that the
# caller provides (build-aux/headless-session; see run-in-session below).

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from gi.repository import GLib  # noqa: E402

DEFAULT_TIMEOUT = float(os.environ.get('CST_A11Y_TIMEOUT', '10'))

# The demo data of `seed-demo` (src/auth/cst-local-backend.h).
DEMO_ID_NUMBER = '420106199001011231'
DEMO_PHONE = '13800001234'
DEMO_USERNAME = 'zhangsan'
DEMO_PASSWORD = 'Chushuitong@2026'
DEMO_ENTERPRISE_CODE = '91420100MA4K5T8Q2P'
DEMO_ENTERPRISE_NAME = '武汉示例科技有限公司'
DEMO_PHONE_2 = '13900005678'

# Names a screen reader would read when nobody named a widget: GTK 4.8
# falls back to the type name.
TYPE_NAME_RE = re.compile(r'^(Gtk|Adw|Cst)[A-Z][A-Za-z]*$')

ACTIONABLE_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box',
    'menu item', 'check menu item', 'radio menu item', 'page tab', 'link',
    'switch', 'spin button', 'slider', 'list item', 'menu button',
}
EDITABLE_ROLES = {'text', 'password text', 'entry', 'spin button'}


class Failure(AssertionError):
    pass


def log(*args):
    print('#', *args, flush=True)


def states_of(obj):
    try:
        return {s.value_nick for s in obj.get_state_set().get_states()}
    except GLib.Error:
        return set()


def name_of(obj):
    try:
        return obj.get_name() or ''
    except GLib.Error:
        return ''


def role_of(obj):
    try:
        return obj.get_role_name() or ''
    except GLib.Error:
        return ''


def description_of(obj):
    try:
        return obj.get_description() or ''
    except GLib.Error:
        return ''


def described_text(obj):
    """What a screen reader reads after the name: the description, else the
    objects it is described by (GTK 4.8 computes no description from those)."""
    text = description_of(obj)
    if text:
        return text
    return ' '.join(name_of(t) or text_of(t)
                    for t in relation_targets(obj, Atspi.RelationType.DESCRIBED_BY))


def actions_of(obj):
    try:
        n = Atspi.Action.get_n_actions(obj)
    except (GLib.Error, TypeError, AttributeError):
        return []
    names = []
    for i in range(n):
        try:
            names.append(Atspi.Action.get_action_name(obj, i))
        except GLib.Error:
            names.append('')
    return names


def children_of(obj):
    try:
        n = obj.get_child_count()
    except GLib.Error:
        return []
    kids = []
    for i in range(n):
        try:
            child = obj.get_child_at_index(i)
        except GLib.Error:
            child = None
        if child is not None:
            kids.append(child)
    return kids


def relation_targets(obj, relation_type):
    targets = []
    try:
        relations = obj.get_relation_set()
    except GLib.Error:
        return targets
    for rel in relations:
        if rel.get_relation_type() == relation_type:
            for i in range(rel.get_n_targets()):
                targets.append(rel.get_target(i))
    return targets


def extents_of(obj):
    """(x, y, width, height) relative to the window, or None without Component."""
    try:
        ext = obj.get_extents(Atspi.CoordType.WINDOW)
    except GLib.Error:
        return None
    return ext.x, ext.y, ext.width, ext.height


def text_of(obj):
    """The text of a label or entry, through the Text interface."""
    try:
        n = Atspi.Text.get_character_count(obj)
        return Atspi.Text.get_text(obj, 0, n)
    except (GLib.Error, TypeError, AttributeError):
        return ''


def describe(obj):
    return f'[{role_of(obj)}] {name_of(obj)!r}'


def path_of(obj):
    """The chain of roles and names from the window down to @obj."""
    parts = []
    node = obj
    while node is not None:
        role = role_of(node)
        if role in ('application', 'desktop frame', ''):
            break
        name = name_of(node)
        parts.append(f'{role}' + (f' {name!r}' if name and role not in ('label',) else ''))
        try:
            node = node.get_parent()
        except GLib.Error:
            break
    return ' > '.join(reversed(parts))


def walk(obj, depth=0, max_depth=60):
    """Every object under @obj that GTK exposes, depth first."""
    yield obj, depth
    if depth >= max_depth:
        return
    for child in children_of(obj):
        yield from walk(child, depth + 1, max_depth)


def pump(seconds=0.0):
    """Lets AT-SPI events reach their listeners (they need the main context)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while context.pending():
            context.iteration(False)
        if time.monotonic() >= end:
            return
        time.sleep(min(0.01, max(0.0, end - time.monotonic())))


def wait_until(predicate, timeout=DEFAULT_TIMEOUT, what='condition', interval=0.05):
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        pump()
        try:
            value = predicate()
            if value:
                return value
        except GLib.Error as e:  # the tree changes under us
            last_error = e
        if time.monotonic() > deadline:
            raise Failure(f'timed out after {timeout:.0f}s waiting for {what}'
                          + (f' (last error: {last_error.message})' if last_error else ''))
        pump(interval)


class Events:
    """Records the AT-SPI events a screen reader would hear: name and
    description changes, busy and invalid state changes."""

    KINDS = ('object:property-change:accessible-name',
             'object:property-change:accessible-description',
             'object:state-changed:busy',
             'object:state-changed:invalid-entry',
             'object:state-changed:focused')

    def __init__(self):
        self.seen = []
        self.listener = Atspi.EventListener.new(self._on_event)
        for kind in self.KINDS:
            self.listener.register(kind)

    def _on_event(self, event):
        try:
            source = event.source
            self.seen.append((time.monotonic(), event.type, event.detail1, source,
                              name_of(source), description_of(source)))
        except GLib.Error:
            pass

    def clear(self):
        pump()
        self.seen.clear()

    def of(self, kind, source=None):
        pump()
        return [e for e in self.seen if e[1].startswith(kind) and (source is None or e[3] == source)]

    def close(self):
        for kind in self.KINDS:
            self.listener.deregister(kind)


class App:
    """One run of the real binary on a fresh, seeded database."""

    def __init__(self, *app_args, seed=True):
        self.tmp = tempfile.mkdtemp(prefix='cst-a11y.')
        self.db = os.path.join(self.tmp, 'identity.db')
        builddir = os.environ.get('CST_BUILDDIR')
        if not builddir:
            raise Failure('CST_BUILDDIR is not set (run through meson test)')
        self.binary = os.path.join(builddir, 'src', 'chushuitong')
        self.admin_binary = os.path.join(builddir, 'src', 'admin', 'chushuitong-admin')
        if seed:
            self.admin('seed-demo')
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)  # the point: the real AT-SPI backend
        env.update(GSK_RENDERER='cairo', GDK_DEBUG='gl-disable', GDK_BACKEND='x11',
                   LANGUAGE='C', LC_ALL='C.UTF-8', ADW_DISABLE_PORTAL='1',
                   GSETTINGS_BACKEND='memory', CST_BUILD_TREE='1',
                   GSETTINGS_SCHEMA_DIR=os.path.join(builddir, 'data'))
        self.log_path = os.path.join(self.tmp, 'app.log')
        self.log_file = open(self.log_path, 'w')
        self.proc = subprocess.Popen([*os.environ.get("CST_A11Y_WRAPPER", "").split(), self.binary, '--database', self.db, *app_args],
                                     env=env, stdout=self.log_file, stderr=subprocess.STDOUT)
        self.app = wait_until(self._find_app, timeout=20, what='the app on the AT-SPI bus')
        self.window = wait_until(lambda: self._main_window(), timeout=20, what='the main window')
        self._origin = None

    # -- process ----------------------------------------------------------

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for app in children_of(desktop):
            try:
                # Under CST_A11Y_WRAPPER (gdb, valgrind) the app is a child of the wrapper.
                ours = (app.get_process_id() == self.proc.pid
                        or (os.environ.get('CST_A11Y_WRAPPER') and name_of(app) == 'chushuitong'))
                if ours and app.get_child_count() > 0:
                    return app
            except GLib.Error:
                continue
        if self.proc.poll() is not None:
            raise Failure(f'chushuitong exited with {self.proc.returncode}: {self.app_log()}')
        return None

    def _main_window(self):
        for w in children_of(self.app):
            if role_of(w) == 'frame' and name_of(w) == 'Chushuitong Desktop':
                return w
        return None

    def app_log(self):
        if not self.log_file.closed:
            self.log_file.flush()
        with open(self.log_path) as f:
            return f.read()

    def admin(self, *args):
        result = subprocess.run([self.admin_binary, '--database', self.db, *args],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise Failure(f'chushuitong-admin {" ".join(args)}: {result.stderr.strip()}')
        return result.stdout

    def sms_code(self, phone, after=0):
        """The newest code sent to @phone, once more than @after codes went there."""
        def newest():
            codes = [m.group(1) for line in self.admin('sms-outbox').splitlines()
                     if phone in line for m in [re.search(r'(?<!\d)(\d{6})(?!\d)', line.split(phone, 1)[1])] if m]
            return codes[-1] if len(codes) > after else None
        return wait_until(newest, what=f'an SMS code for {phone}')

    def sms_count(self, phone):
        return sum(1 for line in self.admin('sms-outbox').splitlines() if phone in line)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()
        # The headless session has no notification server: the local SMS
        # gateway's GNotification then warns, and the outbox has the code.
        warnings = [line for line in self.app_log().splitlines()
                    if ('CRITICAL' in line or 'WARNING' in line)
                    and 'org.freedesktop.Notifications' not in line]
        shutil.rmtree(self.tmp, ignore_errors=True)
        return warnings

    # -- the tree -----------------------------------------------------------

    def windows(self):
        return [w for w in children_of(self.app) if role_of(w) in ('frame', 'dialog', 'alert', 'window')]

    def top(self):
        """The window that has the focus (a dialog over the main window), else the main one."""
        for w in self.windows():
            if w != self.window and states_of(w) & {'active', 'modal'}:
                return w
        return self.window

    def dialog(self, timeout=DEFAULT_TIMEOUT):
        """The window over the main one (a message dialog). Without a window
        manager nothing is 'active': a modal dialog is what is on top."""
        return wait_until(lambda: next((w for w in self.windows()
                                        if w != self.window and states_of(w) & {'active', 'modal'}), None),
                          timeout=timeout, what='a dialog over the main window')

    def find_all(self, role=None, name=None, root=None, pred=None, name_re=None):
        found = []
        roots = [root] if root is not None else self.windows()
        for r in roots:
            for obj, _ in walk(r):
                if role is not None and role_of(obj) != role:
                    continue
                if name is not None and name_of(obj) != name:
                    continue
                if name_re is not None and not re.search(name_re, name_of(obj)):
                    continue
                if pred is not None and not pred(obj):
                    continue
                found.append(obj)
        return found

    def find(self, role=None, name=None, root=None, pred=None, name_re=None, timeout=DEFAULT_TIMEOUT):
        what = f'[{role or "*"}] {name if name is not None else name_re!r}'

        def first():
            hits = self.find_all(role=role, name=name, root=root, pred=pred, name_re=name_re)
            return hits[0] if hits else None
        return wait_until(first, timeout=timeout, what=what)

    def gone(self, role=None, name=None, root=None, timeout=DEFAULT_TIMEOUT):
        wait_until(lambda: not self.find_all(role=role, name=name, root=root), timeout=timeout,
                   what=f'[{role}] {name!r} to go away')

    def focused(self):
        """The object that has the keyboard focus, searched from the active window."""
        for obj, _ in walk(self.top()):
            if 'focused' in states_of(obj):
                return obj
        return None

    def title(self):
        """The header bar's title: what the window says the page is."""
        for obj, _ in walk(self.window):
            if role_of(obj) == 'filler' and name_of(obj) == 'AdwWindowTitle':
                labels = [c for c, _ in walk(obj) if role_of(c) == 'label']
                return name_of(labels[0]) if labels else ''
        return ''

    def wait_title(self, title, timeout=DEFAULT_TIMEOUT):
        wait_until(lambda: self.title() == title, timeout=timeout,
                   what=f'the page titled {title!r} (now {self.title()!r})')

    # -- doing things ---------------------------------------------------------

    def act(self, obj, action=None):
        names = actions_of(obj)
        if not names:
            raise Failure(f'{describe(obj)} has no action')
        index = names.index(action) if action is not None else 0
        wait_until(lambda: 'sensitive' in states_of(obj), what=f'{describe(obj)} to be sensitive')
        Atspi.Action.do_action(obj, index)

    def click(self, role, name=None, root=None, action=None, name_re=None):
        """Its AT-SPI action; a pointer click for what GTK 4.8 gives none
        (activatable list rows, check buttons)."""
        obj = self.find(role, name, root=root, name_re=name_re)
        if actions_of(obj):
            self.act(obj, action)
        else:
            wait_until(lambda: 'sensitive' in states_of(obj), what=f'{describe(obj)} to be sensitive')
            self.mouse_click(obj)
        return obj

    def _window_origin(self, window):
        """The X origin of @window: AT-SPI extents are window-relative in GTK 4."""
        title = name_of(window)
        tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True).stdout
        for line in tree.splitlines():
            m = re.match(r'\s*(0x[0-9a-f]+) "(.*)": .* (\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)', line)
            if m and m.group(2) == title:
                return int(m.group(5)), int(m.group(6))
        raise Failure(f'no X window titled {title!r}')

    def window_of(self, obj):
        node = obj
        while node is not None and role_of(node) not in ('frame', 'dialog', 'alert', 'window'):
            node = node.get_parent()
        return node

    def point_at(self, obj):
        window = self.window_of(obj)
        ox, oy = self._window_origin(window)
        ext = extents_of(obj)
        if ext is None or ext[2] <= 0 or ext[3] <= 0:
            raise Failure(f'{describe(obj)} has no extents')
        x, y, width, height = ext
        return ox + x + width // 2, oy + y + height // 2

    def settle(self, obj):
        """Waits for @obj to stop moving (a page sliding in)."""
        last = [None]

        def still():
            now = extents_of(obj)
            steady = now is not None and now == last[0] and now[2] > 0
            last[0] = now
            return steady
        wait_until(still, what=f'{describe(obj)} to stop moving', interval=0.1)

    def mouse_click(self, obj):
        """For what has no action (a check box in GTK 4.8) or to focus an entry."""
        self.settle(obj)
        x, y = self.point_at(obj)
        Atspi.generate_mouse_event(x, y, 'b1c')

    def type_into(self, obj, text):
        """Puts the caret in @obj with the pointer, types @text, and reads it back.

        A pointer click turns GTK's focus-visible off, and GTK 4.8 reports
        the focused state only with visible focus: the text that arrives is
        the proof here (the keyboard test checks focus itself)."""
        self.mouse_click(obj)
        time.sleep(0.15)
        self.key('End')
        for _ in text_of(obj):
            self.key('BackSpace')
        self.type_text(text)
        wait_until(lambda: len(text_of(obj)) == len(text),
                   what=f'{describe(obj)} to hold the {len(text)} characters typed (has {text_of(obj)!r})')

    def _focus_inside(self, obj):
        return any('focused' in states_of(c) for c, _ in walk(obj, max_depth=6))

    def select_all_and_delete(self):
        self.key('a', ctrl=True)
        self.key('BackSpace')

    def type_text(self, text):
        for ch in text:
            Atspi.generate_keyboard_event(0, ch, Atspi.KeySynthType.STRING)
        # Let the app take in the last key before anyone reads the state.
        time.sleep(0.05)

    def key(self, keyname, ctrl=False, shift=False, alt=False):
        """Presses one key by keysym name (Tab, Return, Escape, space, Down …)."""
        # The keysym of Shift+Tab; atspi would otherwise drop the Shift.
        if keyname == 'Tab' and shift:
            keyname = 'ISO_Left_Tab'
        keysym = KEYSYMS.get(keyname)
        if keysym is None:
            if len(keyname) == 1:
                keysym = ord(keyname)
            else:
                raise Failure(f'unknown key {keyname}')
        # Held modifier keys do not survive atspi's keysym synthesis: lock
        # the modifier state around the key instead (Shift, Control, Mod1).
        mask = (1 if shift and keyname != 'ISO_Left_Tab' else 0) | (4 if ctrl else 0) | (8 if alt else 0)
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        finally:
            if mask:
                Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        time.sleep(0.03)


KEYSYMS = {
    'Tab': 0xff09, 'ISO_Left_Tab': 0xfe20, 'Return': 0xff0d, 'Escape': 0xff1b,
    'BackSpace': 0xff08, 'space': 0x20, 'Left': 0xff51, 'Up': 0xff52,
    'Right': 0xff53, 'Down': 0xff54, 'Home': 0xff50, 'End': 0xff57,
    'Control_L': 0xffe3, 'Shift_L': 0xffe1, 'Alt_L': 0xffe9, 'F10': 0xffc7,
}


class Tap:
    """TAP output: one subtest per scenario, with its findings as comments."""

    def __init__(self):
        self.tests = []

    def add(self, name, fn):
        self.tests.append((name, fn))

    def run(self, only=None):
        unknown = set(only or ()) - {name for name, _ in self.tests}
        if unknown:
            # A name that runs nothing must not read as a pass.
            print('Bail out! no such subtest: ' + ', '.join(sorted(unknown)), flush=True)
            return 1
        tests = [t for t in self.tests if only is None or t[0] in only]
        print(f'1..{len(tests)}', flush=True)
        failed = 0
        for i, (name, fn) in enumerate(tests, 1):
            start = time.monotonic()
            try:
                fn()
            except Exception as e:  # noqa: BLE001 — report every failure as TAP
                failed += 1
                for line in str(e).splitlines() or [repr(e)]:
                    log(line)
                if not isinstance(e, Failure):
                    import traceback
                    for line in traceback.format_exc().splitlines():
                        log(line)
                print(f'not ok {i} {name}', flush=True)
            else:
                print(f'ok {i} {name} # {time.monotonic() - start:.1f}s', flush=True)
        return 1 if failed else 0


def in_session(argv):
    """Re-executes @argv inside build-aux/headless-session unless already in one."""
    if os.environ.get('CST_HEADLESS_SESSION') and os.environ.get('AT_SPI_BUS_ADDRESS'):
        return
    session = os.path.join(os.environ['CST_SRCDIR'], 'build-aux', 'headless-session')
    os.execv(session, [session, sys.executable, *argv])
