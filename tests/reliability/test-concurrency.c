/* test-concurrency.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Many writers at once, as a user's machine has them: the app's worker
 * threads, a second backend object (a second app process stand-in) and
 * chushuitong-admin processes, all on one database file.
 *
 *  - admin-and-backend: two drivers run the real chushuitong-admin in a
 *    loop (seed-demo, link, unlock, add-enterprise) while threads
 *    register and log in through the backend, for a few seconds. No call
 *    may fail — in particular no SQLITE_BUSY ("database is locked") may
 *    reach a user — and the file is intact afterwards.
 *  - The rules that count must count exactly under contention, and keep
 *    counting across a restart (a new backend object on the same file):
 *    5 wrong passwords and the account is locked, never a 6th try
 *    checked; 5 wrong codes and the code is dead; one code per 60 s,
 *    whoever asks at the same moment.
 *
 * Every contended test starts its threads behind a gate, so they really
 * hit the backend at the same moment rather than one after the other.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cst-test-backend.h"
#include "cst-validate.h"

typedef CstTestBackend Fixture;

#define N_THREADS       6      /* per backend object */
#define N_BACKENDS      2
#define N_ADMIN_DRIVERS 2
#define RUN_SECONDS     3
/* Backend threads per object in admin-and-backend. Under valgrind, where
 * one argon2id takes seconds inside its transaction, fewer, or the 5 s a
 * writer waits for the lock run out by the slowdown alone. */
#define N_WORKERS       (g_getenv ("CST_VALGRIND") != NULL ? 1 : 2)

/* ---- a gate that releases every thread at once ---- */

typedef struct
{
  GMutex mutex;
  GCond  cond;
  guint  waiting;
  guint  expected;
  gboolean open;
} Gate;

static void
gate_init (Gate  *gate,
           guint  expected)
{
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  gate->waiting = 0;
  gate->expected = expected;
  gate->open = FALSE;
}

static void
gate_clear (Gate *gate)
{
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
}

/* Blocks until @expected threads have arrived. */
static void
gate_pass (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  if (++gate->waiting == gate->expected)
    {
      gate->open = TRUE;
      g_cond_broadcast (&gate->cond);
    }
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

/* ---- helpers ---- */

static void
assert_database_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

/* A valid resident ID, different for every (@thread, @i). */
static char *
make_id_number (guint thread,
                guint i)
{
  char id17[18];

  /* Region 420102, born 1970+thread-…, sequence from i. */
  g_snprintf (id17, sizeof id17, "420102%04u%02u%02u%03u",
              1970 + thread, 1 + (i / 1000) % 12, 1 + (i / 12000) % 28, i % 1000);

  return g_strdup_printf ("%s%c", id17, cst_id_check_character (id17));
}

static char *
make_phone (guint thread,
            guint i)
{
  return g_strdup_printf ("137%02u%06u", thread, i);
}

/* A valid USCC, different for every (@driver, @i). */
static char *
make_uscc (guint driver,
           guint i)
{
  char code17[18];

  g_snprintf (code17, sizeof code17, "91420100%01u%08u", driver, i);

  return g_strdup_printf ("%s%c", code17, cst_uscc_check_character (code17));
}

/* ---- the admin binary and the backend at once ---- */

typedef struct
{
  CstTestBackend *fixture;
  CstLocalBackend *backend;   /* borrowed */
  Gate           *gate;
  gint64          deadline;
  guint           index;
  /* results */
  guint           runs;
  GPtrArray      *errors;     /* char * */
} Worker;

static gboolean
run_admin (const char  *admin,
           const char  *path,
           GPtrArray   *errors,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *) admin);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) path);
  va_start (args, errors);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_ptr_array_add (errors, g_strdup_printf ("spawn: %s", error->message));
      return FALSE;
    }

  if (!g_spawn_check_wait_status (status, NULL) || (err != NULL && err[0] != '\0'))
    {
      g_ptr_array_add (errors, g_strdup_printf ("chushuitong-admin %s: status %d: %s",
                                                (const char *) argv->pdata[3], status,
                                                err != NULL ? err : ""));
      return FALSE;
    }

  return TRUE;
}

