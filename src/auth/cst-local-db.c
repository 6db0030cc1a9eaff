/* cst-local-db.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-local-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "cst-local-private.h"

/*
 * Connections of the embedded service. A small mutex-protected pool: a
 * thread takes an idle connection (or opens one), uses it for one
 * operation and gives it back, so every thread that is inside the backend
 * at the same time has its own connection and the pool closes them all
 * when the backend goes. A connection is never used by two threads at
 * once, so SQLite's own serialisation is not needed (SQLITE_OPEN_NOMUTEX).
 *
 * Every connection runs the same pragmas, attaches the outbox database
 * and checks (and if needed migrates) the schema version, so a second
 * process, e.g. chushuitong-admin, sees the same layout.
 *
 * Waiting for the write lock. SQLite's own busy_timeout handler sleeps
 * 1, 2, 5 … up to 100 ms between tries: a writer that commits and begins
 * again at once (a worker thread in a loop, an admin script) takes the
 * lock back every time while the others sleep, and they starve until
 * their 5 s run out and the user sees "database is locked". The handler
 * here retries after a short random pause instead (0.5–2 ms), so every
 * waiter, in this process or another, gets its turn within a few
 * transactions; it still gives up after BUSY_TIMEOUT_MS.
 */

#define MAX_IDLE_CONNECTIONS 4
#define BUSY_TIMEOUT_MS      5000
#define BUSY_PAUSE_MIN_US    500
#define BUSY_PAUSE_MAX_US    2000

struct _CstLocalPool
{
  GMutex  mutex;
  char   *path;
  GQueue  idle;           /* CstLocalConn */
};

struct _CstLocalConn
{
  CstLocalPool *pool;     /* borrowed */
  sqlite3      *db;
  GHashTable   *stmts;    /* const char *sql → sqlite3_stmt */
  gint64        busy_since;  /* monotonic µs of the first SQLITE_BUSY of this wait */
  guint         in_transaction : 1;
};

/* Schema version 1. The numeric enum values of cst-auth-types.h and
 * cst-validate.h are stored: they are never renumbered. Times are seconds
 * since the epoch (from the injected CstClock). Secrets are stored only as
 * hashes: argon2id strings for passwords, SHA-256 for tokens and tickets,
 * SHA-256 over a per-row salt for SMS codes. */
