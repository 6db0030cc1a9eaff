#!/usr/bin/python3
# keyboard.py — the flows with the keyboard alone, and what a screen reader hears
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: keyboard.py [SCENARIO…]   (TAP)
#
# Only key events are sent (Atspi.generate_keyboard_event: Tab, Shift+Tab,
# Enter, Space, arrows, Escape, mnemonics); the state is read back through
# AT-SPI. After every Tab the focused object must exist, carry the focused
# state and have a name. Escape goes back; Enter in a field submits the form
# (its primary button is the default widget). Text fields too must say
# they have the focus (the app's CstEntryRow holds a GtkEntry because
# libadwaita 1.2's AdwEntryRow never did): "focus-of-fields" checks the
# focused state and the focus event, Tab and Shift+Tab, in both tabs.
#
# Every flow is done this way: password and SMS login, enterprise login
# with its role choice and SMS second factor, the password reset by SMS,
# the whole registration, and turning quick login on.
#
# The "announcements" scenario checks the state changes a screen reader
# needs: the wizard's step n of m, the code button's countdown (its name
# changes each second), the busy state of a service call and the face
# capture view's description.

import re
import sys
import time

from cstatspi import (App, Events, Failure, Tap, in_session, wait_until, states_of, name_of,
                      role_of, describe, description_of, log, text_of,
                      DEMO_PHONE, DEMO_PASSWORD, DEMO_ID_NUMBER, DEMO_ENTERPRISE_CODE)

MAX_TABS = 40
FIELD_ROLES = ('text', 'password text')


def focused(app):
    return wait_until(lambda: app.focused(), timeout=3, what='an object with the focused state')


def press_tab(app, shift=False):
    """One Tab (or Shift+Tab); fails unless a screen reader is told where
    the focus went: a new object with the focused state, and a name."""
    before = app.focused()
    app.key('Tab', shift=shift)
    try:
        obj = wait_until(lambda: (lambda f: f if f is not None and f != before else None)(app.focused()),
                         timeout=3, what='the focus to move on')
    except Failure:
        raise Failure(f'the focus did not move on from {describe(before) if before else "nothing"}'
                      f' on {app.title()!r}, or no object says it has it')
    if not name_of(obj).strip():
        raise Failure(f'Tab reached an unnamed {role_of(obj)!r}')
    return obj


def tab_to(app, role, name, shift=False):
    seen = []
    # A page that has just slid in takes the focus a moment later.
    try:
        current = wait_until(lambda: app.focused(), timeout=2, what='a focus')
    except Failure:
        current = None
    if current is not None and role_of(current) == role and re.search(name, name_of(current)):
        return current
    for _ in range(MAX_TABS):
        obj = press_tab(app, shift=shift)
        seen.append(describe(obj))
        if role_of(obj) == role and re.search(name, name_of(obj)):
            return obj
    raise Failure(f'{MAX_TABS} {"Shift+" if shift else ""}Tabs never reached [{role}] {name!r}; '
                  f'went through: {", ".join(seen)}')


def type_and_check(app, field, name, text):
    """Types @text (the keyboard is in @field) and waits for it to arrive."""
    app.type_text(text)
    wait_until(lambda: len(text_of(field)) == len(text),
               what=f'the text typed to arrive in {name!r} (it holds {text_of(field)!r})')


def find_field(app, name=None, name_re=None):
    return app.find(pred=lambda o: role_of(o) in FIELD_ROLES, name=name, name_re=name_re)


def tab_into_field(app, name, text, shift=False):
    """Tab into the text field @name (it must say it has the focus), type
    @text, and check it arrived there. No Tab when the page has put the
    focus there already (after 获取验证码, the code field has it)."""
    field = find_field(app, name)
    seen = []
    while app.focused() != field:
        if len(seen) == MAX_TABS:
            raise Failure(f'Tabs never reached {name!r}; went through: {", ".join(seen)}')
        seen.append(describe(press_tab(app, shift=shift)))
    type_and_check(app, field, name, text)
    return field


def run(scenario):
    def test():
        app = App()
        try:
            scenario(app)
        except Failure:
            log(f'page at failure: {app.title()!r}')
            raise
        finally:
            warnings = app.close()
        if warnings:
            raise Failure('the app warned:\n' + '\n'.join(warnings))
    return test


