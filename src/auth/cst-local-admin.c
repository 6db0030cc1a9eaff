/* cst-local-admin.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-local-admin"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cst-local-private.h"

/*
 * The administration side of the embedded service, for chushuitong-admin
 * and tests: what an operator of the real service does in its back office
 * (enterprises and who may act for them, unlocking, user names), plus the
 * demo data of the README. Same rules as the protocol: validated inputs,
 * one transaction each, masked output.
 */

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *message)
{
  g_propagate_error (error,
                     cst_auth_error_new_literal (CST_AUTH_ERROR_INVALID_INPUT, 0, field, message));
  return FALSE;
}

/* @verror is a pointer so that it is read after the validator ran
 * (argument evaluation order is unspecified). */
static gboolean
from_validation (gboolean     ok,
                 GError     **verror,
                 const char  *field,
                 GError     **error)
{
  if (ok)
    return TRUE;

  g_propagate_error (error, cst_auth_error_from_validation (*verror, field));
  g_clear_error (verror);
  return FALSE;
}

static CstLocalConn *
begin (CstLocalBackend  *self,
       GError          **error)
{
  return _cst_local_backend_begin (self, error);
}

static gboolean
finish (CstLocalConn  *conn,
        gboolean       ok,
        GError       **error)
{
  g_autoptr(GError) commit_error = NULL;

  /* Admin operations keep nothing when they fail. */
  if (!_cst_local_conn_end (conn, ok, &commit_error))
    {
      g_propagate_error (error, g_steal_pointer (&commit_error));
      return FALSE;
    }

  return ok;
}

static gboolean
exec_bound (CstLocalConn  *conn,
            const char    *sql,
            GError       **error,
            const char    *text1,
            gint64         int2,
            const char    *text3)
{
  g_autoptr(CstLocalStmt) stmt = NULL;

  if (!(stmt = _cst_local_conn_prepare (conn, sql, error)))
    return FALSE;

  _cst_local_bind_text (stmt, 1, text1);
  _cst_local_bind_int64 (stmt, 2, int2);
  _cst_local_bind_text (stmt, 3, text3);

  return _cst_local_exec_stmt (conn, stmt, error);
}

static gboolean
exec_id (CstLocalConn  *conn,
         const char    *sql,
         gint64         id,
         GError       **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;

  if (!(stmt = _cst_local_conn_prepare (conn, sql, error)))
    return FALSE;

  _cst_local_bind_int64 (stmt, 1, id);

  return _cst_local_exec_stmt (conn, stmt, error);
}

/* ---- enterprises ---- */

static gboolean
prepare_enterprise (const char  *code,
                    const char  *name,
                    char       **norm_code,
                    char       **norm_name,
                    GError     **error)
{
  GError *verror = NULL;

  if (!_cst_local_check_text (code, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_ENTERPRISE, error) ||
      !from_validation (cst_validate_enterprise_code (code, norm_code, &verror),
                        &verror, CST_FIELD_ENTERPRISE, error))
    return FALSE;

  if (!_cst_local_check_text (name, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_NAME, error))
    return FALSE;

  *norm_name = cst_normalize_text (name);
  if (*norm_name == NULL || (*norm_name)[0] == '\0')
    return invalid (error, CST_FIELD_NAME, _("Enter the enterprise name"));

  return TRUE;
}