static gpointer
admin_driver (gpointer data)
{
  Worker *w = data;
  const char *admin = g_getenv ("CST_ADMIN");
  const char *path = w->fixture->path;

  gate_pass (w->gate);

  while (g_get_monotonic_time () < w->deadline)
    {
      g_autofree char *code = make_uscc (w->index, w->runs);

      run_admin (admin, path, w->errors, "seed-demo", NULL);
      run_admin (admin, path, w->errors, "link", CST_DEMO_ENTERPRISE_CODE, CST_DEMO_USERNAME,
                 "financial-officer", NULL);
      run_admin (admin, path, w->errors, "unlock", CST_DEMO_PHONE, NULL);
      run_admin (admin, path, w->errors, "add-enterprise", code, "并发测试有限公司", NULL);
      w->runs++;
    }

  return NULL;
}

static void
add_error (Worker       *w,
           const char   *what,
           const GError *error)
{
  g_ptr_array_add (w->errors, g_strdup_printf ("%s: %s (%s %d)", what,
                                               error != NULL ? error->message : "no error set",
                                               error != NULL ? g_quark_to_string (error->domain) : "",
                                               error != NULL ? error->code : 0));
}

/* Registers a new person through the public flow and logs in. */
static gboolean
register_and_login (Worker *w)
{
  CstAuthBackend *auth = CST_AUTH_BACKEND (w->backend);
  g_autoptr(GError) error = NULL;
  g_autoptr(CstFaceCapture) capture = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *id_number = make_id_number (w->index, w->runs);
  g_autofree char *phone = make_phone (w->index, w->runs);
  g_autofree char *ticket = NULL;
  g_autofree char *code = NULL;

  if (!(ticket = cst_auth_backend_register_begin (auth, CST_ID_TYPE_RESIDENT, id_number,
                                                  CST_TEST_NAME_2, &error)))
    {
      add_error (w, "register_begin", error);
      return FALSE;
    }

  if (!cst_auth_backend_send_code (auth, phone, CST_CODE_PURPOSE_REGISTER, NULL, &error))
    {
      add_error (w, "send_code", error);
      return FALSE;
    }

  code = cst_capture_sms_gateway_last_code (w->fixture->sms, phone);
  if (!cst_auth_backend_register_set_credentials (auth, ticket, CST_TEST_PASSWORD, phone, code, &error))
    {
      add_error (w, "register_set_credentials", error);
      return FALSE;
    }

  capture = cst_test_backend_capture (w->fixture);
  if (!(session = cst_auth_backend_register_complete (auth, ticket, capture, FALSE, &error)))
    {
      add_error (w, "register_complete", error);
      return FALSE;
    }
  g_clear_object (&session);

  if (!(session = cst_auth_backend_login_password (auth, phone, CST_TEST_PASSWORD, FALSE, &error)))
    {
      add_error (w, "login_password", error);
      return FALSE;
    }
  g_clear_object (&session);

  /* And the demo person, whom the admin keeps linking and unlocking. */
  if (!(session = cst_auth_backend_login_password (auth, CST_DEMO_USERNAME, CST_DEMO_PASSWORD,
                                                   FALSE, &error)))
    {
      add_error (w, "login_password (demo)", error);
      return FALSE;
    }

  return TRUE;
}

static gpointer
backend_worker (gpointer data)
{
  Worker *w = data;

  gate_pass (w->gate);

  while (g_get_monotonic_time () < w->deadline)
    {
      if (register_and_login (w))
        w->runs++;
    }

  return NULL;
}