def login_and_logout(app):
    focused(app)
    tab_to(app, 'page tab', '^My$')
    app.key('space')
    app.wait_title('My')
    tab_to(app, 'list item', '^Log In / Register$')
    app.key('Return')
    app.wait_title('Log In')
    # Escape goes back, Alt+Left too; Enter on the row opens the page again.
    app.key('Escape')
    app.wait_title('My')
    app.key('Return')
    app.wait_title('Log In')
    app.key('Left', alt=True)
    app.wait_title('My')
    app.key('Return')
    app.wait_title('Log In')

    # The 个人业务 tab, then the fields: Shift+Tab comes back, Tab goes on.
    personal = tab_to(app, 'push button', '^Personal$')
    enterprise = press_tab(app)
    if name_of(enterprise) != 'Enterprise' or press_tab(app, shift=True) != personal:
        raise Failure('Tab and Shift+Tab do not move between the login tabs')
    press_tab(app)
    tab_into_field(app, 'Account', DEMO_PHONE)
    tab_into_field(app, 'Password', DEMO_PASSWORD)
    # Enter in the field submits: 登录 is the default widget.
    app.key('Return')
    app.wait_title('My')
    app.find('list item', name_re=r'^张\*')

    # 退出登录 asks; its mnemonic answers.
    tab_to(app, 'list item', '^Log Out$')
    app.key('Return')
    dialog = app.dialog()
    wait_until(lambda: 'focused' in states_of(app.focused() or dialog), what='focus in the dialog')
    app.key('l', alt=True)
    app.find('list item', 'Log In / Register')


def register_start(app):
    focused(app)
    tab_to(app, 'list item', '^Register$')
    app.key('Return')
    app.wait_title('Register')
    app.find(name_re=r'^Step 1 of 4')
    check = tab_to(app, 'check box', 'I have read and agree')
    app.key('space')
    wait_until(lambda: 'checked' in states_of(check), what='Space to check the agreement')
    tab_to(app, 'push button', '^Next$')
    app.key('Return')
    app.find(name_re=r'^Step 2 of 4')
    # A new step puts the focus in its first field, the ID number.
    from flows import resident_id
    type_in_first_field(app, '^ID number$', resident_id())
    tab_into_field(app, 'Name', 'Wangwu')
    # Enter in the last field goes on: 下一步 is the default widget.
    app.key('Return')
    app.find(name_re=r'^Step 3 of 4')
    # Escape goes one step back in a wizard.
    app.key('Escape')
    app.find(name_re=r'^Step 2 of 4')


def open_login_by_keyboard(app):
    focused(app)
    tab_to(app, 'page tab', '^My$')
    app.key('space')
    app.wait_title('My')
    tab_to(app, 'list item', '^Log In / Register$')
    app.key('Return')
    app.wait_title('Log In')


def type_in_first_field(app, name, text):
    """A page that slides in puts the focus in its first field, named @name
    (a regex), and says so; then @text typed arrives there."""
    field = find_field(app, name_re=name)
    wait_until(lambda: app.focused() == field, timeout=3,
               what=f'the page to put the focus in {name!r}')
    type_and_check(app, field, name, text)
    return field


def get_code_by_keyboard(app, phone):
    """Tab to 获取验证码 and press Space; the code, read off the phone."""
    before = app.sms_count(phone)
    button = tab_to(app, 'push button', '^Get Code$')
    app.key('space')
    wait_until(lambda: name_of(button) != 'Get Code', what='Space on Get Code to start the countdown')
    # The button waits now: the keyboard goes on to the code field.
    field = find_field(app, 'Verification code')
    wait_until(lambda: app.focused() == field, timeout=3, what='the focus to move into the code field')
    return app.sms_code(phone, after=before)


def expect_signed_in(app, name_re=r'^张\*'):
    app.wait_title('My', timeout=15)
    app.find('list item', name_re=name_re)


def sms_login(app):
    open_login_by_keyboard(app)
    tab_to(app, 'push button', '^More Login Methods$')
    app.key('Return')
    tab_to(app, 'menu item', '^SMS Login$')
    app.key('Return')
    app.wait_title('SMS Login')
    type_in_first_field(app, '^Mobile phone number$', DEMO_PHONE)
    code = get_code_by_keyboard(app, DEMO_PHONE)
    tab_into_field(app, 'Verification code', code)
    app.key('Return')
    expect_signed_in(app)


def enterprise_login(app):
    open_login_by_keyboard(app)
    tab_to(app, 'push button', '^Enterprise$')
    app.key('space')
    wait_until(lambda: app.find_all('text', 'Enterprise account'), what='Space to open the enterprise tab')
    tab_into_field(app, 'Enterprise account', DEMO_ENTERPRISE_CODE)
    tab_into_field(app, 'Personal account', DEMO_PHONE)
    tab_into_field(app, 'Personal password', DEMO_PASSWORD)
    app.key('Return')
    app.find(name_re='several roles', timeout=10)
    role = tab_to(app, 'check box', '^Tax officer$')
    app.key('space')
    wait_until(lambda: 'checked' in states_of(role), what='Space to choose Tax officer')
    tab_to(app, 'push button', '^Next$')
    app.key('Return')
    app.find(name_re=r'138\*\*\*\*1234')
    code = get_code_by_keyboard(app, DEMO_PHONE)
    tab_into_field(app, 'Verification code', code)
    app.key('Return')
    expect_signed_in(app)


