/* cst-fingerprint-reader.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The fprintd protocol as this client speaks it
 * ==============================================
 *
 * fprintd (net.reactivated.Fprint, system bus, D-Bus activatable) has a
 * Manager at /net/reactivated/Fprint/Manager and one object per reader.
 *
 * Probe (nothing is claimed, so probing never gets in anybody's way):
 *   Manager.GetDefaultDevice () → o         NoSuchDevice ⇒ no reader
 *   Device.ListEnrolledFingers ("") → as    NoEnrolledPrints or [] ⇒ none
 *
 * Verify:
 *   Manager.GetDefaultDevice () → o
 *   Properties.Get (Device, "scan-type")    "press" / "swipe", for the words
 *   Device.Claim ("")                       "" = the caller's own user;
 *                                           AlreadyInUse, PermissionDenied
 *   Device.VerifyStart ("any")              NoEnrolledPrints
 *   … signal Device.VerifyStatus (s result, b done), until done is TRUE:
 *       verify-match                        ⇒ TRUE
 *       verify-no-match                     ⇒ NO_MATCH
 *       verify-retry-scan, verify-swipe-too-short,
 *       verify-finger-not-centered,
 *       verify-remove-and-retry             ⇒ "retry" signal, keep waiting
 *                                             (done is FALSE for these)
 *       verify-disconnected                 ⇒ DISCONNECTED
 *       verify-unknown-error, anything else ⇒ FAILED
 *   Device.VerifyStop ()                    always, once VerifyStart succeeded
 *   Device.Release ()                       always, once Claim succeeded
 *
 * "Always" is the point of the design: fprintd keeps a device claimed until
 * Release (or until this process leaves the bus), and a claimed device is
 * AlreadyInUse for every other program — the login screen included. So:
 *
 *  - Claim and VerifyStart are sent without the caller's cancellable: a
 *    call cancelled on our side may still have succeeded on fprintd's, and
 *    then we would not know that we must undo it. Cancellation is looked at
 *    between the steps, and while waiting for VerifyStatus it ends the wait
 *    at once (a GCancellableSource in the task's main context).
 *  - Every call has a timeout ("call-timeout", 5 s), and the wait for a
 *    result has one too ("verify-timeout", 30 s), so a hung reader cannot
 *    keep a verify alive for ever.
 *  - Whatever ends a verify — a result, an error, the timeout, the
 *    cancellable — goes through verify_end(), which sends VerifyStop and
 *    Release (without a cancellable, each with the call timeout, errors
 *    only logged) and only then completes the task. When the callback runs
 *    the reader is free again.
 *  - VerifyStatus is taken from a GDBusProxy on the device, which only
 *    passes on signals from the current owner of net.reactivated.Fprint.
 *    A status that arrives before the VerifyStart reply has been handled
 *    is kept and handled right after it.
 *  - fprintd can go away mid-verify (a crash, a restart, the reader
 *    unplugged with it). No VerifyStatus will come then, so the proxy's
 *    g-name-owner is watched from Claim on: when the owner that took the
 *    claim leaves, the verify ends at once with DISCONNECTED instead of
 *    waiting out verify-timeout. Its claim left with it (fprintd holds
 *    claims in memory, and a new instance knows none), so VerifyStop and
 *    Release are not sent — they would reach nobody, or a new fprintd
 *    that never heard of us. A call in flight to the old owner gets
 *    NoReply from the bus, which also means DISCONNECTED.
 *
 * D-Bus errors are mapped to one CST_AUTH_ERROR_FINGERPRINT error with a
 * translated message and a CstFingerprintFailure as its value, so the UI
 * can show the message as it is and still tell the cases apart.
 */

#define G_LOG_DOMAIN "cst-fingerprint-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cst-fingerprint-reader.h"

#define FPRINT_NAME          "net.reactivated.Fprint"
#define FPRINT_MANAGER_PATH  "/net/reactivated/Fprint/Manager"
#define FPRINT_MANAGER_IFACE "net.reactivated.Fprint.Manager"
#define FPRINT_DEVICE_IFACE  "net.reactivated.Fprint.Device"
#define FPRINT_ERROR_PREFIX  "net.reactivated.Fprint.Error."

