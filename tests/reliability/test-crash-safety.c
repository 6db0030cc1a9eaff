/* test-crash-safety.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Crash safety of the identity database. Round after round, crash-writer
 * writes through CstLocalBackend and is killed with SIGKILL 10–150 ms
 * after it started; then a copy of the files as the kill left them is
 * checked: PRAGMA integrity_check and foreign_key_check, and every write
 * the writer acknowledged (printed after the call returned) is there — a
 * registered person exists, an issued session exists, a consumed code is
 * marked used. A write that was in flight when the kill came may or may
 * not be there; it is never acknowledged, so it is not checked. The next
 * round's writer opens the original files, hot WAL and all, so every
 * round also exercises the backend's start after a crash.
 *
 * The negative control runs the same with the database's protection off
 * (crash-writer --journal-off) and must be caught, which shows that the
 * check can fail.
 *
 * CST_CRASH_ROUNDS sets the rounds of the durable test (default 20, the
 * suite's short variant); build-aux/crash-test runs the long one.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "cst-local-backend.h"

#define DEFAULT_ROUNDS          20
#define NEGATIVE_CONTROL_ROUNDS 40
#define MIN_KILL_MS             10
#define MAX_KILL_MS             150
#define MAX_LANES               8
#define DURABLE_LANES           3
#define NEGATIVE_CONTROL_LANES  8

typedef struct
{
  guint   rounds;
  guint   kills;
  guint   acknowledged;       /* writes acknowledged over all rounds */
  guint   checked;            /* acknowledged writes found intact, final check */
  guint   failures;           /* failed checks */
  guint   first_failure;      /* round of the first failure, from 1 */
  guint   silent_kills;       /* killed before the first acknowledgement */
  GArray *kill_ms;
} Figures;

static char *
writer_path (void)
{
  const char *env = g_getenv ("CST_CRASH_WRITER");

  if (env != NULL)
    return g_strdup (env);

  /* Run by hand: beside this program. */
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_strdup (".");

    return g_build_filename (dir, "crash-writer", NULL);
  }
}

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

/* Copies @from and its -wal (if any) to @to, replacing what is there. */
static void
copy_database (const char *from,
               const char *to)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *src = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *dst = g_strconcat (to, suffixes[i], NULL);
      g_autofree char *shm = g_strconcat (to, "-shm", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = 0;

      g_remove (dst);
      g_remove (shm);
      if (!g_file_get_contents (src, &contents, &len, NULL))
        continue;
      g_file_set_contents (dst, contents, len, &error);
      g_assert_no_error (error);
    }
}

