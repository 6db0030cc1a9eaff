#!/usr/bin/python3
# audit.py — what a screen reader finds on every page and dialog
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: audit.py [GROUP…]   (TAP; one subtest per group of pages)
#
# Visits each page and dialog of the real app through AT-SPI and fails on:
#   - an actionable or editable object without a name;
#   - a name that is a widget type name (GtkListBox, AdwActionRow …), which
#     is what GTK 4.8 reads for an unnamed widget;
#   - an inactive stack page still exposed (two pages of one stack);
#   - an image neither described nor presentational;
#   - a spinner or progress bar without a name;
#   - a field in error (invalid-entry) not related to a message it is
#     described by, and a shown field error whose field is not invalid.
# Each finding is printed with the path of the object in the tree.
#
# A named control (button, tab, check box, entry) is read as one: what GTK
# or libadwaita put inside it (the icon of a tab, the edit icon of an entry
# row) is not navigated to by a screen reader and is not audited.

import sys

from cstatspi import (App, Failure, Tap, TYPE_NAME_RE, Atspi, in_session, walk, children_of,
                      role_of, name_of, states_of, actions_of, description_of, relation_targets,
                      text_of, path_of, wait_until,
                      DEMO_PHONE, DEMO_PASSWORD, DEMO_ENTERPRISE_CODE)

ATOMIC_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'page tab',
                'menu item', 'check menu item', 'radio menu item', 'link', 'text',
                'password text', 'combo box', 'switch', 'spin button', 'slider'}
LABEL_ACTIONS = {'clipboard.copy', 'clipboard.cut', 'clipboard.paste', 'selection.delete',
                 'selection.select-all', 'link.open', 'link.copy', 'menu.popup'}
# GTK 4.8 maps GTK_ACCESSIBLE_STATE_INVALID to 'invalid'; newer ones to 'invalid-entry'.
INVALID_STATES = {'invalid', 'invalid-entry'}
NAMED_ROLES = {'list', 'page tab list', 'image', 'dialog', 'frame', 'alert', 'progress bar',
               'level bar', 'animation', 'table', 'tree', 'menu'}


def is_actionable(obj, role):
    if role == 'label':
        return False
    return bool(set(actions_of(obj)) - LABEL_ACTIONS) or role in ATOMIC_ROLES


def audit(root):
    """The findings under @root, as 'problem: path' strings."""
    findings = []

    def visit(obj):
        role = role_of(obj)
        name = name_of(obj)
        states = states_of(obj)
        where = path_of(obj)
        actionable = is_actionable(obj, role)
        editable = 'editable' in states

        if (actionable or editable) and not name.strip():
            findings.append(f'{"editable" if editable else "actionable"} object without a name: {where}')
        if TYPE_NAME_RE.match(name) and (actionable or editable or 'focusable' in states
                                         or role in NAMED_ROLES):
            findings.append(f'named by its widget type {name!r}: {where}')
        if role == 'image' and not description_of(obj) and (not name or TYPE_NAME_RE.match(name)):
            findings.append(f'image neither described nor presentational: {where}')
        if role in ('animation', 'progress bar', 'level bar') and (not name or TYPE_NAME_RE.match(name)):
            findings.append(f'progress without a name: {where}')

        if states & INVALID_STATES:
            messages = [text_of(t) or name_of(t)
                        for rel in (Atspi.RelationType.DESCRIBED_BY, Atspi.RelationType.ERROR_MESSAGE)
                        for t in relation_targets(obj, rel)]
            if not any(m.strip() for m in messages):
                findings.append(f'field in error not related to its message: {where}')

        kids = children_of(obj)
        pages = [k for k in kids if name_of(k) == 'GtkStackPage']
        if len(pages) > 1 and not (name and role in ATOMIC_ROLES):
            findings.append(f'{len(pages) - 1} inactive stack page(s) exposed: {where}')

        # A named control is read as one.
        if role in ATOMIC_ROLES and name.strip():
            return
        for kid in kids:
            visit(kid)

    visit(root)
    return findings


def check(app, what, root=None):
    """Audits the top window (or @root); the group fails at its end with
    every finding of every page it visited."""
    root = root or app.top()
    findings = audit(root)
    if findings:
        app.findings.append(f'{what}: {len(findings)} finding(s)\n' + '\n'.join(f'  {f}' for f in findings))