#define DEFAULT_CALL_TIMEOUT_MS   5000
#define DEFAULT_VERIFY_TIMEOUT_MS 30000

struct _CstFingerprintReader
{
  GObject          parent_instance;

  /* owned */
  GDBusConnection *connection;

  guint            call_timeout;
  guint            verify_timeout;
  guint            busy : 1;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_CALL_TIMEOUT,
  PROP_VERIFY_TIMEOUT,
  PROP_BUSY,
  N_PROPS
};

enum {
  PROMPT,
  RETRY,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CstFingerprintReader, cst_fingerprint_reader, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum {
  OP_PROBE,
  OP_VERIFY,
} OpKind;

typedef struct
{
  OpKind           kind;
  GDBusConnection *connection;
  GDBusProxy      *device;
  /* The outcome of a verify, kept while VerifyStop / Release run. */
  GError          *error;
  /* A VerifyStatus with done = TRUE that came before the VerifyStart reply. */
  char            *early_result;
  /* The unique name of the fprintd that the claim was asked of. */
  char            *owner;
  GSource         *timeout_source;
  GSource         *cancel_source;
  gulong           status_id;
  gulong           owner_id;
  guint            swipe : 1;
  guint            claimed : 1;
  guint            verifying : 1;
  /* Between VerifyStart and its end, the wait holds a task reference. */
  guint            waiting : 1;
  guint            ended : 1;
  /* That fprintd left the bus, with its claim and verify. */
  guint            vanished : 1;
} Op;

static void
op_free (Op *op)
{
  g_assert (op->timeout_source == NULL);
  g_assert (op->cancel_source == NULL);
  g_assert (op->status_id == 0);
  g_assert (op->owner_id == 0);

  g_clear_object (&op->connection);
  g_clear_object (&op->device);
  g_clear_error (&op->error);
  g_clear_pointer (&op->early_result, g_free);
  g_clear_pointer (&op->owner, g_free);
  g_free (op);
}

static GError *
fingerprint_error_new (CstFingerprintFailure  failure,
                       const char            *message)
{
  return cst_auth_error_new_literal (CST_AUTH_ERROR_FINGERPRINT, failure, NULL, message);
}

static GError *
no_service_error_new (void)
{
  return fingerprint_error_new (CST_FINGERPRINT_FAILURE_NO_READER,
                                _("The fingerprint service (fprintd) is not available"));
}

static GError *
disconnected_error_new (void)
{
  return fingerprint_error_new (CST_FINGERPRINT_FAILURE_DISCONNECTED,
                                _("The fingerprint reader was disconnected"));
}

static GError *
timeout_error_new (void)
{
  return fingerprint_error_new (CST_FINGERPRINT_FAILURE_TIMEOUT,
                                _("The fingerprint reader is not responding"));
}

/* Turns a GIO / D-Bus error of a call to fprintd into a fingerprint error
 * (cancellation stays as it is). */
static GError *
cancelled_error_new (GCancellable *cancellable)
{
  GError *error = NULL;

  /* Only called once @cancellable is cancelled; never a NULL (= match). */
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");

  return error;
}

static GError *
translate_error (const GError *error)
{
  g_autofree char *remote = NULL;

  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_dbus_error_is_remote_error (error))
    remote = g_dbus_error_get_remote_error (error);

