/* crash-writer.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The victim of the crash-safety test (test-crash-safety.c and
 * build-aux/crash-test): it writes through CstLocalBackend as the app
 * does — registrations by the full flow, password logins, SMS codes sent
 * and consumed — and prints one line per write that the backend
 * acknowledged, after the call returned:
 *
 *   R ID_NUMBER               a person was registered
 *   S SHA256(TOKEN)           a session was issued (only the hash, as stored)
 *   K PHONE PURPOSE CODE      a code was stored
 *   C PHONE PURPOSE CODE      that code was consumed
 *
 * until the driver kills it with SIGKILL. The codes are test data of a
 * throwaway database; the driver needs them to find their rows, whose
 * code_hash is SHA-256 (salt ‖ code).
 *
 * --journal-off is the negative control: the same writes with the
 * database's crash protection switched off (journal_mode=OFF,
 * synchronous=OFF), which must make the driver's check fail. The backend
 * has no switch for that, on purpose. The writer does it from outside,
 * with SQLite's public API only: sqlite3_auto_extension() registers a
 * hook that SQLite runs on every connection this process opens, before
 * the backend sees the connection; the hook attaches the outbox itself,
 * sets the two pragmas on both files and installs an authorizer that
 * turns the backend's own ATTACH, `PRAGMA journal_mode = WAL` and
 * `PRAGMA synchronous = FULL` into no-ops. So
 * the production code is untouched and runs exactly as in the app, only
 * on an unprotected file.
 */

#define G_LOG_DOMAIN "crash-writer"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cst-auth-backend.h"
#include "cst-local-backend.h"
#include "cst-sms-gateway.h"

#define PASSWORD "Crash#Test2026"
#define NAME     "测试"

/* The person the driver adds before the first round. */
#define CRASH_HOME_PHONE "13700000000"

static int
ignore_protection_cb (void       *user_data,
                      int         action,
                      const char *arg1,
                      const char *arg2,
                      const char *db_name,
                      const char *trigger)
{
  /* The backend's ATTACH of the outbox: done already, below. */
  if (action == SQLITE_ATTACH)
    return SQLITE_IGNORE;

  /* Its journal_mode and synchronous settings (not the queries). */
  if (action == SQLITE_PRAGMA && arg1 != NULL && arg2 != NULL &&
      (sqlite3_stricmp (arg1, "journal_mode") == 0 ||
       sqlite3_stricmp (arg1, "synchronous") == 0))
    return SQLITE_IGNORE;

  return SQLITE_OK;
}

