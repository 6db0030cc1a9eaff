/* cst-local-backend.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The embedded identity service: the "server" of CstAuthBackend in an
 * SQLite file, for trying the app, offline use and tests.
 *
 * Threads and connections. The object itself holds no mutable state but a
 * pool of connections (cst-local-db.c): each call takes a connection of its
 * own for its duration, so CstAuthService's worker threads run side by side
 * and another process (chushuitong-admin) can write at the same time. WAL
 * lets readers run during a write; busy_timeout (5 s) makes writers queue
 * instead of failing.
 *
 * Transactions. Every operation that writes runs in one BEGIN IMMEDIATE
 * transaction: it takes the write lock before it reads, so "read the
 * counter, decide, write" (lockout, code tries, single use of a code,
 * refresh rotation) is atomic across threads and processes — two callers
 * consuming the same code cannot both win. A refusal the user sees
 * (wrong password, wrong code…) still commits, because the counters it
 * bumped are the point; a storage failure rolls everything back. Password
 * hashing runs inside the transaction on purpose: it serialises guesses,
 * and at ~22 ms it is short next to busy_timeout.
 *
 * Why hashes. The file holds no secret that works when read: passwords
 * are argon2id strings (libsodium, cost from CstLocalConfig, rehashed at
 * login when the configured cost changes); session, refresh, device and
 * ticket tokens are 32 random bytes handed out once, of which only the
 * SHA-256 is kept (they are high-entropy, so a fast hash suffices); SMS
 * codes are SHA-256 over a per-row random salt. A 6-digit code has too
 * little entropy for any hash to resist a brute force by someone holding
 * the file — the hash only keeps codes from being read off the disk, and
 * a code is worthless after 5 minutes or one use anyway.
 *
 * The SMS outbox. In the local service the outbox stands in for the
 * phone's SMS inbox: it is where the admin tool (`sms-outbox`) and a tester
 * read the codes that were "sent", so it must hold the message text with
 * the code. It therefore lives in its own file beside the database
 * (identity.db-sms-outbox, ATTACHed to every connection and written in the
 * same transaction as the code), so that identity.db itself holds no code
 * in plain text. A real deployment has no outbox: an SMS gateway delivers.
 *
 * Enumeration defence. Login failures are indistinguishable for existing
 * and unknown accounts: the same error code and message, the same number
 * of argon2id verifications (an unknown account is checked against a
 * dummy hash computed once with the configured cost), padding to
 * min_failure_time_ms, and even the same countdown of tries left and
 * lockout, because failed attempts on unknown accounts are counted too
 * (phantom_lockouts, keyed by the SHA-256 of the account). A LOGIN code
 * for an unknown phone is "sent" like one for a known phone — same answer,
 * same rate limits, a stored code row — but delivered nowhere, and
 * logging in with it fails with CODE_INVALID like a wrong code. Registration
 * and reset do say 该证件号码已注册 / 该用户未注册, as the real service does.
 *
 * What a crash can lose. With WAL and synchronous=FULL a transaction whose
 * COMMIT returned is on disk. A crash inside COMMIT leaves it either fully
 * there or fully absent: a code may or may not count as used, a failed
 * attempt may or may not count. A code row and its outbox message are in
 * two files; SQLite commits attached WAL databases one after the other,
 * so a crash in between can keep one without the other (a message for a
 * code that does not work, or a code nobody saw) — the user asks again.
 */

#define G_LOG_DOMAIN "cst-local-backend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "cst-local-private.h"

#define CODE_DIGITS        6
#define CODE_SALT_BYTES    16
#define PHANTOM_KEEP       (24 * 60 * 60)
#define CODE_KEEP          (2 * 24 * 60 * 60)
/* The service's day, for the daily code limit, is the day in Beijing time
 * (UTC+8) whatever the machine's time zone. */
#define SERVICE_UTC_OFFSET (8 * 60 * 60)

typedef enum {
  TICKET_REGISTER = 1,
  TICKET_RESET = 2,
  TICKET_ENTERPRISE = 3,
} TicketKind;

typedef enum {
  REGISTER_BEGUN = 1,
  REGISTER_CREDENTIALS_SET = 2,

  RESET_BEGUN = 1,
  RESET_FACE_VERIFIED = 2,        /* needs a new phone */
  RESET_NEW_PHONE_SENT = 3,
  RESET_VERIFIED = 4,             /* by a code to the phone on file */
  RESET_NEW_PHONE_VERIFIED = 5,

  ENTERPRISE_PASSWORD_OK = 1,
} TicketState;

typedef struct
{
  gint64      id;
  TicketKind  kind;
  TicketState state;
  gint64      person_id;
  gint64      enterprise_id;
  CstIdType   id_type;
  char       *id_number;
  char       *name;
  char       *phone;
  char       *password_hash;
  gint64      expires;
} Ticket;

static void
ticket_free (Ticket *ticket)
{
  if (ticket == NULL)
    return;

  g_free (ticket->id_number);
  g_free (ticket->name);
  g_free (ticket->phone);
  g_free (ticket->password_hash);
  g_free (ticket);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ticket, ticket_free)

struct _CstLocalBackend
{
  GObject          parent_instance;

  /* owned */
  CstLocalPool    *pool;
  CstClock        *clock;
  CstSmsGateway   *sms;              /* nullable: outbox only */
  CstFaceVerifier *face;
  CstLocalConfig   config;

  /* guarded by dummy_mutex; computed on first use */
  GMutex           dummy_mutex;
  char            *dummy_hash;
};

static void cst_local_backend_iface_init (CstAuthBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstLocalBackend, cst_local_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_AUTH_BACKEND,
                                                      cst_local_backend_iface_init))

void
cst_local_config_init_defaults (CstLocalConfig *config)
{
  g_return_if_fail (config != NULL);

  /* Chosen by measurement: see CST_PWHASH_OWASP_MEMLIMIT in the header. */
  config->pwhash_memlimit = 64 * 1024 * 1024;
  config->pwhash_opslimit = 2;
  config->code_ttl = 5 * 60;
  config->code_max_tries = 5;
  config->code_resend_interval = 60;
  config->code_daily_limit = 10;
  config->lockout_threshold = 5;
  config->lockout_duration = 30 * 60;
  config->session_ttl = 12 * 60 * 60;
  config->refresh_ttl = 30 * 24 * 60 * 60;
  config->ticket_ttl = 5 * 60;
  config->min_failure_time_ms = 250;
}

gint
cst_local_backend_schema_version (void)
{
  return CST_LOCAL_SCHEMA_VERSION;
}

char *
cst_local_backend_default_path (void)
{
  const char *env = g_getenv ("CST_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "chushuitong", "identity.db", NULL);
}

static void
cst_local_backend_finalize (GObject *object)
{
  CstLocalBackend *self = (CstLocalBackend *)object;

  g_clear_pointer (&self->pool, _cst_local_pool_free);
  g_clear_object (&self->clock);
  g_clear_object (&self->sms);
  g_clear_object (&self->face);
  g_clear_pointer (&self->dummy_hash, g_free);
  g_mutex_clear (&self->dummy_mutex);

  G_OBJECT_CLASS (cst_local_backend_parent_class)->finalize (object);
}

static void
cst_local_backend_class_init (CstLocalBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cst_local_backend_finalize;

  /* Thread-safe and idempotent; needed before randombytes and pwhash. */
  if (sodium_init () < 0)
    g_critical ("libsodium could not be initialised");
}

static void
cst_local_backend_init (CstLocalBackend *self)
{
  g_mutex_init (&self->dummy_mutex);
}

CstLocalBackend *
cst_local_backend_new (const char           *path,
                       CstClock             *clock,
                       CstSmsGateway        *sms,
                       CstFaceVerifier      *face,
                       const CstLocalConfig *config,
                       GError              **error)
{
  g_autoptr(CstLocalBackend) self = NULL;
  g_autofree char *default_path = NULL;

  g_return_val_if_fail (clock == NULL || CST_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (sms == NULL || CST_IS_SMS_GATEWAY (sms), NULL);
  g_return_val_if_fail (face == NULL || CST_IS_FACE_VERIFIER (face), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CST_TYPE_LOCAL_BACKEND, NULL);

  if (config != NULL)
    self->config = *config;
  else
    cst_local_config_init_defaults (&self->config);

  if (self->config.pwhash_opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      self->config.pwhash_opslimit > crypto_pwhash_OPSLIMIT_MAX ||
      self->config.pwhash_memlimit < crypto_pwhash_MEMLIMIT_MIN ||
      self->config.pwhash_memlimit > MIN (crypto_pwhash_MEMLIMIT_MAX, G_MAXSIZE) ||
      self->config.code_ttl <= 0 || self->config.ticket_ttl <= 0 ||
      self->config.session_ttl <= 0 || self->config.refresh_ttl <= 0 ||
      self->config.code_max_tries <= 0 || self->config.code_resend_interval < 0 ||
      self->config.code_daily_limit <= 0 || self->config.lockout_duration < 0 ||
      self->config.min_failure_time_ms < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Invalid configuration of the local identity service");
      return NULL;
    }

  if (path == NULL)
    path = default_path = cst_local_backend_default_path ();

  self->pool = _cst_local_pool_new (path);
  self->clock = clock != NULL ? g_object_ref (clock) : cst_clock_new_system ();
  self->sms = sms != NULL ? g_object_ref (sms) : NULL;
  self->face = face != NULL ? g_object_ref (face) : cst_local_face_verifier_new (self->clock, TRUE);

  return g_steal_pointer (&self);
}

gboolean
cst_local_backend_open (CstLocalBackend  *self,
                        GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;

  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  conn = _cst_local_conn_acquire (self->pool, error);

  return conn != NULL;
}

const char *
cst_local_backend_get_path (CstLocalBackend *self)
{
  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), NULL);

  return _cst_local_pool_get_path (self->pool);
}

CstClock *
cst_local_backend_get_clock (CstLocalBackend *self)
{
  g_return_val_if_fail (CST_IS_LOCAL_BACKEND (self), NULL);

  return self->clock;
}

const CstLocalConfig *
_cst_local_backend_get_config (CstLocalBackend *self)
{
  return &self->config;
}

gint64
_cst_local_backend_now (CstLocalBackend *self)
{
  return cst_clock_now_seconds (self->clock);
}

/* ---- errors and inputs ---- */

static gboolean
is_refusal (const GError *error)
{
  /* What the user is told (wrong password, wrong code …) as opposed to
   * the service failing. Refusals commit their counters. */
  return error != NULL &&
         error->domain == CST_AUTH_ERROR &&
         error->code != CST_AUTH_ERROR_STORAGE &&
         error->code != CST_AUTH_ERROR_DATABASE_TOO_NEW;
}

static void
set_invalid (GError     **error,
             const char  *field,
             const char  *message)
{
  g_propagate_error (error,
                     cst_auth_error_new_literal (CST_AUTH_ERROR_INVALID_INPUT, 0, field, message));
}