  if (remote != NULL && g_str_has_prefix (remote, FPRINT_ERROR_PREFIX))
    {
      const char *name = remote + strlen (FPRINT_ERROR_PREFIX);

      if (g_str_equal (name, "NoSuchDevice"))
        return fingerprint_error_new (CST_FINGERPRINT_FAILURE_NO_READER,
                                      _("No fingerprint reader was found on this computer"));
      if (g_str_equal (name, "NoEnrolledPrints"))
        return fingerprint_error_new (CST_FINGERPRINT_FAILURE_NO_ENROLLED_FINGER,
                                      _("No fingerprint is enrolled for this user. "
                                        "Add one in the system settings (Users) first"));
      if (g_str_equal (name, "AlreadyInUse"))
        return fingerprint_error_new (CST_FINGERPRINT_FAILURE_IN_USE,
                                      _("The fingerprint reader is in use by another application"));
      if (g_str_equal (name, "PermissionDenied"))
        return fingerprint_error_new (CST_FINGERPRINT_FAILURE_PERMISSION_DENIED,
                                      _("Not allowed to use the fingerprint reader"));
      if (g_str_equal (name, "ClaimDevice"))
        return fingerprint_error_new (CST_FINGERPRINT_FAILURE_FAILED,
                                      _("The fingerprint reader could not be claimed"));
    }

  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_EXEC_FAILED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
    return no_service_error_new ();

  /* The bus says NoReply when fprintd left it with our call unanswered;
   * a call that merely took too long is G_IO_ERROR_TIMED_OUT (GDBus's
   * own timeout, which is shorter than the bus's). */
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY))
    return disconnected_error_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMED_OUT))
    return timeout_error_new ();

  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_AUTH_FAILED))
    return fingerprint_error_new (CST_FINGERPRINT_FAILURE_PERMISSION_DENIED,
                                  _("Not allowed to use the fingerprint reader"));

  /* Not user-facing detail, but useful when a reader misbehaves. */
  g_debug ("fprintd error: %s", error->message);

  return fingerprint_error_new (CST_FINGERPRINT_FAILURE_FAILED,
                                _("The fingerprint reader reported an error"));
}

static const char *
retry_message (const char *result,
               gboolean    swipe)
{
  if (g_str_equal (result, "verify-retry-scan"))
    return swipe ? _("Swipe your finger across the reader again")
                 : _("Press your finger on the reader again");
  if (g_str_equal (result, "verify-swipe-too-short"))
    return _("The swipe was too short, swipe your finger again");
  if (g_str_equal (result, "verify-finger-not-centered"))
    return _("Your finger was not centered, place it in the middle of the reader");
  if (g_str_equal (result, "verify-remove-and-retry"))
    return _("Lift your finger and try again");

  return NULL;
}

static void
set_busy (CstFingerprintReader *self,
          gboolean              busy)
{
  g_assert (CST_IS_FINGERPRINT_READER (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- ending a verify ---- */

static void
verify_return (GTask *task)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  set_busy (self, FALSE);

  if (op->error != NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_release_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (!(reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error)))
    g_debug ("Release failed: %s", error->message);

  verify_return (task);
}

static void
release_and_return (GTask *task)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  if (!op->claimed)
    {
      verify_return (task);
      return;
    }

  op->claimed = FALSE;
  g_dbus_proxy_call (op->device, "Release", NULL,
                     G_DBUS_CALL_FLAGS_NONE, self->call_timeout, NULL,
                     on_release_cb, g_object_ref (task));
}

static void
on_verify_stop_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (!(reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error)))
    g_debug ("VerifyStop failed: %s", error->message);

  release_and_return (task);
}

/*
 * Ends a verify with @error (transfer full), or with a match when @error
 * is NULL: stops the wait, then VerifyStop, Release, and the result.
 * Only the first call counts.
 */
static void
verify_end (GTask  *task,
            GError *error)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  if (op->ended)
    {
      g_clear_error (&error);
      return;
    }

  op->ended = TRUE;
  op->error = error;

  if (op->timeout_source != NULL)
    {
      g_source_destroy (op->timeout_source);
      g_clear_pointer (&op->timeout_source, g_source_unref);
    }
  if (op->cancel_source != NULL)
    {
      g_source_destroy (op->cancel_source);
      g_clear_pointer (&op->cancel_source, g_source_unref);
    }
  g_clear_signal_handler (&op->status_id, op->device);
  g_clear_signal_handler (&op->owner_id, op->device);

  /* The reference the wait held; the caller holds one of its own. */
  if (op->waiting)
    {
      op->waiting = FALSE;
      g_object_unref (task);
    }

  if (op->verifying)
    {
      op->verifying = FALSE;
      g_dbus_proxy_call (op->device, "VerifyStop", NULL,
                         G_DBUS_CALL_FLAGS_NONE, self->call_timeout, NULL,
                         on_verify_stop_cb, g_object_ref (task));
      return;
    }

  release_and_return (task);
}

