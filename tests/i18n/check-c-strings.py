#!/usr/bin/env python3
# check-c-strings.py — user-facing C strings must be marked for translation
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-c-strings.py SRC-DIR [FILE.c…]
#
# A heuristic scanner: it finds the calls of the functions that put text
# in front of the user (labels, titles, toasts, dialogs, field errors,
# errors of the CST_* domains, notifications, accessible labels, command
# line help) and fails when the argument that carries the text holds a
# string literal with a word in it that is not inside _(), C_(), N_(),
# NC_(), ngettext() or g_dngettext(). Prints TAP, one test per file.
# Literals without letters ("", "%s · %s", "·") are not words.

import os
import re
import sys

sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
import potools  # noqa: E402

# function → indexes (0-based) of the arguments that are user text.
SETTERS = {
    'gtk_label_new': [0],
    'gtk_label_new_with_mnemonic': [0],
    'gtk_label_set_text': [1],
    'gtk_label_set_label': [1],
    'gtk_label_set_markup': [1],
    'gtk_label_set_text_with_mnemonic': [1],
    'gtk_label_set_markup_with_mnemonic': [1],
    'gtk_button_new_with_label': [0],
    'gtk_button_new_with_mnemonic': [0],
    'gtk_button_set_label': [1],
    'gtk_check_button_new_with_label': [0],
    'gtk_check_button_new_with_mnemonic': [0],
    'gtk_check_button_set_label': [1],
    'gtk_toggle_button_new_with_label': [0],
    'gtk_menu_button_set_label': [1],
    'gtk_widget_set_tooltip_text': [1],
    'gtk_widget_set_tooltip_markup': [1],
    'gtk_window_set_title': [1],
    'gtk_entry_set_placeholder_text': [1],
    'gtk_text_set_placeholder_text': [1],
    'gtk_search_entry_set_placeholder_text': [1],
    'gtk_string_list_append': [1],
    'gtk_text_buffer_set_text': [1],
    'g_menu_append': [1],
    'g_menu_item_new': [0],
    'adw_preferences_row_set_title': [1],
    'adw_action_row_set_subtitle': [1],
    'adw_expander_row_set_subtitle': [1],
    'adw_preferences_group_set_title': [1],
    'adw_preferences_group_set_description': [1],
    'adw_preferences_page_set_title': [1],
    'adw_status_page_set_title': [1],
    'adw_status_page_set_description': [1],
    'adw_window_title_new': [0, 1],
    'adw_window_title_set_title': [1],
    'adw_window_title_set_subtitle': [1],
    'adw_button_content_set_label': [1],
    'adw_split_button_set_label': [1],
    'adw_view_stack_add_titled': [3],
    'adw_view_stack_page_set_title': [1],
    'adw_tab_page_set_title': [1],
    'adw_toast_new': [0],
    'adw_toast_new_format': [0],
    'adw_toast_set_title': [1],
    'adw_toast_set_button_label': [1],
    'adw_message_dialog_new': [1, 2],
    'adw_message_dialog_set_heading': [1],
    'adw_message_dialog_set_body': [1],
    'adw_message_dialog_format_heading': [1],
    'adw_message_dialog_format_body': [1],
    'adw_message_dialog_add_response': [2],
    'adw_message_dialog_set_response_label': [2],
    'adw_about_window_set_application_name': [1],
    'adw_about_window_set_comments': [1],
    'adw_about_window_set_developer_name': [1],
    'adw_about_window_set_copyright': [1],
    'adw_about_window_set_translator_credits': [1],
    'adw_about_window_set_release_notes': [1],
    'adw_about_window_add_link': [1],
    'adw_about_window_add_credit_section': [1],
    'adw_about_window_add_legal_section': [0, 1],
    'adw_combo_row_set_model': [],
    'g_notification_new': [0],
    'g_notification_set_title': [1],
    'g_notification_set_body': [1],
    'g_notification_add_button': [1],
    'g_application_set_option_context_summary': [1],
    'g_application_set_option_context_description': [1],
    'g_application_set_option_context_parameter_string': [1],
    'g_application_add_main_option': [5, 6],
    'g_option_context_new': [0],
    'g_option_context_set_summary': [1],
    'g_option_context_set_description': [1],
    # This project's own.
    'cst_page_toast': [1],
    'cst_page_set_title': [1],
    'cst_window_show_toast': [1],
    'cst_field_set_error': [2],
    'cst_sms_code_row_set_error': [1],
    'cst_password_row_set_error': [1],
    'cst_auth_error_new_literal': [3],
}

