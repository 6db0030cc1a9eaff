/* test-schema.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The schema as the service's hot paths need it: the prunes that run
 * inside send_code, ticket creation and unknown-account logins find their
 * rows through an index (the query plan says so; a full scan would grow
 * each call with the table), and a version 1 database is upgraded in
 * place without losing anything.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cst-test-backend.h"

typedef CstTestBackend Fixture;

/* The query plan of @sql as one string, "|"-separated details. */
static char *
query_plan (Fixture    *f,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s|", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
assert_uses_index (Fixture    *f,
                   const char *sql,
                   const char *index)
{
  g_autofree char *plan = query_plan (f, sql);

  g_test_message ("%s: %s", sql, plan);
  /* "SEARCH codes USING INDEX codes_created (created<?)", never "SCAN codes". */
  g_assert_nonnull (strstr (plan, "SEARCH"));
  g_assert_nonnull (strstr (plan, index));
  g_assert_null (strstr (plan, "SCAN"));
}

/* The statements as cst-local-backend.c runs them. */
static void
test_prunes_use_indexes (Fixture       *f,
                         gconstpointer  data)
{
  assert_uses_index (f, "DELETE FROM codes WHERE created < ?1", "codes_created");
  assert_uses_index (f, "DELETE FROM tickets WHERE expires <= ?1", "tickets_expires");
  assert_uses_index (f, "DELETE FROM phantom_lockouts WHERE updated < ?1 AND locked_until < ?2",
                     "phantom_lockouts_updated");
  /* And the older lookups still use theirs. */
  assert_uses_index (f, "SELECT max(created) FROM codes WHERE phone = ?1 AND purpose = ?2",
                     "codes_phone");
}

/* Old codes still go (the index did not change what is pruned). */
static void
test_old_codes_pruned (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  cst_test_backend_add_person (f);
  first = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM codes"), ==, 1);

  /* Two days and a bit later the first code is only history. */
  cst_test_backend_advance (f, 2 * 24 * 60 * 60 + 1);
  second = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM codes"), ==, 1);
}

/* A version 1 file: the current schema without what version 2 added. */
static void
test_migrates_version_1 (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstSession) again = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpint (cst_local_backend_schema_version (), ==, 2);

  cst_test_backend_add_person (f);
  session = cst_test_backend_login (f, FALSE);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  g_assert_finalize_object (g_steal_pointer (&f->backend));

  cst_test_backend_exec (f,
                         "DROP INDEX codes_created;"
                         "DROP INDEX tickets_expires;"
                         "DROP INDEX phantom_lockouts_updated;"
                         "PRAGMA user_version = 1;");
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM sqlite_schema "
                                                  "WHERE name = 'codes_created'"), ==, 0);

  /* g_message() of the migration, which the test lets through. */
  f->backend = cst_test_backend_new_peer (f);

  g_assert_cmpint (cst_test_backend_query_int (f, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                                  "('codes_created', 'tickets_expires', "
                                                  "'phantom_lockouts_updated')"), ==, 3);

  /* Everything from before is there and works: the session, the code. */
  again = cst_auth_backend_session_lookup (CST_TEST_AUTH (f), cst_session_get_token (session), &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_clear_object (&again);
  again = cst_auth_backend_login_sms (CST_TEST_AUTH (f), CST_TEST_PHONE, code, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_clear_object (&again);
  again = cst_test_backend_login (f, FALSE);

  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM pragma_integrity_check "
                                                  "WHERE integrity_check = 'ok'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/Reliability/Schema/" path, Fixture, NULL, \
              cst_test_backend_setup, func, cst_test_backend_teardown)

  ADD ("prunes-use-indexes", test_prunes_use_indexes);
  ADD ("old-codes-pruned", test_old_codes_pruned);
  ADD ("migrates-version-1", test_migrates_version_1);

#undef ADD

  return g_test_run ();
}