static gboolean
query_ok (sqlite3     *db,
          const char  *pragma,
          gboolean     want_ok_row,
          GString     *problems)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_string_append_printf (problems, "%s: %s; ", pragma, sqlite3_errmsg (db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      /* integrity_check answers one row "ok"; foreign_key_check no row. */
      if (!want_ok_row || g_strcmp0 (text, "ok") != 0)
        {
          g_string_append_printf (problems, "%s: %s; ", pragma, text != NULL ? text : "(violation)");
          ok = FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (problems, "%s: %s; ", pragma, sqlite3_errmsg (db));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
hex_to_blob (const char *hex,
             guint8      out[crypto_hash_sha256_BYTES])
{
  gsize len = 0;

  return sodium_hex2bin (out, crypto_hash_sha256_BYTES, hex, strlen (hex),
                         NULL, &len, NULL) == 0 &&
         len == crypto_hash_sha256_BYTES;
}

/* Whether the acknowledged write @line ("R …", "S …", "K …", "C …") is in @db. */
static gboolean
write_present (sqlite3    *db,
               const char *line,
               GString    *problems)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", -1);
  guint n = g_strv_length (parts);
  sqlite3_stmt *stmt = NULL;
  gboolean present = FALSE;

  if (n == 2 && g_str_equal (parts[0], "R"))
    {
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM persons WHERE id_number = ?1", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, parts[1], -1, SQLITE_TRANSIENT);
      present = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
    }
  else if (n == 2 && g_str_equal (parts[0], "S"))
    {
      guint8 hash[crypto_hash_sha256_BYTES];

      g_assert_true (hex_to_blob (parts[1], hash));
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM sessions WHERE token_hash = ?1", -1, &stmt, NULL);
      sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
      present = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
    }
  else if (n == 4 && (g_str_equal (parts[0], "K") || g_str_equal (parts[0], "C")))
    {
      gboolean want_used = g_str_equal (parts[0], "C");

      /* The row of that code: code_hash = SHA-256 (salt ‖ code). */
      sqlite3_prepare_v2 (db, "SELECT salt, code_hash, used FROM codes WHERE phone = ?1 AND purpose = ?2",
                          -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, parts[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, atoi (parts[2]));
      while (!present && sqlite3_step (stmt) == SQLITE_ROW)
        {
          crypto_hash_sha256_state state;
          guint8 hash[crypto_hash_sha256_BYTES];

          if (sqlite3_column_bytes (stmt, 1) != crypto_hash_sha256_BYTES)
            continue;
          crypto_hash_sha256_init (&state);
          crypto_hash_sha256_update (&state, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
          crypto_hash_sha256_update (&state, (const guint8 *) parts[3], strlen (parts[3]));
          crypto_hash_sha256_final (&state, hash);
          if (memcmp (hash, sqlite3_column_blob (stmt, 1), sizeof hash) == 0)
            present = !want_used || sqlite3_column_int (stmt, 2) == 1;
        }
    }
  else
    g_error ("crash-writer printed a line this test does not know: %s", line);

  sqlite3_finalize (stmt);

  if (!present)
    g_string_append_printf (problems, "acknowledged write missing: %s; ", line);

  return present;
}

/* The checks of the module comment on a copy of the files at @path. */
static gboolean
check_database (const char *path,
                GPtrArray  *acknowledged,
                guint      *checked,
                GString    *problems)
{
  g_autofree char *outbox = g_strconcat (path, "-sms-outbox", NULL);
  const char *files[] = { path, outbox };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      sqlite3 *db = NULL;

      if (!g_file_test (files[i], G_FILE_TEST_EXISTS))
        continue;

      if (sqlite3_open_v2 (files[i], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        {
          g_string_append_printf (problems, "cannot open %s: %s; ", files[i], sqlite3_errmsg (db));
          sqlite3_close (db);
          return FALSE;
        }

      ok &= query_ok (db, "PRAGMA integrity_check", TRUE, problems);
      ok &= query_ok (db, "PRAGMA foreign_key_check", FALSE, problems);

      if (i == 0 && ok)
        for (guint j = 0; j < acknowledged->len; j++)
          {
            if (write_present (db, acknowledged->pdata[j], problems))
              (*checked)++;
            else
              ok = FALSE;
          }

      sqlite3_close (db);
    }

  return ok;
}

/* One writer's database; several of them are killed side by side in each
 * round, each at its own random moment, so that a round tells more. */
typedef struct
{
  char       *dir;
  char       *path;
  char       *copy;
  GPtrArray  *all;            /* every acknowledged write of this lane */
  GSubprocess *process;
  guint       kill_ms;
} Lane;

static void
lane_init (Lane       *lane,
           const char *dir,
           guint       index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstLocalBackend) backend = NULL;
  g_autofree char *copy_dir = NULL;

  lane->dir = g_strdup_printf ("%s/lane-%u", dir, index);
  lane->path = g_build_filename (lane->dir, "identity.db", NULL);
  copy_dir = g_build_filename (lane->dir, "check", NULL);
  lane->copy = g_build_filename (copy_dir, "identity.db", NULL);
  lane->all = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (g_mkdir_with_parents (copy_dir, 0700), ==, 0);

  /* The person whose codes the writer sends and consumes. */
  backend = cst_local_backend_new (lane->path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_local_backend_add_person (backend, CST_ID_TYPE_RESIDENT, "110101199003071233",
                                                 "李四", "13700000000", "Hubei#Tax2026", &error),
                   >, 0);
  g_assert_no_error (error);
}

static void
lane_clear (Lane *lane)
{
  g_clear_object (&lane->process);
  g_clear_pointer (&lane->all, g_ptr_array_unref);
  g_clear_pointer (&lane->copy, g_free);
  g_clear_pointer (&lane->path, g_free);
  g_clear_pointer (&lane->dir, g_free);
}

/* Copies the files as the kill left them and checks the copy. */
static gboolean
lane_check (Lane      *lane,
            GPtrArray *acknowledged,
            guint     *checked,
            GString   *problems)
{
  g_autofree char *outbox = g_strconcat (lane->path, "-sms-outbox", NULL);
  g_autofree char *outbox_copy = g_strconcat (lane->copy, "-sms-outbox", NULL);

  copy_database (lane->path, lane->copy);
  copy_database (outbox, outbox_copy);

  return check_database (lane->copy, acknowledged, checked, problems);
}

static gint
compare_lane_kill (gconstpointer a,
                   gconstpointer b)
{
  const Lane *x = *(const Lane * const *) a;
  const Lane *y = *(const Lane * const *) b;

  return x->kill_ms < y->kill_ms ? -1 : x->kill_ms > y->kill_ms;
}

/* Runs @rounds kill rounds in @dir; with @stop_at_failure the first
 * failed check ends the run. */
static void
run_rounds (const char *dir,
            guint       rounds,
            guint       n_lanes,
            gboolean    journal_off,
            gboolean    stop_at_failure,
            Figures    *figures)
{
  g_autofree char *writer = writer_path ();
  Lane lanes[MAX_LANES] = { { 0, }, };
  gboolean stop = FALSE;

  g_assert_true (g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE));
  g_assert_cmpuint (n_lanes, <=, MAX_LANES);

  figures->kill_ms = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint l = 0; l < n_lanes; l++)
    lane_init (&lanes[l], dir, l);

  for (guint round = 1; round <= rounds && !stop; round++)
    {
      g_autofree char *round_arg = g_strdup_printf ("%u", round);
      Lane *by_kill[MAX_LANES];
      gint64 start;

      for (guint l = 0; l < n_lanes; l++)
        {
          g_autoptr(GSubprocessLauncher) launcher = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *log = g_strdup_printf ("%s/round.log", lanes[l].dir);
          g_autofree char *err = g_strdup_printf ("%s/round.err", lanes[l].dir);

          lanes[l].kill_ms = (guint) g_test_rand_int_range (MIN_KILL_MS, MAX_KILL_MS + 1);
          by_kill[l] = &lanes[l];

          /* The launcher opens these without O_TRUNC. */
          g_remove (log);
          g_remove (err);
          launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
          g_subprocess_launcher_set_stdout_file_path (launcher, log);
          g_subprocess_launcher_set_stderr_file_path (launcher, err);
          lanes[l].process = g_subprocess_launcher_spawn (launcher, &error, writer,
                                                          "--database", lanes[l].path,
                                                          "--round", round_arg,
                                                          journal_off ? "--journal-off" : NULL, NULL);
          g_assert_no_error (error);
        }

      /* SIGKILL each at its moment. */
      start = g_get_monotonic_time ();
      qsort (by_kill, n_lanes, sizeof by_kill[0], compare_lane_kill);
      for (guint l = 0; l < n_lanes; l++)
        {
          gint64 at = start + (gint64) by_kill[l]->kill_ms * 1000;
          gint64 now = g_get_monotonic_time ();

          if (at > now)
            g_usleep (at - now);
          g_subprocess_force_exit (by_kill[l]->process);
        }

      for (guint l = 0; l < n_lanes; l++)
        {
          Lane *lane = &lanes[l];
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GString) problems = g_string_new (NULL);
          g_autofree char *log = g_strdup_printf ("%s/round.log", lane->dir);
          g_autofree char *err = g_strdup_printf ("%s/round.err", lane->dir);
          g_autofree char *contents = NULL;
          g_auto(GStrv) lines = NULL;
          guint checked = 0;

          g_subprocess_wait (lane->process, NULL, &error);
          g_assert_no_error (error);
          g_array_append_val (figures->kill_ms, lane->kill_ms);
          figures->kills++;

          /* A writer that stopped on its own met an error: the database
           * it found was unusable (or the writer is broken). */
          if (!g_subprocess_get_if_signaled (lane->process) ||
              g_subprocess_get_term_sig (lane->process) != SIGKILL)
            {
              g_autofree char *why = NULL;

              g_file_get_contents (err, &why, NULL, NULL);
              g_string_append_printf (problems, "the writer exited by itself: %s; ",
                                      why != NULL ? why : "");
            }
          g_clear_object (&lane->process);

          /* Only complete lines were acknowledged. */
          g_file_get_contents (log, &contents, NULL, NULL);
          lines = g_strsplit (contents != NULL ? contents : "", "\n", -1);
          for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
            {
              g_ptr_array_add (acknowledged, g_strdup (lines[i]));
              g_ptr_array_add (lane->all, g_strdup (lines[i]));
            }
          figures->acknowledged += acknowledged->len;
          if (acknowledged->len == 0)
            figures->silent_kills++;

          if (problems->len > 0 || !lane_check (lane, acknowledged, &checked, problems))
            {
              figures->failures++;
              if (figures->first_failure == 0)
                figures->first_failure = round;
              if (problems->len > 400)
                g_string_truncate (problems, 400);
              g_test_message ("round %u, writer %u (killed after %u ms, %u writes acknowledged): %s…",
                              round, l, lane->kill_ms, acknowledged->len, problems->str);
              stop = stop_at_failure;
            }
        }
      figures->rounds++;
    }

  /* At the end, everything acknowledged in any round is still there. */
  for (guint l = 0; l < n_lanes; l++)
    {
      g_autoptr(GString) problems = g_string_new (NULL);

      if (!stop && !lane_check (&lanes[l], lanes[l].all, &figures->checked, problems))
        {
          figures->failures++;
          if (problems->len > 400)
            g_string_truncate (problems, 400);
          g_test_message ("final check, writer %u: %s…", l, problems->str);
        }
      lane_clear (&lanes[l]);
    }
}

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static guint
median_kill_ms (Figures *figures)
{
  g_autoptr(GArray) sorted = g_array_copy (figures->kill_ms);

  g_array_sort (sorted, compare_uint);

  return sorted->len > 0 ? g_array_index (sorted, guint, sorted->len / 2) : 0;
}

static void
test_durable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-crash-XXXXXX", &error);
  const char *env = g_getenv ("CST_CRASH_ROUNDS");
  guint rounds = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ROUNDS;
  Figures figures = { 0, };
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_assert_cmpuint (rounds, >, 0);

  run_rounds (dir, rounds, DURABLE_LANES, FALSE, FALSE, &figures);

  g_test_message ("crash safety (WAL, synchronous=FULL): %u rounds × %u writers = %u kills "
                  "in %.1f s, at %u–%u ms (median %u ms); %u writes acknowledged, "
                  "%u found intact in the final check; %u kills before the first "
                  "acknowledgement; %u failed checks",
                  figures.rounds, DURABLE_LANES, figures.kills, (g_get_monotonic_time () - start) / 1e6,
                  MIN_KILL_MS, MAX_KILL_MS, median_kill_ms (&figures),
                  figures.acknowledged, figures.checked, figures.silent_kills,
                  figures.failures);

  g_assert_cmpuint (figures.failures, ==, 0);
  g_assert_cmpuint (figures.checked, ==, figures.acknowledged);
  /* The test means something only if the writer got to write. */
  g_assert_cmpuint (figures.acknowledged, >, figures.kills);

  g_array_unref (figures.kill_ms);
  remove_tree (dir);
}

static void
test_negative_control (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-crash-off-XXXXXX", &error);
  Figures figures = { 0, };

  g_assert_no_error (error);

  run_rounds (dir, NEGATIVE_CONTROL_ROUNDS, NEGATIVE_CONTROL_LANES, TRUE, TRUE, &figures);

  g_test_message ("negative control (journal_mode=OFF, synchronous=OFF): first failed check "
                  "in round %u of at most %u (%u kills, %u writes acknowledged until then)",
                  figures.first_failure, NEGATIVE_CONTROL_ROUNDS, figures.kills,
                  figures.acknowledged);

  /* Without a journal a kill inside a commit tears it: the check sees it. */
  g_assert_cmpuint (figures.failures, >, 0);

  g_array_unref (figures.kill_ms);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  g_test_add_func ("/Cst/Reliability/Crash/durable", test_durable);
  g_test_add_func ("/Cst/Reliability/Crash/negative-control", test_negative_control);

  return g_test_run ();
}
