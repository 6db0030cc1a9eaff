#!/usr/bin/python3
# fake-fprintd.py
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A stand-in for fprintd (net.reactivated.Fprint) on a private,
# system-like bus, for the tests of CstFingerprintReader and of the
# biometrics page. Run it with /usr/bin/python3 (it needs gi).
#
# It starts its own dbus-daemon from a generated configuration, owns
# net.reactivated.Fprint on it, prints the bus address as the first line
# of stdout and its unique name as the second, and serves until stdin is closed (so it never outlives the test
# that started it, even when that test crashes), then stops the bus.
#
# Like fprintd it enforces the protocol: Claim a claimed device is
# AlreadyInUse; VerifyStart needs the caller's claim; VerifyStop needs a
# verify; Release needs the caller's claim; a claim dies with its owner.
#
# Test control, io.github.chushuitong.FakeFprint at
# /io/github/chushuitong/FakeFprint (call it at the unique name, which
# stays when the scenario no-service gives up the well-known one):
#   SetScenario (s)   one of SCENARIOS; also forgets calls and the claim
#   GetCalls () → as  the Manager/Device calls so far, e.g. "Claim",
#                     "VerifyStart:any", "VerifyStop", "Release"
#   GetState () → (bb) claimed, verifying
#
# Usage: fake-fprintd.py [--scenario NAME]

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile

from gi.repository import Gio, GLib

NAME = 'net.reactivated.Fprint'
MANAGER_PATH = '/net/reactivated/Fprint/Manager'
DEVICE_PATH = '/net/reactivated/Fprint/Device/0'
CONTROL_PATH = '/io/github/chushuitong/FakeFprint'
ERROR = 'net.reactivated.Fprint.Error.'

# scenario: (GetDefaultDevice error, enrolled fingers, Claim error,
#            statuses emitted after VerifyStart, scan type)
SCENARIOS = {
    'match': (None, ['right-index-finger'], None, [('verify-match', True)], 'press'),
    'no-match': (None, ['right-index-finger'], None, [('verify-no-match', True)], 'press'),
    'retry-then-match': (None, ['right-index-finger'], None,
                         [('verify-retry-scan', False),
                          ('verify-finger-not-centered', False),
                          ('verify-match', True)], 'press'),
    'swipe-retry-then-match': (None, ['right-index-finger'], None,
                               [('verify-retry-scan', False),
                                ('verify-swipe-too-short', False),
                                ('verify-match', True)], 'swipe'),
    'disconnected': (None, ['right-index-finger'], None,
                     [('verify-disconnected', True)], 'press'),
    'unknown-error': (None, ['right-index-finger'], None,
                      [('verify-unknown-error', True)], 'press'),
    # The reader never says anything after VerifyStart: the client must time out.
    'hung': (None, ['right-index-finger'], None, [], 'press'),
    # Claim is granted but never answered: the client times out and must
    # still release.
    'slow-claim': (None, ['right-index-finger'], 'hang', [], 'press'),
    'no-reader': ('NoSuchDevice', [], None, [], 'press'),
    'no-enrolled': (None, [], None, [], 'press'),
    'in-use': (None, ['right-index-finger'], 'AlreadyInUse', [], 'press'),
    'permission-denied': (None, ['right-index-finger'], 'PermissionDenied', [], 'press'),
    # fprintd is not installed: nobody owns net.reactivated.Fprint (the
    # control interface stays reachable at the fake's unique name).
    'no-service': (None, [], None, [], 'press'),
}

INTROSPECTION = '''
<node>
  <interface name="net.reactivated.Fprint.Manager">
    <method name="GetDevices"><arg type="ao" direction="out"/></method>
    <method name="GetDefaultDevice"><arg type="o" direction="out"/></method>
  </interface>
  <interface name="net.reactivated.Fprint.Device">
    <method name="ListEnrolledFingers">
      <arg type="s" name="username" direction="in"/>
      <arg type="as" name="enrolled_fingers" direction="out"/>
    </method>
    <method name="Claim"><arg type="s" name="username" direction="in"/></method>
    <method name="Release"/>
    <method name="VerifyStart"><arg type="s" name="finger_name" direction="in"/></method>
    <method name="VerifyStop"/>
    <signal name="VerifyStatus">
      <arg type="s" name="result"/>
      <arg type="b" name="done"/>
    </signal>
    <property name="name" type="s" access="read"/>
    <property name="scan-type" type="s" access="read"/>
    <property name="num-enroll-stages" type="i" access="read"/>
  </interface>
  <interface name="io.github.chushuitong.FakeFprint">
    <method name="SetScenario"><arg type="s" name="scenario" direction="in"/></method>
    <method name="GetCalls"><arg type="as" direction="out"/></method>
    <method name="GetState"><arg type="b" direction="out"/><arg type="b" direction="out"/></method>
  </interface>
</node>
'''