static gboolean
enterprise_id (CstLocalConn  *conn,
               const char    *code,
               gint64        *id,
               GError       **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  gboolean has_row = FALSE;

  *id = 0;

  if (!(stmt = _cst_local_conn_prepare (conn, "SELECT id FROM enterprises WHERE code = ?1", error)))
    return FALSE;
  _cst_local_bind_text (stmt, 1, code);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    *id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

gboolean
cst_local_backend_add_enterprise (CstLocalBackend  *self,
                                  const char       *code,
                                  const char       *name,
                                  GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_code = NULL;
  g_autofree char *norm_name = NULL;
  gint64 id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_enterprise (code, name, &norm_code, &norm_name, error))
    return FALSE;

  if (!(conn = begin (self, error)))
    return FALSE;

  if (!enterprise_id (conn, norm_code, &id, &local_error))
    goto out;
  if (id != 0)
    {
      g_propagate_error (&local_error,
                         cst_auth_error_new_literal (CST_AUTH_ERROR_ALREADY_REGISTERED, 0,
                                                     CST_FIELD_ENTERPRISE,
                                                     _("This enterprise is already registered")));
      goto out;
    }

  ok = exec_bound (conn, "INSERT INTO enterprises (code, created, name) VALUES (?1, ?2, ?3)",
                   &local_error, norm_code, _cst_local_backend_now (self), norm_name) &&
       _cst_local_audit (self, conn, 0, "admin-enterprise-added", norm_code, &local_error);

out:
  if (!finish (conn, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* ---- persons ---- */

static gboolean
find_person (CstLocalConn     *conn,
             const char       *account,
             CstLocalPerson  **person,
             GError          **error)
{
  CstAccountKind kind;

  if (!_cst_local_check_text (account, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_ACCOUNT, error))
    return FALSE;

  if (!_cst_local_find_account (conn, account, &kind, NULL, person, error))
    return FALSE;

  /* Not "not registered" for what cannot be an account at all. */
  if (kind == CST_ACCOUNT_KIND_INVALID)
    {
      g_propagate_error (error, cst_auth_error_new_literal (CST_AUTH_ERROR_INVALID_INPUT, 0, CST_FIELD_ACCOUNT,
                                                            _("Enter an ID number, a mobile number or a user name")));
      return FALSE;
    }

  if (*person == NULL)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_NOT_REGISTERED, 0, CST_FIELD_ACCOUNT));
      return FALSE;
    }

  return TRUE;
}