/* ---- waiting for VerifyStatus ---- */

static void
handle_status (GTask      *task,
               const char *result,
               gboolean    done)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  const char *retry;

  g_debug ("VerifyStatus %s (done: %d)", result, done);

  if (g_str_equal (result, "verify-match"))
    {
      verify_end (task, NULL);
      return;
    }

  if (g_str_equal (result, "verify-no-match"))
    {
      verify_end (task, fingerprint_error_new (CST_FINGERPRINT_FAILURE_NO_MATCH,
                                               _("The fingerprint does not match")));
      return;
    }

  if (g_str_equal (result, "verify-disconnected"))
    {
      verify_end (task, disconnected_error_new ());
      return;
    }

  if ((retry = retry_message (result, op->swipe)) != NULL)
    {
      if (!done)
        {
          g_signal_emit (self, signals[RETRY], 0, retry);
          return;
        }

      /* A reader that gives up after a bad scan: say what went wrong. */
      verify_end (task, fingerprint_error_new (CST_FINGERPRINT_FAILURE_FAILED, retry));
      return;
    }

  /* verify-unknown-error, or a result this client does not know. A result
   * that is not final only means the reader goes on scanning. */
  if (done)
    verify_end (task, fingerprint_error_new (CST_FINGERPRINT_FAILURE_FAILED,
                                             _("The fingerprint reader reported an error")));
}

static void
on_device_signal_cb (GDBusProxy *proxy,
                     const char *sender_name,
                     const char *signal_name,
                     GVariant   *parameters,
                     gpointer    user_data)
{
  GTask *task = user_data;
  Op *op = g_task_get_task_data (task);
  const char *result = NULL;
  gboolean done = FALSE;

  if (!g_str_equal (signal_name, "VerifyStatus") ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sb)")) ||
      op->ended)
    return;

  g_variant_get (parameters, "(&sb)", &result, &done);

  if (!op->verifying)
    {
      /* VerifyStart is still on its way back; a final status is kept for
       * then, anything else can only be a retry that no longer matters. */
      if (done && op->early_result == NULL)
        op->early_result = g_strdup (result);
      return;
    }

  /* handle_status may end the wait, which drops the wait's reference. */
  g_object_ref (task);
  handle_status (task, result, done);
  g_object_unref (task);
}

static void
on_name_owner_cb (GDBusProxy *proxy,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  GTask *task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autofree char *owner = g_dbus_proxy_get_name_owner (proxy);

  if (op->ended || op->vanished || g_strcmp0 (owner, op->owner) == 0)
    return;

  g_debug ("fprintd %s left the bus (now: %s)", op->owner, owner != NULL ? owner : "none");

  op->vanished = TRUE;
  op->claimed = FALSE;
  op->verifying = FALSE;

  /* Before the wait, a call to the old owner is in flight: the bus fails
   * it (NoReply) and its callback ends the verify. */
  if (!op->waiting)
    return;

  g_object_ref (task);
  verify_end (task, disconnected_error_new ());
  g_object_unref (task);
}

static gboolean
on_verify_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;

  g_debug ("No verify result in time");

  g_object_ref (task);
  verify_end (task,
              fingerprint_error_new (CST_FINGERPRINT_FAILURE_TIMEOUT,
                                     _("The fingerprint reader did not answer in time, try again")));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static gboolean
on_verify_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  GTask *task = user_data;

  g_object_ref (task);
  verify_end (task, cancelled_error_new (cancellable));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
