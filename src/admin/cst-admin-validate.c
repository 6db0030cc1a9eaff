/* cst-admin-validate.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chushuitong-admin"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cst-admin.h"
#include "cst-core.h"

/*
 * chushuitong-admin validate TYPE VALUE: the validators of src/core as a
 * command, for scripts and for checking a value a user reports. Output is
 * written with stdio, not g_print(), so that the normalised value reaches
 * a pipe as the exact UTF-8 bytes whatever the locale's charset.
 */

typedef gboolean (*ValidateFunc) (const char  *input,
                                  char       **normalized,
                                  GError     **error);

static const struct {
  const char   *name;
  ValidateFunc  func;
} field_types[] = {
  { "uscc",     cst_validate_uscc },
  { "tin",      cst_validate_tin },
  { "phone",    cst_validate_phone },
  { "sms-code", cst_validate_sms_code },
  { "name",     cst_validate_name },
  { "username", cst_validate_username },
};

static void
print_usage (void)
{
  fprintf (stderr,
           "Usage: chushuitong-admin validate TYPE VALUE\n"
           "TYPE is one of resident-id, hkmo-permit, tw-permit, passport, foreign-pr,\n"
           "hkmotw-residence, uscc, tin, phone, sms-code, name, username, password.\n"
           "For password, VALUE - reads the password from the first line of standard\n"
           "input, which keeps it out of the process list and the shell history.\n");
}

/* The first line of stdin, without its line end; NULL on EOF or error. */
static char *
read_secret_line (void)
{
  GString *line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);

  if (c == EOF && (ferror (stdin) || line->len == 0))
    {
      explicit_bzero (line->str, line->len);
      g_string_free (line, TRUE);
      return NULL;
    }

  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  return g_string_free (line, FALSE);
}

static int
validate_password (const char *value)
{
  g_autoptr(GError) error = NULL;
  char *from_stdin = NULL;
  CstPasswordStrength strength;
  int ret;

  if (g_str_equal (value, "-"))
    {
      from_stdin = read_secret_line ();
      if (from_stdin == NULL)
        {
          fprintf (stderr, "%s\n", _("No password on standard input"));
          return CST_ADMIN_EXIT_FAILED;
        }
      value = from_stdin;
    }

  if (cst_password_policy_validate (value, NULL, &error))
    {
      cst_password_policy_check (value, NULL, &strength);
      /* Translators: %s is the password strength, e.g. “Strong” */
      printf (_("ok (strength: %s)"), cst_password_strength_get_label (strength));
      printf ("\n");
      ret = CST_ADMIN_EXIT_OK;
    }
  else
    {
      fprintf (stderr, "%s\n", error->message);
      ret = CST_ADMIN_EXIT_FAILED;
    }

  if (from_stdin != NULL)
    {
      explicit_bzero (from_stdin, strlen (from_stdin));
      g_free (from_stdin);
    }

  return ret;
}

int
cst_admin_validate (int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  const char *type;
  const char *value;
  CstIdType id_type;
  gboolean ok;

  if (argc != 3)
    {
      print_usage ();
      return CST_ADMIN_EXIT_USAGE;
    }

  type = argv[1];
  value = argv[2];

  if (g_str_equal (type, "password"))
    return validate_password (value);

  if (cst_id_type_from_string (type, &id_type))
    {
      ok = cst_validate_id (id_type, value, NULL, &normalized, &error);
    }
  else
    {
      ValidateFunc func = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (field_types); i++)
        {
          if (g_str_equal (type, field_types[i].name))
            func = field_types[i].func;
        }

      if (func == NULL)
        {
          fprintf (stderr, "chushuitong-admin: unknown type %s\n", type);
          print_usage ();
          return CST_ADMIN_EXIT_USAGE;
        }

      ok = func (value, &normalized, &error);
    }

  if (!ok)
    {
      fprintf (stderr, "%s\n", error->message);
      return CST_ADMIN_EXIT_FAILED;
    }

  printf ("%s\n", normalized);

  return CST_ADMIN_EXIT_OK;
}
