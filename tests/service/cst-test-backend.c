/* cst-test-backend.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-test-backend"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cst-test-backend.h"

static CstLocalBackend *
open_backend (CstTestBackend *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstLocalBackend) backend = NULL;

  backend = cst_local_backend_new (fixture->path,
                                   fixture->clock,
                                   CST_SMS_GATEWAY (fixture->sms),
                                   CST_FACE_VERIFIER (fixture->face),
                                   &fixture->config,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (backend);

  cst_local_backend_open (backend, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&backend);
}

void
cst_test_backend_setup (CstTestBackend *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cst-service-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "identity.db", NULL);

  fixture->clock = cst_clock_new_manual (CST_TEST_START_US);
  fixture->sms = cst_capture_sms_gateway_new ();
  fixture->face = cst_scripted_face_verifier_new ();

  cst_local_config_init_defaults (&fixture->config);
  fixture->config.min_failure_time_ms = 0;
  /* The OWASP floor, not the (higher) default: faster, same rules. */
  fixture->config.pwhash_memlimit = CST_PWHASH_OWASP_MEMLIMIT;
  fixture->config.pwhash_opslimit = CST_PWHASH_OWASP_OPSLIMIT;

  fixture->backend = open_backend (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

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

void
cst_test_backend_teardown (CstTestBackend *fixture,
                           gconstpointer   data)
{
  if (fixture->backend != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->backend));

  g_clear_object (&fixture->face);
  g_clear_object (&fixture->sms);
  g_clear_object (&fixture->clock);

  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

void
cst_test_backend_reopen (CstTestBackend *fixture)
{
  if (fixture->backend != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->backend));

  fixture->backend = open_backend (fixture);
}

CstLocalBackend *
cst_test_backend_new_peer (CstTestBackend *fixture)
{
  return open_backend (fixture);
}

gint64
cst_test_backend_add_person_full (CstTestBackend *fixture,
                                  CstIdType       id_type,
                                  const char     *id_number,
                                  const char     *name,
                                  const char     *phone,
                                  const char     *password)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cst_local_backend_add_person (fixture->backend, id_type, id_number,
                                     name, phone, password, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

gint64
cst_test_backend_add_person (CstTestBackend *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cst_test_backend_add_person_full (fixture, CST_ID_TYPE_RESIDENT,
                                         CST_TEST_ID_NUMBER, CST_TEST_NAME,
                                         CST_TEST_PHONE, CST_TEST_PASSWORD);

  cst_local_backend_set_username (fixture->backend, CST_TEST_PHONE,
                                  CST_TEST_USERNAME, &error);
  g_assert_no_error (error);

  return id;
}

char *
cst_test_backend_last_code (CstTestBackend *fixture,
                            const char     *phone)
{
  char *code = cst_capture_sms_gateway_last_code (fixture->sms, phone);

  if (code == NULL)
    g_error ("no code was sent to %s", phone);

  g_assert_cmpuint (strlen (code), ==, 6);
  return code;
}

char *
cst_test_backend_send_code (CstTestBackend *fixture,
                            const char     *phone,
                            CstCodePurpose  purpose)
{
  g_autoptr(GError) error = NULL;
  guint before = cst_capture_sms_gateway_count (fixture->sms);
  gint resend_after = -1;

  cst_auth_backend_send_code (CST_TEST_AUTH (fixture), phone, purpose,
                              &resend_after, &error);
  g_assert_no_error (error);
  g_assert_cmpint (resend_after, ==, fixture->config.code_resend_interval);
  g_assert_cmpuint (cst_capture_sms_gateway_count (fixture->sms), ==, before + 1);

  return cst_test_backend_last_code (fixture, phone);
}

CstFaceCapture *
cst_test_backend_capture (CstTestBackend *fixture)
{
  return cst_face_capture_new (CST_LIVENESS_ALL,
                               cst_clock_now (fixture->clock),
                               NULL);
}

CstSession *
cst_test_backend_register (CstTestBackend *fixture,
                           const char     *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstFaceCapture) capture = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *code = NULL;
  CstSession *session;

  ticket = cst_auth_backend_register_begin (CST_TEST_AUTH (fixture),
                                            CST_ID_TYPE_RESIDENT,
                                            CST_TEST_ID_NUMBER_2,
                                            CST_TEST_NAME_2,
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (ticket);

  code = cst_test_backend_send_code (fixture, CST_TEST_PHONE_2,
                                     CST_CODE_PURPOSE_REGISTER);

  cst_auth_backend_register_set_credentials (CST_TEST_AUTH (fixture), ticket,
                                             password, CST_TEST_PHONE_2,
                                             code, &error);
  g_assert_no_error (error);

  capture = cst_test_backend_capture (fixture);
  session = cst_auth_backend_register_complete (CST_TEST_AUTH (fixture),
                                                ticket, capture, FALSE,
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  return session;
}

CstSession *
cst_test_backend_login (CstTestBackend *fixture,
                        gboolean        remember)
{
  g_autoptr(GError) error = NULL;
  CstSession *session;

  session = cst_auth_backend_login_password (CST_TEST_AUTH (fixture),
                                             CST_TEST_PHONE,
                                             CST_TEST_PASSWORD,
                                             remember, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  return session;
}

void
cst_test_backend_advance (CstTestBackend *fixture,
                          gint64          seconds)
{
  cst_clock_advance (fixture->clock, seconds * G_USEC_PER_SEC);
}

char *
cst_test_wrong_code (const char *code)
{
  char *wrong = g_strdup (code);

  g_assert_cmpuint (strlen (wrong), ==, 6);
  wrong[5] = wrong[5] == '9' ? '0' : wrong[5] + 1;

  return wrong;
}

GBytes *
cst_test_read_database_bytes (const char *path)
{
  GByteArray *all = g_byte_array_new ();
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (file, &contents, &len, NULL))
        g_byte_array_append (all, (const guint8 *) contents, len);
    }

  return g_byte_array_free_to_bytes (all);
}

gboolean
cst_test_bytes_contain (GBytes     *haystack,
                        const char *needle)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (haystack, &len);
  gsize needle_len = strlen (needle);

  if (needle_len == 0 || needle_len > len)
    return FALSE;

  for (gsize i = 0; i + needle_len <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static sqlite3 *
open_raw (CstTestBackend *fixture)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

gint64
cst_test_backend_query_int (CstTestBackend *fixture,
                            const char     *sql)
{
  sqlite3 *db = open_raw (fixture);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

void
cst_test_backend_exec (CstTestBackend *fixture,
                       const char     *sql)
{
  sqlite3 *db = open_raw (fixture);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}