def reset_password(app):
    new_password = 'Harbour#2027'
    open_login_by_keyboard(app)
    tab_to(app, 'push button', '^Forgot Password$')
    app.key('Return')
    app.wait_title('Forgot Password')
    type_in_page_field(app, 'ID number', DEMO_ID_NUMBER)
    app.key('Return')
    app.find(name_re=r'138\*\*\*\*1234')
    code = get_code_by_keyboard(app, DEMO_PHONE)
    tab_into_field(app, 'Verification code', code)
    app.key('Return')
    type_in_first_field(app, r'^(New|Set) Password$', new_password)
    tab_into_field(app, 'Confirm Password', new_password)
    app.key('Return')
    app.find(name='Password Changed')
    tab_to(app, 'push button', '^Go to Log In$')
    app.key('Return')
    app.wait_title('Log In')


def type_in_page_field(app, name, text):
    """The first field of a page, whether the page focused it or a Tab does."""
    field = find_field(app, name)
    try:
        wait_until(lambda: app.focused() == field, timeout=1, what=f'the focus in {name!r}')
    except Failure:
        return tab_into_field(app, name, text)
    type_and_check(app, field, name, text)
    return field


def register_to_the_end(app):
    register_start(app)
    # register_start ends back on step 2, its fields filled: Enter goes on.
    app.key('Return')
    app.find(name_re=r'^Step 3 of 4')
    phone = '13712345678'
    password = 'Lantern#2026'
    type_in_first_field(app, '^Set Password$', password)
    tab_into_field(app, 'Confirm Password', password)
    tab_into_field(app, 'Phone number', phone)
    code = get_code_by_keyboard(app, phone)
    tab_into_field(app, 'Verification code', code)
    app.key('Return')
    app.find(name_re=r'^Step 4 of 4')
    tab_to(app, 'push button', '^Start Recognition$')
    app.key('space')
    expect_signed_in(app, name_re=r'^W\*')


def quick_login_on(app):
    from flows import password_login
    password_login(app)
    tab_to(app, 'list item', '^Biometrics$')
    app.key('Return')
    app.wait_title('Biometrics')
    switch = tab_to(app, 'check box', '^Face Login$')
    app.key('space')
    dialog = app.dialog()
    field = app.find('password text', 'Personal password', root=dialog)
    wait_until(lambda: 'focused' in states_of(field), what='the password field to have the focus')
    app.type_text(DEMO_PASSWORD)
    wait_until(lambda: len(text_of(field)) == len(DEMO_PASSWORD), what='the password typed')
    app.key('Return')
    wait_until(lambda: 'checked' in states_of(switch), what='Enter to turn Face Login on')
    wait_until(lambda: len(app.windows()) == 1, what='the password dialog to close')


def announcements(app):
    events = Events()
    try:
        app.click('page tab', 'My')
        app.click('list item', 'Log In / Register')
        app.wait_title('Log In')
        app.click('push button', 'More Login Methods')
        app.click('menu item', 'SMS Login')
        app.wait_title('SMS Login')
        app.type_into(app.find('text', 'Mobile phone number'), DEMO_PHONE)

        # The countdown: the code button's name changes every second.
        button = app.click('push button', 'Get Code')
        first = wait_until(lambda: re.search(r'\d+', name_of(button)) and name_of(button),
                           what='a countdown in the code button\'s name')
        later = wait_until(lambda: name_of(button) != first and re.search(r'\d+', name_of(button))
                           and name_of(button), timeout=3, what='the countdown to tick')
        a, b = int(re.search(r'\d+', first).group()), int(re.search(r'\d+', later).group())
        if not 0 < a - b <= 2:
            raise Failure(f'the countdown went from {first!r} to {later!r}')
        if not events.of('object:property-change:accessible-name', button):
            raise Failure('no name-change event for the countdown: a screen reader would not hear it')

        # Progress during a service call: the login is busy while it runs.
        code = app.sms_code(DEMO_PHONE)
        app.type_into(app.find('text', 'Verification code'), code)
        events.clear()
        app.click('push button', 'Log In')
        app.wait_title('My')
        if not [e for e in events.of('object:state-changed:busy') if e[2] == 1]:
            raise Failure('no busy state while logging in')
    finally:
        events.close()


def announcements_wizard(app):
    events = Events()
    try:
        app.click('list item', 'Register')
        app.wait_title('Register')
        indicator = app.find(name_re=r'^Step 1 of 4: ')
        app.click('check box', 'I have read and agree')
        app.act(app.find('push button', 'Next'))
        wait_until(lambda: name_of(indicator).startswith('Step 2 of 4'),
                   what='the step indicator to say step 2 of 4')
        if not events.of('object:property-change:accessible-name', indicator):
            raise Failure('no name-change event for the step indicator')
    finally:
        events.close()


