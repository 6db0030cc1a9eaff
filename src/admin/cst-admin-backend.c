/* cst-admin-backend.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chushuitong-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "cst-admin.h"
#include "cst-auth-error.h"
#include "cst-local-backend.h"

/*
 * The commands of chushuitong-admin that work on the identity database.
 * Each opens its own CstLocalBackend on the file (WAL + busy_timeout make
 * that safe while the app is running) and reports one line on failure.
 */

const char *
cst_admin_backend_usage (void)
{
  return "  add-enterprise CODE NAME\n"
         "                        register an enterprise by USCC or taxpayer ID\n"
         "  link ENTERPRISE ACCOUNT ROLE\n"
         "                        let a person act for an enterprise; ROLE is one of\n"
         "                        legal-representative, financial-officer, tax-officer,\n"
         "                        invoice-clerk; ACCOUNT is an ID number, phone or user name\n"
         "  list persons|enterprises|memberships\n"
         "                        list the database (personal data masked)\n"
         "  sms-outbox [--limit N] the codes the local service has \"sent\", newest last\n"
         "  unlock ACCOUNT        clear a lockout after wrong passwords\n"
         "  set-username ACCOUNT NAME\n"
         "                        set (or with \"\" remove) a person's user name\n"
         "  add-person ID-TYPE ID-NUMBER NAME PHONE PASSWORD\n"
         "                        add a person without SMS and face (testing)\n"
         "  seed-demo             add the demo persons and enterprises of the README\n";
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "chushuitong-admin: %s\n", message);
  fprintf (stderr, "Try “chushuitong-admin --help”.\n");
  return CST_ADMIN_EXIT_USAGE;
}

static int
failed (const GError *error)
{
  fprintf (stderr, "chushuitong-admin: %s\n", error->message);
  return CST_ADMIN_EXIT_FAILED;
}

static void
print_lines (char **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    printf ("%s\n", lines[i]);
}

static int
expect_args (int          argc,
             int          wanted,
             const char  *synopsis)
{
  if (argc == wanted)
    return CST_ADMIN_EXIT_OK;

  {
    g_autofree char *message = g_strdup_printf ("usage: %s", synopsis);
    return usage_error (message);
  }
}

int
cst_admin_backend_command (const char  *database,
                           int          argc,
                           char       **argv)
{
  g_autoptr(CstLocalBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  int rc;

  g_return_val_if_fail (argc >= 1, CST_ADMIN_EXIT_USAGE);

  command = argv[0];

  /* Check the command line before touching the database. */
  if (g_str_equal (command, "add-enterprise"))
    rc = expect_args (argc, 3, "add-enterprise CODE NAME");
  else if (g_str_equal (command, "link"))
    rc = expect_args (argc, 4, "link ENTERPRISE ACCOUNT ROLE");
  else if (g_str_equal (command, "list"))
    rc = expect_args (argc, 2, "list persons|enterprises|memberships");
  else if (g_str_equal (command, "sms-outbox"))
    rc = (argc == 1 || (argc == 3 && g_str_equal (argv[1], "--limit")))
         ? CST_ADMIN_EXIT_OK : usage_error ("usage: sms-outbox [--limit N]");
  else if (g_str_equal (command, "unlock"))
    rc = expect_args (argc, 2, "unlock ACCOUNT");
  else if (g_str_equal (command, "set-username"))
    rc = expect_args (argc, 3, "set-username ACCOUNT NAME");
  else if (g_str_equal (command, "add-person"))
    rc = expect_args (argc, 6, "add-person ID-TYPE ID-NUMBER NAME PHONE PASSWORD");
  else if (g_str_equal (command, "seed-demo"))
    rc = expect_args (argc, 1, "seed-demo");
  else
    {
      g_autofree char *message = g_strdup_printf ("unknown command “%s”", command);
      return usage_error (message);
    }

  if (rc != CST_ADMIN_EXIT_OK)
    return rc;

  if (g_str_equal (command, "list") &&
      !g_str_equal (argv[1], "persons") &&
      !g_str_equal (argv[1], "enterprises") &&
      !g_str_equal (argv[1], "memberships"))
    return usage_error ("usage: list persons|enterprises|memberships");

  if (g_str_equal (command, "link"))
    {
      CstRole role;

      if (!cst_role_from_string (argv[3], &role) || role == CST_ROLE_NONE)
        return usage_error ("ROLE is one of legal-representative, financial-officer, "
                            "tax-officer, invoice-clerk");
    }

  if (g_str_equal (command, "add-person"))
    {
      CstIdType id_type;

      if (!cst_id_type_from_string (argv[1], &id_type))
        return usage_error ("ID-TYPE is one of resident-id, hkmo-permit, tw-permit, passport, "
                            "foreign-pr, hkmotw-residence");
    }

  backend = cst_local_backend_new (database, NULL, NULL, NULL, NULL, &error);
  if (backend == NULL || !cst_local_backend_open (backend, &error))
    return failed (error);

  if (g_str_equal (command, "add-enterprise"))
    {
      if (!cst_local_backend_add_enterprise (backend, argv[1], argv[2], &error))
        return failed (error);
    }
  else if (g_str_equal (command, "link"))
    {
      CstRole role = CST_ROLE_NONE;

      cst_role_from_string (argv[3], &role);
      if (!cst_local_backend_link (backend, argv[1], argv[2], role, &error))
        return failed (error);
    }
  else if (g_str_equal (command, "list"))
    {
      g_auto(GStrv) lines = cst_local_backend_list (backend, argv[1], &error);

      if (lines == NULL)
        return failed (error);
      print_lines (lines);
    }
  else if (g_str_equal (command, "sms-outbox"))
    {
      g_auto(GStrv) lines = NULL;
      guint64 limit = 0;

      if (argc == 3 &&
          !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &limit, NULL))
        return usage_error ("--limit takes a positive number");

      if (!(lines = cst_local_backend_sms_outbox (backend, (guint) limit, &error)))
        return failed (error);
      print_lines (lines);
    }
  else if (g_str_equal (command, "unlock"))
    {
      if (!cst_local_backend_unlock (backend, argv[1], &error))
        return failed (error);
    }
  else if (g_str_equal (command, "set-username"))
    {
      if (!cst_local_backend_set_username (backend, argv[1], argv[2], &error))
        return failed (error);
    }
  else if (g_str_equal (command, "add-person"))
    {
      CstIdType id_type = CST_ID_TYPE_RESIDENT;
      gint64 id;

      cst_id_type_from_string (argv[1], &id_type);
      id = cst_local_backend_add_person (backend, id_type, argv[2], argv[3], argv[4], argv[5], &error);
      if (id <= 0)
        return failed (error);
      printf ("%" G_GINT64_FORMAT "\n", id);
    }
  else if (g_str_equal (command, "seed-demo"))
    {
      if (!cst_local_backend_seed_demo (backend, &error))
        return failed (error);
    }

  return CST_ADMIN_EXIT_OK;
}
