/* cst-fingerprint-reader.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cst-auth-error.h"

G_BEGIN_DECLS

/**
 * CstFingerprintAvailability:
 * @CST_FINGERPRINT_AVAILABLE: a reader with at least one enrolled finger
 * @CST_FINGERPRINT_NO_READER: no fprintd, no system bus, or no reader
 * @CST_FINGERPRINT_NO_ENROLLED_FINGER: a reader, but no finger enrolled
 *   for this user
 * @CST_FINGERPRINT_UNAVAILABLE: a reader that cannot be used now (in use,
 *   permission denied, not responding); the reason says which
 *
 * What cst_fingerprint_reader_probe_finish() found.
 */
typedef enum {
  CST_FINGERPRINT_AVAILABLE,
  CST_FINGERPRINT_NO_READER,
  CST_FINGERPRINT_NO_ENROLLED_FINGER,
  CST_FINGERPRINT_UNAVAILABLE,
} CstFingerprintAvailability;

/**
 * CstFingerprintFailure:
 * @CST_FINGERPRINT_FAILURE_NONE: not a fingerprint error
 * @CST_FINGERPRINT_FAILURE_NO_READER: no fprintd or no reader
 * @CST_FINGERPRINT_FAILURE_NO_ENROLLED_FINGER: nothing to verify against
 * @CST_FINGERPRINT_FAILURE_NO_MATCH: a finger was read and did not match
 * @CST_FINGERPRINT_FAILURE_DISCONNECTED: the reader went away mid-verify
 * @CST_FINGERPRINT_FAILURE_TIMEOUT: no result in time (hung reader, or
 *   nobody touched it)
 * @CST_FINGERPRINT_FAILURE_IN_USE: another program has claimed the reader
 * @CST_FINGERPRINT_FAILURE_PERMISSION_DENIED: polkit said no
 * @CST_FINGERPRINT_FAILURE_FAILED: any other reader or fprintd error
 *
 * Which fingerprint problem a %CST_AUTH_ERROR_FINGERPRINT error is; it is
 * the error's value (cst_auth_error_get_value()), see
 * cst_fingerprint_error_get_failure(). The message already says it in
 * words.
 */
typedef enum {
  CST_FINGERPRINT_FAILURE_NONE,
  CST_FINGERPRINT_FAILURE_NO_READER,
  CST_FINGERPRINT_FAILURE_NO_ENROLLED_FINGER,
  CST_FINGERPRINT_FAILURE_NO_MATCH,
  CST_FINGERPRINT_FAILURE_DISCONNECTED,
  CST_FINGERPRINT_FAILURE_TIMEOUT,
  CST_FINGERPRINT_FAILURE_IN_USE,
  CST_FINGERPRINT_FAILURE_PERMISSION_DENIED,
  CST_FINGERPRINT_FAILURE_FAILED,
} CstFingerprintFailure;

/*
 * The system's fingerprint reader through fprintd (net.reactivated.Fprint
 * on the system bus; DBUS_SYSTEM_BUS_ADDRESS is honoured, which is how the
 * tests point it at a fake). No GTK; everything is async and runs on the
 * thread-default main context of the caller.
 *
 * One verify at a time per reader object. The device is always released
 * before a verify finishes, whatever the outcome (match, no match, error,
 * timeout or cancellation).
 *
 * Properties:
 *   "connection"      GDBusConnection  construct-only, nullable: the bus to
 *                                      use; NULL means the system bus
 *   "call-timeout"    guint            ms for one D-Bus call (default 5000)
 *   "verify-timeout"  guint            ms to wait for a verify result once
 *                                      the reader is scanning (default 30000)
 *   "busy"            gboolean         read-only; a verify is running
 *
 * Signals:
 *   "prompt" (const char *message)  the reader is scanning: what to do
 *                                   (请将手指按压在指纹识别器上)
 *   "retry"  (const char *message)  a scan did not read well; the verify
 *                                   goes on: say it (请重新按压手指)
 */
#define CST_TYPE_FINGERPRINT_READER (cst_fingerprint_reader_get_type ())
G_DECLARE_FINAL_TYPE (CstFingerprintReader, cst_fingerprint_reader, CST, FINGERPRINT_READER, GObject)

CstFingerprintReader       *cst_fingerprint_reader_new                (void);
CstFingerprintReader       *cst_fingerprint_reader_new_for_connection (GDBusConnection       *connection);

guint                       cst_fingerprint_reader_get_call_timeout   (CstFingerprintReader  *self);
void                        cst_fingerprint_reader_set_call_timeout   (CstFingerprintReader  *self,
                                                                       guint                  timeout_ms);
guint                       cst_fingerprint_reader_get_verify_timeout (CstFingerprintReader  *self);
void                        cst_fingerprint_reader_set_verify_timeout (CstFingerprintReader  *self,
                                                                       guint                  timeout_ms);
gboolean                    cst_fingerprint_reader_get_busy           (CstFingerprintReader  *self);

/*
 * Is there a reader with an enrolled finger? Does not claim the device.
 * Fails only with G_IO_ERROR_CANCELLED; every fprintd problem is a state,
 * with a translated @reason (transfer full, NULL when available).
 */
void                        cst_fingerprint_reader_probe_async        (CstFingerprintReader  *self,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
CstFingerprintAvailability  cst_fingerprint_reader_probe_finish       (CstFingerprintReader  *self,
                                                                       GAsyncResult          *result,
                                                                       char                 **reason,
                                                                       GError               **error);

/*
 * Claims the reader and verifies any enrolled finger of this user.
 * Finishes TRUE on a match; otherwise FALSE with a CST_AUTH_ERROR_FINGERPRINT
 * error (see CstFingerprintFailure; a non-matching finger is
 * CST_FINGERPRINT_FAILURE_NO_MATCH), G_IO_ERROR_CANCELLED, or G_IO_ERROR_PENDING
 * when a verify is already running on this object.
 */
void                        cst_fingerprint_reader_verify_async       (CstFingerprintReader  *self,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
gboolean                    cst_fingerprint_reader_verify_finish      (CstFingerprintReader  *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);

/* The CstFingerprintFailure of @error, or CST_FINGERPRINT_FAILURE_NONE when
 * it is not a CST_AUTH_ERROR_FINGERPRINT error. */
CstFingerprintFailure       cst_fingerprint_error_get_failure         (const GError          *error);

G_END_DECLS
