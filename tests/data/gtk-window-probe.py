#!/usr/bin/python3
# gtk-window-probe.py — open a GTK 4 window and check the X server maps it
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Exit status 0 when a window titled TITLE (argv[1]) shows up in
# `xwininfo -root -tree` within ten seconds, 1 otherwise.

import subprocess
import sys

import gi
gi.require_version('Gtk', '4.0')
from gi.repository import GLib, Gtk  # noqa: E402

title = sys.argv[1]
status = 1


def poll(deadline):
    global status
    tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True).stdout
    if f'"{title}"' in tree:
        status = 0
    elif GLib.get_monotonic_time() < deadline:
        return GLib.SOURCE_CONTINUE
    loop.quit()
    return GLib.SOURCE_REMOVE


Gtk.init()
window = Gtk.Window(title=title)
window.set_child(Gtk.Label(label=title))
window.present()
loop = GLib.MainLoop()
GLib.timeout_add(50, poll, GLib.get_monotonic_time() + 10 * 1000000)
loop.run()
sys.exit(status)
