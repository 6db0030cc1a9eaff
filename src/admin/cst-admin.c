/* cst-admin.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chushuitong-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cst-admin.h"

static void
print_usage (FILE *stream)
{
  fprintf (stream,
           "Usage: chushuitong-admin [--database PATH] COMMAND [ARGS…]\n"
           "\n"
           "Administration of the embedded identity service of 楚税通 Desktop.\n"
           "The database is $CST_DATABASE or $XDG_DATA_HOME/chushuitong/identity.db\n"
           "unless --database is given. Safe to run while the app is open.\n"
           "\n"
           "Commands:\n"
           "  validate TYPE VALUE   check a value; TYPE is one of resident-id, hkmo-permit,\n"
           "                        tw-permit, passport, foreign-pr, hkmotw-residence, uscc,\n"
           "                        tin, phone, sms-code, name, username, password\n"
           "%s"
           "\n"
           "Exit status: 0 success, 1 failure (reason on stderr), 2 usage error.\n",
           cst_admin_backend_usage ());
}

int
main (int    argc,
      char **argv)
{
  const char *database = NULL;
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_usage (stdout);
          return CST_ADMIN_EXIT_OK;
        }
      else if (g_str_equal (argv[first], "--database") && first + 1 < argc)
        {
          database = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--database="))
        {
          database = argv[first] + strlen ("--database=");
          first += 1;
        }
      else
        {
          fprintf (stderr, "chushuitong-admin: unknown option %s\n", argv[first]);
          print_usage (stderr);
          return CST_ADMIN_EXIT_USAGE;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return CST_ADMIN_EXIT_USAGE;
    }

  if (g_str_equal (argv[first], "validate"))
    return cst_admin_validate (argc - first, argv + first);

  return cst_admin_backend_command (database, argc - first, argv + first);
}
