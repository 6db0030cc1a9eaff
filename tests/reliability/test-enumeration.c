/* test-enumeration.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Nothing the service answers may tell whether an account or a phone
 * number exists (SPEC §1.6, §3): not the answer and not the time it takes.
 * Measured pairwise, for
 *  - a password login: a known account with a wrong password, and an
 *    account nobody has;
 *  - an SMS login code: requested for a known and for an unknown phone
 *    (the known one is also written to the outbox and handed to the
 *    gateway, which costs a write and an fsync more);
 *  - an SMS login: a wrong code for a known and for an unknown phone.
 *
 * With the backend's default min_failure_time_ms, on a busy 2-core
 * machine: the two sides interleaved (ABAB… then BABA…), TRIES of each,
 * and the medians compared: |Δ| must stay under MAX_DELTA of the larger
 * one. A whole measurement that fails is repeated once, since another
 * build on the machine can stall one side for a while. The answers must
 * be identical every time: error domain, code, value, field and message.
 *
 * The rules that would otherwise make the two sides differ are set so
 * that both stay in the same state all along: the lockout threshold is
 * high (both count down alike from the same start), codes can be resent
 * at once and without a daily limit.
 */

#include "config.h"

#include <string.h>

#include "cst-test-backend.h"

typedef CstTestBackend Fixture;

#define TRIES     15
#define MAX_DELTA 0.25

#define UNKNOWN_PHONE    CST_TEST_PHONE_2
#define WRONG_PASSWORD   "Wrong#Pass2026"

typedef enum {
  PROBE_PASSWORD,
  PROBE_SEND_CODE,
  PROBE_WRONG_CODE,
} Probe;

typedef struct
{
  Fixture         *fixture;
  CstLocalBackend *helper;    /* the same file, no padding: sets up codes */
} Bench;

/* What the caller can see of an answer. */
static char *
describe (gboolean      ok,
          const GError *error,
          gint          resend_after)
{
  if (ok)
    return g_strdup_printf ("ok resend=%d", resend_after);

  g_assert_nonnull (error);

  return g_strdup_printf ("%s %d value=%" G_GINT64_FORMAT " field=%s: %s",
                          g_quark_to_string (error->domain), error->code,
                          cst_auth_error_get_value (error),
                          cst_auth_error_get_field (error) != NULL ? cst_auth_error_get_field (error) : "",
                          error->message);
}

/* One try of @probe for @phone: returns its duration (µs) and sets
 * @answer. Setup (a fresh code to get wrong) is not timed. */
static gint64
run_once (Bench       *b,
          Probe        probe,
          const char  *phone,
          char       **answer)
{
  CstAuthBackend *auth = CST_TEST_AUTH (b->fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  gint resend_after = -1;
  gboolean ok = FALSE;
  gint64 start;
  gint64 elapsed;

  if (probe == PROBE_WRONG_CODE)
    {
      /* A live code for this phone (delivered or not), which the try
       * then gets wrong: "000000" is wrong for all but one in a million. */
      g_assert_true (cst_auth_backend_send_code (CST_AUTH_BACKEND (b->helper), phone,
                                                 CST_CODE_PURPOSE_LOGIN, NULL, &error));
      g_assert_no_error (error);
    }

  start = g_get_monotonic_time ();
  switch (probe)
    {
    case PROBE_PASSWORD:
      session = cst_auth_backend_login_password (auth, phone, WRONG_PASSWORD, FALSE, &error);
      break;

    case PROBE_SEND_CODE:
      ok = cst_auth_backend_send_code (auth, phone, CST_CODE_PURPOSE_LOGIN, &resend_after, &error);
      break;

    case PROBE_WRONG_CODE:
      session = cst_auth_backend_login_sms (auth, phone, "000000", FALSE, &error);
      break;

    default:
      g_assert_not_reached ();
    }
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (session);
  *answer = describe (ok, error, resend_after);

  return elapsed;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
median (gint64 *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_int64);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* One measurement; TRUE when the medians are close enough. */
static gboolean
measure (Bench *b,
         Probe  probe)
{
  gint64 known[TRIES];
  gint64 unknown[TRIES];
  gint64 known_median;
  gint64 unknown_median;
  gint64 larger;
  gint64 delta;

  for (guint i = 0; i < TRIES; i++)
    {
      g_autofree char *known_answer = NULL;
      g_autofree char *unknown_answer = NULL;

      /* Interleaved, and each side first half of the time, so that a
       * slow phase of the machine falls on both. */
      if (i % 2 == 0)
        {
          known[i] = run_once (b, probe, CST_TEST_PHONE, &known_answer);
          unknown[i] = run_once (b, probe, UNKNOWN_PHONE, &unknown_answer);
        }
      else
        {
          unknown[i] = run_once (b, probe, UNKNOWN_PHONE, &unknown_answer);
          known[i] = run_once (b, probe, CST_TEST_PHONE, &known_answer);
        }

      /* Not one character of the answer differs. */
      g_assert_cmpstr (known_answer, ==, unknown_answer);
      if (i == 0)
        g_test_message ("answer: %s", known_answer);
    }

  known_median = median (known, TRIES);
  unknown_median = median (unknown, TRIES);
  larger = MAX (known_median, unknown_median);
  delta = ABS (known_median - unknown_median);

  g_test_message ("medians: known %.2f ms, unknown %.2f ms (delta %.1f %%)",
                  known_median / 1000.0, unknown_median / 1000.0,
                  larger > 0 ? 100.0 * delta / larger : 0.0);

  return delta < MAX_DELTA * larger;
}

static void
test_same_time (Fixture       *f,
                gconstpointer  data)
{
  Probe probe = GPOINTER_TO_INT (data);
  g_autoptr(CstLocalBackend) helper = NULL;
  CstLocalConfig defaults;
  Bench bench = { f, NULL };

  /* Memcheck slows argon2id and SQLite 20–50 times, unevenly. */
  if (g_getenv ("CST_VALGRIND") != NULL)
    {
      g_test_skip ("timings mean nothing under valgrind (CST_VALGRIND is set)");
      return;
    }

  cst_local_config_init_defaults (&defaults);
  g_assert_cmpint (defaults.min_failure_time_ms, >, 0);

  cst_test_backend_add_person (f);

  /* The defaults, but for the rules that would change the state
   * between tries (see the top of the file). */
  f->config.min_failure_time_ms = defaults.min_failure_time_ms;
  f->config.lockout_threshold = 10000;
  f->config.code_resend_interval = 0;
  f->config.code_daily_limit = G_MAXINT;
  cst_test_backend_reopen (f);

  f->config.min_failure_time_ms = 0;
  bench.helper = helper = cst_test_backend_new_peer (f);

  if (measure (&bench, probe))
    return;

  g_test_message ("the medians differ too much; measuring once more");
  g_assert_true (measure (&bench, probe));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, probe) \
  g_test_add ("/Cst/Reliability/Enumeration/" path, Fixture, GINT_TO_POINTER (probe), \
              cst_test_backend_setup, test_same_time, cst_test_backend_teardown)

  ADD ("password-login", PROBE_PASSWORD);
  ADD ("send-login-code", PROBE_SEND_CODE);
  ADD ("wrong-login-code", PROBE_WRONG_CODE);

#undef ADD

  return g_test_run ();
}
