/* test-fingerprint-reader.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CstFingerprintReader against fake-fprintd.py on a private system-like
 * bus (DBUS_SYSTEM_BUS_ADDRESS), one scenario per test. Besides the
 * result, every verify test checks what the fake saw: that the device was
 * stopped and released whatever happened, and that it is free afterwards.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cst-fake-fprintd.h"
#include "cst-fingerprint-reader.h"

/* Short, so that the timeout tests stay fast. */
#define TEST_CALL_TIMEOUT_MS   300
#define TEST_VERIFY_TIMEOUT_MS 300

static CstFakeFprintd fake;

typedef struct
{
  CstFingerprintReader *reader;
  GPtrArray            *prompts;
  GPtrArray            *retries;
  GAsyncResult         *result;
} Fixture;

static void
on_prompt_cb (CstFingerprintReader *reader,
              const char           *message,
              Fixture              *fixture)
{
  g_ptr_array_add (fixture->prompts, g_strdup (message));
}

static void
on_retry_cb (CstFingerprintReader *reader,
             const char           *message,
             Fixture              *fixture)
{
  g_ptr_array_add (fixture->retries, g_strdup (message));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *scenario = data;

  cst_fake_fprintd_set_scenario (&fake, scenario);

  fixture->reader = cst_fingerprint_reader_new ();
  cst_fingerprint_reader_set_call_timeout (fixture->reader, TEST_CALL_TIMEOUT_MS);
  cst_fingerprint_reader_set_verify_timeout (fixture->reader, TEST_VERIFY_TIMEOUT_MS);
  fixture->prompts = g_ptr_array_new_with_free_func (g_free);
  fixture->retries = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->reader, "prompt", G_CALLBACK (on_prompt_cb), fixture);
  g_signal_connect (fixture->reader, "retry", G_CALLBACK (on_retry_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->result);
  g_assert_finalize_object (fixture->reader);
  g_clear_pointer (&fixture->prompts, g_ptr_array_unref);
  g_clear_pointer (&fixture->retries, g_ptr_array_unref);
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static CstFingerprintAvailability
probe (Fixture  *fixture,
       char    **reason)
{
  g_autoptr(GError) error = NULL;
  CstFingerprintAvailability availability;

  cst_fingerprint_reader_probe_async (fixture->reader, NULL, on_result_cb, &fixture->result);
  wait_for_result (&fixture->result);
  availability = cst_fingerprint_reader_probe_finish (fixture->reader, fixture->result,
                                                      reason, &error);
  g_assert_no_error (error);

  return availability;
}

static gboolean
verify (Fixture       *fixture,
        GCancellable  *cancellable,
        GError       **error)
{
  g_clear_object (&fixture->result);
  cst_fingerprint_reader_verify_async (fixture->reader, cancellable, on_result_cb, &fixture->result);
  g_assert_true (cst_fingerprint_reader_get_busy (fixture->reader));
  wait_for_result (&fixture->result);
  g_assert_false (cst_fingerprint_reader_get_busy (fixture->reader));

  return cst_fingerprint_reader_verify_finish (fixture->reader, fixture->result, error);
}

static void
assert_calls (const char *expected)
{
  g_autofree char *calls = cst_fake_fprintd_get_calls (&fake);

  g_assert_cmpstr (calls, ==, expected);
}

/* Nobody holds the device once a verify has finished. */
static void
assert_device_free (void)
{
  gboolean claimed = TRUE;
  gboolean verifying = TRUE;

  cst_fake_fprintd_get_state (&fake, &claimed, &verifying);
  g_assert_false (verifying);
  g_assert_false (claimed);
}

static void
assert_failure (GError                *error,
                CstFingerprintFailure  failure,
                const char            *message)
{
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FINGERPRINT);
  g_assert_cmpint (cst_fingerprint_error_get_failure (error), ==, failure);
  g_assert_cmpstr (error->message, ==, message);
}

/* ---- probe ---- */

static void
test_probe_available (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *stale = g_strdup ("stale");
  char *reason = stale;

  /* An (out) argument is overwritten, not freed: the caller's stale
   * value must come back as NULL. */
  g_assert_cmpint (probe (fixture, &reason), ==, CST_FINGERPRINT_AVAILABLE);
  g_assert_null (reason);
  /* Probing never claims: it must not lock other programs out. */
  assert_calls ("GetDefaultDevice ListEnrolledFingers");
  assert_device_free ();
}

static void
test_probe_no_reader (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *reason = NULL;

  g_assert_cmpint (probe (fixture, &reason), ==, CST_FINGERPRINT_NO_READER);
  g_assert_cmpstr (reason, ==, "No fingerprint reader was found on this computer");
  assert_calls ("GetDefaultDevice");
}

static void
test_probe_no_enrolled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *reason = NULL;

  g_assert_cmpint (probe (fixture, &reason), ==, CST_FINGERPRINT_NO_ENROLLED_FINGER);
  g_assert_cmpstr (reason, ==, "No fingerprint is enrolled for this user. "
                               "Add one in the system settings (Users) first");
}

