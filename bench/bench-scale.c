/* bench-scale.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Service scale: CstLocalBackend over databases of 10,000, 100,000 and
 * 1,000,000 persons, measuring the latency of the operations whose cost
 * could grow with the table — password login by ID number, phone and
 * user name; a code issued and verified (SMS login); a registration; the
 * enterprise-role lookup of an enterprise login — and the database bytes
 * per person.
 *
 * The persons are generated with SQL in one transaction: valid resident
 * ID numbers (region, birth date, sequence, MOD 11-2 check), valid
 * mobile numbers, every fourth with a user name, one enterprise (a valid
 * USCC) per ten persons with one membership each, and one argon2id
 * string shared by all, hashed once. The backend is configured with
 * libsodium's minimal argon2id cost (8 KiB, t = 1) and that string has
 * the same cost, so logins do not rehash and the figures are the
 * service's own work; the verification time at that cost is measured
 * and printed, not subtracted.
 *
 * Usage: bench-scale [--dir=DIR] [N…]   (default 10000 100000 1000000)
 *
 * The databases go to DIR (default $TMPDIR): on tmpfs the figures are the
 * service's lookups and writes; on a disk every write transaction also
 * waits for its fsync (synchronous=FULL), which does not grow with the
 * table but is noisy on a shared machine.
 */

#define G_LOG_DOMAIN "cst-bench-scale"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "cst-auth-backend.h"
#include "cst-local-backend.h"
#include "cst-sms-gateway.h"
#include "cst-validate.h"

#define PASSWORD   "Scale#Bench2026"
#define SAMPLES    200
#define WARMUP     20

/* Wuhan districts: the bulk persons' regions. 420115 is kept for the
 * persons the benchmark registers, so they never collide. */
static const char * const regions[] = { "420102", "420103", "420104", "420105", "420106", "420107", "420111" };
/* Mobile prefixes 13x–19x but 16x, which registrations use. */
static const char phone_digits[] = { '3', '4', '5', '7', '8', '9' };
static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳" };
static const char * const given[] = { "伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟" };
static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

typedef struct
{
  guint    n;
  char    *dir;
  char    *path;
  CstClock *clock;
  CstCaptureSmsGateway *sms;
  CstLocalBackend *backend;
  CstLocalConfig config;
  double   load_seconds;
  gint64   db_bytes;
  gint64   person_bytes;
} Scale;

static void
person_id_number (guint  i,
                  char   out[19])
{
  guint j = i / G_N_ELEMENTS (regions);
  GDate date;
  char id17[18];

  /* 900 sequence numbers a day, from 1960-01-01 on. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1960);
  g_date_add_days (&date, j / 900);
  g_snprintf (id17, sizeof id17, "%s%04u%02u%02u%03u", regions[i % G_N_ELEMENTS (regions)],
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
              100 + j % 900);
  g_snprintf (out, 19, "%s%c", id17, cst_id_check_character (id17));
}

static void
person_phone (guint i,
              char  out[12])
{
  g_snprintf (out, 12, "1%c%09u", phone_digits[i % G_N_ELEMENTS (phone_digits)], i);
}

static void
person_username (guint i,
                 char  out[16])
{
  g_snprintf (out, 16, "user_%07u", i);
}

static void
enterprise_code (guint k,
                 char  out[19])
{
  char code17[18] = "91420100";

  /* The organisation code: k in base 31 over the USCC alphabet. */
  for (int pos = 16; pos >= 8; pos--, k /= 31)
    code17[pos] = uscc_alphabet[k % 31];
  code17[17] = '\0';
  g_snprintf (out, 19, "%s%c", code17, cst_uscc_check_character (code17));
}

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench-scale: %s: %s\n", sql, message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("prepare %s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

static void
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = prepare (db, sql);
  gint64 value = -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Fills the schema the backend created with @n persons in one transaction. */
