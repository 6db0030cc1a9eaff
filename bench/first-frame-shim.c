/* first-frame-shim.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An LD_PRELOAD module that times the first frame of a GTK 4 app without
 * any hook in the app: it wraps gtk_window_present(), and on the first
 * call watches that window's surface. The first frame clock cycle that
 * rendered the surface ("render" seen by an emission hook) ends with
 * "after-paint"; there the shim waits for the X server to have processed
 * the drawing (gdk_display_sync, a round trip), reads the clock and
 * writes one line to $CST_BENCH_OUT:
 *
 *   exec_ns=… frame_ns=… frame_real_us=… [rss_kb=… pss_kb=… …]
 *
 * exec_ns comes from bench-exec (CLOCK_MONOTONIC just before execve),
 * frame_ns is CLOCK_MONOTONIC at the presented frame and frame_real_us
 * the wall clock then (to line it up with strace and dbus-monitor).
 * With CST_BENCH_MODE=memory it waits one more second and adds the
 * figures of /proc/self/smaps_rollup. Then the process exits at once.
 * The floor app and chushuitong load the very same shim, so the method
 * is identical for both.
 */

#define G_LOG_DOMAIN "cst-first-frame-shim"

#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gtk/gtk.h>

/* Exported for the dynamic linker only. */
void gtk_window_present (GtkWindow *window);

static gboolean  watching;
static gboolean  rendered;
static GString  *report;

static gint64
monotonic_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static void
finish (void)
{
  const char *path = g_getenv ("CST_BENCH_OUT");
  FILE *out;

  g_string_append_c (report, '\n');

  if (path != NULL && (out = fopen (path, "w")) != NULL)
    {
      fputs (report->str, out);
      fclose (out);
    }
  else
    fputs (report->str, stderr);

  /* Nothing the app would do on its way out is part of the measurement. */
  _exit (0);
}

static void
append_smaps_rollup (void)
{
  static const char * const keys[] = { "Rss", "Pss", "Pss_Anon", "Pss_File", "Private_Dirty" };
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gsize len = strlen (keys[k]);
          g_autofree char *key = NULL;

          if (strncmp (lines[i], keys[k], len) != 0 || lines[i][len] != ':')
            continue;

          key = g_ascii_strdown (keys[k], -1);
          g_string_append_printf (report, " %s_kb=%" G_GINT64_FORMAT,
                                  key, g_ascii_strtoll (lines[i] + len + 1, NULL, 10));
        }
    }
}

static gboolean
memory_cb (gpointer user_data)
{
  append_smaps_rollup ();
  finish ();

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   GdkSurface    *surface)
{
  gint64 frame_ns;

  if (!rendered)
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, surface);

  /* The drawing was sent; the round trip makes sure the server did it. */
  gdk_display_sync (gdk_surface_get_display (surface));
  frame_ns = monotonic_ns ();

  report = g_string_new (NULL);
  g_string_append_printf (report, "exec_ns=%s frame_ns=%" G_GINT64_FORMAT
                          " frame_real_us=%" G_GINT64_FORMAT,
                          g_getenv ("CST_BENCH_EXEC_NS") ?: "0",
                          frame_ns, g_get_real_time ());

  if (g_strcmp0 (g_getenv ("CST_BENCH_MODE"), "memory") == 0)
    g_timeout_add (1000, memory_cb, NULL);
  else
    finish ();
}

static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  if (g_value_get_object (&values[0]) == user_data)
    {
      rendered = TRUE;
      return FALSE;   /* one is enough: remove the hook */
    }

  return TRUE;
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *) = NULL;
  GdkSurface *surface;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");

  real_present (window);

  if (watching)
    return;
  watching = TRUE;

  /* Presenting realizes the window: its surface and frame clock exist. */
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_return_if_fail (surface != NULL);

  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              render_hook, surface, NULL);
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (on_after_paint_cb), surface);
}