static void
test_admin_and_backend (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CstLocalBackend) peer = NULL;
  Worker workers[N_ADMIN_DRIVERS + N_BACKENDS * 2];
  GThread *threads[G_N_ELEMENTS (workers)];
  guint n_workers = N_ADMIN_DRIVERS + N_BACKENDS * N_WORKERS;
  guint registered = 0;
  guint added = 0;
  guint n_errors = 0;
  Gate gate;

  if (g_getenv ("CST_ADMIN") == NULL)
    {
      g_test_skip ("CST_ADMIN (the chushuitong-admin binary) is not set");
      return;
    }

  /* The demo data exists from the start: the admin's seed-demo then
   * only writes its audit row, and the workers can log in as 张三. */
  g_assert_true (cst_local_backend_seed_demo (f->backend, NULL));
  peer = cst_test_backend_new_peer (f);

  gate_init (&gate, n_workers);
  for (guint i = 0; i < n_workers; i++)
    {
      Worker *w = &workers[i];

      memset (w, 0, sizeof *w);
      w->fixture = f;
      w->gate = &gate;
      w->index = i;
      w->errors = g_ptr_array_new_with_free_func (g_free);
      w->deadline = g_get_monotonic_time () + RUN_SECONDS * G_USEC_PER_SEC;

      if (i < N_ADMIN_DRIVERS)
        threads[i] = g_thread_new ("admin", admin_driver, w);
      else
        {
          w->backend = (i % 2) ? f->backend : peer;
          threads[i] = g_thread_new ("backend", backend_worker, w);
        }
    }

  for (guint i = 0; i < n_workers; i++)
    {
      Worker *w = &workers[i];

      g_thread_join (threads[i]);
      g_test_message ("%s %u: %u rounds, %u errors", i < N_ADMIN_DRIVERS ? "admin" : "backend",
                      i, w->runs, w->errors->len);
      for (guint j = 0; j < w->errors->len; j++)
        g_test_message ("  %s", (const char *) w->errors->pdata[j]);
      n_errors += w->errors->len;
      if (i < N_ADMIN_DRIVERS)
        added += w->runs;
      else
        registered += w->runs;
    }

  /* Both sides did work, and at the same time. */
  g_assert_cmpuint (n_errors, ==, 0);
  g_assert_cmpuint (added, >=, N_ADMIN_DRIVERS);
  g_assert_cmpuint (registered, >=, N_BACKENDS * N_WORKERS);

  /* Everything that was acknowledged is there. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons"), ==, registered + 2);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM enterprises"), ==, added + 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM memberships m "
                                            "JOIN persons p ON p.id = m.person_id "
                                            "WHERE p.username = '%s' AND m.role = %d",
                                            CST_DEMO_USERNAME, CST_ROLE_FINANCIAL_OFFICER);

    g_assert_cmpint (cst_test_backend_query_int (f, sql), ==, 1);
  }
  /* Every admin run was recorded, none twice. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM audit_log "
                                                  "WHERE event = 'admin-enterprise-added'"), ==, added);
  assert_database_intact (f->path);

  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_unref (workers[i].errors);
  gate_clear (&gate);
}

/* ---- contended counters ---- */

typedef enum {
  HAMMER_PASSWORD,
  HAMMER_UNKNOWN_ACCOUNT,
  HAMMER_CODE,
  HAMMER_SEND,
} HammerKind;

typedef struct
{
  CstLocalBackend *backend;   /* borrowed */
  Gate            *gate;
  HammerKind       kind;
  const char      *code;      /* HAMMER_CODE: a wrong code */
  guint            tries;
  /* results: one GError (or NULL for success) per try */
  GPtrArray       *outcomes;
} Hammer;

#define UNKNOWN_ACCOUNT "13500009999"

static gpointer
hammer_thread (gpointer data)
{
  Hammer *h = data;
  CstAuthBackend *auth = CST_AUTH_BACKEND (h->backend);

  gate_pass (h->gate);

  for (guint i = 0; i < h->tries; i++)
    {
      GError *error = NULL;

      switch (h->kind)
        {
        case HAMMER_PASSWORD:
        case HAMMER_UNKNOWN_ACCOUNT:
          {
            g_autoptr(CstSession) session = NULL;

            session = cst_auth_backend_login_password (auth,
                                                       h->kind == HAMMER_PASSWORD
                                                         ? CST_TEST_PHONE : UNKNOWN_ACCOUNT,
                                                       "Wrong#Pass2026", FALSE, &error);
            g_assert_null (session);
          }
          break;

        case HAMMER_CODE:
          {
            g_autoptr(CstSession) session = NULL;

            session = cst_auth_backend_login_sms (auth, CST_TEST_PHONE, h->code, FALSE, &error);
            g_assert_null (session);
          }
          break;

        case HAMMER_SEND:
          cst_auth_backend_send_code (auth, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN, NULL, &error);
          break;

        default:
          g_assert_not_reached ();
        }

      g_ptr_array_add (h->outcomes, error);
    }

  return NULL;
}