static const char schema_v1[] =
  "CREATE TABLE persons ("
  "  id              INTEGER PRIMARY KEY,"
  "  id_type         INTEGER NOT NULL,"
  "  id_number       TEXT    NOT NULL,"
  "  name            TEXT    NOT NULL,"
  "  phone           TEXT    NOT NULL UNIQUE,"
  "  username        TEXT    UNIQUE COLLATE NOCASE,"
  "  password_hash   TEXT    NOT NULL,"
  "  failed_attempts INTEGER NOT NULL DEFAULT 0,"
  "  locked_until    INTEGER NOT NULL DEFAULT 0,"
  "  created         INTEGER NOT NULL,"
  "  UNIQUE (id_type, id_number)"
  ");"
  "CREATE INDEX persons_id_number ON persons (id_number);"
  /* Failed password attempts for accounts that do not exist, so that an
   * unknown account counts down and locks exactly like a real one. */
  "CREATE TABLE phantom_lockouts ("
  "  account_hash    BLOB    PRIMARY KEY,"
  "  failed_attempts INTEGER NOT NULL DEFAULT 0,"
  "  locked_until    INTEGER NOT NULL DEFAULT 0,"
  "  updated         INTEGER NOT NULL"
  ");"
  "CREATE TABLE enterprises ("
  "  id              INTEGER PRIMARY KEY,"
  "  code            TEXT    NOT NULL UNIQUE,"
  "  name            TEXT    NOT NULL,"
  "  created         INTEGER NOT NULL"
  ");"
  "CREATE TABLE memberships ("
  "  person_id       INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  enterprise_id   INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,"
  "  role            INTEGER NOT NULL CHECK (role BETWEEN 1 AND 4),"
  "  created         INTEGER NOT NULL,"
  "  PRIMARY KEY (person_id, enterprise_id, role)"
  ");"
  /* Pending registrations (kind 1), resets (2) and enterprise logins (3). */
  "CREATE TABLE tickets ("
  "  id              INTEGER PRIMARY KEY,"
  "  hash            BLOB    NOT NULL UNIQUE,"
  "  kind            INTEGER NOT NULL,"
  "  state           INTEGER NOT NULL,"
  "  person_id       INTEGER REFERENCES persons (id) ON DELETE CASCADE,"
  "  enterprise_id   INTEGER REFERENCES enterprises (id) ON DELETE CASCADE,"
  "  id_type         INTEGER,"
  "  id_number       TEXT,"
  "  name            TEXT,"
  "  phone           TEXT,"
  "  password_hash   TEXT,"
  "  created         INTEGER NOT NULL,"
  "  expires         INTEGER NOT NULL"
  ");"
  "CREATE TABLE codes ("
  "  id              INTEGER PRIMARY KEY,"
  "  phone           TEXT    NOT NULL,"
  "  purpose         INTEGER NOT NULL,"
  "  salt            BLOB    NOT NULL,"
  "  code_hash       BLOB    NOT NULL,"
  "  created         INTEGER NOT NULL,"
  "  expires         INTEGER NOT NULL,"
  "  tries           INTEGER NOT NULL DEFAULT 0,"
  "  used            INTEGER NOT NULL DEFAULT 0,"
  "  ticket_id       INTEGER REFERENCES tickets (id) ON DELETE SET NULL,"
  "  delivered       INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX codes_phone ON codes (phone, purpose, created);"
  "CREATE TABLE sessions ("
  "  id              INTEGER PRIMARY KEY,"
  "  token_hash      BLOB    NOT NULL UNIQUE,"
  "  person_id       INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  enterprise_id   INTEGER REFERENCES enterprises (id) ON DELETE CASCADE,"
  "  role            INTEGER NOT NULL DEFAULT 0,"
  "  method          INTEGER NOT NULL,"
  "  created         INTEGER NOT NULL,"
  "  expires         INTEGER NOT NULL,"
  "  revoked         INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX sessions_person ON sessions (person_id);"
  /* chain: the id of the first token of a rotation chain. */
  "CREATE TABLE refresh_tokens ("
  "  id              INTEGER PRIMARY KEY,"
  "  token_hash      BLOB    NOT NULL UNIQUE,"
  "  session_id      INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  person_id       INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  chain           INTEGER NOT NULL,"
  "  created         INTEGER NOT NULL,"
  "  expires         INTEGER NOT NULL,"
  "  rotated         INTEGER NOT NULL DEFAULT 0,"
  "  revoked         INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX refresh_tokens_chain ON refresh_tokens (chain);"
  "CREATE INDEX refresh_tokens_person ON refresh_tokens (person_id);"
  "CREATE TABLE device_credentials ("
  "  id              INTEGER PRIMARY KEY,"
  "  token_hash      BLOB    NOT NULL UNIQUE,"
  "  person_id       INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  kind            INTEGER NOT NULL,"
  "  device_name     TEXT    NOT NULL,"
  "  created         INTEGER NOT NULL,"
  "  revoked         INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX device_credentials_person ON device_credentials (person_id, kind);"
  "CREATE TABLE audit_log ("
  "  id              INTEGER PRIMARY KEY,"
  "  time            INTEGER NOT NULL,"
  "  person_id       INTEGER REFERENCES persons (id) ON DELETE SET NULL,"
  "  event           TEXT    NOT NULL,"
  "  detail          TEXT"
  ");";

/* Version 2: indexes for the prunes that run inside hot operations —
 * every send_code (old codes), every new ticket (expired tickets), every
 * failed login to an unknown account (old phantom lockouts). Without them
 * each prune scanned its whole table inside the write transaction. IF NOT
 * EXISTS: a file whose user_version was set back by hand still opens. */