BUS_CONFIG = '''<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
'''


class FakeFprintd:
    def __init__(self, connection, scenario):
        self.connection = connection
        self.node = Gio.DBusNodeInfo.new_for_xml(INTROSPECTION)
        self.claimer_watch = 0
        self.set_scenario(scenario)

    def set_scenario(self, scenario):
        if scenario not in SCENARIOS:
            raise KeyError(scenario)
        self.scenario = scenario
        (self.device_error, self.fingers, self.claim_error,
         self.statuses, self.scan_type) = SCENARIOS[scenario]
        self.calls = []
        self.claimer = None
        self.verifying = False
        self.pending = []
        self.hung_invocations = []
        self.unwatch_claimer()

    def own_name(self):
        '''Owns or releases net.reactivated.Fprint as the scenario wants;
        done before SetScenario returns, so the client sees it at once.'''
        want = self.scenario != 'no-service'
        method, args = (('RequestName', GLib.Variant('(su)', (NAME, 4))) if want  # DO_NOT_QUEUE
                        else ('ReleaseName', GLib.Variant('(s)', (NAME,))))
        reply = self.connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                          'org.freedesktop.DBus', method, args,
                                          GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE,
                                          -1, None)
        # PRIMARY_OWNER / ALREADY_OWNER; RELEASED / NOT_OWNER
        if want and reply.unpack()[0] not in (1, 4):
            sys.exit('could not own ' + NAME)

    def register(self):
        for path, iface in ((MANAGER_PATH, 'net.reactivated.Fprint.Manager'),
                            (DEVICE_PATH, 'net.reactivated.Fprint.Device'),
                            (CONTROL_PATH, 'io.github.chushuitong.FakeFprint')):
            self.connection.register_object(path, self.node.lookup_interface(iface),
                                            self.on_method_call, self.on_get_property, None)

    # -- the claim dies with its owner, as in fprintd --

    def watch_claimer(self, sender):
        self.claimer_watch = Gio.bus_watch_name_on_connection(
            self.connection, sender, Gio.BusNameWatcherFlags.NONE,
            None, self.on_claimer_vanished)

    def unwatch_claimer(self):
        if self.claimer_watch:
            Gio.bus_unwatch_name(self.claimer_watch)
        self.claimer_watch = 0

    def on_claimer_vanished(self, connection, name):
        if self.claimer == name:
            self.claimer = None
            self.verifying = False
            self.cancel_pending()
        self.unwatch_claimer()

    def cancel_pending(self):
        for source in self.pending:
            GLib.source_remove(source)
        self.pending = []

    # -- D-Bus --

    def on_get_property(self, connection, sender, path, iface, prop):
        if prop == 'name':
            return GLib.Variant('s', 'Fake Fingerprint Reader')
        if prop == 'scan-type':
            return GLib.Variant('s', self.scan_type)
        if prop == 'num-enroll-stages':
            return GLib.Variant('i', 5)
        return None

    def fail(self, invocation, name, message):
        invocation.return_dbus_error(ERROR + name, message)

    def on_method_call(self, connection, sender, path, iface, method, params, invocation):
        if iface == 'io.github.chushuitong.FakeFprint':
            self.on_control_call(method, params, invocation)
            return

        args = params.unpack()
        self.calls.append(method + (':' + args[0] if method == 'VerifyStart' else ''))

        if method == 'GetDevices':
            invocation.return_value(GLib.Variant('(ao)', ([] if self.device_error else [DEVICE_PATH],)))
        elif method == 'GetDefaultDevice':
            if self.device_error:
                self.fail(invocation, self.device_error, 'No devices available')
            else:
                invocation.return_value(GLib.Variant('(o)', (DEVICE_PATH,)))
        elif method == 'ListEnrolledFingers':
            if not self.fingers:
                self.fail(invocation, 'NoEnrolledPrints', 'Failed to discover prints')
            else:
                invocation.return_value(GLib.Variant('(as)', (self.fingers,)))
        elif method == 'Claim':
            if self.claimer is not None:
                self.fail(invocation, 'AlreadyInUse', 'Device was already claimed')
            elif self.claim_error == 'hang':
                self.claimer = sender
                self.watch_claimer(sender)
                self.hung_invocations.append(invocation)
            elif self.claim_error:
                self.fail(invocation, self.claim_error, 'Claim refused')
            else:
                self.claimer = sender
                self.watch_claimer(sender)
                invocation.return_value(None)
        elif method == 'Release':
            if self.claimer is None:
                self.fail(invocation, 'ClaimDevice', 'Device was not claimed before use')
            elif self.claimer != sender:
                self.fail(invocation, 'AlreadyInUse', 'Device was already claimed')
            else:
                self.claimer = None
                self.verifying = False
                self.cancel_pending()
                self.unwatch_claimer()
                invocation.return_value(None)
        elif method == 'VerifyStart':
            if self.claimer != sender:
                self.fail(invocation, 'ClaimDevice', 'Device was not claimed before use')
            elif self.verifying:
                self.fail(invocation, 'AlreadyInUse', 'Verification already in progress')
            elif not self.fingers:
                self.fail(invocation, 'NoEnrolledPrints', 'No fingerprints enrolled')
            else:
                self.verifying = True
                invocation.return_value(None)
                for i, (result, done) in enumerate(self.statuses):
                    self.pending.append(GLib.timeout_add(5 * (i + 1), self.emit_status,
                                                         result, done))
        elif method == 'VerifyStop':
            if self.claimer != sender:
                self.fail(invocation, 'ClaimDevice', 'Device was not claimed before use')
            elif not self.verifying:
                self.fail(invocation, 'NoActionInProgress', 'No verification in progress')
            else:
                self.verifying = False
                self.cancel_pending()
                invocation.return_value(None)
        else:
            invocation.return_dbus_error('org.freedesktop.DBus.Error.UnknownMethod', method)

    def emit_status(self, result, done):
        self.pending.pop(0)
        self.connection.emit_signal(None, DEVICE_PATH, 'net.reactivated.Fprint.Device',
                                    'VerifyStatus', GLib.Variant('(sb)', (result, done)))
        return GLib.SOURCE_REMOVE

    def on_control_call(self, method, params, invocation):
        if method == 'SetScenario':
            try:
                self.cancel_pending()
                self.set_scenario(params.unpack()[0])
                self.own_name()
                invocation.return_value(None)
            except KeyError as e:
                invocation.return_dbus_error('org.freedesktop.DBus.Error.InvalidArgs',
                                             'No such scenario: %s' % e)
        elif method == 'GetCalls':
            invocation.return_value(GLib.Variant('(as)', (self.calls,)))
        elif method == 'GetState':
            invocation.return_value(GLib.Variant('(bb)', (self.claimer is not None,
                                                          self.verifying)))