gboolean
_cst_local_check_text (const char  *input,
                       gsize        max_bytes,
                       const char  *field,
                       GError     **error)
{
  gboolean blank = TRUE;

  if (input == NULL || input[0] == '\0')
    {
      set_invalid (error, field, _("This field is required"));
      return FALSE;
    }

  /* Length first: never walk a 10 MB string to validate it. */
  if (strnlen (input, max_bytes + 1) > max_bytes)
    {
      set_invalid (error, field, _("This entry is too long"));
      return FALSE;
    }

  if (!g_utf8_validate (input, -1, NULL))
    {
      set_invalid (error, field, _("This entry contains invalid characters"));
      return FALSE;
    }

  for (const char *p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Bidirectional controls reorder what is shown around them (an
       * enterprise or device name that reads as something else). */
      if (g_unichar_iscntrl (c) ||
          c == 0x061C || c == 0x200E || c == 0x200F ||
          (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        {
          set_invalid (error, field, _("This entry contains invalid characters"));
          return FALSE;
        }

      if (!g_unichar_isspace (c))
        blank = FALSE;
    }

  /* Only spaces (U+3000 included) is as good as nothing. */
  if (blank)
    {
      set_invalid (error, field, _("This field is required"));
      return FALSE;
    }

  return TRUE;
}

/* @validation_error is a pointer so that it is read after the validator
 * ran (argument evaluation order is unspecified). */
static gboolean
validated (gboolean      ok,
           GError      **validation_error,
           const char   *field,
           GError      **error)
{
  if (ok)
    return TRUE;

  g_propagate_error (error, cst_auth_error_from_validation (*validation_error, field));
  g_clear_error (validation_error);
  return FALSE;
}

static gboolean
check_id (CstLocalBackend  *self,
          CstIdType         id_type,
          const char       *input,
          char            **normalized,
          GError          **error)
{
  GError *verror = NULL;
  GDate today;

  if ((guint) id_type >= CST_N_ID_TYPES)
    {
      set_invalid (error, CST_FIELD_ID_NUMBER, _("Unknown ID document type"));
      return FALSE;
    }

  if (!_cst_local_check_text (input, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_ID_NUMBER, error))
    return FALSE;

  g_date_clear (&today, 1);
  cst_clock_get_date (self->clock, &today);

  return validated (cst_validate_id (id_type, input, &today, normalized, &verror),
                    &verror, CST_FIELD_ID_NUMBER, error);
}

typedef gboolean (*TextValidator) (const char  *input,
                                   char       **normalized,
                                   GError     **error);

/* What every text field goes through: the byte-level checks (UTF-8,
 * length, no controls), then its core validator, errors at @field. */
static gboolean
check_text_field (TextValidator   validate,
                  const char     *field,
                  const char     *input,
                  char          **normalized,
                  GError        **error)
{
  GError *verror = NULL;

  if (!_cst_local_check_text (input, CST_LOCAL_MAX_TEXT_BYTES, field, error))
    return FALSE;

  return validated (validate (input, normalized, &verror), &verror, field, error);
}

static gboolean
check_phone (const char  *input,
             char       **normalized,
             GError     **error)
{
  return check_text_field (cst_validate_phone, CST_FIELD_PHONE, input, normalized, error);
}

static gboolean
check_name (const char  *input,
            char       **normalized,
            GError     **error)
{
  return check_text_field (cst_validate_name, CST_FIELD_NAME, input, normalized, error);
}

static gboolean
check_code (const char  *input,
            char       **normalized,
            GError     **error)
{
  return check_text_field (cst_validate_sms_code, CST_FIELD_CODE, input, normalized, error);
}

static gboolean
check_enterprise_code (const char  *input,
                       char       **normalized,
                       GError     **error)
{
  return check_text_field (cst_validate_enterprise_code, CST_FIELD_ENTERPRISE,
                           input, normalized, error);
}

/* A password as typed at login: not the policy (an old password may
 * predate it), only what no password can be. */
static gboolean
check_password_input (const char  *password,
                      const char  *field,
                      GError     **error)
{
  if (password == NULL || password[0] == '\0')
    {
      set_invalid (error, field, _("Enter your password"));
      return FALSE;
    }

  if (strnlen (password, CST_LOCAL_MAX_TEXT_BYTES + 1) > CST_LOCAL_MAX_TEXT_BYTES ||
      !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) > CST_PASSWORD_MAX_LENGTH)
    {
      set_invalid (error, field, _("This is not a valid password"));
      return FALSE;
    }

  return TRUE;
}

/* A new password: the whole policy of SPEC §2.4. */
static gboolean
check_new_password (const char  *password,
                    const char  *id_number,
                    const char  *phone,
                    const char  *username,
                    GError     **error)
{
  const char *personal[4] = { id_number, phone, username, NULL };
  GError *perror = NULL;

  if (!check_password_input (password, CST_FIELD_PASSWORD, error))
    return FALSE;

  /* Compact the list: the policy stops at the first NULL. */
  for (guint i = 0, j = 0; i < 3; i++)
    {
      const char *value = personal[i];
      personal[i] = NULL;
      if (value != NULL)
        personal[j++] = value;
    }

  if (!cst_password_policy_validate (password, personal, &perror))
    {
      g_propagate_error (error, cst_auth_error_from_validation (perror, CST_FIELD_PASSWORD));
      g_clear_error (&perror);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_ticket_input (const char  *ticket,
                    GError     **error)
{
  return _cst_local_check_text (ticket, CST_LOCAL_MAX_TEXT_BYTES, NULL, error);
}

static gboolean
check_capture (CstFaceCapture  *capture,
               GError         **error)
{
  if (capture == NULL)
    {
      set_invalid (error, CST_FIELD_FACE, _("Face recognition has not been done"));
      return FALSE;
    }

  return TRUE;
}

/* ---- secrets ---- */

char *
_cst_local_token_new (void)
{
  guint8 bytes[CST_LOCAL_TOKEN_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (CST_LOCAL_TOKEN_BYTES,
                                          sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  char *token;

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (encoded, sizeof encoded, bytes, sizeof bytes,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token = g_strdup (encoded);

  sodium_memzero (bytes, sizeof bytes);
  sodium_memzero (encoded, sizeof encoded);

  return token;
}

void
_cst_local_token_hash (const char *token,
                       guint8      out[CST_LOCAL_HASH_BYTES])
{
  crypto_hash_sha256 (out, (const guint8 *) token, strlen (token));
}

static void
secret_free (char *secret)
{
  if (secret != NULL)
    {
      sodium_memzero (secret, strlen (secret));
      g_free (secret);
    }
}

typedef char CstSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstSecret, secret_free)

char *
_cst_local_hash_password (CstLocalBackend  *self,
                          const char       *password,
                          GError          **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (hash, password, strlen (password),
                         self->config.pwhash_opslimit,
                         (size_t) self->config.pwhash_memlimit) != 0)
    {
      g_propagate_error (error,
                         cst_auth_error_new_literal (CST_AUTH_ERROR_STORAGE, 0, NULL,
                                                     _("Not enough memory to protect the password")));
      return NULL;
    }

  return g_strdup (hash);
}

static const char *
get_dummy_hash (CstLocalBackend *self)
{
  const char *hash;

  g_mutex_lock (&self->dummy_mutex);
  if (self->dummy_hash == NULL)
    {
      g_autoptr(CstSecret) random = _cst_local_token_new ();

      /* Same cost as real hashes, so verifying it takes as long. */
      self->dummy_hash = _cst_local_hash_password (self, random, NULL);
    }
  hash = self->dummy_hash;
  g_mutex_unlock (&self->dummy_mutex);

  return hash;
}

static gboolean
verify_password (const char *hash,
                 const char *password)
{
  return hash != NULL &&
         crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static void
code_hash (const guint8 salt[CODE_SALT_BYTES],
           const char  *code,
           guint8       out[CST_LOCAL_HASH_BYTES])
{
  crypto_hash_sha256_state state;

  crypto_hash_sha256_init (&state);
  crypto_hash_sha256_update (&state, salt, CODE_SALT_BYTES);
  crypto_hash_sha256_update (&state, (const guint8 *) code, strlen (code));
  crypto_hash_sha256_final (&state, out);
  sodium_memzero (&state, sizeof state);
}

/* ---- persons ---- */

#define PERSON_COLUMNS \
  "id, id_type, id_number, name, phone, username, password_hash, failed_attempts, locked_until"

void
_cst_local_person_free (CstLocalPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->id_number);
  g_free (person->name);
  g_free (person->phone);
  g_free (person->username);
  g_free (person->password_hash);
  g_free (person);
}

static CstLocalPerson *
person_from_row (CstLocalStmt *stmt)
{
  CstLocalPerson *person = g_new0 (CstLocalPerson, 1);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->id_type = sqlite3_column_int (stmt, 1);
  person->id_number = _cst_local_column_dup (stmt, 2);
  person->name = _cst_local_column_dup (stmt, 3);
  person->phone = _cst_local_column_dup (stmt, 4);
  person->username = _cst_local_column_dup (stmt, 5);
  person->password_hash = _cst_local_column_dup (stmt, 6);
  person->failed_attempts = sqlite3_column_int (stmt, 7);
  person->locked_until = sqlite3_column_int64 (stmt, 8);

  return person;
}

static gboolean
person_query (CstLocalConn    *conn,
              const char      *sql,
              const char      *text,
              gint64           number,
              CstLocalPerson **person,
              GError         **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  gboolean has_row = FALSE;

  *person = NULL;

  if (!(stmt = _cst_local_conn_prepare (conn, sql, error)))
    return FALSE;

  if (text != NULL)
    _cst_local_bind_text (stmt, 1, text);
  else
    _cst_local_bind_int64 (stmt, 1, number);

  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *person = person_from_row (stmt);

  return TRUE;
}

gboolean
_cst_local_person_by_id (CstLocalConn    *conn,
                         gint64           id,
                         CstLocalPerson **person,
                         GError         **error)
{
  return person_query (conn, "SELECT " PERSON_COLUMNS " FROM persons WHERE id = ?1",
                       NULL, id, person, error);
}

static gboolean
person_by_phone (CstLocalConn    *conn,
                 const char      *phone,
                 CstLocalPerson **person,
                 GError         **error)
{
  return person_query (conn, "SELECT " PERSON_COLUMNS " FROM persons WHERE phone = ?1",
                       phone, 0, person, error);
}

static gboolean
person_by_document (CstLocalConn    *conn,
                    CstIdType        id_type,
                    const char      *id_number,
                    CstLocalPerson **person,
                    GError         **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  gboolean has_row = FALSE;

  *person = NULL;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT " PERSON_COLUMNS " FROM persons "
                                        "WHERE id_type = ?1 AND id_number = ?2",
                                        error)))
    return FALSE;

  _cst_local_bind_int64 (stmt, 1, id_type);
  _cst_local_bind_text (stmt, 2, id_number);

  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *person = person_from_row (stmt);

  return TRUE;
}

gboolean
_cst_local_find_account (CstLocalConn     *conn,
                         const char       *account,
                         CstAccountKind   *kind,
                         char            **normalized_account,
                         CstLocalPerson  **person,
                         GError          **error)
{
  g_autofree char *normalized = NULL;
  CstAccountKind k;
  gboolean ok = TRUE;

  *person = NULL;

  k = cst_classify_account (account, &normalized);

  switch (k)
    {
    case CST_ACCOUNT_KIND_ID_NUMBER:
      /* An ID number alone names the person whatever the document type;
       * the formats of the types do not overlap. */
      ok = person_query (conn,
                         "SELECT " PERSON_COLUMNS " FROM persons WHERE id_number = ?1 "
                         "ORDER BY id LIMIT 1",
                         normalized, 0, person, error);
      break;

    case CST_ACCOUNT_KIND_PHONE:
      ok = person_by_phone (conn, normalized, person, error);
      break;

    case CST_ACCOUNT_KIND_USERNAME:
      ok = person_query (conn,
                         "SELECT " PERSON_COLUMNS " FROM persons WHERE username = ?1",
                         normalized, 0, person, error);
      break;

    case CST_ACCOUNT_KIND_INVALID:
    default:
      break;
    }

  if (kind != NULL)
    *kind = k;
  if (normalized_account != NULL)
    *normalized_account = g_steal_pointer (&normalized);

  return ok;
}

static gboolean
check_account_input (const char  *account,
                     GError     **error)
{
  g_autofree char *normalized = NULL;

  if (!_cst_local_check_text (account, CST_LOCAL_MAX_TEXT_BYTES, CST_FIELD_ACCOUNT, error))
    return FALSE;

  if (cst_classify_account (account, &normalized) == CST_ACCOUNT_KIND_INVALID)
    {
      set_invalid (error, CST_FIELD_ACCOUNT,
                   _("Enter an ID number, a mobile number or a user name"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cst_local_audit (CstLocalBackend *self,
                  CstLocalConn    *conn,
                  gint64           person_id,
                  const char      *event,
                  const char      *detail,
                  GError         **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO audit_log (time, person_id, event, detail) "
                                        "VALUES (?1, ?2, ?3, ?4)",
                                        error)))
    return FALSE;

  _cst_local_bind_int64 (stmt, 1, _cst_local_backend_now (self));
  if (person_id > 0)
    _cst_local_bind_int64 (stmt, 2, person_id);
  else
    _cst_local_bind_null (stmt, 2);
  _cst_local_bind_text (stmt, 3, event);
  _cst_local_bind_text (stmt, 4, detail);

  return _cst_local_exec_stmt (conn, stmt, error);
}

/* ---- transactions ---- */

CstLocalConn *
_cst_local_backend_acquire (CstLocalBackend  *self,
                            GError          **error)
{
  return _cst_local_conn_acquire (self->pool, error);
}

CstLocalConn *
_cst_local_backend_begin (CstLocalBackend  *self,
                          GError          **error)
{
  CstLocalConn *conn = _cst_local_conn_acquire (self->pool, error);

  if (conn == NULL)
    return NULL;

  if (!_cst_local_conn_begin (conn, error))
    {
      _cst_local_conn_release (conn);
      return NULL;
    }

  return conn;
}

/*
 * Ends the transaction of an operation that succeeded when @ok, or failed
 * with *@error. Refusals commit (their counters are the point), storage
 * failures roll back. Returns whether the operation succeeded in the end.
 */
static gboolean
end_write (CstLocalConn  *conn,
           gboolean       ok,
           GError       **error)
{
  gboolean commit = ok || is_refusal (*error);
  g_autoptr(GError) commit_error = NULL;

  if (!_cst_local_conn_end (conn, commit, &commit_error))
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&commit_error));
      return FALSE;
    }

  return ok;
}