/* fprintd not installed: nobody owns net.reactivated.Fprint. */
static void
test_probe_no_service (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *reason = NULL;

  g_assert_cmpint (probe (fixture, &reason), ==, CST_FINGERPRINT_NO_READER);
  g_assert_cmpstr (reason, ==, "The fingerprint service (fprintd) is not available");
  assert_calls ("");
}

static void
test_probe_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  cst_fingerprint_reader_probe_async (fixture->reader, cancellable, on_result_cb, &fixture->result);
  g_cancellable_cancel (cancellable);
  wait_for_result (&fixture->result);
  cst_fingerprint_reader_probe_finish (fixture->reader, fixture->result, &reason, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (reason);
}

/* Without a reachable system bus the answer is "no reader", with the
 * reason, at once (run in a subprocess: the bus connection is per process). */
static void
test_probe_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CstFingerprintReader) reader = cst_fingerprint_reader_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("cst-no-bus-XXXXXX", NULL);
      g_autofree char *address = g_strdup_printf ("unix:path=%s/nothing-here", dir);

      g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);
      cst_fingerprint_reader_probe_async (reader, NULL, on_result_cb, &result);
      wait_for_result (&result);
      g_assert_cmpint (cst_fingerprint_reader_probe_finish (reader, result, &reason, &error),
                       ==, CST_FINGERPRINT_NO_READER);
      g_assert_no_error (error);
      g_assert_cmpstr (reason, ==, "The fingerprint service (fprintd) is not available");

      g_clear_object (&result);
      cst_fingerprint_reader_verify_async (reader, NULL, on_result_cb, &result);
      wait_for_result (&result);
      g_assert_false (cst_fingerprint_reader_verify_finish (reader, result, &error));
      assert_failure (error, CST_FINGERPRINT_FAILURE_NO_READER,
                      "The fingerprint service (fprintd) is not available");
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 5 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---- verify ---- */

static void
test_verify_match (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (verify (fixture, NULL, &error));
  g_assert_no_error (error);
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
  g_assert_cmpuint (fixture->prompts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->prompts, 0), ==,
                   "Place your finger on the fingerprint reader");
  g_assert_cmpuint (fixture->retries->len, ==, 0);
}

/* The device is free again after a verify: a second one works. */
static void
test_verify_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (verify (fixture, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (verify (fixture, NULL, &error));
  g_assert_no_error (error);
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release "
                "GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
}

static void
test_verify_no_match (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_NO_MATCH, "The fingerprint does not match");
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
}

static void
test_verify_retry_then_match (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (verify (fixture, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->retries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->retries, 0), ==,
                   "Press your finger on the reader again");
  g_assert_cmpstr (g_ptr_array_index (fixture->retries, 1), ==,
                   "Your finger was not centered, place it in the middle of the reader");
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
}

/* A swipe reader is spoken to about swiping. */
static void
test_verify_swipe (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (verify (fixture, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (fixture->prompts, 0), ==,
                   "Swipe your finger across the fingerprint reader");
  g_assert_cmpuint (fixture->retries->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->retries, 0), ==,
                   "Swipe your finger across the reader again");
  g_assert_cmpstr (g_ptr_array_index (fixture->retries, 1), ==,
                   "The swipe was too short, swipe your finger again");
}

static void
test_verify_disconnected (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_DISCONNECTED,
                  "The fingerprint reader was disconnected");
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
}

static void
test_verify_unknown_error (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_FAILED,
                  "The fingerprint reader reported an error");
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
}

/* A reader that never reports a result: the verify times out, and still
 * stops and releases. */
static void
test_verify_hung (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;

  g_assert_false (verify (fixture, NULL, &error));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  assert_failure (error, CST_FINGERPRINT_FAILURE_TIMEOUT,
                  "The fingerprint reader did not answer in time, try again");
  g_assert_cmpint (elapsed_ms, >=, TEST_VERIFY_TIMEOUT_MS);
  g_assert_cmpint (elapsed_ms, <, TEST_VERIFY_TIMEOUT_MS + 2000);
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
}

/* Claim granted but never answered: the call times out, and since the
 * claim may have been granted the reader releases it anyway. */
static void
test_verify_slow_claim (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_TIMEOUT,
                  "The fingerprint reader is not responding");
  assert_calls ("GetDefaultDevice Claim Release");
  assert_device_free ();
}

static void
test_verify_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_IN_USE,
                  "The fingerprint reader is in use by another application");
  /* Not ours: nothing to release. */
  assert_calls ("GetDefaultDevice Claim");
}

static void
test_verify_permission_denied (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_PERMISSION_DENIED,
                  "Not allowed to use the fingerprint reader");
  assert_calls ("GetDefaultDevice Claim");
}

static void
test_verify_no_reader (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_NO_READER,
                  "No fingerprint reader was found on this computer");
  assert_calls ("GetDefaultDevice");
}