# Errors: the message is user text when the domain is one of ours.
ERRORS = {
    'g_set_error': (1, 3),
    'g_set_error_literal': (1, 3),
    'g_error_new': (0, 2),
    'g_error_new_literal': (0, 2),
    'g_task_return_new_error': (1, 3),
    'g_propagate_prefixed_error': None,
}

WRAPPERS = {'_', 'N_', 'C_', 'NC_', 'Q_', 'gettext', 'dgettext', 'dcgettext',
            'ngettext', 'dngettext', 'g_dgettext', 'g_dngettext', 'g_dpgettext',
            'g_dpgettext2', 'g_dcgettext', 'pgettext'}

ACCESSIBLE_TEXT = {'GTK_ACCESSIBLE_PROPERTY_LABEL', 'GTK_ACCESSIBLE_PROPERTY_DESCRIPTION',
                   'GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER', 'GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION',
                   'GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT'}

# (file relative to the source root, literal) → why it is not translated.
ALLOWLIST = {
}

TOKEN = re.compile (r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>(?:\bu8|\bL)?"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)+')
  | (?P<preproc>^[ \t]*\#(?:[^\n]|\\\n)*)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<space>\s+)
  | (?P<punct>.)
''', re.VERBOSE | re.DOTALL | re.MULTILINE)


def tokenize (text):
    """(kind, value, line) without comments, spaces or preprocessor lines."""
    line = 1
    for m in TOKEN.finditer (text):
        kind = m.lastgroup
        value = m.group ()
        if kind not in ('comment', 'space', 'preproc'):
            yield kind, value, line
        line += value.count ('\n')


def literal_text (token):
    body = token[token.index ('"') + 1:-1]
    return potools.unescape (body)


def is_words (text):
    """A literal is user text when a letter remains once printf and
    strftime conversions are taken out."""
    text = re.sub (r'%[-_0#+ ]*[0-9]*(?:\.[0-9]+)?(?:hh|h|ll|l|z|j|t|L|E|O)?[a-zA-Z%]', '', text)
    text = re.sub (r'%(?:' + r'G_G?U?INT(?:64|32|16|8|PTR)?_(?:FORMAT|MODIFIER)' + r')', '', text)
    return re.search (r'[^\W\d_]', text) is not None


def split_args (tokens, start):
    """tokens[start] is '('; returns ([arg token lists], index after ')')."""
    depth = 0
    args = [[]]
    i = start
    while i < len (tokens):
        kind, value, _ = tokens[i]
        if value in '([{' and kind == 'punct':
            depth += 1
            if depth > 1:
                args[-1].append (tokens[i])
        elif value in ')]}' and kind == 'punct':
            depth -= 1
            if depth == 0:
                return args, i + 1
            args[-1].append (tokens[i])
        elif value == ',' and kind == 'punct' and depth == 1:
            args.append ([])
        else:
            args[-1].append (tokens[i])
        i += 1
    return args, i


def bare_literals (arg):
    """The string literals of an argument that no wrapper call encloses."""
    found = []
    stack = []      # for each open parenthesis: is it a wrapper call?
    wrapped = 0
    previous = None
    literal = None
    for kind, value, line in arg:
        if kind == 'punct' and value == '(':
            is_wrapper = previous is not None and previous[0] == 'ident' and previous[1] in WRAPPERS
            stack.append (is_wrapper)
            wrapped += is_wrapper
        elif kind == 'punct' and value == ')':
            if stack:
                wrapped -= stack.pop ()
        elif kind == 'string' and not wrapped:
            # Adjacent literals are one string.
            if literal is not None and previous is not None and previous[0] == 'string':
                literal = (literal[0] + literal_text (value), literal[1])
                found[-1] = literal
            else:
                literal = (literal_text (value), line)
                found.append (literal)
        previous = (kind, value)
    return found


def ident_of (arg):
    idents = [v for k, v, _ in arg if k == 'ident']
    return idents[0] if idents else ''


def check_file (path, rel):
    with open (path, encoding='utf-8') as f:
        tokens = list (tokenize (f.read ()))
    problems = []

    def report (function, literals):
        for text, line in literals:
            if not is_words (text):
                continue
            if (rel, text) in ALLOWLIST:
                continue
            problems.append ('%s:%d: %s (…"%s"…) is not marked for translation'
                             % (rel, line, function, text))

    for i, (kind, value, line) in enumerate (tokens):
        if kind != 'ident' or i + 1 >= len (tokens) or tokens[i + 1][1] != '(':
            continue
        # A definition or declaration of the function is not a call.
        if i > 0 and tokens[i - 1][0] == 'ident' and tokens[i - 1][1] not in ('return', 'else'):
            continue
        if value in SETTERS:
            args, _ = split_args (tokens, i + 1)
            for index in SETTERS[value]:
                if index < len (args):
                    report (value, bare_literals (args[index]))
        elif value in ERRORS and ERRORS[value] is not None:
            domain_index, message_index = ERRORS[value]
            args, _ = split_args (tokens, i + 1)
            if len (args) > message_index and ident_of (args[domain_index]).startswith ('CST_'):
                report (value, bare_literals (args[message_index]))
        elif value in ('gtk_accessible_update_property', 'gtk_accessible_update_relation',
                       'gtk_accessible_update_state'):
            args, _ = split_args (tokens, i + 1)
            for a, b in zip (args, args[1:]):
                if ident_of (a) in ACCESSIBLE_TEXT:
                    report ('%s (%s)' % (value, ident_of (a)), bare_literals (b))

    # GOptionEntry tables: description and arg_description (fields 6, 7).
    for i, (kind, value, line) in enumerate (tokens):
        if kind == 'ident' and value == 'GOptionEntry':
            j = i + 1
            while j < len (tokens) and tokens[j][1] not in ('=', ';', '('):
                j += 1
            if j >= len (tokens) or tokens[j][1] != '=' or tokens[j + 1][1] != '{':
                continue
            rows, _ = split_args (tokens, j + 1)
            for row in rows:
                if not row or row[0][1] != '{':
                    continue
                fields, _ = split_args (row, 0)
                for index in (5, 6):
                    if index < len (fields):
                        report ('GOptionEntry', bare_literals (fields[index]))
    return problems


def main ():
    if len (sys.argv) < 2:
        sys.exit ('usage: check-c-strings.py SRC-DIR [FILE.c…]')
    srcdir = os.path.abspath (sys.argv[1])
    root = os.path.dirname (srcdir)
    files = [os.path.abspath (f) for f in sys.argv[2:]]
    if not files:
        for base, dirs, names in os.walk (srcdir):
            dirs.sort ()
            files += [os.path.join (base, n) for n in sorted (names) if n.endswith ('.c')]
    tap = potools.Tap ()
    for path in files:
        rel = os.path.relpath (path, root)
        tap.check (True, rel + ': user strings are marked for translation',
                   check_file (path, rel))
    unused = [k for k in ALLOWLIST if not os.path.exists (os.path.join (root, k[0]))]
    tap.check (True, 'every allowlist entry names an existing file',
               ['%s: no such file (remove the entry)' % k[0] for k in unused])
    return tap.done ()


if __name__ == '__main__':
    sys.exit (main ())