static const char schema_v2[] =
  "CREATE INDEX IF NOT EXISTS codes_created ON codes (created);"
  "CREATE INDEX IF NOT EXISTS tickets_expires ON tickets (expires);"
  "CREATE INDEX IF NOT EXISTS phantom_lockouts_updated ON phantom_lockouts (updated);";

/* The outbox lives in its own file (see the design comment). */
static const char outbox_schema_v1[] =
  "CREATE TABLE outbox.sms_outbox ("
  "  id              INTEGER PRIMARY KEY,"
  "  time            INTEGER NOT NULL,"
  "  phone           TEXT    NOT NULL,"
  "  purpose         INTEGER NOT NULL,"
  "  text            TEXT    NOT NULL"
  ");";

/* migrations[i] takes the schema from version i to i + 1. */
static const char * const migrations[] = { schema_v1, schema_v2 };
static const char * const outbox_migrations[] = { outbox_schema_v1 };

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CST_LOCAL_SCHEMA_VERSION);

void
_cst_local_set_storage_error (GError     **error,
                              sqlite3     *db,
                              const char  *what)
{
  g_autofree char *message = NULL;

  /* sqlite3_errmsg() never contains bound values, so no secret leaks. */
  message = g_strdup_printf (_("The identity database cannot be used (%s: %s)"),
                             what, db != NULL ? sqlite3_errmsg (db) : "out of memory");
  g_propagate_error (error,
                     cst_auth_error_new_literal (CST_AUTH_ERROR_STORAGE, 0, NULL, message));
}

char *
_cst_local_outbox_path (const char *path)
{
  return g_strconcat (path, "-sms-outbox", NULL);
}

CstLocalPool *
_cst_local_pool_new (const char *path)
{
  CstLocalPool *pool = g_new0 (CstLocalPool, 1);

  g_mutex_init (&pool->mutex);
  g_queue_init (&pool->idle);
  pool->path = g_strdup (path);

  return pool;
}

static void
conn_close (CstLocalConn *conn)
{
  /* Finalize the statements before closing, or sqlite3_close() fails. */
  g_clear_pointer (&conn->stmts, g_hash_table_unref);
  if (conn->db != NULL)
    {
      if (sqlite3_close (conn->db) != SQLITE_OK)
        g_warning ("Closing the identity database failed: %s", sqlite3_errmsg (conn->db));
      conn->db = NULL;
    }
  g_free (conn);
}

void
_cst_local_pool_free (CstLocalPool *pool)
{
  CstLocalConn *conn;

  if (pool == NULL)
    return;

  while ((conn = g_queue_pop_head (&pool->idle)) != NULL)
    conn_close (conn);

  g_clear_pointer (&pool->path, g_free);
  g_mutex_clear (&pool->mutex);
  g_free (pool);
}