gboolean
cst_local_backend_link (CstLocalBackend  *self,
                        const char       *enterprise_code,
                        const char       *account,
                        CstRole           role,
                        GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_code = NULL;
  g_autofree char *detail = NULL;
  GError *verror = NULL;
  gint64 id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (role < CST_ROLE_LEGAL_REPRESENTATIVE || role > CST_ROLE_INVOICE_CLERK)
    return invalid (error, NULL, _("Unknown role"));

  if (!_cst_local_check_text (enterprise_code, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_ENTERPRISE, error) ||
      !from_validation (cst_validate_enterprise_code (enterprise_code, &norm_code, &verror),
                        &verror, CST_FIELD_ENTERPRISE, error))
    return FALSE;

  if (!(conn = begin (self, error)))
    return FALSE;

  if (!enterprise_id (conn, norm_code, &id, &local_error))
    goto out;
  if (id == 0)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_ENTERPRISE_UNKNOWN, 0,
                                                           CST_FIELD_ENTERPRISE));
      goto out;
    }

  if (!find_person (conn, account, &person, &local_error))
    goto out;

  /* Linking twice in the same role changes nothing. */
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT OR IGNORE INTO memberships (person_id, enterprise_id, "
                                        "role, created) VALUES (?1, ?2, ?3, ?4)",
                                        &local_error)))
    goto out;
  _cst_local_bind_int64 (stmt, 1, person->id);
  _cst_local_bind_int64 (stmt, 2, id);
  _cst_local_bind_int64 (stmt, 3, role);
  _cst_local_bind_int64 (stmt, 4, _cst_local_backend_now (self));
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto out;

  detail = g_strdup_printf ("%s %s", norm_code, cst_role_to_string (role));
  ok = _cst_local_audit (self, conn, person->id, "admin-linked", detail, &local_error);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  if (!finish (conn, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
cst_local_backend_unlock (CstLocalBackend  *self,
                          const char       *account,
                          GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(conn = begin (self, error)))
    return FALSE;

  ok = find_person (conn, account, &person, &local_error) &&
       exec_id (conn, "UPDATE persons SET failed_attempts = 0, locked_until = 0 WHERE id = ?1",
                person->id, &local_error) &&
       _cst_local_audit (self, conn, person->id, "admin-unlocked", NULL, &local_error);

  if (!finish (conn, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_username_tx (CstLocalBackend  *self,
                 CstLocalConn     *conn,
                 CstLocalPerson   *person,
                 const char       *username,
                 GError          **error)
{
  g_autoptr(CstLocalPerson) holder = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;

  if (username != NULL)
    {
      /* A user name must not shadow someone's phone or ID number. */
      if (!_cst_local_find_account (conn, username, NULL, NULL, &holder, error))
        return FALSE;

      if (holder != NULL && holder->id != person->id)
        {
          g_propagate_error (error,
                             cst_auth_error_new_literal (CST_AUTH_ERROR_ALREADY_REGISTERED, 0,
                                                         CST_FIELD_USERNAME,
                                                         _("This user name is already taken")));
          return FALSE;
        }
    }

  if (!(stmt = _cst_local_conn_prepare (conn, "UPDATE persons SET username = ?1 WHERE id = ?2", error)))
    return FALSE;
  _cst_local_bind_text (stmt, 1, username);
  _cst_local_bind_int64 (stmt, 2, person->id);

  return _cst_local_exec_stmt (conn, stmt, error) &&
         _cst_local_audit (self, conn, person->id, "admin-username-set", NULL, error);
}

gboolean
cst_local_backend_set_username (CstLocalBackend  *self,
                                const char       *account,
                                const char       *username,
                                GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;
  GError *verror = NULL;
  gboolean ok;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* NULL or "" removes the user name. */
  if (username != NULL && username[0] != '\0')
    {
      if (!_cst_local_check_text (username, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_USERNAME, error) ||
          !from_validation (cst_validate_username (username, &normalized, &verror),
                            &verror, CST_FIELD_USERNAME, error))
        return FALSE;
    }

  if (!(conn = begin (self, error)))
    return FALSE;

  ok = find_person (conn, account, &person, &local_error) &&
       set_username_tx (self, conn, person, normalized, &local_error);

  if (!finish (conn, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  CstIdType  id_type;
  char      *id_number;
  char      *name;
  char      *phone;
  char      *password_hash;
} NewPerson;

static void
new_person_clear (NewPerson *person)
{
  g_clear_pointer (&person->id_number, g_free);
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->phone, g_free);
  g_clear_pointer (&person->password_hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NewPerson, new_person_clear)

/* Validates and hashes outside any transaction (hashing is slow). */
static gboolean
prepare_person (CstLocalBackend  *self,
                CstIdType         id_type,
                const char       *id_number,
                const char       *name,
                const char       *phone,
                const char       *password,
                NewPerson        *out,
                GError          **error)
{
  const char *personal[3] = { NULL, NULL, NULL };
  GError *verror = NULL;
  GDate today;

  if ((guint) id_type >= CST_N_ID_TYPES)
    return invalid (error, CST_FIELD_ID_NUMBER, _("Unknown ID document type"));

  g_date_clear (&today, 1);
  cst_clock_get_date (cst_local_backend_get_clock (self), &today);

  out->id_type = id_type;

  if (!_cst_local_check_text (id_number, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_ID_NUMBER, error) ||
      !from_validation (cst_validate_id (id_type, id_number, &today, &out->id_number, &verror),
                        &verror, CST_FIELD_ID_NUMBER, error))
    return FALSE;

  if (!_cst_local_check_text (name, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_NAME, error) ||
      !from_validation (cst_validate_name (name, &out->name, &verror),
                        &verror, CST_FIELD_NAME, error))
    return FALSE;

  if (!_cst_local_check_text (phone, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_PHONE, error) ||
      !from_validation (cst_validate_phone (phone, &out->phone, &verror),
                        &verror, CST_FIELD_PHONE, error))
    return FALSE;

  if (password == NULL ||
      strnlen (password, CST_LOCAL_MAX_TEXT_BYTES + 1) > CST_LOCAL_MAX_TEXT_BYTES ||
      !g_utf8_validate (password, -1, NULL))
    return invalid (error, CST_FIELD_PASSWORD, _("This is not a valid password"));

  personal[0] = out->id_number;
  personal[1] = out->phone;
  if (!cst_password_policy_validate (password, personal, &verror))
    {
      g_propagate_error (error, cst_auth_error_from_validation (verror, CST_FIELD_PASSWORD));
      g_clear_error (&verror);
      return FALSE;
    }

  out->password_hash = _cst_local_hash_password (self, password, error);

  return out->password_hash != NULL;
}

static gint64
insert_person (CstLocalBackend  *self,
               CstLocalConn     *conn,
               NewPerson        *person,
               GError          **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) holder = NULL;
  gboolean has_row = FALSE;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT 1 FROM persons WHERE id_type = ?1 AND id_number = ?2",
                                        error)))
    return 0;
  _cst_local_bind_int64 (stmt, 1, person->id_type);
  _cst_local_bind_text (stmt, 2, person->id_number);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return 0;
  if (has_row)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_ALREADY_REGISTERED, 0, CST_FIELD_ID_NUMBER));
      return 0;
    }
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (!(stmt = _cst_local_conn_prepare (conn, "SELECT 1 FROM persons WHERE phone = ?1", error)))
    return 0;
  _cst_local_bind_text (stmt, 1, person->phone);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return 0;
  if (has_row)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_PHONE_IN_USE, 0, CST_FIELD_PHONE));
      return 0;
    }
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO persons (id_type, id_number, name, phone, "
                                        "password_hash, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                        error)))
    return 0;
  _cst_local_bind_int64 (stmt, 1, person->id_type);
  _cst_local_bind_text (stmt, 2, person->id_number);
  _cst_local_bind_text (stmt, 3, person->name);
  _cst_local_bind_text (stmt, 4, person->phone);
  _cst_local_bind_text (stmt, 5, person->password_hash);
  _cst_local_bind_int64 (stmt, 6, _cst_local_backend_now (self));
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return 0;

  return _cst_local_conn_last_insert_id (conn);
}