on_verify_start_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error);

  /* Whatever the reply, the fprintd it came from (or did not) is gone. */
  if (op->vanished)
    {
      verify_end (task, disconnected_error_new ());
      return;
    }

  if (reply == NULL)
    {
      /* A timed-out VerifyStart may still have started: stop it to be sure. */
      op->verifying = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
      verify_end (task, translate_error (error));
      return;
    }

  op->verifying = TRUE;

  if (op->early_result != NULL)
    {
      g_autofree char *early = g_steal_pointer (&op->early_result);

      handle_status (task, early, TRUE);
      return;
    }

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      verify_end (task, cancelled_error_new (cancellable));
      return;
    }

  /* The wait keeps the task alive; verify_end() gives the reference back. */
  op->waiting = TRUE;

  op->timeout_source = g_timeout_source_new (self->verify_timeout);
  g_source_set_static_name (op->timeout_source, "[cst] fingerprint verify timeout");
  g_source_set_callback (op->timeout_source, on_verify_timeout_cb, task, NULL);
  g_source_attach (op->timeout_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      op->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (op->cancel_source, "[cst] fingerprint verify cancel");
      g_source_set_callback (op->cancel_source, G_SOURCE_FUNC (on_verify_cancelled_cb), task, NULL);
      g_source_attach (op->cancel_source, g_task_get_context (task));
    }

  g_signal_emit (self, signals[PROMPT], 0,
                 op->swipe ? _("Swipe your finger across the fingerprint reader")
                           : _("Place your finger on the fingerprint reader"));

  g_steal_pointer (&task);
}

static void
on_claim_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error);

  /* Whatever the reply, the fprintd it came from (or did not) is gone. */
  if (op->vanished)
    {
      verify_end (task, disconnected_error_new ());
      return;
    }

  if (reply == NULL)
    {
      /* A timed-out Claim may still have been granted: release to be sure. */
      op->claimed = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
      verify_end (task, translate_error (error));
      return;
    }

  op->claimed = TRUE;

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      verify_end (task, cancelled_error_new (cancellable));
      return;
    }

  g_dbus_proxy_call (op->device, "VerifyStart", g_variant_new ("(s)", "any"),
                     G_DBUS_CALL_FLAGS_NONE, self->call_timeout, NULL,
                     on_verify_start_cb, g_steal_pointer (&task));
}

static void
on_scan_type_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  if ((reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error)))
    {
      g_autoptr(GVariant) value = NULL;

      g_variant_get (reply, "(v)", &value);
      op->swipe = g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                  g_str_equal (g_variant_get_string (value, NULL), "swipe");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      verify_end (task, g_steal_pointer (&error));
      return;
    }
  else
    {
      /* Only the wording depends on it. */
      g_debug ("No scan-type: %s", error->message);
    }

  /* fprintd left between GetDefaultDevice and now. */
  if ((op->owner = g_dbus_proxy_get_name_owner (op->device)) == NULL)
    {
      verify_end (task, disconnected_error_new ());
      return;
    }

  op->status_id = g_signal_connect (op->device, "g-signal",
                                    G_CALLBACK (on_device_signal_cb), task);
  op->owner_id = g_signal_connect (op->device, "notify::g-name-owner",
                                   G_CALLBACK (on_name_owner_cb), task);

  g_dbus_proxy_call (op->device, "Claim", g_variant_new ("(s)", ""),
                     G_DBUS_CALL_FLAGS_NONE, self->call_timeout, NULL,
                     on_claim_cb, g_steal_pointer (&task));
}

static void
verify_with_device (GTask *task)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  g_dbus_connection_call (op->connection, FPRINT_NAME,
                          g_dbus_proxy_get_object_path (op->device),
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", FPRINT_DEVICE_IFACE, "scan-type"),
                          G_VARIANT_TYPE ("(v)"),
                          G_DBUS_CALL_FLAGS_NONE, self->call_timeout,
                          g_task_get_cancellable (task),
                          on_scan_type_cb, g_object_ref (task));
}

/* ---- probing ---- */