const char *
_cst_local_pool_get_path (CstLocalPool *pool)
{
  return pool->path;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _cst_local_set_storage_error (error, db, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_user_version (sqlite3     *db,
                   const char  *schema,
                   gint        *version,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s.user_version", schema);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _cst_local_set_storage_error (error, db, "user_version");
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      _cst_local_set_storage_error (error, db, "user_version");
      return FALSE;
    }

  return TRUE;
}

/* Brings @schema ("main" or "outbox") to the newest version inside one
 * BEGIN IMMEDIATE transaction, so that two processes opening a fresh
 * database at once cannot both create the tables. */
static gboolean
migrate (sqlite3            *db,
         const char         *schema,
         const char * const *steps,
         gint                n_steps,
         GError            **error)
{
  g_autofree char *set_version = NULL;
  gint version = 0;

  if (!read_user_version (db, schema, &version, error))
    return FALSE;

  if (version > n_steps)
    goto too_new;

  if (version == n_steps)
    return TRUE;

  if (!exec_sql (db, "BEGIN IMMEDIATE", "migration", error))
    return FALSE;

  /* Read again under the write lock: another process may have won. */
  if (!read_user_version (db, schema, &version, error))
    goto rollback;

  if (version > n_steps)
    {
      exec_sql (db, "ROLLBACK", "migration", NULL);
      goto too_new;
    }

  for (gint i = version; i < n_steps; i++)
    {
      if (!exec_sql (db, steps[i], "migration", error))
        goto rollback;
    }

  /* PRAGMA takes no bound parameters; n_steps is our own integer. */
  set_version = g_strdup_printf ("PRAGMA %s.user_version = %d", schema, n_steps);
  if (!exec_sql (db, set_version, "migration", error) ||
      !exec_sql (db, "COMMIT", "migration", error))
    goto rollback;

  if (version != 0)
    g_message ("Migrated the %s identity schema from version %d to %d", schema, version, n_steps);

  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;

too_new:
  {
    g_autofree char *message = NULL;

    message = g_strdup_printf (_("The identity database was written by a newer version of "
                                 "Chushuitong Desktop (schema %d; this version knows %d). "
                                 "Update the app to use it."),
                               version, n_steps);
    g_propagate_error (error,
                       cst_auth_error_new_literal (CST_AUTH_ERROR_DATABASE_TOO_NEW,
                                                   version, NULL, message));
    return FALSE;
  }
}

static gboolean
ensure_parent_directory (const char  *path,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;

  /* Only the user may read the identity database's directory. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The identity database cannot be used (cannot create %s: %s)"),
                                 dir, g_strerror (saved_errno));
      g_propagate_error (error,
                         cst_auth_error_new_literal (CST_AUTH_ERROR_STORAGE, 0, NULL, message));
      return FALSE;
    }

  return TRUE;
}

/* See "Waiting for the write lock" above. @count is 0 on the first
 * SQLITE_BUSY of a wait; returning 0 makes the statement fail with it. */
static int
on_busy_cb (gpointer data,
            int      count)
{
  CstLocalConn *conn = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    conn->busy_since = now;
  else if (now - conn->busy_since >= (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;

  g_usleep (g_random_int_range (BUSY_PAUSE_MIN_US, BUSY_PAUSE_MAX_US + 1));

  return 1;
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

static CstLocalConn *
conn_open (CstLocalPool  *pool,
           GError       **error)
{
  g_autofree char *outbox = NULL;
  CstLocalConn *conn;
  sqlite3_stmt *attach = NULL;
  int rc;

  if (!ensure_parent_directory (pool->path, error))
    return NULL;

  conn = g_new0 (CstLocalConn, 1);
  conn->pool = pool;
  conn->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);

  rc = sqlite3_open_v2 (pool->path, &conn->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _cst_local_set_storage_error (error, conn->db, "open");
      conn_close (conn);
      return NULL;
    }

  sqlite3_extended_result_codes (conn->db, 1);
  /* Before anything else, so that the pragmas below wait for a writer
   * in another process instead of failing with SQLITE_BUSY. */
  sqlite3_busy_handler (conn->db, on_busy_cb, conn);

  outbox = _cst_local_outbox_path (pool->path);

  if (!exec_sql (conn->db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA secure_delete = ON;",
                 "pragma", error))
    goto fail;

  /* ATTACH takes the file name as a bound parameter like any value. */
  if (sqlite3_prepare_v2 (conn->db, "ATTACH DATABASE ?1 AS outbox", -1, &attach, NULL) != SQLITE_OK)
    {
      _cst_local_set_storage_error (error, conn->db, "attach");
      goto fail;
    }
  sqlite3_bind_text (attach, 1, outbox, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (attach);
  sqlite3_finalize (attach);
  if (rc != SQLITE_DONE)
    {
      _cst_local_set_storage_error (error, conn->db, "attach");
      goto fail;
    }

  if (!exec_sql (conn->db,
                 "PRAGMA outbox.journal_mode = WAL;"
                 "PRAGMA outbox.synchronous = FULL;",
                 "pragma", error))
    goto fail;

  if (!migrate (conn->db, "main", migrations, G_N_ELEMENTS (migrations), error) ||
      !migrate (conn->db, "outbox", outbox_migrations, G_N_ELEMENTS (outbox_migrations), error))
    goto fail;

  return conn;

fail:
  conn_close (conn);
  return NULL;
}

CstLocalConn *
_cst_local_conn_acquire (CstLocalPool  *pool,
                         GError       **error)
{
  CstLocalConn *conn;

  g_mutex_lock (&pool->mutex);
  conn = g_queue_pop_head (&pool->idle);
  g_mutex_unlock (&pool->mutex);

  if (conn != NULL)
    return conn;

  return conn_open (pool, error);
}

void
_cst_local_conn_release (CstLocalConn *conn)
{
  CstLocalPool *pool;

  if (conn == NULL)
    return;

  /* An operation that returned early inside a transaction did not mean
   * to keep anything. */
  if (conn->in_transaction)
    _cst_local_conn_end (conn, FALSE, NULL);

  pool = conn->pool;

  g_mutex_lock (&pool->mutex);
  if (pool->idle.length < MAX_IDLE_CONNECTIONS)
    {
      g_queue_push_head (&pool->idle, conn);
      conn = NULL;
    }
  g_mutex_unlock (&pool->mutex);

  if (conn != NULL)
    conn_close (conn);
}

sqlite3 *
_cst_local_conn_get_db (CstLocalConn *conn)
{
  return conn->db;
}

gboolean
_cst_local_conn_begin (CstLocalConn  *conn,
                       GError       **error)
{
  g_assert (!conn->in_transaction);

  /* IMMEDIATE takes the write lock now (waiting up to busy_timeout), so
   * a read-then-write inside the transaction cannot fail half-way with
   * SQLITE_BUSY or act on a stale read. */
  if (!exec_sql (conn->db, "BEGIN IMMEDIATE", "begin", error))
    return FALSE;

  conn->in_transaction = TRUE;
  return TRUE;
}

gboolean
_cst_local_conn_end (CstLocalConn  *conn,
                     gboolean       commit,
                     GError       **error)
{
  g_assert (conn->in_transaction);

  conn->in_transaction = FALSE;

  if (commit)
    {
      if (exec_sql (conn->db, "COMMIT", "commit", error))
        return TRUE;
    }

  sqlite3_exec (conn->db, "ROLLBACK", NULL, NULL, NULL);
  return !commit;
}

CstLocalStmt *
_cst_local_conn_prepare (CstLocalConn  *conn,
                         const char    *sql,
                         GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (conn->stmts, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (conn->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          _cst_local_set_storage_error (error, conn->db, "prepare");
          return NULL;
        }

      /* The key is the caller's string literal, which lives forever. */
      g_hash_table_insert (conn->stmts, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

void
_cst_local_stmt_release (CstLocalStmt *stmt)
{
  /* Reset at once: a statement left mid-row would keep a read snapshot
   * open on this connection. Bindings are cleared too, so no copy of a
   * bound value outlives the operation. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_cst_local_bind_text (CstLocalStmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_cst_local_bind_blob (CstLocalStmt *stmt,
                      int           index,
                      const guint8 *data,
                      gsize         len)
{
  sqlite3_bind_blob (stmt, index, data, (int) len, SQLITE_TRANSIENT);
}

void
_cst_local_bind_int64 (CstLocalStmt *stmt,
                       int           index,
                       gint64        value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
_cst_local_bind_null (CstLocalStmt *stmt,
                      int           index)
{
  sqlite3_bind_null (stmt, index);
}

gboolean
_cst_local_step (CstLocalConn  *conn,
                 CstLocalStmt  *stmt,
                 gboolean      *has_row,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      if (has_row != NULL)
        *has_row = rc == SQLITE_ROW;
      return TRUE;
    }

  _cst_local_set_storage_error (error, conn->db, "step");
  return FALSE;
}

gboolean
_cst_local_exec_stmt (CstLocalConn  *conn,
                      CstLocalStmt  *stmt,
                      GError       **error)
{
  return _cst_local_step (conn, stmt, NULL, error);
}

char *
_cst_local_column_dup (CstLocalStmt *stmt,
                       int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

gint64
_cst_local_conn_last_insert_id (CstLocalConn *conn)
{
  return sqlite3_last_insert_rowid (conn->db);
}

int
_cst_local_conn_changes (CstLocalConn *conn)
{
  return sqlite3_changes (conn->db);
}