gint64
cst_local_backend_add_person (CstLocalBackend  *self,
                              CstIdType         id_type,
                              const char       *id_number,
                              const char       *name,
                              const char       *phone,
                              const char       *password,
                              GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(NewPerson) person = { 0, };
  gint64 id;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!prepare_person (self, id_type, id_number, name, phone, password, &person, error))
    return 0;

  if (!(conn = begin (self, error)))
    return 0;

  id = insert_person (self, conn, &person, &local_error);
  if (id > 0 && !_cst_local_audit (self, conn, id, "admin-person-added", NULL, &local_error))
    id = 0;

  if (!finish (conn, id > 0, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  return id;
}

/* ---- listings ---- */

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (seconds);

  if (time == NULL)
    return g_strdup ("?");

  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

GStrv
cst_local_backend_list (CstLocalBackend  *self,
                        const char       *kind,
                        GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) lines = NULL;
  gboolean has_row = FALSE;
  gint64 now;
  enum { PERSONS, ENTERPRISES, MEMBERSHIPS } what;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_strcmp0 (kind, "persons") == 0)
    what = PERSONS;
  else if (g_strcmp0 (kind, "enterprises") == 0)
    what = ENTERPRISES;
  else if (g_strcmp0 (kind, "memberships") == 0)
    what = MEMBERSHIPS;
  else
    {
      invalid (error, NULL, _("List persons, enterprises or memberships"));
      return NULL;
    }

  if (!(conn = _cst_local_backend_acquire (self, error)))
    return NULL;

  switch (what)
    {
    case PERSONS:
      stmt = _cst_local_conn_prepare (conn,
                                      "SELECT id, id_type, id_number, name, phone, username, "
                                      "locked_until FROM persons ORDER BY id",
                                      error);
      break;
    case ENTERPRISES:
      stmt = _cst_local_conn_prepare (conn,
                                      "SELECT e.code, e.name, count(m.person_id) FROM enterprises e "
                                      "LEFT JOIN memberships m ON m.enterprise_id = e.id "
                                      "GROUP BY e.id ORDER BY e.id",
                                      error);
      break;
    case MEMBERSHIPS:
      stmt = _cst_local_conn_prepare (conn,
                                      "SELECT e.code, e.name, p.id_number, p.name, m.role "
                                      "FROM memberships m JOIN enterprises e ON e.id = m.enterprise_id "
                                      "JOIN persons p ON p.id = m.person_id "
                                      "ORDER BY e.id, p.id, m.role",
                                      error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (stmt == NULL)
    return NULL;

  now = _cst_local_backend_now (self);
  lines = g_strv_builder_new ();

  while (_cst_local_step (conn, stmt, &has_row, error))
    {
      g_autofree char *line = NULL;

      if (!has_row)
        return g_strv_builder_end (lines);

      if (what == PERSONS)
        {
          g_autofree char *id_number = cst_mask_id_number ((const char *) sqlite3_column_text (stmt, 2));
          g_autofree char *name = cst_mask_name ((const char *) sqlite3_column_text (stmt, 3));
          g_autofree char *phone = cst_mask_phone ((const char *) sqlite3_column_text (stmt, 4));
          const char *username = (const char *) sqlite3_column_text (stmt, 5);
          gint64 locked_until = sqlite3_column_int64 (stmt, 6);
          g_autofree char *locked = NULL;

          if (locked_until > now)
            {
              g_autofree char *until = format_time (locked_until);
              /* Translators: after a person in `chushuitong-admin list persons` */
              locked = g_strdup_printf (_("locked until %s"), until);
            }

          line = g_strdup_printf ("%" G_GINT64_FORMAT "  %s  %s  %s  %s  %s%s%s",
                                  (gint64) sqlite3_column_int64 (stmt, 0),
                                  cst_id_type_to_string (sqlite3_column_int (stmt, 1)),
                                  id_number, name, phone,
                                  username != NULL ? username : "-",
                                  locked != NULL ? "  " : "",
                                  locked != NULL ? locked : "");
        }
      else if (what == ENTERPRISES)
        {
          line = g_strdup_printf ("%s  %s  %d",
                                  (const char *) sqlite3_column_text (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  sqlite3_column_int (stmt, 2));
        }
      else
        {
          g_autofree char *id_number = cst_mask_id_number ((const char *) sqlite3_column_text (stmt, 2));
          g_autofree char *name = cst_mask_name ((const char *) sqlite3_column_text (stmt, 3));
          CstRole role = sqlite3_column_int (stmt, 4);

          line = g_strdup_printf ("%s  %s  %s  %s  %s",
                                  (const char *) sqlite3_column_text (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  id_number, name,
                                  cst_role_to_string (role));
        }

      g_strv_builder_add (lines, line);
    }

  return NULL;
}

GStrv
cst_local_backend_sms_outbox (CstLocalBackend  *self,
                              guint             limit,
                              GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) lines = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(conn = _cst_local_backend_acquire (self, error)))
    return NULL;

  /* The newest @limit messages, printed oldest first. */
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT time, phone, purpose, text FROM "
                                        "(SELECT id, time, phone, purpose, text FROM outbox.sms_outbox "
                                        " ORDER BY id DESC LIMIT ?1) ORDER BY id",
                                        error)))
    return NULL;
  _cst_local_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  lines = g_strv_builder_new ();

  while (_cst_local_step (conn, stmt, &has_row, error))
    {
      g_autofree char *time = NULL;
      g_autofree char *line = NULL;
      const char *purpose;

      if (!has_row)
        return g_strv_builder_end (lines);

      time = format_time (sqlite3_column_int64 (stmt, 0));
      purpose = cst_code_purpose_to_string (sqlite3_column_int (stmt, 2));
      line = g_strdup_printf ("%s  %s  %s  %s", time,
                              (const char *) sqlite3_column_text (stmt, 1),
                              purpose != NULL ? purpose : "?",
                              (const char *) sqlite3_column_text (stmt, 3));
      g_strv_builder_add (lines, line);
    }

  return NULL;
}