static void
probe_return (GTask                      *task,
              CstFingerprintAvailability  availability,
              const GError               *error)
{
  Op *op = g_task_get_task_data (task);

  g_assert (op->kind == OP_PROBE);

  if (error != NULL)
    {
      g_clear_error (&op->error);
      op->error = g_error_copy (error);
    }

  g_task_return_int (task, availability);
}

static void
probe_fail (GTask        *task,
            const GError *error)
{
  CstFingerprintAvailability availability;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  switch (cst_fingerprint_error_get_failure (error))
    {
    case CST_FINGERPRINT_FAILURE_NO_READER:
      availability = CST_FINGERPRINT_NO_READER;
      break;

    case CST_FINGERPRINT_FAILURE_NO_ENROLLED_FINGER:
      availability = CST_FINGERPRINT_NO_ENROLLED_FINGER;
      break;

    case CST_FINGERPRINT_FAILURE_NONE:
    case CST_FINGERPRINT_FAILURE_NO_MATCH:
    case CST_FINGERPRINT_FAILURE_DISCONNECTED:
    case CST_FINGERPRINT_FAILURE_TIMEOUT:
    case CST_FINGERPRINT_FAILURE_IN_USE:
    case CST_FINGERPRINT_FAILURE_PERMISSION_DENIED:
    case CST_FINGERPRINT_FAILURE_FAILED:
    default:
      availability = CST_FINGERPRINT_UNAVAILABLE;
      break;
    }

  probe_return (task, availability, error);
}

/* Fails the operation with @error (transfer full) at a step before
 * anything was claimed. */
static void
op_fail (GTask  *task,
         GError *error)
{
  g_autoptr(GError) owned = error;
  Op *op = g_task_get_task_data (task);

  if (op->kind == OP_PROBE)
    probe_fail (task, owned);
  else
    verify_end (task, g_steal_pointer (&owned));
}

static void
on_list_enrolled_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) fingers = NULL;
  g_autoptr(GError) error = NULL;

  if (!(reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error)))
    {
      op_fail (task, translate_error (error));
      return;
    }

  fingers = g_variant_get_child_value (reply, 0);
  if (g_variant_n_children (fingers) == 0)
    {
      g_autoptr(GError) none = NULL;

      none = fingerprint_error_new (CST_FINGERPRINT_FAILURE_NO_ENROLLED_FINGER,
                                    _("No fingerprint is enrolled for this user. "
                                      "Add one in the system settings (Users) first"));
      probe_fail (task, none);
      return;
    }

  probe_return (task, CST_FINGERPRINT_AVAILABLE, NULL);
}

/* ---- finding the device ---- */

static void
on_device_proxy_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (!(op->device = g_dbus_proxy_new_finish (result, &error)))
    {
      op_fail (task, translate_error (error));
      return;
    }

  if (op->kind == OP_VERIFY)
    {
      verify_with_device (task);
      return;
    }

  g_dbus_proxy_call (op->device, "ListEnrolledFingers", g_variant_new ("(s)", ""),
                     G_DBUS_CALL_FLAGS_NONE, self->call_timeout, cancellable,
                     on_list_enrolled_cb, g_steal_pointer (&task));
}

static void
on_default_device_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  const char *path = NULL;

  if (!(reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error)))
    {
      op_fail (task, translate_error (error));
      return;
    }

  g_variant_get (reply, "(&o)", &path);

  /* Properties are read with a timeout of our own (the proxy's initial
   * GetAll has none we could set); the service is already running. */
  g_dbus_proxy_new (op->connection,
                    (G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                     G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START),
                    NULL, FPRINT_NAME, path, FPRINT_DEVICE_IFACE, cancellable,
                    on_device_proxy_cb, g_steal_pointer (&task));
}

static void
get_default_device (GTask *task)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  /* Auto-starts fprintd, which is activated on demand. */
  g_dbus_connection_call (op->connection, FPRINT_NAME, FPRINT_MANAGER_PATH,
                          FPRINT_MANAGER_IFACE, "GetDefaultDevice", NULL,
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, self->call_timeout,
                          g_task_get_cancellable (task),
                          on_default_device_cb, g_object_ref (task));
}