static int
journal_off_init (sqlite3                     *db,
                  char                       **error_message,
                  const sqlite3_api_routines  *api)
{
  const char *main_file = sqlite3_db_filename (db, "main");
  g_autofree char *outbox = NULL;
  sqlite3_stmt *attach = NULL;
  int rc;

  if (main_file == NULL || main_file[0] == '\0')
    return SQLITE_OK;

  /* The outbox is attached here, before the backend would, so that the
   * pragmas below cover it too (the same file name as the backend's). */
  outbox = g_strconcat (main_file, "-sms-outbox", NULL);
  if (sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS outbox", -1, &attach, NULL) != SQLITE_OK)
    return SQLITE_ERROR;
  sqlite3_bind_text (attach, 1, outbox, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (attach);
  sqlite3_finalize (attach);
  if (rc != SQLITE_DONE)
    return SQLITE_ERROR;

  if (sqlite3_exec (db,
                    "PRAGMA main.journal_mode = OFF; PRAGMA outbox.journal_mode = OFF;"
                    "PRAGMA main.synchronous = OFF; PRAGMA outbox.synchronous = OFF;",
                    NULL, NULL, error_message) != SQLITE_OK)
    return SQLITE_ERROR;

  sqlite3_set_authorizer (db, ignore_protection_cb, NULL);

  return SQLITE_OK;
}

static void
ack (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  /* One write() per line, straight to the fd: no stdio buffer can hold
   * back an acknowledged write when the kill comes. */
  len = strlen (line);
  if (write (STDOUT_FILENO, line, len) != (gssize) len)
    exit (3);
}

static void
ack_session (CstSession *session)
{
  guint8 hash[crypto_hash_sha256_BYTES];
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  const char *token = cst_session_get_token (session);

  crypto_hash_sha256 (hash, (const guint8 *) token, strlen (token));
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  ack ("S %s\n", hex);
}

/* A valid resident ID number of its own for the @serial-th identity, so
 * that no two rounds ever collide. */
static char *
resident_id (guint64 serial)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  GDate date;
  GString *id;
  int sum = 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1960);
  g_date_add_days (&date, (guint) (serial / 499) % 20000);

  id = g_string_new ("420102");
  g_string_append_printf (id, "%04u%02u%02u%03u",
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), (guint) (serial % 499) * 2 + 1);
  for (guint i = 0; i < 17; i++)
    sum += (id->str[i] - '0') * weights[i];
  g_string_append_c (id, "10X98765432"[sum % 11]);

  return g_string_free (id, FALSE);
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("crash-writer: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CstCaptureSmsGateway) sms = NULL;
  g_autoptr(CstScriptedFaceVerifier) face = NULL;
  g_autoptr(CstClock) clock = NULL;
  g_autoptr(CstLocalBackend) local = NULL;
  g_autofree char *database = NULL;
  gboolean journal_off = FALSE;
  gint round = 0;
  CstLocalConfig config;
  CstAuthBackend *backend;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database file", "PATH" },
    { "round", 0, 0, G_OPTION_ARG_INT, &round, "Round number (keeps identities apart)", "N" },
    { "journal-off", 0, 0, G_OPTION_ARG_NONE, &journal_off,
      "Negative control: no journal, no sync", NULL },
    { NULL }
  };

  context = g_option_context_new ("— write until killed");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || round < 0)
    {
      g_printerr ("crash-writer: %s\n", error != NULL ? error->message : "--database PATH is required");
      return 2;
    }

  if (journal_off && sqlite3_auto_extension ((void (*) (void)) journal_off_init) != SQLITE_OK)
    return 1;

  cst_local_config_init_defaults (&config);
  /* Many codes to one phone, back to back: the limits are not under test. */
  config.code_resend_interval = 0;
  config.code_daily_limit = G_MAXINT;
  config.min_failure_time_ms = 0;
  /* The OWASP floor, not the (higher) default: faster, same rules. */
  config.pwhash_memlimit = CST_PWHASH_OWASP_MEMLIMIT;
  config.pwhash_opslimit = CST_PWHASH_OWASP_OPSLIMIT;

  clock = cst_clock_new_system ();
  sms = cst_capture_sms_gateway_new ();
  face = cst_scripted_face_verifier_new ();
  local = cst_local_backend_new (database, clock, CST_SMS_GATEWAY (sms),
                                 CST_FACE_VERIFIER (face), &config, &error);
  if (local == NULL || !cst_local_backend_open (local, &error))
    die ("open", error);
  backend = CST_AUTH_BACKEND (local);

  /* Registration, the whole flow, in every third round (it hashes a
   * password twice, ~50 ms, which is most of a round): the code is
   * consumed by set_credentials, the person exists after complete. */
  if (round % 3 == 1)
    {
      g_autofree char *id = resident_id (round);
      g_autofree char *phone = g_strdup_printf ("138%08d", round);
      g_autofree char *ticket = NULL;
      g_autofree char *code = NULL;
      g_autoptr(CstFaceCapture) capture = NULL;
      g_autoptr(CstSession) session = NULL;

      ticket = cst_auth_backend_register_begin (backend, CST_ID_TYPE_RESIDENT, id, NAME, &error);
      if (ticket == NULL)
        die ("register_begin", error);
      if (!cst_auth_backend_send_code (backend, phone, CST_CODE_PURPOSE_REGISTER, NULL, &error))
        die ("send_code", error);
      code = cst_capture_sms_gateway_last_code (sms, phone);
      ack ("K %s %d %s\n", phone, CST_CODE_PURPOSE_REGISTER, code);

      if (!cst_auth_backend_register_set_credentials (backend, ticket, PASSWORD, phone, code, &error))
        die ("register_set_credentials", error);
      ack ("C %s %d %s\n", phone, CST_CODE_PURPOSE_REGISTER, code);

      capture = cst_face_capture_new (CST_LIVENESS_ALL, cst_clock_now (clock), NULL);
      session = cst_auth_backend_register_complete (backend, ticket, capture, FALSE, &error);
      if (session == NULL)
        die ("register_complete", error);
      ack ("R %s\n", id);
      ack_session (session);
      g_clear_object (&session);

      session = cst_auth_backend_login_password (backend, phone, PASSWORD, FALSE, &error);
      if (session == NULL)
        die ("login_password", error);
      ack_session (session);
    }

  /* Then short transactions back to back, so that many kills land inside
   * one: a code sent to the person the driver seeded, and consumed by an
   * SMS login. Bounded, though a round never lives that long. */
  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *code = NULL;
      g_autoptr(CstSession) session = NULL;

      if (!cst_auth_backend_send_code (backend, CRASH_HOME_PHONE, CST_CODE_PURPOSE_LOGIN, NULL, &error))
        die ("send_code", error);
      code = cst_capture_sms_gateway_last_code (sms, CRASH_HOME_PHONE);
      ack ("K %s %d %s\n", CRASH_HOME_PHONE, CST_CODE_PURPOSE_LOGIN, code);

      session = cst_auth_backend_login_sms (backend, CRASH_HOME_PHONE, code, FALSE, &error);
      if (session == NULL)
        die ("login_sms", error);
      ack ("C %s %d %s\n", CRASH_HOME_PHONE, CST_CODE_PURPOSE_LOGIN, code);
      ack_session (session);

      cst_capture_sms_gateway_clear (sms);
    }

  return 0;
}