/* end_write(), then the step's error (or the commit's) to the caller:
 * how every write operation ends. */
static gboolean
finish_write (CstLocalConn  *conn,
              gboolean       ok,
              GError       **local_error,
              GError       **error)
{
  if (end_write (conn, ok, local_error))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

/* Failed logins take at least min_failure_time_ms, however they failed;
 * so does every request for a LOGIN code, which does more work (outbox,
 * gateway) for a phone on file than for one that is not. */
static void
pad_failure (CstLocalBackend *self,
             gint64           started_us)
{
  gint64 wanted = started_us + (gint64) self->config.min_failure_time_ms * 1000;
  gint64 now = g_get_monotonic_time ();

  if (now < wanted)
    g_usleep (wanted - now);
}

/* ---- one-time codes ---- */

static gint64
service_day_start (gint64 now)
{
  gint64 local = now + SERVICE_UTC_OFFSET;

  return local - (local % (24 * 60 * 60)) - SERVICE_UTC_OFFSET;
}

/*
 * Creates a code for @phone and @purpose, bound to @ticket_id (0: none),
 * and delivers it unless @deliver is FALSE (a LOGIN code for an unknown
 * phone: stored like any other, so limits and answers are the same).
 */
static gboolean
issue_code (CstLocalBackend *self,
            CstLocalConn    *conn,
            const char      *phone,
            CstCodePurpose   purpose,
            gint64           ticket_id,
            gboolean         deliver,
            gint            *resend_after,
            GError         **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstSecret) code = NULL;
  g_autoptr(CstSecret) text = NULL;
  guint8 salt[CODE_SALT_BYTES];
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gint64 now = _cst_local_backend_now (self);
  gboolean has_row = FALSE;

  /* 60 s between sends for one phone and purpose. */
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT max(created) FROM codes "
                                        "WHERE phone = ?1 AND purpose = ?2",
                                        error)))
    return FALSE;
  _cst_local_bind_text (stmt, 1, phone);
  _cst_local_bind_int64 (stmt, 2, purpose);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;

  if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      gint64 last = sqlite3_column_int64 (stmt, 0);
      gint64 wait = last + self->config.code_resend_interval - now;

      if (wait > 0)
        {
          g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_RATE_LIMITED, wait,
                                                        CST_FIELD_CODE));
          return FALSE;
        }
    }
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  /* At most code_daily_limit codes a day for one phone, all purposes. */
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT count(*) FROM codes "
                                        "WHERE phone = ?1 AND created >= ?2",
                                        error)))
    return FALSE;
  _cst_local_bind_text (stmt, 1, phone);
  _cst_local_bind_int64 (stmt, 2, service_day_start (now));
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_int64 (stmt, 0) >= self->config.code_daily_limit)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_DAILY_LIMIT, 0,
                                                    CST_FIELD_CODE));
      return FALSE;
    }
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  code = g_strdup_printf ("%0*u", CODE_DIGITS, randombytes_uniform (1000000));
  randombytes_buf (salt, sizeof salt);
  code_hash (salt, code, hash);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO codes (phone, purpose, salt, code_hash, "
                                        "created, expires, ticket_id, delivered) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                        error)))
    return FALSE;
  _cst_local_bind_text (stmt, 1, phone);
  _cst_local_bind_int64 (stmt, 2, purpose);
  _cst_local_bind_blob (stmt, 3, salt, sizeof salt);
  _cst_local_bind_blob (stmt, 4, hash, sizeof hash);
  _cst_local_bind_int64 (stmt, 5, now);
  _cst_local_bind_int64 (stmt, 6, now + self->config.code_ttl);
  if (ticket_id > 0)
    _cst_local_bind_int64 (stmt, 7, ticket_id);
  else
    _cst_local_bind_null (stmt, 7);
  _cst_local_bind_int64 (stmt, 8, deliver);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  /* Old codes only matter for the daily limit. */
  if (!(stmt = _cst_local_conn_prepare (conn, "DELETE FROM codes WHERE created < ?1", error)))
    return FALSE;
  _cst_local_bind_int64 (stmt, 1, now - CODE_KEEP);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (deliver)
    {
      text = cst_sms_format_text (code);

      if (!(stmt = _cst_local_conn_prepare (conn,
                                            "INSERT INTO outbox.sms_outbox (time, phone, purpose, text) "
                                            "VALUES (?1, ?2, ?3, ?4)",
                                            error)))
        return FALSE;
      _cst_local_bind_int64 (stmt, 1, now);
      _cst_local_bind_text (stmt, 2, phone);
      _cst_local_bind_int64 (stmt, 3, purpose);
      _cst_local_bind_text (stmt, 4, text);
      if (!_cst_local_exec_stmt (conn, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _cst_local_stmt_release);

      /* Last, so a failed delivery rolls the code back. */
      if (self->sms != NULL &&
          !cst_sms_gateway_send (self->sms, phone, purpose, code, text, error))
        return FALSE;
    }

  if (resend_after != NULL)
    *resend_after = self->config.code_resend_interval;

  return TRUE;
}

/*
 * Checks @code against the newest code for @phone and @purpose (bound to
 * @ticket_id, 0: unbound) and uses it up. A wrong code costs a try; the
 * code dies after code_max_tries wrong ones.
 */
static gboolean
consume_code (CstLocalBackend *self,
              CstLocalConn    *conn,
              const char      *phone,
              CstCodePurpose   purpose,
              gint64           ticket_id,
              const char      *code,
              GError         **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  guint8 salt[CODE_SALT_BYTES];
  guint8 stored[CST_LOCAL_HASH_BYTES];
  gint64 now = _cst_local_backend_now (self);
  gboolean has_row = FALSE;
  gboolean match;
  gint64 id;
  gint64 expires;
  gint tries;
  gboolean used;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT id, salt, code_hash, expires, tries, used "
                                        "FROM codes WHERE phone = ?1 AND purpose = ?2 "
                                        "AND ticket_id IS ?3 "
                                        "ORDER BY created DESC, id DESC LIMIT 1",
                                        error)))
    return FALSE;
  _cst_local_bind_text (stmt, 1, phone);
  _cst_local_bind_int64 (stmt, 2, purpose);
  if (ticket_id > 0)
    _cst_local_bind_int64 (stmt, 3, ticket_id);
  else
    _cst_local_bind_null (stmt, 3);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;

  if (!has_row ||
      sqlite3_column_bytes (stmt, 1) != CODE_SALT_BYTES ||
      sqlite3_column_bytes (stmt, 2) != CST_LOCAL_HASH_BYTES)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_CODE_INVALID, 0, CST_FIELD_CODE));
      return FALSE;
    }

  id = sqlite3_column_int64 (stmt, 0);
  memcpy (salt, sqlite3_column_blob (stmt, 1), CODE_SALT_BYTES);
  memcpy (stored, sqlite3_column_blob (stmt, 2), CST_LOCAL_HASH_BYTES);
  expires = sqlite3_column_int64 (stmt, 3);
  tries = sqlite3_column_int (stmt, 4);
  used = sqlite3_column_int (stmt, 5) != 0;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (used || tries >= self->config.code_max_tries || expires <= now)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_CODE_EXPIRED, 0, CST_FIELD_CODE));
      return FALSE;
    }

  code_hash (salt, code, hash);
  match = sodium_memcmp (hash, stored, sizeof hash) == 0;
  sodium_memzero (hash, sizeof hash);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        match ? "UPDATE codes SET used = 1 WHERE id = ?1"
                                              : "UPDATE codes SET tries = tries + 1 WHERE id = ?1",
                                        error)))
    return FALSE;
  _cst_local_bind_int64 (stmt, 1, id);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return FALSE;

  if (!match)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_CODE_INVALID,
                                                    self->config.code_max_tries - tries - 1,
                                                    CST_FIELD_CODE));
      return FALSE;
    }

  return TRUE;
}

/* ---- tickets ---- */

