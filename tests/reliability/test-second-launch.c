/* test-second-launch.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Starting the app while it runs must not open a second app on the same
 * database: the second launch hands over to the first (GApplication on
 * the session bus), which raises its window, and exits at once.
 *
 * The real chushuitong binary, on a temporary database, on a session bus
 * of this test's own (GTestDBus: another test of the suite running the
 * app on the headless session's bus cannot become "the first instance"),
 * under the X server of the headless session. Windows are counted twice:
 * the window objects GtkApplication exports on the bus (org.gtk.Actions
 * at <app path>/window/N), and the X top-level windows with the app's
 * title that belong to the first process (_NET_WM_PID).
 *
 * Whether the window has the keyboard focus cannot be seen here: there is
 * no window manager under Xvfb to give it. What is checked is what the
 * second launch does — forward to the first and leave — and that the
 * first still has exactly one window, mapped.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#define WINDOW_TITLE "Chushuitong Desktop"

typedef struct
{
  char            *dir;
  char            *database;
  GTestDBus       *bus;
  GDBusConnection *connection;
  char            *app_id;
  char            *app_path;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_remove (child);
      }

  g_rmdir (path);
}

static gboolean
name_has_owner (Fixture *f)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (f->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", f->app_id), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* The windows the primary instance exports, -1 when it cannot be asked. */
static int
bus_window_count (Fixture *f)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autofree char *path = g_strconcat (f->app_path, "/window", NULL);
  const char *xml = NULL;
  int n = 0;

  reply = g_dbus_connection_call_sync (f->connection, f->app_id, path,
                                       "org.freedesktop.DBus.Introspectable", "Introspect",
                                       NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, NULL, NULL);
  if (reply == NULL)
    return -1;

  g_variant_get (reply, "(&s)", &xml);
  if (!(node = g_dbus_node_info_new_for_xml (xml, NULL)))
    return -1;

  for (guint i = 0; node->nodes != NULL && node->nodes[i] != NULL; i++)
    n++;

  return n;
}

/* X top-level windows titled WINDOW_TITLE whose _NET_WM_PID is @pid and
 * that are mapped; -1 when xwininfo or xprop is missing. */
static int
x_window_count (GPid pid)
{
  g_autofree char *xwininfo = g_find_program_in_path ("xwininfo");
  g_autofree char *xprop = g_find_program_in_path ("xprop");
  g_autofree char *tree = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *wanted = g_strdup_printf ("= %d", (int) pid);
  int n = 0;

  if (xwininfo == NULL || xprop == NULL)
    return -1;

  {
    const char *argv[] = { xwininfo, "-root", "-children", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &tree, NULL, NULL, NULL));
  }

  lines = g_strsplit (tree, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *props = NULL;
      g_autofree char *info = NULL;
      const char *line = g_strstrip (lines[i]);

      if (!g_str_has_prefix (line, "0x") || strstr (line, "\"" WINDOW_TITLE "\"") == NULL)
        continue;

      id = g_strndup (line, strcspn (line, " "));
      {
        const char *argv[] = { xprop, "-id", id, "_NET_WM_PID", NULL };

        if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &props, NULL, NULL, NULL))
          continue;
      }
      if (props == NULL || !g_str_has_suffix (g_strchomp (props), wanted))
        continue;

      {
        const char *argv[] = { xwininfo, "-id", id, NULL };

        if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &info, NULL, NULL, NULL))
          continue;
      }
      if (info != NULL && strstr (info, "Map State: IsViewable") != NULL)
        n++;
    }

  return n;
}

static GSubprocess *
launch (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *app;

  app = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                          g_getenv ("CST_APP"), "--database", f->database, NULL);
  g_assert_no_error (error);

  return app;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
on_exited_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) data = TRUE;
}

/* Waits up to @timeout_ms for @app to exit, spinning the main context
 * (GSubprocess reaps through it); the milliseconds it took, or -1. */
