/* cst-fake-fprintd.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Starts tests/service/fake-fprintd.py (its own private system-like bus
 * with a fake net.reactivated.Fprint on it) and points
 * DBUS_SYSTEM_BUS_ADDRESS at that bus, so that the reader's ordinary
 * system-bus path talks to the fake. Call it in main() before anything
 * touches the system bus; G_TEST_SRCDIR must be tests/.
 *
 * Header-only so that the service and the ui suites share it without a
 * library of their own. The fake lives as long as the write end of its
 * stdin: cst_fake_fprintd_stop() closes it (and a crashed test closes it
 * too), then the fake stops its bus and exits.
 */
typedef struct
{
  GPid             pid;
  int              stdin_fd;
  GDBusConnection *bus;
  /* The fake's unique name: the control interface is reached there even
   * when the scenario no-service gave up net.reactivated.Fprint. */
  char            *unique_name;
} CstFakeFprintd;

#define CST_FAKE_FPRINTD_CONTROL_PATH  "/io/github/chushuitong/FakeFprint"
#define CST_FAKE_FPRINTD_CONTROL_IFACE "io.github.chushuitong.FakeFprint"

static inline void
cst_fake_fprintd_start (CstFakeFprintd *fake)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *address = NULL;
  g_autofree char *script = NULL;
  const char *python = g_getenv ("CST_TEST_PYTHON");
  int stdout_fd = -1;
  gsize terminator = 0;

  script = g_test_build_filename (G_TEST_DIST, "service", "fake-fprintd.py", NULL);
  {
    /* python3 with gi: the one on PATH may be a build without it. */
    const char *argv[] = { python != NULL ? python : "/usr/bin/python3", script, NULL };

    /* DO_NOT_REAP_CHILD: the fake is our child, reaped by
     * cst_fake_fprintd_stop. Without it GLib forks an intermediate child
     * that _exits at once, leaving the fake to init (the waitpid below
     * then fails with ECHILD), and under valgrind that forked copy of the
     * test reports as lost every block only another thread pointed to. */
    g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                              NULL, NULL, &fake->pid,
                              &fake->stdin_fd, &stdout_fd, NULL, &error);
    g_assert_no_error (error);
  }

  /* The address and the unique name, printed once the fake owns its name. */
  channel = g_io_channel_unix_new (stdout_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_line (channel, &address, NULL, &terminator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  address[terminator] = '\0';
  g_assert_true (g_str_has_prefix (address, "unix:"));
  g_io_channel_read_line (channel, &fake->unique_name, NULL, &terminator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fake->unique_name);
  fake->unique_name[terminator] = '\0';
  g_assert_true (g_dbus_is_unique_name (fake->unique_name));

  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);

  fake->bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  g_assert_no_error (error);
}

static inline void
cst_fake_fprintd_stop (CstFakeFprintd *fake)
{
  int status = 0;

  g_clear_object (&fake->bus);
  g_clear_pointer (&fake->unique_name, g_free);
  close (fake->stdin_fd);
  while (waitpid (fake->pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (fake->pid);
}

static inline GVariant *
cst_fake_fprintd_control (CstFakeFprintd     *fake,
                          const char         *method,
                          GVariant           *parameters,
                          const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (fake->bus, fake->unique_name,
                                       CST_FAKE_FPRINTD_CONTROL_PATH,
                                       CST_FAKE_FPRINTD_CONTROL_IFACE,
                                       method, parameters, reply_type,
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

/* Selects a scenario of fake-fprintd.py and forgets calls and claims. */
static inline void
cst_fake_fprintd_set_scenario (CstFakeFprintd *fake,
                               const char     *scenario)
{
  g_autoptr(GVariant) reply = NULL;

  reply = cst_fake_fprintd_control (fake, "SetScenario", g_variant_new ("(s)", scenario), NULL);
}

/* The calls the fake received, joined with spaces ("Claim VerifyStart:any …"). */
static inline char *
cst_fake_fprintd_get_calls (CstFakeFprintd *fake)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **calls = NULL;

  reply = cst_fake_fprintd_control (fake, "GetCalls", NULL, G_VARIANT_TYPE ("(as)"));
  g_variant_get (reply, "(^a&s)", &calls);

  return g_strjoinv (" ", (char **) calls);
}

/* Whether the device is claimed or verifying right now. */
static inline void
cst_fake_fprintd_get_state (CstFakeFprintd *fake,
                            gboolean       *claimed,
                            gboolean       *verifying)
{
  g_autoptr(GVariant) reply = NULL;

  reply = cst_fake_fprintd_control (fake, "GetState", NULL, G_VARIANT_TYPE ("(bb)"));
  g_variant_get (reply, "(bb)", claimed, verifying);
}

G_END_DECLS