static char *
ticket_create (CstLocalBackend *self,
               CstLocalConn    *conn,
               Ticket          *ticket,
               GError         **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstSecret) token = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gint64 now = _cst_local_backend_now (self);

  /* Expired tickets are useless; clearing them keeps the table small. */
  if (!(stmt = _cst_local_conn_prepare (conn, "DELETE FROM tickets WHERE expires <= ?1", error)))
    return NULL;
  _cst_local_bind_int64 (stmt, 1, now);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return NULL;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  token = _cst_local_token_new ();
  _cst_local_token_hash (token, hash);
  ticket->expires = now + self->config.ticket_ttl;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO tickets (hash, kind, state, person_id, "
                                        "enterprise_id, id_type, id_number, name, phone, "
                                        "password_hash, created, expires) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                        error)))
    return NULL;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  _cst_local_bind_int64 (stmt, 2, ticket->kind);
  _cst_local_bind_int64 (stmt, 3, ticket->state);
  if (ticket->person_id > 0)
    _cst_local_bind_int64 (stmt, 4, ticket->person_id);
  else
    _cst_local_bind_null (stmt, 4);
  if (ticket->enterprise_id > 0)
    _cst_local_bind_int64 (stmt, 5, ticket->enterprise_id);
  else
    _cst_local_bind_null (stmt, 5);
  _cst_local_bind_int64 (stmt, 6, ticket->id_type);
  _cst_local_bind_text (stmt, 7, ticket->id_number);
  _cst_local_bind_text (stmt, 8, ticket->name);
  _cst_local_bind_text (stmt, 9, ticket->phone);
  _cst_local_bind_text (stmt, 10, ticket->password_hash);
  _cst_local_bind_int64 (stmt, 11, now);
  _cst_local_bind_int64 (stmt, 12, ticket->expires);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return NULL;

  ticket->id = _cst_local_conn_last_insert_id (conn);

  return g_steal_pointer (&token);
}

static Ticket *
ticket_load (CstLocalBackend  *self,
             CstLocalConn     *conn,
             const char       *token,
             TicketKind        kind,
             GError          **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(Ticket) ticket = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gboolean has_row = FALSE;

  _cst_local_token_hash (token, hash);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT id, kind, state, person_id, enterprise_id, "
                                        "id_type, id_number, name, phone, password_hash, expires "
                                        "FROM tickets WHERE hash = ?1",
                                        error)))
    return NULL;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return NULL;

  /* Unknown: most likely finished, or expired and cleared. */
  if (!has_row)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      return NULL;
    }

  ticket = g_new0 (Ticket, 1);
  ticket->id = sqlite3_column_int64 (stmt, 0);
  ticket->kind = sqlite3_column_int (stmt, 1);
  ticket->state = sqlite3_column_int (stmt, 2);
  ticket->person_id = sqlite3_column_int64 (stmt, 3);
  ticket->enterprise_id = sqlite3_column_int64 (stmt, 4);
  ticket->id_type = sqlite3_column_int (stmt, 5);
  ticket->id_number = _cst_local_column_dup (stmt, 6);
  ticket->name = _cst_local_column_dup (stmt, 7);
  ticket->phone = _cst_local_column_dup (stmt, 8);
  ticket->password_hash = _cst_local_column_dup (stmt, 9);
  ticket->expires = sqlite3_column_int64 (stmt, 10);

  if (ticket->kind != kind)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_WRONG_STEP, 0, NULL));
      return NULL;
    }

  if (ticket->expires <= _cst_local_backend_now (self))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      return NULL;
    }

  return g_steal_pointer (&ticket);
}

/* Stores the ticket's state; a registration or reset that makes progress
 * gets a fresh ticket_ttl, an enterprise login does not. */
static gboolean
ticket_save (CstLocalBackend  *self,
             CstLocalConn     *conn,
             Ticket           *ticket,
             GError          **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;

  if (ticket->kind != TICKET_ENTERPRISE)
    ticket->expires = _cst_local_backend_now (self) + self->config.ticket_ttl;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "UPDATE tickets SET state = ?2, phone = ?3, "
                                        "password_hash = ?4, expires = ?5 WHERE id = ?1",
                                        error)))
    return FALSE;
  _cst_local_bind_int64 (stmt, 1, ticket->id);
  _cst_local_bind_int64 (stmt, 2, ticket->state);
  _cst_local_bind_text (stmt, 3, ticket->phone);
  _cst_local_bind_text (stmt, 4, ticket->password_hash);
  _cst_local_bind_int64 (stmt, 5, ticket->expires);

  return _cst_local_exec_stmt (conn, stmt, error);
}

static gboolean
ticket_delete (CstLocalConn  *conn,
               Ticket        *ticket,
               GError       **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;

  if (!(stmt = _cst_local_conn_prepare (conn, "DELETE FROM tickets WHERE id = ?1", error)))
    return FALSE;
  _cst_local_bind_int64 (stmt, 1, ticket->id);

  return _cst_local_exec_stmt (conn, stmt, error);
}

static gboolean
wrong_step (GError **error)
{
  g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_WRONG_STEP, 0, NULL));
  return FALSE;
}

/* ---- sessions ---- */

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
} Enterprise;

static void
enterprise_clear (Enterprise *enterprise)
{
  g_clear_pointer (&enterprise->code, g_free);
  g_clear_pointer (&enterprise->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Enterprise, enterprise_clear)

static gboolean
enterprise_by (CstLocalConn  *conn,
               const char    *code,
               gint64         id,
               Enterprise    *enterprise,
               gboolean      *found,
               GError       **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = _cst_local_conn_prepare (conn,
                                  code != NULL
                                  ? "SELECT id, code, name FROM enterprises WHERE code = ?1"
                                  : "SELECT id, code, name FROM enterprises WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  if (code != NULL)
    _cst_local_bind_text (stmt, 1, code);
  else
    _cst_local_bind_int64 (stmt, 1, id);

  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;

  *found = has_row;
  if (has_row)
    {
      enterprise->id = sqlite3_column_int64 (stmt, 0);
      enterprise->code = _cst_local_column_dup (stmt, 1);
      enterprise->name = _cst_local_column_dup (stmt, 2);
    }

  return TRUE;
}

static CstSession *
session_new (CstLocalPerson   *person,
             const Enterprise *enterprise,
             CstRole           role,
             CstLoginMethod    method,
             const char       *token,
             const char       *refresh_token,
             gint64            expires)
{
  return cst_session_new ("token", token,
                          "refresh-token", refresh_token,
                          "person-id", person->id,
                          "name", person->name,
                          "id-type", (int) person->id_type,
                          "id-number", person->id_number,
                          "phone", person->phone,
                          "username", person->username,
                          "enterprise-code", enterprise != NULL ? enterprise->code : NULL,
                          "enterprise-name", enterprise != NULL ? enterprise->name : NULL,
                          "role", (int) role,
                          "method", (int) method,
                          "expires", expires * G_USEC_PER_SEC,
                          NULL);
}

/* A new session (and with @remember a refresh token in chain @chain, 0 for
 * a new chain). */
static CstSession *
session_issue (CstLocalBackend   *self,
               CstLocalConn      *conn,
               CstLocalPerson    *person,
               const Enterprise  *enterprise,
               CstRole            role,
               CstLoginMethod     method,
               gboolean           remember,
               gint64             chain,
               GError           **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstSecret) token = NULL;
  g_autoptr(CstSecret) refresh = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gint64 now = _cst_local_backend_now (self);
  gint64 expires = now + self->config.session_ttl;
  gint64 session_id;
  g_autofree char *detail = NULL;

  token = _cst_local_token_new ();
  _cst_local_token_hash (token, hash);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO sessions (token_hash, person_id, enterprise_id, "
                                        "role, method, created, expires) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        error)))
    return NULL;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  _cst_local_bind_int64 (stmt, 2, person->id);
  if (enterprise != NULL)
    _cst_local_bind_int64 (stmt, 3, enterprise->id);
  else
    _cst_local_bind_null (stmt, 3);
  _cst_local_bind_int64 (stmt, 4, role);
  _cst_local_bind_int64 (stmt, 5, method);
  _cst_local_bind_int64 (stmt, 6, now);
  _cst_local_bind_int64 (stmt, 7, expires);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return NULL;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  session_id = _cst_local_conn_last_insert_id (conn);

  if (remember)
    {
      gint64 refresh_id;

      refresh = _cst_local_token_new ();
      _cst_local_token_hash (refresh, hash);

      if (!(stmt = _cst_local_conn_prepare (conn,
                                            "INSERT INTO refresh_tokens (token_hash, session_id, "
                                            "person_id, chain, created, expires) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                            error)))
        return NULL;
      _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
      _cst_local_bind_int64 (stmt, 2, session_id);
      _cst_local_bind_int64 (stmt, 3, person->id);
      _cst_local_bind_int64 (stmt, 4, chain);
      _cst_local_bind_int64 (stmt, 5, now);
      _cst_local_bind_int64 (stmt, 6, now + self->config.refresh_ttl);
      if (!_cst_local_exec_stmt (conn, stmt, error))
        return NULL;
      g_clear_pointer (&stmt, _cst_local_stmt_release);

      refresh_id = _cst_local_conn_last_insert_id (conn);

      if (chain == 0)
        {
          if (!(stmt = _cst_local_conn_prepare (conn,
                                                "UPDATE refresh_tokens SET chain = id WHERE id = ?1",
                                                error)))
            return NULL;
          _cst_local_bind_int64 (stmt, 1, refresh_id);
          if (!_cst_local_exec_stmt (conn, stmt, error))
            return NULL;
          g_clear_pointer (&stmt, _cst_local_stmt_release);
        }
    }

  detail = g_strdup_printf ("method=%d role=%d enterprise=%s remember=%d",
                            method, role,
                            enterprise != NULL ? enterprise->code : "-",
                            remember);
  if (!_cst_local_audit (self, conn, person->id, "session-created", detail, error))
    return NULL;

  return session_new (person, enterprise, role, method, token, refresh, expires);
}

typedef struct
{
  gint64          id;
  gint64          person_id;
  gint64          enterprise_id;
  CstRole         role;
  CstLoginMethod  method;
  gint64          expires;
  gboolean        revoked;
} SessionRow;

/* The live session of @token: NOT_LOGGED_IN when unknown or ended,
 * EXPIRED when past its time. */
static gboolean
session_find (CstLocalBackend  *self,
              CstLocalConn     *conn,
              const char       *token,
              SessionRow       *row,
              GError          **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gboolean has_row = FALSE;

  if (!_cst_local_check_text (token, CST_LOCAL_MAX_TEXT_BYTES, NULL, NULL))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_NOT_LOGGED_IN, 0, NULL));
      return FALSE;
    }

  _cst_local_token_hash (token, hash);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT id, person_id, enterprise_id, role, method, "
                                        "expires, revoked FROM sessions WHERE token_hash = ?1",
                                        error)))
    return FALSE;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  if (!_cst_local_step (conn, stmt, &has_row, error))
    return FALSE;

  if (!has_row || sqlite3_column_int (stmt, 6) != 0)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_NOT_LOGGED_IN, 0, NULL));
      return FALSE;
    }

  row->id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  row->enterprise_id = sqlite3_column_int64 (stmt, 2);
  row->role = sqlite3_column_int (stmt, 3);
  row->method = sqlite3_column_int (stmt, 4);
  row->expires = sqlite3_column_int64 (stmt, 5);
  row->revoked = FALSE;

  if (row->expires <= _cst_local_backend_now (self))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      return FALSE;
    }

  return TRUE;
}

/* Revokes every session, refresh token and device credential of a person
 * (password reset). */