static gint64
wait_exited (GSubprocess *app,
             guint        timeout_ms)
{
  gint64 start = g_get_monotonic_time ();
  gboolean exited = FALSE;
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_subprocess_wait_async (app, NULL, on_exited_cb, &exited);
  timeout_id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);
  while (!exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  if (!exited)
    {
      g_subprocess_force_exit (app);
      while (!exited)
        g_main_context_iteration (NULL, TRUE);
      return -1;
    }

  return (g_get_monotonic_time () - start) / 1000;
}

static void
wait_for_window (Fixture     *f,
                 GSubprocess *app)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!name_has_owner (f) || bus_window_count (f) < 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_nonnull (g_subprocess_get_identifier (app));
      g_usleep (50 * 1000);
    }
}

static void
test_second_launch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GVariant) reply = NULL;
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  GPid first_pid;
  gint64 took;
  int x_windows;

  if (g_getenv ("DISPLAY") == NULL || g_getenv ("DISPLAY")[0] == '\0')
    {
      g_test_skip ("DISPLAY is not set: run the ui suite inside build-aux/headless-session");
      return;
    }
  if (g_getenv ("CST_APP") == NULL || g_getenv ("CST_APP_ID") == NULL)
    {
      g_test_skip ("CST_APP and CST_APP_ID (the chushuitong binary and its ID) are not set");
      return;
    }

  f->app_id = g_strdup (g_getenv ("CST_APP_ID"));
  f->app_path = g_strdelimit (g_strconcat ("/", f->app_id, NULL), ".", '/');
  f->dir = g_dir_make_tmp ("cst-second-launch-XXXXXX", &error);
  g_assert_no_error (error);
  f->database = g_build_filename (f->dir, "identity.db", NULL);

  /* Sets DBUS_SESSION_BUS_ADDRESS for this process and the app; it also
   * clears DISPLAY (so that nothing autolaunches a bus), which the app
   * needs back. */
  {
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    g_test_dbus_up (f->bus);
    g_setenv ("DISPLAY", display, TRUE);
  }
  f->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  first = launch (f);
  first_pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (first), NULL, 10);
  wait_for_window (f, first);
  g_assert_cmpint (bus_window_count (f), ==, 1);

  /* The second launch forwards to the first and exits 0, at once. */
  second = launch (f);
  took = wait_exited (second, 10000);
  g_test_message ("the second launch exited after %" G_GINT64_FORMAT " ms", took);
  g_assert_cmpint (took, >=, 0);
  g_assert_cmpint (took, <, 5000);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);

  /* Still one app with one window, shown. */
  g_assert_nonnull (g_subprocess_get_identifier (first));
  g_assert_true (name_has_owner (f));
  g_assert_cmpint (bus_window_count (f), ==, 1);
  x_windows = x_window_count (first_pid);
  g_test_message ("%d mapped X window(s) titled \"%s\" of the first instance", x_windows, WINDOW_TITLE);
  if (x_windows < 0)
    g_test_message ("xwininfo or xprop is missing: X windows not counted");
  else
    g_assert_cmpint (x_windows, ==, 1);

  /* Quit the first through its app.quit action; it exits cleanly. */
  reply = g_dbus_connection_call_sync (f->connection, f->app_id, f->app_path, "org.gtk.Actions",
                                       "Activate", g_variant_new_parsed ("('quit', @av [], @a{sv} {})"),
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, NULL, &error);
  g_assert_no_error (error);
  took = wait_exited (first, 10000);
  g_assert_cmpint (took, >=, 0);
  g_assert_true (g_subprocess_get_if_exited (first));
  g_assert_cmpint (g_subprocess_get_exit_status (first), ==, 0);

  g_clear_object (&f->connection);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->database);
  g_free (f->app_id);
  g_free (f->app_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/Reliability/SecondLaunch/hands-over-to-the-first", test_second_launch);

  return g_test_run ();
}