def announcements_face(app):
    events = Events()
    try:
        app.click('page tab', 'My')
        app.click('list item', 'Log In / Register')
        app.wait_title('Log In')
        app.click('push button', 'More Login Methods')
        app.click('menu item', 'Face Login')
        app.wait_title('Face Login')
        app.type_into(app.find('text', 'ID number'), '420106199001011231')
        app.key('Return')
        view = app.find(name='Face recognition')
        app.click('push button', 'Start Recognition')
        # The prompts and the verdict reach a screen reader as the view's description.
        wait_until(lambda: 'succeeded' in description_of(view) or app.title() == 'My',
                   timeout=20, what='the face verdict')
        said = [e[5] for e in events.of('object:property-change:accessible-description', view)]
        for prompt in ('Face the screen', 'Blink', 'Slowly turn your head'):
            if not any(prompt in s for s in said):
                raise Failure(f'the capture view never said {prompt!r} (said {said!r})')
        if not [e for e in events.of('object:state-changed:busy', view) if e[2] == 1]:
            raise Failure('the capture view was never busy')
    finally:
        events.close()


def toast_close_buttons(app):
    """The close buttons of the toasts on screen (the window's own is 'Close' too)."""
    return app.find_all('push button', 'Close', root=app.window,
                        pred=lambda o: name_of(o.get_parent()) == 'AdwToastWidget')


def escape_from_biometrics(app):
    """Escape goes back from 生物识别 while the login's toast still shows.

    AdwToastOverlay binds Escape to dismissing its toast; the overlay holds
    the pages, so Escape in a page once only dismissed the “Signed in” toast
    (the focus on the page's scroller was a red herring). At the root,
    where there is no page to go back from, Escape still dismisses it."""
    from flows import password_login
    password_login(app)
    wait_until(lambda: toast_close_buttons(app), timeout=3, what='the “Signed in” toast')
    tab_to(app, 'list item', '^Biometrics$')
    app.key('Return')
    app.wait_title('Biometrics')
    focused(app)
    if not toast_close_buttons(app):
        raise Failure('the toast was gone before Escape: this proves nothing')
    app.key('Escape')
    app.wait_title('My', timeout=3)
    if not toast_close_buttons(app):
        raise Failure('Escape dismissed the toast as well as going back')
    app.key('Escape')
    wait_until(lambda: not toast_close_buttons(app), timeout=3,
               what='Escape at the root to dismiss the toast')
    if app.title() != 'My':
        raise Failure(f'Escape at the root went to {app.title()!r}')


def focus_of_fields(app):
    """Every text field of the login page says it has the focus when Tab
    or Shift+Tab brings it there (state and event), in both tabs."""
    app.click('page tab', 'My')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')
    tab_to(app, 'push button', '^Enterprise$')
    events = Events()
    try:
        for role, name, shift in (('text', 'Account', False), ('password text', 'Password', False),
                                  ('text', 'Account', True)):
            events.clear()
            obj = press_tab(app, shift=shift)
            if (role_of(obj), name_of(obj)) != (role, name):
                raise Failure(f'{"Shift+" if shift else ""}Tab went to {describe(obj)}, not [{role}] {name!r}')
            wait_until(lambda: [e for e in events.of('object:state-changed:focused', obj) if e[2] == 1],
                       timeout=3, what=f'a focus event from {name!r}')
        if name_of(press_tab(app, shift=True)) != 'Enterprise':
            raise Failure('Shift+Tab from Account did not go back to the Enterprise tab')
        app.key('space')
        wait_until(lambda: find_field(app, 'Enterprise account'), what='Space to open the enterprise tab')
        for name in ('Enterprise account', 'Personal account', 'Personal password'):
            tab_into_field(app, name, '1')
    finally:
        events.close()


SCENARIOS = {
    'login-and-logout': login_and_logout,
    'register-start': register_start,
    'announce-sms': announcements,
    'announce-wizard': announcements_wizard,
    'announce-face': announcements_face,
    'escape-from-biometrics': escape_from_biometrics,
    'sms-login': sms_login,
    'enterprise-login': enterprise_login,
    'reset-password': reset_password,
    'register-to-the-end': register_to_the_end,
    'quick-login-on': quick_login_on,
    'focus-of-fields': focus_of_fields,
}

if __name__ == '__main__':
    in_session([__file__, *sys.argv[1:]])
    tap = Tap()
    for name, fn in SCENARIOS.items():
        tap.add(name, run(fn))
    sys.exit(tap.run(only=sys.argv[1:] or None))