def error_relations(app, field, message_re):
    """A field in error: invalid, and described by a message a user can read."""
    import re
    wait_until(lambda: states_of(field) & INVALID_STATES, what=f'{name_of(field)!r} to be invalid')
    targets = (relation_targets(field, Atspi.RelationType.DESCRIBED_BY)
               + relation_targets(field, Atspi.RelationType.ERROR_MESSAGE))
    texts = [text_of(t) or name_of(t) for t in targets]
    if not any(re.search(message_re, t) for t in texts):
        raise Failure(f'{name_of(field)!r} is invalid but its message {message_re!r} is not related '
                      f'(described by {texts!r})')


def run(group):
    def test():
        app = App()
        app.findings = []
        try:
            group(app)
        except Failure:
            app.findings.append(f'stopped on {app.title()!r}; the app said:\n' + app.app_log())
            raise
        finally:
            warnings = app.close()
            for finding in app.findings:
                print('# ' + finding.replace('\n', '\n# '), flush=True)
        if warnings:
            raise Failure('the app warned:\n' + '\n'.join(warnings))
        if app.findings:
            raise Failure(f'{len(app.findings)} page(s) with findings')
    return test


# -- page groups ------------------------------------------------------------------

def root_and_login(app):
    check(app, '首页')
    app.click('page tab', 'My')
    check(app, '我的 (logged out)')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')
    check(app, 'login, personal tab')
    app.click('push button', 'More Login Methods')
    menu = app.find('menu item', 'SMS Login')
    check(app, 'more login methods menu', root=menu.get_parent())
    app.key('Escape')
    app.click('push button', 'Enterprise')
    wait_until(lambda: app.find_all('text', 'Enterprise account'), what='the enterprise tab')
    check(app, 'login, enterprise tab')

    # A wrong password: the error is at the field, and the field says so.
    app.click('push button', 'Personal')
    app.type_into(app.find('text', 'Account'), DEMO_PHONE)
    app.type_into(app.find('password text', 'Password'), 'Wrong#Password1')
    app.click('push button', 'Log In')
    error_relations(app, app.find('password text', 'Password'), r'Incorrect|attempts')
    check(app, 'login with a wrong password')


def other_logins(app):
    app.click('page tab', 'My')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')
    app.click('push button', 'More Login Methods')
    app.click('menu item', 'SMS Login')
    app.wait_title('SMS Login')
    check(app, 'SMS login')
    app.type_into(app.find('text', 'Mobile phone number'), '12345')
    app.key('Tab')
    error_relations(app, app.find('text', 'Mobile phone number'), r'.')
    check(app, 'SMS login with a bad phone number')
    app.click('push button', 'Back')
    app.wait_title('Log In')
    app.click('push button', 'More Login Methods')
    app.click('menu item', 'Face Login')
    app.wait_title('Face Login')
    check(app, 'face login')


def registration(app):
    app.click('list item', 'Register')
    app.wait_title('Register')
    check(app, 'registration step 1')
    app.click('check box', 'I have read and agree')
    app.act(app.find('push button', 'Next'))
    app.find(name_re=r'^Step 2 of 4')
    check(app, 'registration step 2')
    app.type_into(app.find('text', 'ID number'), '420102199503151230')
    app.key('Tab')
    error_relations(app, app.find('text', 'ID number'), r'.')
    check(app, 'registration step 2 with a bad ID number')
    app.type_into(app.find('text', 'ID number'), '420106199001011231')
    app.type_into(app.find('text', 'Name'), 'Zhangsan')
    app.act(app.find('push button', 'Next'))
    error_relations(app, app.find('text', 'ID number'), r'already registered')
    check(app, 'registration step 2, already registered')
    # Back goes one step back, then asks before it drops what was typed.
    app.click('push button', 'Back')
    app.find(name_re=r'^Step 1 of 4')
    app.click('push button', 'Back')
    check(app, 'discard dialog', root=app.dialog())