static void
test_verify_no_service (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_NO_READER,
                  "The fingerprint service (fprintd) is not available");
  assert_calls ("");
}

/* VerifyStart refused after a successful Claim: released, not stopped. */
static void
test_verify_no_enrolled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, NULL, &error));
  assert_failure (error, CST_FINGERPRINT_FAILURE_NO_ENROLLED_FINGER,
                  "No fingerprint is enrolled for this user. "
                  "Add one in the system settings (Users) first");
  assert_calls ("GetDefaultDevice Claim VerifyStart:any Release");
  assert_device_free ();
}

static void
cancel_on_prompt_cb (CstFingerprintReader *reader,
                     const char           *message,
                     GCancellable         *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* Cancelled while the reader waits for a finger: stopped and released
 * before the callback runs. */
static void
test_verify_cancel_waiting (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (fixture->reader, "prompt", G_CALLBACK (cancel_on_prompt_cb), cancellable);
  g_assert_false (verify (fixture, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Well before the verify timeout: cancelling does not wait for it. */
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, TEST_VERIFY_TIMEOUT_MS);
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
  assert_device_free ();
}

/* Cancelled at once: whatever got claimed on the way is released. */
static void
test_verify_cancel_early (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->result);
  cst_fingerprint_reader_verify_async (fixture->reader, cancellable, on_result_cb, &fixture->result);
  g_cancellable_cancel (cancellable);
  wait_for_result (&fixture->result);
  g_assert_false (cst_fingerprint_reader_verify_finish (fixture->reader, fixture->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->prompts->len, ==, 0);
  assert_device_free ();
}

/* One verify at a time per reader. */
static void
test_verify_busy (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  cst_fingerprint_reader_verify_async (fixture->reader, NULL, on_result_cb, &fixture->result);
  cst_fingerprint_reader_verify_async (fixture->reader, NULL, on_result_cb, &second);
  wait_for_result (&second);
  g_assert_false (cst_fingerprint_reader_verify_finish (fixture->reader, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  wait_for_result (&fixture->result);
  g_assert_true (cst_fingerprint_reader_verify_finish (fixture->reader, fixture->result, &error));
  g_assert_no_error (error);
  assert_calls ("GetDefaultDevice Claim VerifyStart:any VerifyStop Release");
}

static void
test_defaults (void)
{
  g_autoptr(CstFingerprintReader) reader = cst_fingerprint_reader_new ();

  /* SPEC: a hung reader gives up after about 30 s, a call after 5 s. */
  g_assert_cmpuint (cst_fingerprint_reader_get_verify_timeout (reader), ==, 30000);
  g_assert_cmpuint (cst_fingerprint_reader_get_call_timeout (reader), ==, 5000);
  g_assert_false (cst_fingerprint_reader_get_busy (reader));
}

#define add_test(path, scenario, func) \
  g_test_add ("/Cst/FingerprintReader/" path, Fixture, scenario, \
              fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/Cst/FingerprintReader/defaults", test_defaults);
  g_test_add_func ("/Cst/FingerprintReader/probe/no-bus", test_probe_no_bus);

  add_test ("probe/available", "match", test_probe_available);
  add_test ("probe/no-reader", "no-reader", test_probe_no_reader);
  add_test ("probe/no-enrolled", "no-enrolled", test_probe_no_enrolled);
  add_test ("probe/no-service", "no-service", test_probe_no_service);
  add_test ("probe/cancelled", "match", test_probe_cancelled);
  add_test ("verify/match", "match", test_verify_match);
  add_test ("verify/twice", "match", test_verify_twice);
  add_test ("verify/no-match", "no-match", test_verify_no_match);
  add_test ("verify/retry-then-match", "retry-then-match", test_verify_retry_then_match);
  add_test ("verify/swipe", "swipe-retry-then-match", test_verify_swipe);
  add_test ("verify/disconnected", "disconnected", test_verify_disconnected);
  add_test ("verify/unknown-error", "unknown-error", test_verify_unknown_error);
  add_test ("verify/hung", "hung", test_verify_hung);
  add_test ("verify/slow-claim", "slow-claim", test_verify_slow_claim);
  add_test ("verify/in-use", "in-use", test_verify_in_use);
  add_test ("verify/permission-denied", "permission-denied", test_verify_permission_denied);
  add_test ("verify/no-reader", "no-reader", test_verify_no_reader);
  add_test ("verify/no-service", "no-service", test_verify_no_service);
  add_test ("verify/no-enrolled", "no-enrolled", test_verify_no_enrolled);
  add_test ("verify/cancel-waiting", "hung", test_verify_cancel_waiting);
  add_test ("verify/cancel-early", "match", test_verify_cancel_early);
  add_test ("verify/busy", "match", test_verify_busy);

  /* The subprocess of no-bus needs no fake (and must not see it). */
  if (g_test_subprocess ())
    return g_test_run ();

  cst_fake_fprintd_start (&fake);
  ret = g_test_run ();
  cst_fake_fprintd_stop (&fake);

  return ret;
}