static void
bulk_load (Scale      *scale,
           const char *hash)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *person, *enterprise, *membership;
  gint64 now = cst_clock_now_seconds (scale->clock);
  gint64 start = g_get_monotonic_time ();
  guint n_enterprises = MAX (1, scale->n / 10);

  if (sqlite3_open (scale->path, &db) != SQLITE_OK)
    g_error ("open %s: %s", scale->path, sqlite3_errmsg (db));

  /* A throwaway database: no journal while loading, WAL again after. */
  if (!exec_sql (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                     "PRAGMA cache_size = -262144; PRAGMA foreign_keys = ON;"
                     "BEGIN"))
    g_error ("cannot start the bulk load");

  person = prepare (db, "INSERT INTO persons (id, id_type, id_number, name, phone, username, "
                        "password_hash, created) VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7)");
  enterprise = prepare (db, "INSERT INTO enterprises (id, code, name, created) VALUES (?1, ?2, ?3, ?4)");
  membership = prepare (db, "INSERT INTO memberships (person_id, enterprise_id, role, created) "
                            "VALUES (?1, ?2, ?3, ?4)");

  for (guint k = 0; k < n_enterprises; k++)
    {
      char code[19];
      g_autofree char *name = g_strdup_printf ("武汉示例%u号科技有限公司", k);

      enterprise_code (k, code);
      sqlite3_bind_int64 (enterprise, 1, k + 1);
      sqlite3_bind_text (enterprise, 2, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (enterprise, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (enterprise, 4, now);
      step_done (db, enterprise);
    }

  for (guint i = 0; i < scale->n; i++)
    {
      char id_number[19], phone[12], username[16];
      g_autofree char *name = g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                                           given[(i / 11) % G_N_ELEMENTS (given)], NULL);

      person_id_number (i, id_number);
      person_phone (i, phone);
      person_username (i, username);

      sqlite3_bind_int64 (person, 1, i + 1);
      sqlite3_bind_text (person, 2, id_number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 4, phone, -1, SQLITE_TRANSIENT);
      if (i % 4 == 0)
        sqlite3_bind_text (person, 5, username, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (person, 5);
      sqlite3_bind_text (person, 6, hash, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (person, 7, now);
      step_done (db, person);

      /* Ten persons an enterprise, roles 法定代表人 … 开票员 in turn. */
      sqlite3_bind_int64 (membership, 1, i + 1);
      sqlite3_bind_int64 (membership, 2, i / 10 % n_enterprises + 1);
      sqlite3_bind_int64 (membership, 3, 1 + i % 4);
      sqlite3_bind_int64 (membership, 4, now);
      step_done (db, membership);
    }

  sqlite3_finalize (person);
  sqlite3_finalize (enterprise);
  sqlite3_finalize (membership);

  if (!exec_sql (db, "COMMIT; ANALYZE; PRAGMA journal_mode = WAL;"))
    g_error ("cannot commit the bulk load");

  scale->load_seconds = (g_get_monotonic_time () - start) / 1e6;
  scale->db_bytes = query_int (db, "PRAGMA page_count") * query_int (db, "PRAGMA page_size");
  /* The persons table and its indexes, where dbstat is compiled in. */
  scale->person_bytes = query_int (db, "SELECT sum (pgsize) FROM dbstat WHERE name = 'persons' "
                                       "OR name IN (SELECT name FROM sqlite_schema "
                                       "WHERE tbl_name = 'persons' AND type = 'index')");
  sqlite3_close (db);
}

static const char *scale_dir;

static void
scale_setup (Scale      *scale,
             guint       n,
             const char *hash)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstLocalBackend) creator = NULL;
  g_autoptr(CstScriptedFaceVerifier) face = cst_scripted_face_verifier_new ();

  scale->n = n;
  if (scale_dir != NULL)
    {
      scale->dir = g_build_filename (scale_dir, "cst-bench-scale-XXXXXX", NULL);
      if (g_mkdtemp (scale->dir) == NULL)
        g_error ("cannot create a directory in %s", scale_dir);
    }
  else
    {
      scale->dir = g_dir_make_tmp ("cst-bench-scale-XXXXXX", &error);
      g_assert_no_error (error);
    }
  scale->path = g_build_filename (scale->dir, "identity.db", NULL);
  scale->clock = cst_clock_new_manual (g_get_real_time ());
  scale->sms = cst_capture_sms_gateway_new ();

  cst_local_config_init_defaults (&scale->config);
  scale->config.pwhash_memlimit = crypto_pwhash_MEMLIMIT_MIN;
  scale->config.pwhash_opslimit = crypto_pwhash_OPSLIMIT_MIN;
  scale->config.min_failure_time_ms = 0;

  /* The backend creates the schema, then lets go of the file. */
  creator = cst_local_backend_new (scale->path, scale->clock, NULL, NULL, &scale->config, &error);
  g_assert_no_error (error);
  cst_local_backend_open (creator, &error);
  g_assert_no_error (error);
  g_clear_object (&creator);

  bulk_load (scale, hash);

  scale->backend = cst_local_backend_new (scale->path, scale->clock,
                                          CST_SMS_GATEWAY (scale->sms),
                                          CST_FACE_VERIFIER (face),
                                          &scale->config, &error);
  g_assert_no_error (error);
}