static void
on_bus_get_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);

  if (!(op->connection = g_bus_get_finish (result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        op_fail (task, g_steal_pointer (&error));
      else
        {
          g_debug ("No system bus: %s", error->message);
          op_fail (task, no_service_error_new ());
        }
      return;
    }

  get_default_device (task);
}

static GTask *
op_task_new (CstFingerprintReader *self,
             OpKind                kind,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data)
{
  GTask *task;
  Op *op;

  op = g_new0 (Op, 1);
  op->kind = kind;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);

  return task;
}

static void
op_start (GTask *task)
{
  CstFingerprintReader *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  if (self->connection != NULL)
    {
      op->connection = g_object_ref (self->connection);
      get_default_device (task);
      return;
    }

  g_bus_get (G_BUS_TYPE_SYSTEM, g_task_get_cancellable (task),
             on_bus_get_cb, g_object_ref (task));
}

/* ---- GObject ---- */

static void
cst_fingerprint_reader_dispose (GObject *object)
{
  CstFingerprintReader *self = CST_FINGERPRINT_READER (object);

  g_clear_object (&self->connection);

  G_OBJECT_CLASS (cst_fingerprint_reader_parent_class)->dispose (object);
}

static void
cst_fingerprint_reader_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CstFingerprintReader *self = CST_FINGERPRINT_READER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_CALL_TIMEOUT:
      g_value_set_uint (value, self->call_timeout);
      break;

    case PROP_VERIFY_TIMEOUT:
      g_value_set_uint (value, self->verify_timeout);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_fingerprint_reader_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CstFingerprintReader *self = CST_FINGERPRINT_READER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    case PROP_CALL_TIMEOUT:
      cst_fingerprint_reader_set_call_timeout (self, g_value_get_uint (value));
      break;

    case PROP_VERIFY_TIMEOUT:
      cst_fingerprint_reader_set_verify_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_fingerprint_reader_class_init (CstFingerprintReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cst_fingerprint_reader_dispose;
  object_class->get_property = cst_fingerprint_reader_get_property;
  object_class->set_property = cst_fingerprint_reader_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CALL_TIMEOUT] =
    g_param_spec_uint ("call-timeout", NULL, NULL,
                       1, G_MAXINT, DEFAULT_CALL_TIMEOUT_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFY_TIMEOUT] =
    g_param_spec_uint ("verify-timeout", NULL, NULL,
                       1, G_MAXINT, DEFAULT_VERIFY_TIMEOUT_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROMPT] =
    g_signal_new ("prompt",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  signals[RETRY] =
    g_signal_new ("retry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cst_fingerprint_reader_init (CstFingerprintReader *self)
{
  self->call_timeout = DEFAULT_CALL_TIMEOUT_MS;
  self->verify_timeout = DEFAULT_VERIFY_TIMEOUT_MS;
}

/* ---- public API ---- */

/**
 * cst_fingerprint_reader_new:
 *
 * Returns: (transfer full): a reader on the system bus
 */
CstFingerprintReader *
cst_fingerprint_reader_new (void)
{
  return g_object_new (CST_TYPE_FINGERPRINT_READER, NULL);
}

/**
 * cst_fingerprint_reader_new_for_connection:
 * @connection: (nullable): the bus fprintd is on; NULL for the system bus
 *
 * Returns: (transfer full): a reader
 */
CstFingerprintReader *
cst_fingerprint_reader_new_for_connection (GDBusConnection *connection)
{
  g_return_val_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection), NULL);

  return g_object_new (CST_TYPE_FINGERPRINT_READER,
                       "connection", connection,
                       NULL);
}

guint
cst_fingerprint_reader_get_call_timeout (CstFingerprintReader *self)
{
  g_return_val_if_fail (CST_IS_FINGERPRINT_READER (self), 0);

  return self->call_timeout;
}