/* ---- demo data ---- */

/*
 * The demo data of the README (all passwords CST_DEMO_PASSWORD,
 * "Chushuitong@2026"):
 *
 *   张三  resident ID 420106199001011231, phone 13800001234, user name
 *         zhangsan — log in with any of the three;
 *   李娜  resident ID 420105199205200046, phone 13900005678, no user name;
 *
 *   武汉示例科技有限公司 91420100MA4K5T8Q2P: 张三 is 法定代表人 and 办税员,
 *         so the enterprise login asks 身份类型选择; 李娜 is not linked
 *         (try 该用户未关联此企业);
 *   武汉示例商贸有限公司 91420100MA4K5T8Q3T: 张三 is 办税员 only (no role
 *         choice), 李娜 is 法定代表人.
 *
 * Idempotent: what exists already is left as it is (a changed demo
 * password stays changed); what is missing is added.
 */
typedef struct
{
  const char *id_number;
  const char *name;
  const char *phone;
  const char *username;
} DemoPerson;

static const DemoPerson demo_persons[] = {
  { CST_DEMO_ID_NUMBER, CST_DEMO_NAME, CST_DEMO_PHONE, CST_DEMO_USERNAME },
  { CST_DEMO_ID_NUMBER_2, CST_DEMO_NAME_2, CST_DEMO_PHONE_2, NULL },
};