static void
scale_teardown (Scale *scale)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&scale->backend);
  g_clear_object (&scale->sms);
  g_clear_object (&scale->clock);

  if ((dir = g_dir_open (scale->dir, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (scale->dir, name, NULL);
          g_unlink (child);
        }
    }
  g_rmdir (scale->dir);
  g_clear_pointer (&scale->dir, g_free);
  g_clear_pointer (&scale->path, g_free);
}

/* ---- operations ---- */

typedef enum {
  OP_LOGIN_ID,
  OP_LOGIN_PHONE,
  OP_LOGIN_USERNAME,
  OP_CODE_ISSUE,
  OP_CODE_VERIFY,
  OP_REGISTER,
  OP_ENTERPRISE_ROLES,
  N_OPS
} Op;

static const char * const op_names[N_OPS] = {
  "login by ID number",
  "login by phone",
  "login by user name",
  "code issue (send_code)",
  "code verify (login_sms)",
  "registration (4 calls)",
  "enterprise-role lookup",
};

static guint
random_person (GRand *rand,
               guint  n)
{
  return (guint) g_rand_int_range (rand, 0, (gint32) n);
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s failed: %s", what, error != NULL ? error->message : "?");
}

/* One sample of @op; returns µs. */
static gint64
run_op (Scale *scale,
        GRand *rand,
        Op     op,
        guint  serial)
{
  CstAuthBackend *backend = CST_AUTH_BACKEND (scale->backend);
  g_autoptr(GError) error = NULL;
  guint i = random_person (rand, scale->n);
  char account[24];
  gint64 start, elapsed = 0;

  /* Past the resend interval of the last sample. */
  cst_clock_advance (scale->clock, G_GINT64_CONSTANT (61) * G_USEC_PER_SEC);

  switch (op)
    {
    case OP_LOGIN_ID:
    case OP_LOGIN_PHONE:
    case OP_LOGIN_USERNAME:
      {
        g_autoptr(CstSession) session = NULL;

        if (op == OP_LOGIN_ID)
          person_id_number (i, account);
        else if (op == OP_LOGIN_PHONE)
          person_phone (i, account);
        else
          person_username (i - i % 4, account);

        start = g_get_monotonic_time ();
        session = cst_auth_backend_login_password (backend, account, PASSWORD, FALSE, &error);
        elapsed = g_get_monotonic_time () - start;
        check (session != NULL, error, op_names[op]);
        break;
      }

    case OP_CODE_ISSUE:
    case OP_CODE_VERIFY:
      {
        g_autoptr(CstSession) session = NULL;
        g_autofree char *code = NULL;
        gboolean ok;

        person_phone (i, account);
        start = g_get_monotonic_time ();
        ok = cst_auth_backend_send_code (backend, account, CST_CODE_PURPOSE_LOGIN, NULL, &error);
        if (op == OP_CODE_ISSUE)
          elapsed = g_get_monotonic_time () - start;
        check (ok, error, "send_code");

        code = cst_capture_sms_gateway_last_code (scale->sms, account);
        start = g_get_monotonic_time ();
        session = cst_auth_backend_login_sms (backend, account, code, FALSE, &error);
        if (op == OP_CODE_VERIFY)
          elapsed = g_get_monotonic_time () - start;
        check (session != NULL, error, "login_sms");
        break;
      }

    case OP_REGISTER:
      {
        g_autoptr(CstSession) session = NULL;
        g_autoptr(CstFaceCapture) capture = NULL;
        g_autofree char *ticket = NULL;
        char id17[18], id_number[19], phone[12];
        gboolean ok;

        /* Region 420115, never used by the bulk persons; one a serial. */
        g_snprintf (id17, sizeof id17, "4201151985%02u%02u%03u",
                    1 + serial / (28 * 900) % 12, 1 + serial / 900 % 28, 100 + serial % 900);
        g_snprintf (id_number, sizeof id_number, "%s%c", id17, cst_id_check_character (id17));
        g_snprintf (phone, sizeof phone, "16%09u", serial);
        capture = cst_face_capture_new (CST_LIVENESS_ALL, cst_clock_now (scale->clock), NULL);

        start = g_get_monotonic_time ();
        ticket = cst_auth_backend_register_begin (backend, CST_ID_TYPE_RESIDENT, id_number, "赵六", &error);
        check (ticket != NULL, error, "register_begin");
        ok = cst_auth_backend_send_code (backend, phone, CST_CODE_PURPOSE_REGISTER, NULL, &error);
        check (ok, error, "send_code");
        elapsed = g_get_monotonic_time () - start;
        {
          g_autofree char *code = cst_capture_sms_gateway_last_code (scale->sms, phone);

          start = g_get_monotonic_time ();
          ok = cst_auth_backend_register_set_credentials (backend, ticket, PASSWORD, phone, code, &error);
          check (ok, error, "register_set_credentials");
        }
        session = cst_auth_backend_register_complete (backend, ticket, capture, FALSE, &error);
        elapsed += g_get_monotonic_time () - start;
        check (session != NULL, error, "register_complete");
        break;
      }

    case OP_ENTERPRISE_ROLES:
      {
        g_autoptr(CstEnterpriseChallenge) challenge = NULL;
        char code[19];

        person_phone (i, account);
        enterprise_code (i / 10 % MAX (1, scale->n / 10), code);
        start = g_get_monotonic_time ();
        challenge = cst_auth_backend_enterprise_begin (backend, code, account, PASSWORD, &error);
        elapsed = g_get_monotonic_time () - start;
        check (challenge != NULL, error, op_names[op]);
        if (challenge->n_roles != 1 || challenge->roles[0] != (CstRole) (1 + i % 4))
          g_error ("enterprise_begin returned the wrong roles");
        break;
      }

    case N_OPS:
    default:
      g_assert_not_reached ();
    }

  return elapsed;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_us (GArray *values)
{
  g_array_sort (values, compare_int64);

  return (double) g_array_index (values, gint64, values->len / 2);
}

static double
percentile_us (GArray *values,
               double  p)
{
  g_array_sort (values, compare_int64);

  return (double) g_array_index (values, gint64, MIN (values->len - 1, (guint) (values->len * p)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  char hash[crypto_pwhash_STRBYTES];
  double medians[8][N_OPS];
  double p90s[8][N_OPS];
  double per_person[8], person_only[8], load[8];
  Scale scales[8] = { { 0 } };
  GArray *samples[8][N_OPS] = { { NULL } };
  g_autoptr(GArray) verify = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint serial = 0;

  setlocale (LC_ALL, "");

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  for (int a = 1; a < argc && sizes->len < G_N_ELEMENTS (per_person); a++)
    {
      guint n;

      if (g_str_has_prefix (argv[a], "--dir="))
        {
          scale_dir = argv[a] + strlen ("--dir=");
          continue;
        }

      n = (guint) g_ascii_strtoull (argv[a], NULL, 10);

      if (n < 100)
        {
          g_printerr ("usage: bench-scale [N…] (N ≥ 100)\n");
          return 2;
        }
      g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    {
      static const guint defaults[] = { 10000, 100000, 1000000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  /* The one hash string of every bulk person, at the backend's cost. */
  if (crypto_pwhash_str (hash, PASSWORD, strlen (PASSWORD),
                         crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) != 0)
    g_error ("crypto_pwhash_str failed");
  for (guint k = 0; k < 101; k++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (crypto_pwhash_str_verify (hash, PASSWORD, strlen (PASSWORD)) != 0)
        g_error ("verification failed");
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (verify, elapsed);
    }

  /* Every database first, then rounds over all of them: one sample of
   * each operation on each size per round, so that load from other work
   * on the machine lands on all sizes alike. */
  for (guint s = 0; s < sizes->len; s++)
    {
      scale_setup (&scales[s], g_array_index (sizes, guint, s), hash);
      per_person[s] = (double) scales[s].db_bytes / scales[s].n;
      person_only[s] = scales[s].person_bytes > 0 ? (double) scales[s].person_bytes / scales[s].n : -1;
      load[s] = scales[s].load_seconds;
      for (guint op = 0; op < N_OPS; op++)
        samples[s][op] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  for (guint round = 0; round < WARMUP + SAMPLES; round++)
    for (guint s = 0; s < sizes->len; s++)
      for (guint op = 0; op < N_OPS; op++)
        {
          gint64 us = run_op (&scales[s], rand, op, serial++);

          if (round >= WARMUP)
            g_array_append_val (samples[s][op], us);
        }

  for (guint s = 0; s < sizes->len; s++)
    {
      for (guint op = 0; op < N_OPS; op++)
        {
          medians[s][op] = median_us (samples[s][op]);
          p90s[s][op] = percentile_us (samples[s][op], 0.9);
          g_array_unref (samples[s][op]);
        }

      scale_teardown (&scales[s]);
    }

  g_print ("Service scale: CstLocalBackend, median (p90) latency in µs over %u samples each, interleaved\n"
           "  databases in %s\n"
           "  argon2id at libsodium's minimum (8 KiB, t = 1) for these runs, not subtracted:\n"
           "  one verification at that cost takes %.0f µs (median)\n",
           SAMPLES, scale_dir != NULL ? scale_dir : g_get_tmp_dir (), median_us (verify));
  g_print ("  %-26s", "persons");
  for (guint s = 0; s < sizes->len; s++)
    g_print (" %17u", g_array_index (sizes, guint, s));
  g_print ("   %s\n", sizes->len > 1 ? "last/first" : "");

  for (guint op = 0; op < N_OPS; op++)
    {
      g_print ("  %-26s", op_names[op]);
      for (guint s = 0; s < sizes->len; s++)
        {
          g_autofree char *cell = g_strdup_printf ("%.0f (%.0f)", medians[s][op], p90s[s][op]);
          g_print (" %17s", cell);
        }
      if (sizes->len > 1)
        g_print ("   %.2f×", medians[sizes->len - 1][op] / medians[0][op]);
      g_print ("\n");
    }

  g_print ("  %-26s", "database bytes / person");
  for (guint s = 0; s < sizes->len; s++)
    g_print (" %17.0f", per_person[s]);
  g_print ("\n  %-26s", "  of which persons + index");
  for (guint s = 0; s < sizes->len; s++)
    {
      if (person_only[s] >= 0)
        g_print (" %17.0f", person_only[s]);
      else
        g_print (" %17s", "?");
    }
  g_print ("\n  %-26s", "bulk load (s)");
  for (guint s = 0; s < sizes->len; s++)
    g_print (" %17.1f", load[s]);
  g_print ("\n");

  if (sizes->len > 1)
    {
      double worst = 0;

      for (guint op = 0; op < N_OPS; op++)
        worst = MAX (worst, medians[sizes->len - 1][op] / medians[0][op]);
      g_print ("  flatness: worst median ratio %.2f× from %u to %u persons (goal ≤ 1.5×) — %s\n",
               worst, g_array_index (sizes, guint, 0), g_array_index (sizes, guint, sizes->len - 1),
               worst <= 1.5 ? "met" : "NOT met");
    }

  return 0;
}
