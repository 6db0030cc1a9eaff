/* cst-local-private.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cst-auth-error.h"
#include "cst-local-backend.h"

G_BEGIN_DECLS

/*
 * Internals of CstLocalBackend shared by cst-local-backend.c (the
 * protocol), cst-local-db.c (connections, schema, statements) and
 * cst-local-admin.c (chushuitong-admin). See the block comment at the top
 * of cst-local-backend.c for the design.
 */

#define CST_LOCAL_SCHEMA_VERSION 2
#define CST_LOCAL_MAX_TEXT_BYTES 256
#define CST_LOCAL_TOKEN_BYTES    32
#define CST_LOCAL_HASH_BYTES     32   /* SHA-256 */

/* One SQLite connection and its statement cache; used by one thread at a
 * time (taken from and given back to the backend's pool). */
typedef struct _CstLocalConn CstLocalConn;

/* A cached prepared statement; the autoptr cleanup resets it (it is not
 * freed: the connection owns it). */
typedef sqlite3_stmt CstLocalStmt;

/* ---- the backend object (cst-local-backend.c) ---- */
const CstLocalConfig *_cst_local_backend_get_config (CstLocalBackend *self);
gint64                _cst_local_backend_now       (CstLocalBackend *self);
/* A connection from the backend's pool; _begin also starts a write
 * transaction (BEGIN IMMEDIATE). */
CstLocalConn         *_cst_local_backend_acquire   (CstLocalBackend *self,
                                                    GError         **error);
CstLocalConn         *_cst_local_backend_begin     (CstLocalBackend *self,
                                                    GError         **error);

/* ---- connections (cst-local-db.c) ---- */
typedef struct _CstLocalPool CstLocalPool;

CstLocalPool *_cst_local_pool_new        (const char    *path);
void          _cst_local_pool_free       (CstLocalPool  *pool);
const char   *_cst_local_pool_get_path   (CstLocalPool  *pool);
/* The outbox database beside the identity database (see the design). */
char         *_cst_local_outbox_path     (const char    *path);

CstLocalConn *_cst_local_conn_acquire    (CstLocalPool  *pool,
                                          GError       **error);
void          _cst_local_conn_release    (CstLocalConn  *conn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstLocalConn, _cst_local_conn_release)

sqlite3      *_cst_local_conn_get_db     (CstLocalConn  *conn);

/* BEGIN IMMEDIATE; end commits when @commit, else rolls back. A failed
 * commit is a STORAGE error. */
gboolean      _cst_local_conn_begin      (CstLocalConn  *conn,
                                          GError       **error);
gboolean      _cst_local_conn_end        (CstLocalConn  *conn,
                                          gboolean       commit,
                                          GError       **error);

/* A cached statement, reset and with cleared bindings. */
CstLocalStmt *_cst_local_conn_prepare    (CstLocalConn  *conn,
                                          const char    *sql,
                                          GError       **error);
void          _cst_local_stmt_release    (CstLocalStmt  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstLocalStmt, _cst_local_stmt_release)

/* Binding helpers: index from 1; NULL text binds SQL NULL. */
void          _cst_local_bind_text       (CstLocalStmt  *stmt,
                                          int            index,
                                          const char    *text);
void          _cst_local_bind_blob       (CstLocalStmt  *stmt,
                                          int            index,
                                          const guint8  *data,
                                          gsize          len);
void          _cst_local_bind_int64      (CstLocalStmt  *stmt,
                                          int            index,
                                          gint64         value);
void          _cst_local_bind_null       (CstLocalStmt  *stmt,
                                          int            index);

/* sqlite3_step: TRUE with *has_row for SQLITE_ROW/DONE, else STORAGE. */
gboolean      _cst_local_step            (CstLocalConn  *conn,
                                          CstLocalStmt  *stmt,
                                          gboolean      *has_row,
                                          GError       **error);
/* Step a statement that returns no row. */
gboolean      _cst_local_exec_stmt       (CstLocalConn  *conn,
                                          CstLocalStmt  *stmt,
                                          GError       **error);
/* A column as a new string (NULL for SQL NULL). */
char         *_cst_local_column_dup      (CstLocalStmt  *stmt,
                                          int            column);
gint64        _cst_local_conn_last_insert_id (CstLocalConn *conn);
int           _cst_local_conn_changes    (CstLocalConn  *conn);

void          _cst_local_set_storage_error (GError     **error,
                                            sqlite3     *db,
                                            const char  *what);

/* ---- secrets (cst-local-backend.c) ---- */
/* 32 random bytes, base64url without padding (transfer full). */
char         *_cst_local_token_new       (void);
void          _cst_local_token_hash      (const char    *token,
                                          guint8         out[CST_LOCAL_HASH_BYTES]);
/* TRUE if @input is valid UTF-8 of at most @max_bytes, not blank, with no
 * control or bidirectional control character; else INVALID_INPUT. */
gboolean      _cst_local_check_text      (const char    *input,
                                          gsize          max_bytes,
                                          const char    *field,
                                          GError       **error);
char         *_cst_local_hash_password   (CstLocalBackend *self,
                                          const char      *password,
                                          GError         **error);

/* ---- persons (cst-local-backend.c) ---- */
typedef struct
{
  gint64     id;
  CstIdType  id_type;
  char      *id_number;
  char      *name;
  char      *phone;
  char      *username;
  char      *password_hash;
  gint       failed_attempts;
  gint64     locked_until;
} CstLocalPerson;

void          _cst_local_person_free     (CstLocalPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstLocalPerson, _cst_local_person_free)

gboolean      _cst_local_person_by_id    (CstLocalConn     *conn,
                                          gint64            id,
                                          CstLocalPerson  **person,
                                          GError          **error);

/* Finds the person an account string names (ID number, phone, user
 * name). FALSE only on storage errors; *person NULL when none. With
 * @normalized_account (nullable) the classified, normalised account. */
gboolean      _cst_local_find_account    (CstLocalConn     *conn,
                                          const char       *account,
                                          CstAccountKind   *kind,
                                          char            **normalized_account,
                                          CstLocalPerson  **person,
                                          GError          **error);

/* An audit row; @detail must hold no secret. */
gboolean      _cst_local_audit           (CstLocalBackend *self,
                                          CstLocalConn    *conn,
                                          gint64           person_id,
                                          const char      *event,
                                          const char      *detail,
                                          GError         **error);

G_END_DECLS