static const struct {
  const char *code;
  const char *name;
} demo_enterprises[] = {
  { CST_DEMO_ENTERPRISE_CODE, CST_DEMO_ENTERPRISE_NAME },
  { CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_ENTERPRISE_NAME_2 },
};

static const struct {
  const char *enterprise;
  const char *person;
  CstRole     role;
} demo_memberships[] = {
  { CST_DEMO_ENTERPRISE_CODE, CST_DEMO_ID_NUMBER, CST_ROLE_LEGAL_REPRESENTATIVE },
  { CST_DEMO_ENTERPRISE_CODE, CST_DEMO_ID_NUMBER, CST_ROLE_TAX_OFFICER },
  { CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_ID_NUMBER, CST_ROLE_TAX_OFFICER },
  { CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_ID_NUMBER_2, CST_ROLE_LEGAL_REPRESENTATIVE },
};

gboolean
cst_local_backend_seed_demo (CstLocalBackend  *self,
                             GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One hash for both demo persons, computed before the write lock. */
  if (!(hash = _cst_local_hash_password (self, CST_DEMO_PASSWORD, error)))
    return FALSE;

  if (!(conn = begin (self, error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_persons); i++)
    {
      g_autoptr(CstLocalPerson) person = NULL;

      if (!_cst_local_find_account (conn, demo_persons[i].id_number, NULL, NULL, &person, &local_error))
        goto out;

      if (person == NULL)
        {
          NewPerson new_person = {
            CST_ID_TYPE_RESIDENT,
            (char *) demo_persons[i].id_number,
            (char *) demo_persons[i].name,
            (char *) demo_persons[i].phone,
            hash,
          };
          gint64 id = insert_person (self, conn, &new_person, &local_error);

          if (id == 0 || !_cst_local_person_by_id (conn, id, &person, &local_error))
            goto out;
        }

      if (demo_persons[i].username != NULL && person->username == NULL &&
          !set_username_tx (self, conn, person, demo_persons[i].username, &local_error))
        goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_enterprises); i++)
    {
      if (!exec_bound (conn,
                       "INSERT OR IGNORE INTO enterprises (code, created, name) VALUES (?1, ?2, ?3)",
                       &local_error, demo_enterprises[i].code,
                       _cst_local_backend_now (self), demo_enterprises[i].name))
        goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_memberships); i++)
    {
      g_autoptr(CstLocalStmt) stmt = NULL;

      if (!(stmt = _cst_local_conn_prepare (conn,
                                            "INSERT OR IGNORE INTO memberships (person_id, enterprise_id, "
                                            "role, created) SELECT p.id, e.id, ?3, ?4 "
                                            "FROM persons p, enterprises e "
                                            "WHERE p.id_number = ?1 AND e.code = ?2",
                                            &local_error)))
        goto out;
      _cst_local_bind_text (stmt, 1, demo_memberships[i].person);
      _cst_local_bind_text (stmt, 2, demo_memberships[i].enterprise);
      _cst_local_bind_int64 (stmt, 3, demo_memberships[i].role);
      _cst_local_bind_int64 (stmt, 4, _cst_local_backend_now (self));
      if (!_cst_local_exec_stmt (conn, stmt, &local_error))
        goto out;
    }

  ok = _cst_local_audit (self, conn, 0, "admin-demo-seeded", NULL, &local_error);

out:
  if (!finish (conn, ok, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