static gboolean
revoke_everything (CstLocalConn  *conn,
                   gint64         person_id,
                   GError       **error)
{
  static const char * const sql[] = {
    "UPDATE sessions SET revoked = 1 WHERE person_id = ?1 AND revoked = 0",
    "UPDATE refresh_tokens SET revoked = 1 WHERE person_id = ?1 AND revoked = 0",
    "UPDATE device_credentials SET revoked = 1 WHERE person_id = ?1 AND revoked = 0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(CstLocalStmt) stmt = NULL;

      if (!(stmt = _cst_local_conn_prepare (conn, sql[i], error)))
        return FALSE;
      _cst_local_bind_int64 (stmt, 1, person_id);
      if (!_cst_local_exec_stmt (conn, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- passwords and lockout ---- */

static void
set_locked (GError **error,
            gint64   seconds_left)
{
  g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_LOCKED,
                                                MAX (1, (seconds_left + 59) / 60),
                                                CST_FIELD_PASSWORD));
}

/*
 * Checks @password for @person, or for an account that does not exist
 * (@person NULL, @account_key the normalised account) in exactly the same
 * way: lockout first, one argon2id verification, a counted failure. Inside
 * a write transaction. On success clears the count and upgrades the hash
 * when the configured cost changed.
 */
static gboolean
check_password (CstLocalBackend  *self,
                CstLocalConn     *conn,
                CstLocalPerson   *person,
                const char       *account_key,
                const char       *password,
                GError          **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  guint8 account_hash[CST_LOCAL_HASH_BYTES];
  gint64 now = _cst_local_backend_now (self);
  gint failed = 0;
  gint64 locked_until = 0;
  gboolean ok;

  if (person != NULL)
    {
      failed = person->failed_attempts;
      locked_until = person->locked_until;
    }
  else
    {
      gboolean has_row = FALSE;

      _cst_local_token_hash (account_key, account_hash);

      if (!(stmt = _cst_local_conn_prepare (conn,
                                            "SELECT failed_attempts, locked_until "
                                            "FROM phantom_lockouts WHERE account_hash = ?1",
                                            error)))
        return FALSE;
      _cst_local_bind_blob (stmt, 1, account_hash, sizeof account_hash);
      if (!_cst_local_step (conn, stmt, &has_row, error))
        return FALSE;
      if (has_row)
        {
          failed = sqlite3_column_int (stmt, 0);
          locked_until = sqlite3_column_int64 (stmt, 1);
        }
      g_clear_pointer (&stmt, _cst_local_stmt_release);
    }

  if (locked_until > now)
    {
      set_locked (error, locked_until - now);
      return FALSE;
    }

  if (person != NULL)
    ok = verify_password (person->password_hash, password);
  else
    {
      /* The same work as for a real account, and never a success. */
      (void) verify_password (get_dummy_hash (self), password);
      ok = FALSE;
    }

  if (ok)
    {
      g_autofree char *rehash = NULL;

      if (crypto_pwhash_str_needs_rehash (person->password_hash,
                                          self->config.pwhash_opslimit,
                                          (size_t) self->config.pwhash_memlimit) != 0)
        {
          rehash = _cst_local_hash_password (self, password, error);
          if (rehash == NULL)
            return FALSE;
        }

      if (!(stmt = _cst_local_conn_prepare (conn,
                                            "UPDATE persons SET failed_attempts = 0, locked_until = 0, "
                                            "password_hash = coalesce (?2, password_hash) WHERE id = ?1",
                                            error)))
        return FALSE;
      _cst_local_bind_int64 (stmt, 1, person->id);
      _cst_local_bind_text (stmt, 2, rehash);
      if (!_cst_local_exec_stmt (conn, stmt, error))
        return FALSE;

      if (rehash != NULL)
        {
          g_free (person->password_hash);
          person->password_hash = g_steal_pointer (&rehash);
          if (!_cst_local_audit (self, conn, person->id, "password-rehashed", NULL, error))
            return FALSE;
        }

      return TRUE;
    }

  failed++;
  if (self->config.lockout_threshold > 0 && failed >= self->config.lockout_threshold)
    {
      locked_until = now + self->config.lockout_duration;
      failed = 0;
    }

  if (person != NULL)
    {
      stmt = _cst_local_conn_prepare (conn,
                                      "UPDATE persons SET failed_attempts = ?2, locked_until = ?3 "
                                      "WHERE id = ?1",
                                      error);
      if (stmt == NULL)
        return FALSE;
      _cst_local_bind_int64 (stmt, 1, person->id);
    }
  else
    {
      stmt = _cst_local_conn_prepare (conn,
                                      "INSERT INTO phantom_lockouts (account_hash, failed_attempts, "
                                      "locked_until, updated) VALUES (?1, ?2, ?3, ?4) "
                                      "ON CONFLICT (account_hash) DO UPDATE SET "
                                      "failed_attempts = ?2, locked_until = ?3, updated = ?4",
                                      error);
      if (stmt == NULL)
        return FALSE;
      _cst_local_bind_blob (stmt, 1, account_hash, sizeof account_hash);
      _cst_local_bind_int64 (stmt, 4, now);
    }
  _cst_local_bind_int64 (stmt, 2, failed);
  _cst_local_bind_int64 (stmt, 3, locked_until);
  if (!_cst_local_exec_stmt (conn, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (person == NULL)
    {
      /* Keep the phantom table from growing without bound. */
      if (!(stmt = _cst_local_conn_prepare (conn,
                                            "DELETE FROM phantom_lockouts "
                                            "WHERE updated < ?1 AND locked_until < ?2",
                                            error)))
        return FALSE;
      _cst_local_bind_int64 (stmt, 1, now - PHANTOM_KEEP);
      _cst_local_bind_int64 (stmt, 2, now);
      if (!_cst_local_exec_stmt (conn, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _cst_local_stmt_release);
    }

  if (!_cst_local_audit (self, conn, person != NULL ? person->id : 0,
                         locked_until > now ? "locked" : "password-failed",
                         NULL, error))
    return FALSE;

  if (locked_until > now)
    set_locked (error, locked_until - now);
  else if (self->config.lockout_threshold > 0)
    g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS,
                                                  self->config.lockout_threshold - failed,
                                                  CST_FIELD_PASSWORD));
  else
    g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS, 0,
                                                  CST_FIELD_PASSWORD));

  return FALSE;
}

/* The account key of phantom lockouts: the kind and the normalised form. */
static char *
account_key (CstAccountKind  kind,
             const char     *normalized)
{
  return g_strdup_printf ("%d:%s", kind, normalized);
}

/* ---- CstAuthBackend: face and codes ---- */

static gboolean
cst_local_backend_face_available (CstAuthBackend *backend)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);

  return cst_face_verifier_is_available (self->face);
}

static gboolean
cst_local_backend_face_simulated (CstAuthBackend *backend)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);

  return cst_face_verifier_is_simulated (self->face);
}

static gboolean
verify_face (CstLocalBackend  *self,
             CstIdType         id_type,
             const char       *id_number,
             const char       *name,
             CstFaceCapture   *capture,
             GError          **error)
{
  if (!cst_face_verifier_is_available (self->face))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE));
      return FALSE;
    }

  if (!check_capture (capture, error))
    return FALSE;

  if (!cst_face_verifier_verify (self->face, id_type, id_number, name, capture, error))
    {
      /* Every failure of the verifier is a refusal the user sees. */
      if (error != NULL && *error != NULL && (*error)->domain != CST_AUTH_ERROR)
        {
          GError *other = g_steal_pointer (error);

          g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_FACE_REJECTED, 0, CST_FIELD_FACE));
          g_clear_error (&other);
        }
      return FALSE;
    }

  return TRUE;
}

static gboolean
cst_local_backend_send_code (CstAuthBackend  *backend,
                             const char      *phone,
                             CstCodePurpose   purpose,
                             gint            *resend_after,
                             GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();

  if (purpose != CST_CODE_PURPOSE_REGISTER && purpose != CST_CODE_PURPOSE_LOGIN)
    return wrong_step (error);

  if (!check_phone (phone, &normalized, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!person_by_phone (conn, normalized, &person, &local_error))
    goto out;

  if (purpose == CST_CODE_PURPOSE_REGISTER && person != NULL)
    {
      /* Registration must say so: the number cannot be used twice. */
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_PHONE_IN_USE, 0, CST_FIELD_PHONE));
      goto out;
    }

  /* LOGIN to an unknown phone: the same answer and limits, no message. */
  ok = issue_code (self, conn, normalized, purpose, 0,
                   purpose == CST_CODE_PURPOSE_REGISTER || person != NULL,
                   resend_after, &local_error);