void
cst_fingerprint_reader_set_call_timeout (CstFingerprintReader *self,
                                         guint                 timeout_ms)
{
  g_return_if_fail (CST_IS_FINGERPRINT_READER (self));
  g_return_if_fail (timeout_ms > 0 && timeout_ms <= G_MAXINT);

  if (self->call_timeout == timeout_ms)
    return;

  self->call_timeout = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_TIMEOUT]);
}

guint
cst_fingerprint_reader_get_verify_timeout (CstFingerprintReader *self)
{
  g_return_val_if_fail (CST_IS_FINGERPRINT_READER (self), 0);

  return self->verify_timeout;
}

void
cst_fingerprint_reader_set_verify_timeout (CstFingerprintReader *self,
                                           guint                 timeout_ms)
{
  g_return_if_fail (CST_IS_FINGERPRINT_READER (self));
  g_return_if_fail (timeout_ms > 0 && timeout_ms <= G_MAXINT);

  if (self->verify_timeout == timeout_ms)
    return;

  self->verify_timeout = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFY_TIMEOUT]);
}

gboolean
cst_fingerprint_reader_get_busy (CstFingerprintReader *self)
{
  g_return_val_if_fail (CST_IS_FINGERPRINT_READER (self), FALSE);

  return self->busy;
}

void
cst_fingerprint_reader_probe_async (CstFingerprintReader *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CST_IS_FINGERPRINT_READER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_PROBE, cancellable, callback, user_data);
  g_task_set_source_tag (task, cst_fingerprint_reader_probe_async);
  op_start (task);
}

/**
 * cst_fingerprint_reader_probe_finish:
 * @reason: (out) (optional) (transfer full) (nullable): why the reader
 *   cannot be used, translated; NULL when it can
 *
 * Returns: the state of the reader; %CST_FINGERPRINT_UNAVAILABLE with
 *   @error set when the probe was cancelled
 */
CstFingerprintAvailability
cst_fingerprint_reader_probe_finish (CstFingerprintReader  *self,
                                     GAsyncResult          *result,
                                     char                 **reason,
                                     GError               **error)
{
  GError *local_error = NULL;
  Op *op;
  gssize availability;

  g_return_val_if_fail (CST_IS_FINGERPRINT_READER (self), CST_FINGERPRINT_UNAVAILABLE);
  g_return_val_if_fail (g_task_is_valid (result, self), CST_FINGERPRINT_UNAVAILABLE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cst_fingerprint_reader_probe_async,
                        CST_FINGERPRINT_UNAVAILABLE);

  if (reason != NULL)
    *reason = NULL;

  availability = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return CST_FINGERPRINT_UNAVAILABLE;
    }

  op = g_task_get_task_data (G_TASK (result));
  if (reason != NULL && op->error != NULL)
    *reason = g_strdup (op->error->message);

  return (CstFingerprintAvailability) availability;
}

void
cst_fingerprint_reader_verify_async (CstFingerprintReader *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CST_IS_FINGERPRINT_READER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->busy)
    {
      g_task_report_new_error (self, callback, user_data,
                               cst_fingerprint_reader_verify_async,
                               G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The fingerprint reader is already verifying"));
      return;
    }

  set_busy (self, TRUE);

  task = op_task_new (self, OP_VERIFY, cancellable, callback, user_data);
  g_task_set_source_tag (task, cst_fingerprint_reader_verify_async);
  op_start (task);
}

gboolean
cst_fingerprint_reader_verify_finish (CstFingerprintReader  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (CST_IS_FINGERPRINT_READER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

CstFingerprintFailure
cst_fingerprint_error_get_failure (const GError *error)
{
  gint64 value;

  if (!g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FINGERPRINT))
    return CST_FINGERPRINT_FAILURE_NONE;

  value = cst_auth_error_get_value (error);
  if (value <= CST_FINGERPRINT_FAILURE_NONE || value > CST_FINGERPRINT_FAILURE_FAILED)
    return CST_FINGERPRINT_FAILURE_FAILED;

  return (CstFingerprintFailure) value;
}