def enterprise(app):
    app.click('page tab', 'My')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')
    app.click('push button', 'Enterprise')
    app.type_into(app.find('text', 'Enterprise account'), DEMO_ENTERPRISE_CODE)
    app.type_into(app.find('text', 'Personal account'), DEMO_PHONE)
    app.type_into(app.find('password text', 'Personal password'), DEMO_PASSWORD)
    app.click('push button', 'Log In')
    app.find(name_re='several roles')
    check(app, 'enterprise role choice')
    app.click('check box', 'Tax officer')
    app.click('push button', 'Next')
    app.find(name_re=r'138\*\*\*\*1234')
    check(app, 'enterprise second factor, SMS')
    app.click('push button', 'Face Recognition')
    app.find('push button', 'Start Recognition')
    check(app, 'enterprise second factor, face')


def reset(app):
    app.click('list item', 'Forgot Password')
    app.wait_title('Forgot Password')
    check(app, 'reset step 1')
    app.type_into(app.find('text', 'ID number'), '420106199001011231')
    app.act(app.find('push button', 'Next'))
    app.find(name_re=r'138\*\*\*\*1234')
    check(app, 'reset step 2')
    app.click('push button', "Can't receive the code?")
    app.find('push button', 'Start Recognition')
    check(app, 'reset by face')


def logged_in(app):
    app.click('page tab', 'My')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')
    app.type_into(app.find('text', 'Account'), DEMO_PHONE)
    app.type_into(app.find('password text', 'Password'), DEMO_PASSWORD)
    app.click('push button', 'Log In')
    app.wait_title('My')
    app.find('list item', name_re=r'^张\*')
    check(app, '我的 (logged in)')
    app.click('list item', 'Biometrics')
    app.wait_title('Biometrics')
    check(app, 'biometrics')
    app.act(app.find('check box', 'Face Login'), 'toggle')
    check(app, 'quick login password dialog', root=app.dialog())
    app.click('push button', 'Cancel', root=app.dialog())
    wait_until(lambda: len(app.windows()) == 1, what='the dialog to close')
    app.click('push button', 'Back')
    app.wait_title('My')
    app.click('list item', 'Log Out')
    check(app, 'logout dialog', root=app.dialog())


def toast_widgets(app):
    return app.find_all(name='AdwToastWidget', root=app.window)


def toast_says(toast):
    return ' '.join(name_of(o) or text_of(o) for o, _ in walk(toast) if role_of(o) == 'label')


def toasts(app):
    """A toast queued behind another is as readable as the first: its close
    button has a name when it comes up (libadwaita 1.2 reads it “GtkImage”)."""
    app.click('page tab', 'My')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')
    app.type_into(app.find('text', 'Account'), DEMO_PHONE)
    app.type_into(app.find('password text', 'Password'), DEMO_PASSWORD)
    app.click('push button', 'Log In')
    app.find('list item', name_re=r'^张\*')
    # Log out at once: “Logged out” queues behind “Signed in”.
    app.click('list item', 'Log Out')
    app.click('push button', 'Log Out', root=app.dialog())
    app.find('list item', 'Log In / Register')
    shown = toast_widgets(app)
    if len(shown) != 1 or 'Signed in' not in toast_says(shown[0]):
        raise Failure(f'expected “Signed in” still on screen, found {[toast_says(t) for t in shown]!r}: '
                      'the second toast was not queued, this proves nothing')
    check(app, 'the first toast', root=shown[0])
    close = app.find('push button', root=shown[0], pred=lambda o: name_of(o.get_parent()) == 'AdwToastWidget')
    app.act(close)
    second = wait_until(lambda: next((t for t in toast_widgets(app) if 'Logged out' in toast_says(t)), None),
                        what='the queued “Logged out” toast')
    buttons = [o for o, _ in walk(second) if role_of(o) == 'push button']
    if [name_of(b) for b in buttons] != ['Close']:
        raise Failure(f'the queued toast\'s buttons are named {[name_of(b) for b in buttons]!r}, not [\'Close\']')
    check(app, 'the queued toast', root=second)


GROUPS = {
    'root-and-login': root_and_login,
    'other-logins': other_logins,
    'registration': registration,
    'enterprise': enterprise,
    'reset': reset,
    'logged-in': logged_in,
    'toasts': toasts,
}

if __name__ == '__main__':
    in_session([__file__, *sys.argv[1:]])
    tap = Tap()
    for name, fn in GROUPS.items():
        tap.add(name, run(fn))
    sys.exit(tap.run(only=sys.argv[1:] or None))