out:
  ok = end_write (conn, ok, &local_error);

  /* …and the same time (the write lock is given back first). */
  if (purpose == CST_CODE_PURPOSE_LOGIN)
    {
      g_clear_pointer (&conn, _cst_local_conn_release);
      pad_failure (self, started);
    }

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
cst_local_backend_send_ticket_code (CstAuthBackend  *backend,
                                    const char      *ticket_token,
                                    gint            *resend_after,
                                    GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gboolean has_row = FALSE;
  gboolean ok = FALSE;
  CstCodePurpose purpose;

  if (!check_ticket_input (ticket_token, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  /* Either a reset or an enterprise ticket. */
  _cst_local_token_hash (ticket_token, hash);
  if (!(stmt = _cst_local_conn_prepare (conn, "SELECT kind FROM tickets WHERE hash = ?1", &local_error)))
    goto out;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  if (!_cst_local_step (conn, stmt, &has_row, &local_error))
    goto out;
  if (!has_row)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  switch (sqlite3_column_int (stmt, 0))
    {
    case TICKET_RESET:
      purpose = CST_CODE_PURPOSE_RESET;
      ticket = ticket_load (self, conn, ticket_token, TICKET_RESET, &local_error);
      if (ticket != NULL && ticket->state != RESET_BEGUN)
        {
          wrong_step (&local_error);
          goto out;
        }
      break;

    case TICKET_ENTERPRISE:
      purpose = CST_CODE_PURPOSE_ENTERPRISE;
      ticket = ticket_load (self, conn, ticket_token, TICKET_ENTERPRISE, &local_error);
      break;

    default:
      wrong_step (&local_error);
      goto out;
    }
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (ticket == NULL)
    goto out;

  if (!_cst_local_person_by_id (conn, ticket->person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  ok = issue_code (self, conn, person->phone, purpose, ticket->id, TRUE,
                   resend_after, &local_error);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  return finish_write (conn, ok, &local_error, error);
}

/* ---- registration ---- */

static char *
cst_local_backend_register_begin (CstAuthBackend  *backend,
                                  CstIdType        id_type,
                                  const char      *id_number,
                                  const char      *name,
                                  GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_id = NULL;
  g_autofree char *norm_name = NULL;
  Ticket ticket = { 0, };
  char *token = NULL;

  if (!check_id (self, id_type, id_number, &norm_id, error) ||
      !check_name (name, &norm_name, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!person_by_document (conn, id_type, norm_id, &person, &local_error))
    goto out;

  if (person != NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_ALREADY_REGISTERED, 0,
                                                           CST_FIELD_ID_NUMBER));
      goto out;
    }

  ticket.kind = TICKET_REGISTER;
  ticket.state = REGISTER_BEGUN;
  ticket.id_type = id_type;
  ticket.id_number = norm_id;
  ticket.name = norm_name;
  token = ticket_create (self, conn, &ticket, &local_error);

out:
  if (!end_write (conn, token != NULL, &local_error))
    {
      secret_free (token);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return token;
}

static gboolean
cst_local_backend_register_set_credentials (CstAuthBackend  *backend,
                                            const char      *ticket_token,
                                            const char      *password,
                                            const char      *phone,
                                            const char      *code,
                                            GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_phone = NULL;
  g_autoptr(CstSecret) norm_code = NULL;
  g_autofree char *hash = NULL;
  gboolean ok = FALSE;

  if (!check_ticket_input (ticket_token, error) ||
      !check_phone (phone, &norm_phone, error) ||
      !check_code (code, &norm_code, error) ||
      !check_password_input (password, CST_FIELD_PASSWORD, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_REGISTER, &local_error)))
    goto out;

  if (ticket->state != REGISTER_BEGUN && ticket->state != REGISTER_CREDENTIALS_SET)
    {
      wrong_step (&local_error);
      goto out;
    }

  if (!check_new_password (password, ticket->id_number, norm_phone, NULL, &local_error))
    goto out;

  if (!person_by_phone (conn, norm_phone, &person, &local_error))
    goto out;
  if (person != NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_PHONE_IN_USE, 0, CST_FIELD_PHONE));
      goto out;
    }

  if (!consume_code (self, conn, norm_phone, CST_CODE_PURPOSE_REGISTER, 0, norm_code, &local_error))
    goto out;

  if (!(hash = _cst_local_hash_password (self, password, &local_error)))
    goto out;

  g_free (ticket->phone);
  ticket->phone = g_steal_pointer (&norm_phone);
  g_free (ticket->password_hash);
  ticket->password_hash = g_steal_pointer (&hash);
  ticket->state = REGISTER_CREDENTIALS_SET;

  ok = ticket_save (self, conn, ticket, &local_error);

out:
  return finish_write (conn, ok, &local_error, error);
}

static CstSession *
cst_local_backend_register_complete (CstAuthBackend  *backend,
                                     const char      *ticket_token,
                                     CstFaceCapture  *capture,
                                     gboolean         remember,
                                     GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  CstSession *session = NULL;

  if (!check_ticket_input (ticket_token, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_REGISTER, &local_error)))
    goto out;

  if (ticket->state != REGISTER_CREDENTIALS_SET)
    {
      wrong_step (&local_error);
      goto out;
    }

  /* With face recognition switched off, the verified phone is the last
   * step (SPEC §1.8: the SMS path replaces every face path). */
  if (cst_face_verifier_is_available (self->face) &&
      !verify_face (self, ticket->id_type, ticket->id_number, ticket->name, capture, &local_error))
    goto out;

  /* Someone may have registered the ID or the phone since begin. */
  if (!person_by_document (conn, ticket->id_type, ticket->id_number, &person, &local_error))
    goto out;
  if (person != NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_ALREADY_REGISTERED, 0, CST_FIELD_ID_NUMBER));
      goto out;
    }
  if (!person_by_phone (conn, ticket->phone, &person, &local_error))
    goto out;
  if (person != NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_PHONE_IN_USE, 0, CST_FIELD_PHONE));
      goto out;
    }

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO persons (id_type, id_number, name, phone, "
                                        "password_hash, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                        &local_error)))
    goto out;
  _cst_local_bind_int64 (stmt, 1, ticket->id_type);
  _cst_local_bind_text (stmt, 2, ticket->id_number);
  _cst_local_bind_text (stmt, 3, ticket->name);
  _cst_local_bind_text (stmt, 4, ticket->phone);
  _cst_local_bind_text (stmt, 5, ticket->password_hash);
  _cst_local_bind_int64 (stmt, 6, _cst_local_backend_now (self));
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto out;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (!_cst_local_person_by_id (conn, _cst_local_conn_last_insert_id (conn), &person, &local_error) ||
      person == NULL)
    goto out;

  if (!ticket_delete (conn, ticket, &local_error) ||
      !_cst_local_audit (self, conn, person->id, "registered", NULL, &local_error))
    goto out;

  session = session_issue (self, conn, person, NULL, CST_ROLE_NONE,
                           CST_LOGIN_METHOD_REGISTRATION, remember, 0, &local_error);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      if (local_error == NULL)
        _cst_local_set_storage_error (&local_error, _cst_local_conn_get_db (conn), "register");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

/* ---- personal logins ---- */

static CstSession *
cst_local_backend_login_password (CstAuthBackend  *backend,
                                  const char      *account,
                                  const char      *password,
                                  gboolean         remember,
                                  GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  CstAccountKind kind;
  CstSession *session = NULL;
  gint64 started = g_get_monotonic_time ();

  if (!check_account_input (account, error) ||
      !check_password_input (password, CST_FIELD_PASSWORD, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!_cst_local_find_account (conn, account, &kind, &normalized, &person, &local_error))
    goto out;

  key = account_key (kind, normalized);
  if (!check_password (self, conn, person, key, password, &local_error))
    goto out;

  session = session_issue (self, conn, person, NULL, CST_ROLE_NONE,
                           CST_LOGIN_METHOD_PASSWORD, remember, 0, &local_error);

out:
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      g_clear_pointer (&conn, _cst_local_conn_release);
      pad_failure (self, started);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

static CstSession *
cst_local_backend_login_sms (CstAuthBackend  *backend,
                             const char      *phone,
                             const char      *code,
                             gboolean         remember,
                             GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_phone = NULL;
  g_autoptr(CstSecret) norm_code = NULL;
  CstSession *session = NULL;
  gint64 started = g_get_monotonic_time ();

  if (!check_phone (phone, &norm_phone, error) ||
      !check_code (code, &norm_code, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  /* The code first, so an unknown phone costs tries like a known one. */
  if (!consume_code (self, conn, norm_phone, CST_CODE_PURPOSE_LOGIN, 0, norm_code, &local_error))
    goto out;

  if (!person_by_phone (conn, norm_phone, &person, &local_error))
    goto out;

  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CODE_INVALID, 0, CST_FIELD_CODE));
      goto out;
    }

  session = session_issue (self, conn, person, NULL, CST_ROLE_NONE,
                           CST_LOGIN_METHOD_SMS, remember, 0, &local_error);

out:
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      g_clear_pointer (&conn, _cst_local_conn_release);
      pad_failure (self, started);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

static CstSession *
cst_local_backend_login_face (CstAuthBackend  *backend,
                              CstIdType        id_type,
                              const char      *id_number,
                              CstFaceCapture  *capture,
                              gboolean         remember,
                              GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_id = NULL;
  CstSession *session = NULL;

  if (!cst_face_verifier_is_available (self->face))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE));
      return NULL;
    }

  if (!check_id (self, id_type, id_number, &norm_id, error) ||
      !check_capture (capture, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!person_by_document (conn, id_type, norm_id, &person, &local_error))
    goto out;

  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_NOT_REGISTERED, 0, CST_FIELD_ID_NUMBER));
      goto out;
    }

  if (!verify_face (self, person->id_type, person->id_number, person->name, capture, &local_error))
    goto out;

  session = session_issue (self, conn, person, NULL, CST_ROLE_NONE,
                           CST_LOGIN_METHOD_FACE, remember, 0, &local_error);

out:
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

static CstSession *
cst_local_backend_login_device (CstAuthBackend     *backend,
                                CstCredentialKind   kind,
                                const char         *credential,
                                GError            **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gboolean has_row = FALSE;
  CstSession *session = NULL;
  gint64 person_id;

  if (kind != CST_CREDENTIAL_KIND_FINGERPRINT && kind != CST_CREDENTIAL_KIND_FACE)
    {
      set_invalid (error, NULL, _("This is not a quick-login credential"));
      return NULL;
    }

  if (!_cst_local_check_text (credential, CST_LOCAL_MAX_TEXT_BYTES, NULL, NULL))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      return NULL;
    }

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  _cst_local_token_hash (credential, hash);
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT person_id FROM device_credentials "
                                        "WHERE token_hash = ?1 AND kind = ?2 AND revoked = 0",
                                        &local_error)))
    goto out;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  _cst_local_bind_int64 (stmt, 2, kind);
  if (!_cst_local_step (conn, stmt, &has_row, &local_error))
    goto out;
  if (!has_row)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      goto out;
    }
  person_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (!_cst_local_person_by_id (conn, person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      goto out;
    }

  session = session_issue (self, conn, person, NULL, CST_ROLE_NONE,
                           kind == CST_CREDENTIAL_KIND_FINGERPRINT
                           ? CST_LOGIN_METHOD_FINGERPRINT : CST_LOGIN_METHOD_DEVICE_FACE,
                           FALSE, 0, &local_error);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

/* ---- enterprise login ---- */

static gboolean
load_roles (CstLocalConn  *conn,
            gint64         person_id,
            gint64         enterprise_id,
            GArray        *roles,
            GError       **error)
{
  g_autoptr(CstLocalStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT role FROM memberships "
                                        "WHERE person_id = ?1 AND enterprise_id = ?2 ORDER BY role",
                                        error)))
    return FALSE;
  _cst_local_bind_int64 (stmt, 1, person_id);
  _cst_local_bind_int64 (stmt, 2, enterprise_id);

  while (_cst_local_step (conn, stmt, &has_row, error))
    {
      CstRole role;

      if (!has_row)
        return TRUE;

      role = sqlite3_column_int (stmt, 0);
      g_array_append_val (roles, role);
    }

  return FALSE;
}

static CstEnterpriseChallenge *
cst_local_backend_enterprise_begin (CstAuthBackend  *backend,
                                    const char      *enterprise_code,
                                    const char      *account,
                                    const char      *password,
                                    GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (CstRole));
  g_autofree char *norm_code = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  g_auto(Enterprise) enterprise = { 0, };
  CstEnterpriseChallenge *challenge = NULL;
  CstAccountKind kind;
  Ticket ticket = { 0, };
  gboolean found = FALSE;
  gint64 started = g_get_monotonic_time ();

  if (!check_enterprise_code (enterprise_code, &norm_code, error) ||
      !check_account_input (account, error) ||
      !check_password_input (password, CST_FIELD_PASSWORD, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  /* Which enterprises exist is public (the USCC register); which people
   * have accounts is not, so the enterprise is checked first. */
  if (!enterprise_by (conn, norm_code, 0, &enterprise, &found, &local_error))
    goto out;
  if (!found)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_ENTERPRISE_UNKNOWN, 0,
                                                           CST_FIELD_ENTERPRISE));
      goto out;
    }

  if (!_cst_local_find_account (conn, account, &kind, &normalized, &person, &local_error))
    goto out;

  /* An unknown account is refused like a wrong password (no enumeration). */
  key = account_key (kind, normalized);
  if (!check_password (self, conn, person, key, password, &local_error))
    goto out;

  if (!load_roles (conn, person->id, enterprise.id, roles, &local_error))
    goto out;
  if (roles->len == 0)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_NOT_LINKED, 0,
                                                           CST_FIELD_ENTERPRISE));
      goto out;
    }

  ticket.kind = TICKET_ENTERPRISE;
  ticket.state = ENTERPRISE_PASSWORD_OK;
  ticket.person_id = person->id;
  ticket.enterprise_id = enterprise.id;

  challenge = g_new0 (CstEnterpriseChallenge, 1);
  challenge->ticket = ticket_create (self, conn, &ticket, &local_error);
  if (challenge->ticket == NULL)
    {
      g_clear_pointer (&challenge, cst_enterprise_challenge_free);
      goto out;
    }

  challenge->enterprise_code = g_strdup (enterprise.code);
  challenge->enterprise_name = g_strdup (enterprise.name);
  challenge->n_roles = roles->len;
  challenge->roles = (CstRole *) (gpointer) g_array_free (g_steal_pointer (&roles), FALSE);
  challenge->masked_phone = cst_mask_phone (person->phone);
  challenge->expires = ticket.expires * G_USEC_PER_SEC;

