#!/usr/bin/python3
# flows.py — every flow of the app, completed through AT-SPI
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: flows.py [SCENARIO…]   (all of them without arguments; TAP output)
#
# Each scenario starts the real chushuitong once on a fresh seeded
# database and does what a screen-reader user does: finds controls by role
# and name, activates them by their AT-SPI action (or a pointer click where
# GTK 4.8 offers none), types with synthesized keys, and reads the result
# back from the accessible tree. SMS codes come from `chushuitong-admin
# sms-outbox`, as a user would read them off the phone.

import sys

from cstatspi import (App, Failure, Tap, wait_until, in_session, states_of, name_of,
                      described_text, log,
                      DEMO_PHONE, DEMO_PASSWORD, DEMO_ID_NUMBER, DEMO_ENTERPRISE_CODE,
                      DEMO_ENTERPRISE_NAME)

if __name__ == "__main__":
    in_session([__file__, *sys.argv[1:]])


def resident_id(region='420102', birth='19950315', sequence='123'):
    """A valid 18-digit resident ID number (GB 11643-1999 check character)."""
    body = region + birth + sequence
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + '10X98765432'[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def run(scenario):
    """Runs @scenario with a fresh app and fails on GTK criticals and warnings."""
    def test():
        app = App()
        try:
            scenario(app)
        except Failure:
            log(f'page at failure: {app.title()!r}')
            for line in app.app_log().splitlines():
                log(f'app: {line}')
            raise
        finally:
            warnings = app.close()
        if warnings:
            raise Failure('the app warned:\n' + '\n'.join(warnings))
    return test


# -- helpers shared by the scenarios ------------------------------------------

def open_login(app):
    app.click('page tab', 'My')
    app.click('list item', 'Log In / Register')
    app.wait_title('Log In')


def password_login(app, account=DEMO_PHONE, password=DEMO_PASSWORD):
    open_login(app)
    app.type_into(app.find('text', 'Account'), account)
    app.type_into(app.find('password text', 'Password'), password)
    app.click('push button', 'Log In')
    expect_logged_in(app)


def expect_logged_in(app, identity=None, name_re=r'^张\*'):
    # 我的 shows the masked name and account instead of 点击登录/注册.
    app.wait_title('My')
    row = app.find('list item', name_re=name_re, timeout=10)
    if identity is not None:
        app.find('list item', 'Current Identity', pred=lambda o: identity in described_text(o))
    app.gone('list item', 'Log In / Register')
    return row


def get_code(app, phone, root=None):
    """Presses 获取验证码 and reads the code off the outbox."""
    before = app.sms_count(phone)
    button = app.click('push button', 'Get Code', root=root)
    # The countdown replaces the name: a screen reader hears it change.
    wait_until(lambda: name_of(button) != 'Get Code', what='the code button to count down')
    return app.sms_code(phone, after=before)


def face_capture(app):
    """Runs the simulated liveness check and waits for its verdict."""
    app.click('push button', 'Start Recognition')


# -- scenarios ------------------------------------------------------------------

def register(app):
    id_number = resident_id()
    phone = '13712345678'
    password = 'Lantern#2026'

    app.click('list item', 'Register')
    app.wait_title('Register')
    app.find(name='Step 1 of 4: Agreement')
    next_button = app.find('push button', 'Next')
    if 'sensitive' in states_of(next_button):
        raise Failure('Next is enabled before the agreement is accepted')
    app.click('check box', 'I have read and agree')
    wait_until(lambda: 'checked' in states_of(app.find('check box', 'I have read and agree')),
               what='the agreement check box to be checked')
    app.act(next_button)

    app.find(name_re=r'^Step 2 of 4')
    app.type_into(app.find('text', 'ID number'), id_number)
    app.type_into(app.find('text', 'Name'), 'Wangwu')
    app.act(app.find('push button', 'Next'))

    app.find(name_re=r'^Step 3 of 4')
    app.type_into(app.find('password text', 'Set Password'), password)
    app.type_into(app.find('password text', 'Confirm Password'), password)
    app.type_into(app.find('text', 'Phone number'), phone)
    code = get_code(app, phone)
    app.type_into(app.find('text', 'Verification code'), code)
    app.act(app.find('push button', 'Next'))

    app.find(name_re=r'^Step 4 of 4')
    face_capture(app)
    # The account exists only now, and registration signs it in (SPEC §1.4).
    app.wait_title('My', timeout=20)
    app.find('list item', name_re=r'^W\*')
    app.gone('list item', 'Log In / Register')


def login_password(app):
    password_login(app)


def login_sms(app):
    open_login(app)
    app.click('push button', 'More Login Methods')
    app.click('menu item', 'SMS Login')
    app.wait_title('SMS Login')
    app.type_into(app.find('text', 'Mobile phone number'), DEMO_PHONE)
    code = get_code(app, DEMO_PHONE)
    app.type_into(app.find('text', 'Verification code'), code)
    app.click('push button', 'Log In')
    expect_logged_in(app)


def login_enterprise(app):
    open_login(app)
    app.click('push button', 'Enterprise')
    app.type_into(app.find('text', 'Enterprise account'), DEMO_ENTERPRISE_CODE)
    app.type_into(app.find('text', 'Personal account'), DEMO_PHONE)
    app.type_into(app.find('password text', 'Personal password'), DEMO_PASSWORD)
    app.click('push button', 'Log In')
    # Several roles in the demo enterprise: 身份类型选择 first.
    app.find(name_re='several roles', timeout=10)
    app.click('check box', 'Tax officer')
    wait_until(lambda: 'checked' in states_of(app.find('check box', 'Tax officer')),
               what='Tax officer to be chosen')
    app.click('push button', 'Next')
    # The second factor: SMS to the phone on file.
    app.find(name_re=r'138\*\*\*\*1234')
    code = get_code(app, DEMO_PHONE)
    app.type_into(app.find('text', 'Verification code'), code)
    app.click('push button', 'Log In')
    expect_logged_in(app, identity=DEMO_ENTERPRISE_NAME)


def reset_password(app):
    new_password = 'Harbour#2027'
    open_login(app)
    app.click('push button', 'Forgot Password')
    app.wait_title('Forgot Password')
    app.type_into(app.find('text', 'ID number'), DEMO_ID_NUMBER)
    app.act(app.find('push button', 'Next'))
    app.find(name_re=r'138\*\*\*\*1234')
    code = get_code(app, DEMO_PHONE)
    app.type_into(app.find('text', 'Verification code'), code)
    app.act(app.find('push button', 'Next'))
    app.type_into(app.find('password text', name_re=r'^(New|Set) Password$'), new_password)
    app.type_into(app.find('password text', 'Confirm Password'), new_password)
    app.act(app.find('push button', 'Next'))
    app.find(name='Password Changed')
    app.click('push button', 'Go to Log In')
    app.wait_title('Log In')
    app.type_into(app.find('text', 'Account'), DEMO_PHONE)
    app.type_into(app.find('password text', 'Password'), new_password)
    app.click('push button', 'Log In')
    expect_logged_in(app)


def quick_login_on(app):
    password_login(app)
    app.click('list item', 'Biometrics')
    app.wait_title('Biometrics')
    switch = app.find('check box', 'Face Login')
    app.act(switch, 'toggle')
    dialog = app.dialog()
    app.type_into(app.find('password text', 'Personal password', root=dialog), DEMO_PASSWORD)
    app.click('push button', 'OK', root=dialog)
    wait_until(lambda: 'checked' in states_of(switch), what='Face Login to be on')


def logout(app):
    password_login(app)
    app.click('list item', 'Log Out')
    dialog = app.dialog()
    app.click('push button', 'Log Out', root=dialog)
    app.gone('dialog')
    app.find('list item', 'Log In / Register')


SCENARIOS = {
    'register': register,
    'login-password': login_password,
    'login-sms': login_sms,
    'login-enterprise': login_enterprise,
    'reset-password': reset_password,
    'quick-login-on': quick_login_on,
    'logout': logout,
}

if __name__ == '__main__':
    tap = Tap()
    for name, fn in SCENARIOS.items():
        tap.add(name, run(fn))
    sys.exit(tap.run(only=sys.argv[1:] or None))