static void
free_outcome (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

/* Runs N_THREADS threads on each of @backends × @tries, returns every
 * outcome (NULL = success). */
static GPtrArray *
hammer (CstLocalBackend **backends,
        HammerKind        kind,
        const char       *code,
        guint             tries)
{
  Hammer hammers[N_BACKENDS * N_THREADS];
  GThread *threads[G_N_ELEMENTS (hammers)];
  GPtrArray *all = g_ptr_array_new_with_free_func (free_outcome);
  Gate gate;

  gate_init (&gate, G_N_ELEMENTS (hammers));
  for (guint i = 0; i < G_N_ELEMENTS (hammers); i++)
    {
      hammers[i] = (Hammer) {
        .backend = backends[i % N_BACKENDS],
        .gate = &gate,
        .kind = kind,
        .code = code,
        .tries = tries,
        .outcomes = g_ptr_array_new (),
      };
      threads[i] = g_thread_new ("hammer", hammer_thread, &hammers[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hammers); i++)
    {
      g_thread_join (threads[i]);
      for (guint j = 0; j < hammers[i].outcomes->len; j++)
        g_ptr_array_add (all, hammers[i].outcomes->pdata[j]);
      g_ptr_array_unref (hammers[i].outcomes);
    }
  gate_clear (&gate);

  return all;
}

/* How many outcomes are @code, and a bitmask of their values. */
static guint
count_errors (GPtrArray *outcomes,
              gint       code,
              guint     *values)
{
  guint n = 0;

  if (values != NULL)
    *values = 0;

  for (guint i = 0; i < outcomes->len; i++)
    {
      GError *error = outcomes->pdata[i];

      if (code < 0 ? error == NULL : g_error_matches (error, CST_AUTH_ERROR, code))
        {
          n++;
          if (values != NULL && error != NULL)
            *values |= 1u << CLAMP (cst_auth_error_get_value (error), 0, 31);
        }
    }

  return n;
}

static void
assert_only (GPtrArray *outcomes,
             guint      expected)
{
  g_assert_cmpuint (expected, ==, outcomes->len);
}

static void
test_lockout_contended (Fixture       *f,
                        gconstpointer  data)
{
  HammerKind kind = GPOINTER_TO_INT (data);
  const char *account = kind == HAMMER_PASSWORD ? CST_TEST_PHONE : UNKNOWN_ACCOUNT;
  g_autoptr(CstLocalBackend) peer = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  CstLocalBackend *backends[N_BACKENDS];
  guint values = 0;
  guint bad;
  guint locked;

  cst_test_backend_add_person (f);
  peer = cst_test_backend_new_peer (f);
  backends[0] = f->backend;
  backends[1] = peer;

  /* 24 wrong passwords at once. */
  outcomes = hammer (backends, kind, NULL, 2);
  bad = count_errors (outcomes, CST_AUTH_ERROR_BAD_CREDENTIALS, &values);
  locked = count_errors (outcomes, CST_AUTH_ERROR_LOCKED, NULL);
  g_test_message ("%u tries: %u wrong, %u locked", outcomes->len, bad, locked);

  /* Exactly 4 "wrong, n left" (4, 3, 2, 1 each once), then the 5th
   * locks, and every other try is refused unchecked. */
  assert_only (outcomes, bad + locked);
  g_assert_cmpuint (bad, ==, f->config.lockout_threshold - 1);
  g_assert_cmpuint (values, ==, (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4));

  /* 5 failures checked and counted, not one more: the audit says so. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM audit_log "
                                                  "WHERE event IN ('password-failed', 'locked')"),
                   ==, f->config.lockout_threshold);

  /* Locked for the right password too, and after a restart, from both
   * objects. */
  session = cst_auth_backend_login_password (CST_AUTH_BACKEND (peer), account,
                                             CST_TEST_PASSWORD, FALSE, &error);
  g_assert_null (session);
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_LOCKED);
  g_clear_object (&peer);
  cst_test_backend_reopen (f);
  session = cst_auth_backend_login_password (CST_TEST_AUTH (f), account, CST_TEST_PASSWORD, FALSE, &error);
  g_assert_null (session);
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_LOCKED);

  /* Once the lock is over, the real password works (the unknown account
   * still has none that could). */
  cst_test_backend_advance (f, f->config.lockout_duration + 1);
  session = cst_auth_backend_login_password (CST_TEST_AUTH (f), account, CST_TEST_PASSWORD, FALSE, &error);
  if (kind == HAMMER_PASSWORD)
    {
      g_assert_no_error (error);
      g_assert_nonnull (session);
    }
  else
    {
      g_assert_null (session);
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_BAD_CREDENTIALS);
    }
}