out:
  if (!end_write (conn, challenge != NULL, &local_error))
    {
      g_clear_pointer (&challenge, cst_enterprise_challenge_free);
      g_clear_pointer (&conn, _cst_local_conn_release);
      if (g_error_matches (local_error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS) ||
          g_error_matches (local_error, CST_AUTH_ERROR, CST_AUTH_ERROR_LOCKED))
        pad_failure (self, started);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return challenge;
}

typedef enum {
  SECOND_FACTOR_SMS,
  SECOND_FACTOR_FACE,
} SecondFactor;

static CstSession *
enterprise_complete (CstLocalBackend  *self,
                     const char       *ticket_token,
                     CstRole           role,
                     SecondFactor      factor,
                     const char       *code,
                     CstFaceCapture   *capture,
                     GError          **error)
{
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (CstRole));
  g_autoptr(CstSecret) norm_code = NULL;
  g_auto(Enterprise) enterprise = { 0, };
  CstSession *session = NULL;
  gboolean found = FALSE;
  gboolean has_role = FALSE;

  if (!check_ticket_input (ticket_token, error))
    return NULL;

  if (factor == SECOND_FACTOR_SMS && !check_code (code, &norm_code, error))
    return NULL;

  if (factor == SECOND_FACTOR_FACE && !cst_face_verifier_is_available (self->face))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE));
      return NULL;
    }

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_ENTERPRISE, &local_error)))
    goto out;

  if (!_cst_local_person_by_id (conn, ticket->person_id, &person, &local_error) ||
      !enterprise_by (conn, NULL, ticket->enterprise_id, &enterprise, &found, &local_error))
    goto out;
  if (person == NULL || !found)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  /* The role must be one the person holds now (an admin may have
   * unlinked them since the password step). */
  if (!load_roles (conn, person->id, enterprise.id, roles, &local_error))
    goto out;
  for (guint i = 0; i < roles->len; i++)
    has_role |= g_array_index (roles, CstRole, i) == role;
  if (!has_role)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_NOT_LINKED, 0,
                                                           CST_FIELD_ENTERPRISE));
      goto out;
    }

  if (factor == SECOND_FACTOR_SMS)
    {
      if (!consume_code (self, conn, person->phone, CST_CODE_PURPOSE_ENTERPRISE,
                         ticket->id, norm_code, &local_error))
        goto out;
    }
  else if (!verify_face (self, person->id_type, person->id_number, person->name,
                         capture, &local_error))
    goto out;

  if (!ticket_delete (conn, ticket, &local_error))
    goto out;

  session = session_issue (self, conn, person, &enterprise, role,
                           factor == SECOND_FACTOR_SMS
                           ? CST_LOGIN_METHOD_ENTERPRISE_SMS : CST_LOGIN_METHOD_ENTERPRISE_FACE,
                           FALSE, 0, &local_error);

out:
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

static CstSession *
cst_local_backend_enterprise_complete_sms (CstAuthBackend  *backend,
                                           const char      *ticket,
                                           CstRole          role,
                                           const char      *code,
                                           GError         **error)
{
  return enterprise_complete (CST_LOCAL_BACKEND (backend), ticket, role,
                              SECOND_FACTOR_SMS, code, NULL, error);
}

static CstSession *
cst_local_backend_enterprise_complete_face (CstAuthBackend  *backend,
                                            const char      *ticket,
                                            CstRole          role,
                                            CstFaceCapture  *capture,
                                            GError         **error)
{
  return enterprise_complete (CST_LOCAL_BACKEND (backend), ticket, role,
                              SECOND_FACTOR_FACE, NULL, capture, error);
}

/* ---- reset ---- */

static CstResetChallenge *
cst_local_backend_reset_begin (CstAuthBackend  *backend,
                               CstIdType        id_type,
                               const char      *id_number,
                               GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_id = NULL;
  CstResetChallenge *challenge = NULL;
  Ticket ticket = { 0, };

  if (!check_id (self, id_type, id_number, &norm_id, error))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!person_by_document (conn, id_type, norm_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_NOT_REGISTERED, 0,
                                                           CST_FIELD_ID_NUMBER));
      goto out;
    }

  ticket.kind = TICKET_RESET;
  ticket.state = RESET_BEGUN;
  ticket.person_id = person->id;

  challenge = g_new0 (CstResetChallenge, 1);
  challenge->ticket = ticket_create (self, conn, &ticket, &local_error);
  if (challenge->ticket == NULL)
    {
      g_clear_pointer (&challenge, cst_reset_challenge_free);
      goto out;
    }
  challenge->masked_phone = cst_mask_phone (person->phone);
  challenge->expires = ticket.expires * G_USEC_PER_SEC;

out:
  if (!end_write (conn, challenge != NULL, &local_error))
    {
      g_clear_pointer (&challenge, cst_reset_challenge_free);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return challenge;
}

static gboolean
cst_local_backend_reset_verify_code (CstAuthBackend  *backend,
                                     const char      *ticket_token,
                                     const char      *code,
                                     GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CstSecret) norm_code = NULL;
  gboolean ok = FALSE;

  if (!check_ticket_input (ticket_token, error) ||
      !check_code (code, &norm_code, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_RESET, &local_error)))
    goto out;
  if (ticket->state != RESET_BEGUN)
    {
      wrong_step (&local_error);
      goto out;
    }

  if (!_cst_local_person_by_id (conn, ticket->person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  if (!consume_code (self, conn, person->phone, CST_CODE_PURPOSE_RESET, ticket->id,
                     norm_code, &local_error))
    goto out;

  ticket->state = RESET_VERIFIED;
  ok = ticket_save (self, conn, ticket, &local_error);

out:
  return finish_write (conn, ok, &local_error, error);
}

static gboolean
cst_local_backend_reset_verify_face (CstAuthBackend  *backend,
                                     const char      *ticket_token,
                                     CstFaceCapture  *capture,
                                     GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  if (!cst_face_verifier_is_available (self->face))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE));
      return FALSE;
    }

  if (!check_ticket_input (ticket_token, error) ||
      !check_capture (capture, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_RESET, &local_error)))
    goto out;
  if (ticket->state != RESET_BEGUN)
    {
      wrong_step (&local_error);
      goto out;
    }

  if (!_cst_local_person_by_id (conn, ticket->person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  if (!verify_face (self, person->id_type, person->id_number, person->name, capture, &local_error))
    goto out;

  ticket->state = RESET_FACE_VERIFIED;
  ok = ticket_save (self, conn, ticket, &local_error);

out:
  return finish_write (conn, ok, &local_error, error);
}

static gboolean
cst_local_backend_reset_send_new_phone_code (CstAuthBackend  *backend,
                                             const char      *ticket_token,
                                             const char      *new_phone,
                                             gint            *resend_after,
                                             GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) holder = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_phone = NULL;
  gboolean ok = FALSE;

  if (!check_ticket_input (ticket_token, error) ||
      !check_phone (new_phone, &norm_phone, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_RESET, &local_error)))
    goto out;
  if (ticket->state != RESET_FACE_VERIFIED && ticket->state != RESET_NEW_PHONE_SENT)
    {
      wrong_step (&local_error);
      goto out;
    }

  if (!person_by_phone (conn, norm_phone, &holder, &local_error))
    goto out;
  if (holder != NULL && holder->id != ticket->person_id)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_PHONE_IN_USE, 0, CST_FIELD_PHONE));
      goto out;
    }

  if (!issue_code (self, conn, norm_phone, CST_CODE_PURPOSE_CHANGE_PHONE, ticket->id, TRUE,
                   resend_after, &local_error))
    goto out;

  g_free (ticket->phone);
  ticket->phone = g_steal_pointer (&norm_phone);
  ticket->state = RESET_NEW_PHONE_SENT;
  ok = ticket_save (self, conn, ticket, &local_error);

out:
  return finish_write (conn, ok, &local_error, error);
}

static gboolean
cst_local_backend_reset_verify_new_phone (CstAuthBackend  *backend,
                                          const char      *ticket_token,
                                          const char      *new_phone,
                                          const char      *code,
                                          GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *norm_phone = NULL;
  g_autoptr(CstSecret) norm_code = NULL;
  gboolean ok = FALSE;

  if (!check_ticket_input (ticket_token, error) ||
      !check_phone (new_phone, &norm_phone, error) ||
      !check_code (code, &norm_code, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_RESET, &local_error)))
    goto out;
  if (ticket->state != RESET_NEW_PHONE_SENT)
    {
      wrong_step (&local_error);
      goto out;
    }

  /* The code went to the number stored with the ticket; another number
   * has no code. */
  if (g_strcmp0 (ticket->phone, norm_phone) != 0)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CODE_INVALID, 0, CST_FIELD_CODE));
      goto out;
    }

  if (!consume_code (self, conn, norm_phone, CST_CODE_PURPOSE_CHANGE_PHONE, ticket->id,
                     norm_code, &local_error))
    goto out;

  ticket->state = RESET_NEW_PHONE_VERIFIED;
  ok = ticket_save (self, conn, ticket, &local_error);

out:
  return finish_write (conn, ok, &local_error, error);
}

static gboolean
cst_local_backend_reset_complete (CstAuthBackend  *backend,
                                  const char      *ticket_token,
                                  const char      *new_password,
                                  GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(CstLocalPerson) holder = NULL;
  g_autoptr(Ticket) ticket = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  const char *phone;
  gboolean ok = FALSE;

  if (!check_ticket_input (ticket_token, error) ||
      !check_password_input (new_password, CST_FIELD_PASSWORD, error))
    return FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!(ticket = ticket_load (self, conn, ticket_token, TICKET_RESET, &local_error)))
    goto out;
  if (ticket->state != RESET_VERIFIED && ticket->state != RESET_NEW_PHONE_VERIFIED)
    {
      wrong_step (&local_error);
      goto out;
    }

  if (!_cst_local_person_by_id (conn, ticket->person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  phone = ticket->state == RESET_NEW_PHONE_VERIFIED ? ticket->phone : person->phone;

  if (!check_new_password (new_password, person->id_number, phone, person->username, &local_error))
    goto out;

  if (ticket->state == RESET_NEW_PHONE_VERIFIED)
    {
      if (!person_by_phone (conn, phone, &holder, &local_error))
        goto out;
      if (holder != NULL && holder->id != person->id)
        {
          g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_PHONE_IN_USE, 0, CST_FIELD_PHONE));
          goto out;
        }
    }

  if (!(hash = _cst_local_hash_password (self, new_password, &local_error)))
    goto out;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "UPDATE persons SET password_hash = ?2, phone = ?3, "
                                        "failed_attempts = 0, locked_until = 0 WHERE id = ?1",
                                        &local_error)))
    goto out;
  _cst_local_bind_int64 (stmt, 1, person->id);
  _cst_local_bind_text (stmt, 2, hash);
  _cst_local_bind_text (stmt, 3, phone);
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto out;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (!revoke_everything (conn, person->id, &local_error) ||
      !ticket_delete (conn, ticket, &local_error) ||
      !_cst_local_audit (self, conn, person->id, "password-reset",
                         ticket->state == RESET_NEW_PHONE_VERIFIED ? "phone-changed" : NULL,
                         &local_error))
    goto out;

  ok = TRUE;

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  return finish_write (conn, ok, &local_error, error);
}

/* ---- quick-login credentials ---- */

