/* main.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chushuitong"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "cst-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CstApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  /* Run translated from the build tree (`meson devenv`, the tests, the
   * README's run command): the catalogues are built in <build>/po. */
  if (g_getenv ("CST_BUILD_TREE") != NULL)
    localedir = BUILD_LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cst_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
