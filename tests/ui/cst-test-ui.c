/* cst-test-ui.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cst-test-ui.h"

void
cst_test_ui_init (int    *argc,
                  char ***argv)
{
  /* Tests assert English source strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
cst_test_ui_setup (CstTestUi     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CstLocalConfig config;

  fixture->dir = g_dir_make_tmp ("cst-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "identity.db", NULL);

  cst_local_config_init_defaults (&config);
  /* Tests must not wait for the equalised failure time. */
  config.min_failure_time_ms = 0;
  /* The OWASP floor, not the (higher) default: faster, same rules. */
  config.pwhash_memlimit = CST_PWHASH_OWASP_MEMLIMIT;
  config.pwhash_opslimit = CST_PWHASH_OWASP_OPSLIMIT;

  fixture->clock = cst_clock_new_manual (g_get_real_time ());
  fixture->sms = cst_capture_sms_gateway_new ();
  fixture->face = cst_scripted_face_verifier_new ();
  fixture->store = cst_memory_credential_store_new ();
  fixture->backend = cst_local_backend_new (path, fixture->clock,
                                            CST_SMS_GATEWAY (fixture->sms),
                                            CST_FACE_VERIFIER (fixture->face),
                                            &config, &error);
  g_assert_no_error (error);
  cst_local_backend_open (fixture->backend, &error);
  g_assert_no_error (error);

  fixture->service = cst_auth_service_new (CST_AUTH_BACKEND (fixture->backend),
                                           CST_CREDENTIAL_STORE (fixture->store));
  fixture->window = cst_window_new (NULL, fixture->service);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

void
cst_test_ui_teardown (CstTestUi     *fixture,
                      gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* Let pending service callbacks and idle sources finish. */
  cst_test_spin (50);

  g_clear_object (&fixture->service);
  g_clear_object (&fixture->backend);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->face);
  g_clear_object (&fixture->sms);
  g_clear_object (&fixture->clock);

  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

void
cst_test_ui_seed_demo (CstTestUi *fixture)
{
  g_autoptr(GError) error = NULL;

  cst_local_backend_seed_demo (fixture->backend, &error);
  g_assert_no_error (error);
}

gint64
cst_test_timeout_us (guint ms)
{
  static gint64 multiplier = 0;

  if (multiplier == 0)
    {
      const char *value = g_getenv ("CST_TIMEOUT_MULTIPLIER");
      gint64 parsed = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;

      multiplier = parsed > 0 ? parsed : 1;
    }

  return (gint64) ms * 1000 * multiplier;
}

void
cst_test_spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_test_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  guint *clicks = user_data;

  (*clicks)++;
}

void
cst_test_click (GtkWidget *widget)
{
  g_autoptr (GtkWidget) button = NULL;
  guint clicks = 0;
  gulong handler;

  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));

  if (!GTK_IS_BUTTON (widget))
    {
      gtk_widget_activate (widget);
      cst_test_spin (300);
      return;
    }

  /* A GtkButton ignores gtk_widget_activate until it is realized, and
   * then plays a ~250 ms press animation before "clicked". Under
   * valgrind neither happens within a fixed time, so wait for the window
   * to realize the button and for the signal itself. The 300 ms spin
   * stays so that a fast run gives what follows the click the same time
   * as before. The reference: "clicked" may take the button out of its
   * window (a page closing), and its handler must still be disconnected. */
  button = g_object_ref (widget);
  cst_test_wait_until (gtk_widget_get_realized (button), 30000);
  handler = g_signal_connect (button, "clicked", G_CALLBACK (on_test_clicked_cb), &clicks);
  gtk_widget_activate (button);
  cst_test_spin (300);
  cst_test_wait_until (clicks > 0, 30000);
  g_signal_handler_disconnect (button, handler);
}

void
cst_test_type (GtkWidget  *editable,
               const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  g_main_context_iteration (NULL, FALSE);
}

CstPage *
cst_test_ui_visible_page (CstTestUi *fixture)
{
  return cst_window_get_visible_page (fixture->window);
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  return NULL;
}

GtkWidget *
cst_test_find_text (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *child;

  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (g_strcmp0 (widget_text (root), text) == 0)
    return root;

  for (child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cst_test_find_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

const char *
cst_test_ui_last_toast (CstTestUi *fixture)
{
  return cst_window_get_last_toast (fixture->window);
}