def main():
    parser = argparse.ArgumentParser(description='A fake fprintd on a private bus')
    parser.add_argument('--scenario', default='match', choices=sorted(SCENARIOS))
    args = parser.parse_args()

    tmpdir = tempfile.mkdtemp(prefix='cst-fake-fprintd-')
    config = os.path.join(tmpdir, 'system.conf')
    with open(config, 'w') as f:
        f.write(BUS_CONFIG.format(dir=tmpdir))

    daemon = subprocess.Popen(['dbus-daemon', '--nofork', '--config-file=' + config,
                               '--print-address=1'],
                              stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        address = daemon.stdout.readline().decode().strip()
        if not address:
            sys.exit('dbus-daemon did not start')

        connection = Gio.DBusConnection.new_for_address_sync(
            address,
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
            Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)
        fake = FakeFprintd(connection, args.scenario)
        fake.register()
        fake.own_name()

        loop = GLib.MainLoop()

        def on_stdin(fd, condition):
            if condition & (GLib.IO_HUP | GLib.IO_ERR) or not os.read(fd, 4096):
                loop.quit()
                return GLib.SOURCE_REMOVE
            return GLib.SOURCE_CONTINUE

        GLib.io_add_watch(sys.stdin.fileno(), GLib.PRIORITY_DEFAULT,
                          GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, on_stdin)
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)

        print(address, connection.get_unique_name(), sep='\n', flush=True)
        loop.run()
        connection.close_sync(None)
    finally:
        daemon.terminate()
        daemon.wait()
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == '__main__':
    main()