static char *
cst_local_backend_device_credential_issue (CstAuthBackend     *backend,
                                           const char         *session_token,
                                           const char         *password,
                                           CstCredentialKind   kind,
                                           const char         *device_name,
                                           GError            **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  SessionRow row;
  char *token = NULL;
  gint64 started = g_get_monotonic_time ();

  if (kind != CST_CREDENTIAL_KIND_FINGERPRINT && kind != CST_CREDENTIAL_KIND_FACE)
    {
      set_invalid (error, NULL, _("This is not a quick-login credential"));
      return NULL;
    }

  if (device_name == NULL)
    device_name = "";
  if (!check_password_input (password, CST_FIELD_PASSWORD, error) ||
      (device_name[0] != '\0' &&
       !_cst_local_check_text (device_name, CST_LOCAL_MAX_TEXT_BYTES, NULL, error)))
    return NULL;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  if (!session_find (self, conn, session_token, &row, &local_error))
    goto out;

  if (!_cst_local_person_by_id (conn, row.person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_NOT_LOGGED_IN, 0, NULL));
      goto out;
    }

  /* The password again, under the same lockout as a login. */
  if (!check_password (self, conn, person, NULL, password, &local_error))
    goto out;

  /* One credential per person, device and kind: a new one replaces it. */
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "UPDATE device_credentials SET revoked = 1 "
                                        "WHERE person_id = ?1 AND kind = ?2 AND device_name = ?3 "
                                        "AND revoked = 0",
                                        &local_error)))
    goto out;
  _cst_local_bind_int64 (stmt, 1, person->id);
  _cst_local_bind_int64 (stmt, 2, kind);
  _cst_local_bind_text (stmt, 3, device_name);
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto out;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  token = _cst_local_token_new ();
  _cst_local_token_hash (token, hash);

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "INSERT INTO device_credentials (token_hash, person_id, kind, "
                                        "device_name, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                                        &local_error)))
    goto fail;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  _cst_local_bind_int64 (stmt, 2, person->id);
  _cst_local_bind_int64 (stmt, 3, kind);
  _cst_local_bind_text (stmt, 4, device_name);
  _cst_local_bind_int64 (stmt, 5, _cst_local_backend_now (self));
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto fail;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (!_cst_local_audit (self, conn, person->id, "device-credential-issued",
                         cst_credential_kind_to_string (kind), &local_error))
    goto fail;

  goto out;

fail:
  g_clear_pointer (&token, secret_free);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  if (!end_write (conn, token != NULL, &local_error))
    {
      g_clear_pointer (&token, secret_free);
      g_clear_pointer (&conn, _cst_local_conn_release);
      if (g_error_matches (local_error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS))
        pad_failure (self, started);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return token;
}

static gboolean
cst_local_backend_device_credential_revoke (CstAuthBackend     *backend,
                                            const char         *session_token,
                                            CstCredentialKind   kind,
                                            GError            **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  SessionRow row;
  gboolean ok = FALSE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  if (!session_find (self, conn, session_token, &row, &local_error))
    goto out;

  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "UPDATE device_credentials SET revoked = 1 "
                                        "WHERE person_id = ?1 AND kind = ?2 AND revoked = 0",
                                        &local_error)))
    goto out;
  _cst_local_bind_int64 (stmt, 1, row.person_id);
  _cst_local_bind_int64 (stmt, 2, kind);
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto out;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  ok = _cst_local_audit (self, conn, row.person_id, "device-credential-revoked",
                         cst_credential_kind_to_string (kind), &local_error);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  return finish_write (conn, ok, &local_error, error);
}

/* ---- sessions ---- */

static gboolean
revoke_chain (CstLocalConn  *conn,
              gint64         chain,
              GError       **error)
{
  static const char * const sql[] = {
    "UPDATE sessions SET revoked = 1 WHERE id IN "
    "(SELECT session_id FROM refresh_tokens WHERE chain = ?1)",
    "UPDATE refresh_tokens SET revoked = 1 WHERE chain = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(CstLocalStmt) stmt = NULL;

      if (!(stmt = _cst_local_conn_prepare (conn, sql[i], error)))
        return FALSE;
      _cst_local_bind_int64 (stmt, 1, chain);
      if (!_cst_local_exec_stmt (conn, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static CstSession *
cst_local_backend_session_refresh (CstAuthBackend  *backend,
                                   const char      *refresh_token,
                                   GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalStmt) stmt = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  gboolean has_row = FALSE;
  CstSession *session = NULL;
  gint64 id, person_id, chain, expires;
  gboolean rotated, revoked;

  if (!_cst_local_check_text (refresh_token, CST_LOCAL_MAX_TEXT_BYTES, NULL, NULL))
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      return NULL;
    }

  if (!(conn = _cst_local_backend_begin (self, error)))
    return NULL;

  _cst_local_token_hash (refresh_token, hash);
  if (!(stmt = _cst_local_conn_prepare (conn,
                                        "SELECT id, person_id, chain, expires, rotated, revoked "
                                        "FROM refresh_tokens WHERE token_hash = ?1",
                                        &local_error)))
    goto out;
  _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
  if (!_cst_local_step (conn, stmt, &has_row, &local_error))
    goto out;
  if (!has_row)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      goto out;
    }
  id = sqlite3_column_int64 (stmt, 0);
  person_id = sqlite3_column_int64 (stmt, 1);
  chain = sqlite3_column_int64 (stmt, 2);
  expires = sqlite3_column_int64 (stmt, 3);
  rotated = sqlite3_column_int (stmt, 4) != 0;
  revoked = sqlite3_column_int (stmt, 5) != 0;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  if (rotated && !revoked)
    {
      /* A token that was already exchanged is back: one of its two
       * holders is not the user (it was copied). We cannot tell which,
       * so the whole chain dies — every refresh token descended from the
       * same login and the sessions they opened — and the user signs in
       * again. */
      if (revoke_chain (conn, chain, &local_error) &&
          _cst_local_audit (self, conn, person_id, "refresh-token-reused", NULL, &local_error))
        g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      goto out;
    }

  if (revoked || rotated)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      goto out;
    }

  if (expires <= _cst_local_backend_now (self))
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_EXPIRED, 0, NULL));
      goto out;
    }

  if (!_cst_local_person_by_id (conn, person_id, &person, &local_error))
    goto out;
  if (person == NULL)
    {
      g_propagate_error (&local_error, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      goto out;
    }

  if (!(stmt = _cst_local_conn_prepare (conn, "UPDATE refresh_tokens SET rotated = 1 WHERE id = ?1",
                                        &local_error)))
    goto out;
  _cst_local_bind_int64 (stmt, 1, id);
  if (!_cst_local_exec_stmt (conn, stmt, &local_error))
    goto out;
  g_clear_pointer (&stmt, _cst_local_stmt_release);

  session = session_issue (self, conn, person, NULL, CST_ROLE_NONE,
                           CST_LOGIN_METHOD_REFRESH, TRUE, chain, &local_error);

out:
  g_clear_pointer (&stmt, _cst_local_stmt_release);
  if (!end_write (conn, session != NULL, &local_error))
    {
      g_clear_object (&session);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return session;
}

static CstSession *
cst_local_backend_session_lookup (CstAuthBackend  *backend,
                                  const char      *session_token,
                                  GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(CstLocalPerson) person = NULL;
  g_auto(Enterprise) enterprise = { 0, };
  SessionRow row;
  gboolean found = FALSE;

  /* Read only: no transaction, WAL gives a consistent snapshot per
   * statement and nothing here depends on two reads agreeing. */
  if (!(conn = _cst_local_conn_acquire (self->pool, error)))
    return NULL;

  if (!session_find (self, conn, session_token, &row, error))
    return NULL;

  if (!_cst_local_person_by_id (conn, row.person_id, &person, error))
    return NULL;
  if (person == NULL)
    {
      g_propagate_error (error, cst_auth_error_new (CST_AUTH_ERROR_NOT_LOGGED_IN, 0, NULL));
      return NULL;
    }

  if (row.enterprise_id > 0 &&
      !enterprise_by (conn, NULL, row.enterprise_id, &enterprise, &found, error))
    return NULL;

  return session_new (person, found ? &enterprise : NULL, row.role, row.method,
                      session_token, NULL, row.expires);
}

static gboolean
cst_local_backend_logout (CstAuthBackend  *backend,
                          const char      *session_token,
                          GError         **error)
{
  CstLocalBackend *self = CST_LOCAL_BACKEND (backend);
  g_autoptr(CstLocalConn) conn = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 hash[CST_LOCAL_HASH_BYTES];
  static const char * const sql[] = {
    /* The refresh chain that this session belongs to ends with it. */
    "UPDATE refresh_tokens SET revoked = 1 WHERE chain IN "
    "(SELECT chain FROM refresh_tokens WHERE session_id = "
    " (SELECT id FROM sessions WHERE token_hash = ?1))",
    "UPDATE sessions SET revoked = 1 WHERE token_hash = ?1",
  };
  gboolean ok = TRUE;

  /* Ending a session that does not exist (any more) is not an error. */
  if (!_cst_local_check_text (session_token, CST_LOCAL_MAX_TEXT_BYTES, NULL, NULL))
    return TRUE;

  if (!(conn = _cst_local_backend_begin (self, error)))
    return FALSE;

  _cst_local_token_hash (session_token, hash);
  for (guint i = 0; ok && i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(CstLocalStmt) stmt = NULL;

      ok = (stmt = _cst_local_conn_prepare (conn, sql[i], &local_error)) != NULL;
      if (ok)
        {
          _cst_local_bind_blob (stmt, 1, hash, sizeof hash);
          ok = _cst_local_exec_stmt (conn, stmt, &local_error);
        }
    }

  return finish_write (conn, ok, &local_error, error);
}

static void
cst_local_backend_iface_init (CstAuthBackendInterface *iface)
{
  iface->face_available = cst_local_backend_face_available;
  iface->face_simulated = cst_local_backend_face_simulated;
  iface->send_code = cst_local_backend_send_code;
  iface->send_ticket_code = cst_local_backend_send_ticket_code;
  iface->register_begin = cst_local_backend_register_begin;
  iface->register_set_credentials = cst_local_backend_register_set_credentials;
  iface->register_complete = cst_local_backend_register_complete;
  iface->login_password = cst_local_backend_login_password;
  iface->login_sms = cst_local_backend_login_sms;
  iface->login_face = cst_local_backend_login_face;
  iface->login_device = cst_local_backend_login_device;
  iface->enterprise_begin = cst_local_backend_enterprise_begin;
  iface->enterprise_complete_sms = cst_local_backend_enterprise_complete_sms;
  iface->enterprise_complete_face = cst_local_backend_enterprise_complete_face;
  iface->reset_begin = cst_local_backend_reset_begin;
  iface->reset_verify_code = cst_local_backend_reset_verify_code;
  iface->reset_verify_face = cst_local_backend_reset_verify_face;
  iface->reset_send_new_phone_code = cst_local_backend_reset_send_new_phone_code;
  iface->reset_verify_new_phone = cst_local_backend_reset_verify_new_phone;
  iface->reset_complete = cst_local_backend_reset_complete;
  iface->device_credential_issue = cst_local_backend_device_credential_issue;
  iface->device_credential_revoke = cst_local_backend_device_credential_revoke;
  iface->session_refresh = cst_local_backend_session_refresh;
  iface->session_lookup = cst_local_backend_session_lookup;
  iface->logout = cst_local_backend_logout;
}