static void
test_code_tries_contended (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CstLocalBackend) peer = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  CstLocalBackend *backends[N_BACKENDS];
  guint values = 0;
  guint invalid;
  guint expired;

  cst_test_backend_add_person (f);
  peer = cst_test_backend_new_peer (f);
  backends[0] = f->backend;
  backends[1] = peer;

  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  wrong = cst_test_wrong_code (code);

  outcomes = hammer (backends, HAMMER_CODE, wrong, 2);
  invalid = count_errors (outcomes, CST_AUTH_ERROR_CODE_INVALID, &values);
  expired = count_errors (outcomes, CST_AUTH_ERROR_CODE_EXPIRED, NULL);
  g_test_message ("%u tries: %u wrong, %u dead", outcomes->len, invalid, expired);

  /* 5 wrong codes counted (4, 3, 2, 1, 0 tries left), the rest dead. */
  assert_only (outcomes, invalid + expired);
  g_assert_cmpuint (invalid, ==, f->config.code_max_tries);
  g_assert_cmpuint (values, ==, 0x1f);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT max(tries) FROM codes"), ==,
                   f->config.code_max_tries);

  /* The right code is dead too, after a restart and from the peer. */
  g_clear_object (&peer);
  cst_test_backend_reopen (f);
  session = cst_auth_backend_login_sms (CST_TEST_AUTH (f), CST_TEST_PHONE, code, FALSE, &error);
  g_assert_null (session);
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_EXPIRED);
}

static void
test_resend_contended (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CstLocalBackend) peer = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  CstLocalBackend *backends[N_BACKENDS];
  guint sent;
  guint limited;

  cst_test_backend_add_person (f);
  peer = cst_test_backend_new_peer (f);
  backends[0] = f->backend;
  backends[1] = peer;

  outcomes = hammer (backends, HAMMER_SEND, NULL, 1);
  sent = count_errors (outcomes, -1, NULL);
  limited = count_errors (outcomes, CST_AUTH_ERROR_RATE_LIMITED, NULL);
  g_test_message ("%u sends: %u sent, %u rate-limited", outcomes->len, sent, limited);

  assert_only (outcomes, sent + limited);
  g_assert_cmpuint (sent, ==, 1);
  g_assert_cmpuint (cst_capture_sms_gateway_count (f->sms), ==, 1);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM codes"), ==, 1);

  /* Still limited after a restart, until the interval is over. */
  g_clear_object (&peer);
  cst_test_backend_reopen (f);
  cst_test_backend_advance (f, f->config.code_resend_interval - 1);
  g_assert_false (cst_auth_backend_send_code (CST_TEST_AUTH (f), CST_TEST_PHONE,
                                              CST_CODE_PURPOSE_LOGIN, NULL, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 1);
  g_clear_error (&error);
  cst_test_backend_advance (f, 1);
  g_assert_true (cst_auth_backend_send_code (CST_TEST_AUTH (f), CST_TEST_PHONE,
                                             CST_CODE_PURPOSE_LOGIN, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/Cst/Reliability/Concurrency/" path, Fixture, data, \
              cst_test_backend_setup, func, cst_test_backend_teardown)

  ADD ("admin-and-backend", NULL, test_admin_and_backend);
  ADD ("lockout", GINT_TO_POINTER (HAMMER_PASSWORD), test_lockout_contended);
  ADD ("lockout-unknown-account", GINT_TO_POINTER (HAMMER_UNKNOWN_ACCOUNT), test_lockout_contended);
  ADD ("code-tries", NULL, test_code_tries_contended);
  ADD ("resend", NULL, test_resend_contended);

#undef ADD

  return g_test_run ();
}
