/* cst-auth-service.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-auth-service"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "cst-auth-service.h"

/*
 * How a call runs
 * ---------------
 * Each public _async creates the caller's GTask (the "call") with a
 * CallData that owns copies of the inputs; secrets among them are wiped
 * when the call is freed. The backend runs in a second, inner GTask in a
 * worker thread (run_backend()), which writes its outcome into the
 * CallData and completes on the caller's main context. There a step
 * function applies what changes client state (the session, the keyring)
 * and only then completes the call, so "notify::session" and friends
 * always fire on the caller's thread before its callback runs.
 *
 * Cancellation: a call cancelled before its backend request, or while a
 * query or login is in flight, finishes with G_IO_ERROR_CANCELLED and
 * leaves no trace (a session created meanwhile is ended on the server).
 * Calls whose effect on the server cannot be undone (restore rotates the
 * refresh token; logout, reset, quick-login changes) are committed once
 * the backend has answered: their client-side bookkeeping completes even
 * if cancelled, so the device never keeps a stale secret.
 */

struct _CstAuthService
{
  GObject             parent_instance;

  /* owned */
  CstAuthBackend     *backend;
  CstCredentialStore *store;
  CstSession         *session;
  GCancellable       *cancellable;      /* internal queries; cancelled in dispose */
  GHashTable         *reset_accounts;   /* reset ticket (secret) → normalised ID number */

  guint               n_running;
  guint               face_available : 1;
  guint               face_simulated : 1;
  guint               keyring_available : 1;
};

G_DEFINE_FINAL_TYPE (CstAuthService, cst_auth_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BACKEND,
  PROP_CREDENTIAL_STORE,
  PROP_SESSION,
  PROP_FACE_AVAILABLE,
  PROP_FACE_SIMULATED,
  PROP_KEYRING_AVAILABLE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Forgotten reset tickets (abandoned wizards) are dropped beyond this. */
#define MAX_RESET_TICKETS 16

static void
wipe_free (gpointer data)
{
  char *secret = data;

  if (secret != NULL)
    {
      sodium_memzero (secret, strlen (secret));
      g_free (secret);
    }
}

/* ---- state ---- */

static void
set_session (CstAuthService *self,
             CstSession     *session)
{
  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
set_keyring_available (CstAuthService *self,
                       gboolean        available)
{
  available = !!available;

  if (self->keyring_available != available)
    {
      self->keyring_available = available;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_AVAILABLE]);
    }
}

static void
set_face (CstAuthService *self,
          gboolean        available,
          gboolean        simulated)
{
  available = !!available;
  simulated = !!simulated;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->face_available != available)
    {
      self->face_available = available;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACE_AVAILABLE]);
    }

  if (self->face_simulated != simulated)
    {
      self->face_simulated = simulated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACE_SIMULATED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* What the outcome of a keyring call says about the keyring. */
static void
note_store_result (CstAuthService *self,
                   const GError   *error)
{
  if (error == NULL)
    set_keyring_available (self, TRUE);
  else if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE))
    set_keyring_available (self, FALSE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Credential store failed: %s", error->message);
}

/* What the outcome of a backend call says about the service. */
static void
note_backend_error (CstAuthService *self,
                    const GError   *error)
{
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE))
    set_face (self, FALSE, self->face_simulated);
}

/* The server no longer accepts a remembered secret or a session. */
static gboolean
is_revoked_error (const GError *error)
{
  return g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CREDENTIAL_REVOKED) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_EXPIRED) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_NOT_LOGGED_IN) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_NOT_REGISTERED);
}

/* ---- calls ---- */

typedef struct _CallData CallData;
typedef void (*WorkerFunc) (CallData *data);
typedef void (*StepFunc)   (CstAuthService *self,
                            GTask          *task);

struct _CallData
{
  CstAuthBackend         *backend;     /* for the worker: the service is not thread-safe */
  WorkerFunc              worker;
  CstSession             *previous;    /* the session when the call began */
  CstFaceCapture         *capture;

  /* inputs; the secret ones are wiped */
  char                   *ticket;
  char                   *password;
  char                   *code;
  char                   *secret;      /* refresh token / device credential */
  char                   *account;
  char                   *phone;
  char                   *id_number;
  char                   *name;
  char                   *enterprise_code;
  CstCredentialKind       kind;
  CstIdType               id_type;
  CstCodePurpose          purpose;
  CstRole                 role;

  /* outcome */
  GError                 *error;       /* of the backend */
  GError                 *saved_error; /* to report after cleaning up */
  CstSession             *session;
  CstEnterpriseChallenge *enterprise;
  CstResetChallenge      *reset;
  char                   *result;      /* a ticket or device credential: secret */
  gint                    resend_after;
  guint                   pending;     /* keyring calls still running */

  guint                   remember : 1;
  guint                   commit : 1;  /* see "Cancellation" above */
  guint                   revoked : 1;
};

static void
call_data_free (gpointer ptr)
{
  CallData *data = ptr;

  g_clear_object (&data->backend);
  g_clear_object (&data->previous);
  g_clear_pointer (&data->capture, cst_face_capture_unref);
  wipe_free (data->ticket);
  wipe_free (data->password);
  wipe_free (data->code);
  wipe_free (data->secret);
  wipe_free (data->result);
  g_free (data->account);
  g_free (data->phone);
  g_free (data->id_number);
  g_free (data->name);
  g_free (data->enterprise_code);
  g_clear_error (&data->error);
  g_clear_error (&data->saved_error);
  g_clear_object (&data->session);
  g_clear_pointer (&data->enterprise, cst_enterprise_challenge_free);
  g_clear_pointer (&data->reset, cst_reset_challenge_free);
  g_free (data);
}

static GTask *
call_new (CstAuthService       *self,
          gpointer              source_tag,
          const char           *name,
          GCancellable         *cancellable,
          GAsyncReadyCallback   callback,
          gpointer              user_data,
          CallData            **out_data)
{
  GTask *task;
  CallData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  /* Cancellation is decided where it makes sense, see above. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (CallData, 1);
  data->backend = g_object_ref (self->backend);
  if (self->session != NULL)
    data->previous = g_object_ref (self->session);
  g_task_set_task_data (task, data, call_data_free);

  if (self->n_running++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  *out_data = data;

  return task;
}

/* Every call ends through one of these, on the caller's main context;
 * "busy" drops before the caller's callback runs. */
static void
call_end (GTask *task)
{
  CstAuthService *self = g_task_get_source_object (task);

  g_assert (self->n_running > 0);

  if (--self->n_running == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
call_return_boolean (GTask    *task,
                     gboolean  value)
{
  call_end (task);
  g_task_return_boolean (task, value);
}

static void
call_return_pointer (GTask          *task,
                     gpointer        result,
                     GDestroyNotify  result_destroy)
{
  call_end (task);
  g_task_return_pointer (task, result, result_destroy);
}

static void
call_return_error (GTask  *task,
                   GError *error)
{
  call_end (task);
  g_task_return_error (task, error);
}

/* The backend's error, if any, or TRUE. */
static void
call_return_outcome (GTask *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    {
      note_backend_error (g_task_get_source_object (task), data->error);
      call_return_error (task, g_steal_pointer (&data->error));
    }
  else
    {
      call_return_boolean (task, TRUE);
    }
}

/* ---- the worker thread ---- */

typedef struct
{
  GTask    *task;
  StepFunc  then;
} Step;

static void
backend_thread (GTask        *inner,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CallData *data = task_data;

  if (g_task_return_error_if_cancelled (inner))
    return;

  data->worker (data);

  if (!data->commit && g_cancellable_is_cancelled (cancellable))
    {
      /* Nobody will hold this session: end it rather than leave a live
       * token on the server. */
      if (data->session != NULL)
        cst_auth_backend_logout (data->backend, cst_session_get_token (data->session), NULL);
      g_clear_object (&data->session);
      g_task_return_error_if_cancelled (inner);
      return;
    }

  /* A new session replaces the current one: the app holds one, so the
   * old one is ended (best effort; it may have expired already). */
  if (data->session != NULL && data->previous != NULL)
    {
      g_autoptr (GError) error = NULL;

      const char *token = cst_session_get_token (data->previous);

      if (!cst_auth_backend_logout (data->backend, token, &error) && !is_revoked_error (error))
        g_debug ("Could not end the replaced session: %s", error->message);
    }

  g_task_return_boolean (inner, TRUE);
}

static void
on_backend_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr (GTask) task = g_steal_pointer (&step->task);
  CstAuthService *self = g_task_get_source_object (task);
  StepFunc then = step->then;
  GError *error = NULL;

  g_free (step);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      call_return_error (task, error);
      return;
    }

  if (then != NULL)
    then (self, task);
  else
    call_return_outcome (task);
}

/* Runs data->worker = @worker in a thread, then @then (NULL: report the
 * backend's outcome) on the caller's context. Takes @task. */
static void
run_backend (CstAuthService *self,
             GTask          *task,
             WorkerFunc      worker,
             StepFunc        then)
{
  g_autoptr (GTask) inner = NULL;
  CallData *data = g_task_get_task_data (task);
  Step *step;

  data->worker = worker;

  step = g_new0 (Step, 1);
  step->task = task;
  step->then = then;

  /* No source object: the worker thread drops its reference to @inner
   * after the callback may already have run, and must not be the one to
   * release the service (or anything else the caller expects gone). */
  inner = g_task_new (NULL, g_task_get_cancellable (task), on_backend_done_cb, step);
  g_task_set_source_tag (inner, run_backend);
  g_task_set_name (inner, g_task_get_name (task));
  g_task_set_check_cancellable (inner, FALSE);
  /* Borrowed: @task owns it and lives until on_backend_done_cb(). */
  g_task_set_task_data (inner, data, NULL);
  g_task_run_in_thread (inner, backend_thread);
}

/* ---- keyring bookkeeping (main thread) ---- */

static void
on_remembered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* The session stands whatever the keyring says (SPEC §3 "keyring
   * missing"); "keyring-available" tells the UI. */
  cst_credential_store_store_finish (store, result, &error);
  note_store_result (g_task_get_source_object (task), error);

  call_return_boolean (task, TRUE);
}

static void
on_forgotten_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  cst_credential_store_clear_finish (store, result, &error);
  note_store_result (g_task_get_source_object (task), error);

  if (data->saved_error != NULL)
    call_return_error (task, g_steal_pointer (&data->saved_error));
  else
    call_return_boolean (task, !data->revoked);
}

/*
 * Makes data->session the current session, then keeps or forgets the
 * 保持登录 refresh token: the keyring holds at most the current session's,
 * so a sign-in without remember forgets an older one (which belonged to
 * the session just replaced and ended).
 */
static void
apply_session (CstAuthService *self,
               GTask          *task)
{
  CallData *data = g_task_get_task_data (task);
  CstSession *session;
  const char *refresh_token;

  if (data->error != NULL)
    {
      call_return_outcome (task);
      return;
    }

  g_assert (CST_IS_SESSION (data->session));

  session = data->session;
  set_session (self, session);

  if (self->store == NULL)
    {
      call_return_boolean (task, TRUE);
      return;
    }

  refresh_token = cst_session_get_refresh_token (session);

  if (data->remember && refresh_token != NULL)
    cst_credential_store_store_async (self->store, CST_CREDENTIAL_KIND_REFRESH,
                                      cst_session_get_id_number (session), refresh_token,
                                      NULL, on_remembered_cb, g_object_ref (task));
  else
    cst_credential_store_clear_async (self->store, CST_CREDENTIAL_KIND_REFRESH, NULL,
                                      NULL, on_forgotten_cb, g_object_ref (task));
}

/* ---- workers (threads; only @data and the backend) ---- */

static void
send_code_worker (CallData *data)
{
  cst_auth_backend_send_code (data->backend, data->phone, data->purpose,
                              &data->resend_after, &data->error);
}

static void
send_ticket_code_worker (CallData *data)
{
  cst_auth_backend_send_ticket_code (data->backend, data->ticket,
                                     &data->resend_after, &data->error);
}

static void
register_begin_worker (CallData *data)
{
  data->result = cst_auth_backend_register_begin (data->backend, data->id_type,
                                                  data->id_number, data->name,
                                                  &data->error);
}

static void
register_set_credentials_worker (CallData *data)
{
  cst_auth_backend_register_set_credentials (data->backend, data->ticket, data->password,
                                             data->phone, data->code, &data->error);
}

static void
register_complete_worker (CallData *data)
{
  data->session = cst_auth_backend_register_complete (data->backend, data->ticket,
                                                      data->capture, data->remember,
                                                      &data->error);
}

static void
login_password_worker (CallData *data)
{
  data->session = cst_auth_backend_login_password (data->backend, data->account,
                                                   data->password, data->remember,
                                                   &data->error);
}

static void
login_sms_worker (CallData *data)
{
  data->session = cst_auth_backend_login_sms (data->backend, data->phone, data->code,
                                              data->remember, &data->error);
}

static void
login_face_worker (CallData *data)
{
  data->session = cst_auth_backend_login_face (data->backend, data->id_type, data->id_number,
                                               data->capture, data->remember, &data->error);
}

static void
login_device_worker (CallData *data)
{
  data->session = cst_auth_backend_login_device (data->backend, data->kind, data->secret,
                                                 &data->error);
}

static void
enterprise_begin_worker (CallData *data)
{
  data->enterprise = cst_auth_backend_enterprise_begin (data->backend, data->enterprise_code,
                                                        data->account, data->password,
                                                        &data->error);
}

static void
enterprise_complete_sms_worker (CallData *data)
{
  data->session = cst_auth_backend_enterprise_complete_sms (data->backend, data->ticket,
                                                            data->role, data->code,
                                                            &data->error);
}

static void
enterprise_complete_face_worker (CallData *data)
{
  data->session = cst_auth_backend_enterprise_complete_face (data->backend, data->ticket,
                                                             data->role, data->capture,
                                                             &data->error);
}

static void
reset_begin_worker (CallData *data)
{
  data->reset = cst_auth_backend_reset_begin (data->backend, data->id_type, data->id_number,
                                              &data->error);
}

static void
reset_verify_code_worker (CallData *data)
{
  cst_auth_backend_reset_verify_code (data->backend, data->ticket, data->code, &data->error);
}

static void
reset_verify_face_worker (CallData *data)
{
  cst_auth_backend_reset_verify_face (data->backend, data->ticket, data->capture, &data->error);
}

static void
reset_send_new_phone_code_worker (CallData *data)
{
  cst_auth_backend_reset_send_new_phone_code (data->backend, data->ticket, data->phone,
                                              &data->resend_after, &data->error);
}

static void
reset_verify_new_phone_worker (CallData *data)
{
  cst_auth_backend_reset_verify_new_phone (data->backend, data->ticket, data->phone,
                                           data->code, &data->error);
}

static void
reset_complete_worker (CallData *data)
{
  g_autoptr (CstSession) still = NULL;
  g_autoptr (GError) error = NULL;

  if (!cst_auth_backend_reset_complete (data->backend, data->ticket, data->password,
                                        &data->error))
    return;

  /* A reset revokes every session of the person: if ours is gone, it was
   * theirs (or it expired anyway). */
  if (data->previous != NULL)
    {
      still = cst_auth_backend_session_lookup (data->backend,
                                               cst_session_get_token (data->previous),
                                               &error);
      data->revoked = (still == NULL && is_revoked_error (error));
    }
}

static void
session_refresh_worker (CallData *data)
{
  data->session = cst_auth_backend_session_refresh (data->backend, data->secret, &data->error);
}

static void
logout_worker (CallData *data)
{
  cst_auth_backend_logout (data->backend, cst_session_get_token (data->previous), &data->error);
}

static void
device_credential_issue_worker (CallData *data)
{
  data->result = cst_auth_backend_device_credential_issue (data->backend,
                                                           cst_session_get_token (data->previous),
                                                           data->password, data->kind,
                                                           data->name, &data->error);
}

static void
device_credential_revoke_worker (CallData *data)
{
  cst_auth_backend_device_credential_revoke (data->backend,
                                             cst_session_get_token (data->previous),
                                             data->kind, &data->error);
}

/* ---- GObject ---- */

/* Weak references both: a query still queued in the thread pool must not
 * keep the service or the backend alive. */
typedef struct
{
  GWeakRef  service;
  GWeakRef  backend;
  gboolean  available;
  gboolean  simulated;
} FaceQuery;

static void
face_query_free (gpointer ptr)
{
  FaceQuery *query = ptr;

  g_weak_ref_clear (&query->service);
  g_weak_ref_clear (&query->backend);
  g_free (query);
}

static void
face_query_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FaceQuery *query = task_data;
  g_autoptr (CstAuthBackend) backend = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  backend = g_weak_ref_get (&query->backend);
  if (backend != NULL)
    {
      query->available = cst_auth_backend_face_available (backend);
      query->simulated = query->available && cst_auth_backend_face_simulated (backend);
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_face_query_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  FaceQuery *query = g_task_get_task_data (G_TASK (result));
  g_autoptr (CstAuthService) self = g_weak_ref_get (&query->service);

  if (self == NULL || !g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  set_face (self, query->available, query->simulated);
}

static void
cst_auth_service_constructed (GObject *object)
{
  CstAuthService *self = (CstAuthService *)object;
  g_autoptr (GTask) task = NULL;
  FaceQuery *query;

  G_OBJECT_CLASS (cst_auth_service_parent_class)->constructed (object);

  g_return_if_fail (CST_IS_AUTH_BACKEND (self->backend));

  self->keyring_available = self->store != NULL;

  /* Even this may be a network request: ask in a thread. */
  query = g_new0 (FaceQuery, 1);
  g_weak_ref_init (&query->service, self);
  g_weak_ref_init (&query->backend, self->backend);

  task = g_task_new (NULL, self->cancellable, on_face_query_done_cb, NULL);
  g_task_set_source_tag (task, cst_auth_service_constructed);
  g_task_set_name (task, "[cst] face query");
  g_task_set_task_data (task, query, face_query_free);
  g_task_run_in_thread (task, face_query_thread);
}

static void
cst_auth_service_dispose (GObject *object)
{
  CstAuthService *self = (CstAuthService *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cst_auth_service_parent_class)->dispose (object);
}

static void
cst_auth_service_finalize (GObject *object)
{
  CstAuthService *self = (CstAuthService *)object;

  g_clear_object (&self->backend);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reset_accounts, g_hash_table_unref);

  G_OBJECT_CLASS (cst_auth_service_parent_class)->finalize (object);
}

static void
cst_auth_service_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CstAuthService *self = CST_AUTH_SERVICE (object);

  switch (prop_id)
    {
    case PROP_BACKEND:
      g_value_set_object (value, self->backend);
      break;

    case PROP_CREDENTIAL_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_FACE_AVAILABLE:
      g_value_set_boolean (value, self->face_available);
      break;

    case PROP_FACE_SIMULATED:
      g_value_set_boolean (value, self->face_simulated);
      break;

    case PROP_KEYRING_AVAILABLE:
      g_value_set_boolean (value, self->keyring_available);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->n_running > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_auth_service_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CstAuthService *self = CST_AUTH_SERVICE (object);

  switch (prop_id)
    {
    case PROP_BACKEND:
      self->backend = g_value_dup_object (value);
      break;

    case PROP_CREDENTIAL_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_auth_service_class_init (CstAuthServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cst_auth_service_constructed;
  object_class->dispose = cst_auth_service_dispose;
  object_class->finalize = cst_auth_service_finalize;
  object_class->get_property = cst_auth_service_get_property;
  object_class->set_property = cst_auth_service_set_property;

  properties[PROP_BACKEND] =
    g_param_spec_object ("backend", NULL, NULL,
                         CST_TYPE_AUTH_BACKEND,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREDENTIAL_STORE] =
    g_param_spec_object ("credential-store", NULL, NULL,
                         CST_TYPE_CREDENTIAL_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CST_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FACE_AVAILABLE] =
    g_param_spec_boolean ("face-available", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FACE_SIMULATED] =
    g_param_spec_boolean ("face-simulated", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEYRING_AVAILABLE] =
    g_param_spec_boolean ("keyring-available", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cst_auth_service_init (CstAuthService *self)
{
  self->cancellable = g_cancellable_new ();
  self->reset_accounts = g_hash_table_new_full (g_str_hash, g_str_equal, wipe_free, g_free);
}

/**
 * cst_auth_service_new:
 * @backend: the identity service
 * @store: (nullable): where remembered secrets go; %NULL: nowhere, so
 *   保持登录 and quick login are off
 *
 * Does no I/O on the calling thread. "face-available" and "face-simulated"
 * are asked from the backend in a worker and known after a few main-loop
 * iterations.
 *
 * Returns: (transfer full): a new #CstAuthService
 */
CstAuthService *
cst_auth_service_new (CstAuthBackend     *backend,
                      CstCredentialStore *store)
{
  g_return_val_if_fail (CST_IS_AUTH_BACKEND (backend), NULL);
  g_return_val_if_fail (store == NULL || CST_IS_CREDENTIAL_STORE (store), NULL);

  return g_object_new (CST_TYPE_AUTH_SERVICE,
                       "backend", backend,
                       "credential-store", store,
                       NULL);
}

/**
 * cst_auth_service_get_backend:
 * @self: a #CstAuthService
 *
 * Returns: (transfer none): the backend; call it from worker threads only
 */
CstAuthBackend *
cst_auth_service_get_backend (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), NULL);

  return self->backend;
}

/**
 * cst_auth_service_get_credential_store:
 * @self: a #CstAuthService
 *
 * Returns: (transfer none) (nullable): the credential store
 */
CstCredentialStore *
cst_auth_service_get_credential_store (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), NULL);

  return self->store;
}

/**
 * cst_auth_service_get_session:
 * @self: a #CstAuthService
 *
 * Returns: (transfer none) (nullable): the current session, %NULL when
 *   logged out
 */
CstSession *
cst_auth_service_get_session (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), NULL);

  return self->session;
}

gboolean
cst_auth_service_get_face_available (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), FALSE);

  return self->face_available;
}

gboolean
cst_auth_service_get_face_simulated (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), FALSE);

  return self->face_simulated;
}

/**
 * cst_auth_service_get_keyring_available:
 * @self: a #CstAuthService
 *
 * Returns: %FALSE when there is no credential store or its last call
 *   failed for want of a keyring; %TRUE again once a call succeeds
 */
gboolean
cst_auth_service_get_keyring_available (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), FALSE);

  return self->keyring_available;
}

gboolean
cst_auth_service_get_busy (CstAuthService *self)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), FALSE);

  return self->n_running > 0;
}

/* ---- finish helpers ---- */

#define CHECK_RESULT(source_tag, val)                                                 \
  G_STMT_START {                                                                      \
    g_return_val_if_fail (CST_IS_AUTH_SERVICE (self), val);                           \
    g_return_val_if_fail (g_task_is_valid (result, self), val);                       \
    g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (source_tag), val); \
  } G_STMT_END

static gboolean
propagate_resend_after (GAsyncResult  *result,
                        gint          *resend_after,
                        GError       **error)
{
  CallData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (resend_after != NULL)
    *resend_after = data->resend_after;

  return TRUE;
}

/* ---- codes ---- */

/**
 * cst_auth_service_send_code_async:
 * @self: a #CstAuthService
 * @phone: the number as typed
 * @purpose: %CST_CODE_PURPOSE_REGISTER or %CST_CODE_PURPOSE_LOGIN
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sends an SMS code (获取验证码).
 */
void
cst_auth_service_send_code_async (CstAuthService      *self,
                                  const char          *phone,
                                  CstCodePurpose       purpose,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (phone != NULL);

  task = call_new (self, cst_auth_service_send_code_async, "[cst] send code",
                   cancellable, callback, user_data, &data);
  data->phone = g_strdup (phone);
  data->purpose = purpose;
  run_backend (self, task, send_code_worker, NULL);
}

gboolean
cst_auth_service_send_code_finish (CstAuthService  *self,
                                   GAsyncResult    *result,
                                   gint            *resend_after,
                                   GError         **error)
{
  CHECK_RESULT (cst_auth_service_send_code_async, FALSE);

  return propagate_resend_after (result, resend_after, error);
}

/**
 * cst_auth_service_send_ticket_code_async:
 * @self: a #CstAuthService
 * @ticket: a reset or enterprise ticket
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sends a code to the phone on file of the person of @ticket.
 */
void
cst_auth_service_send_ticket_code_async (CstAuthService      *self,
                                         const char          *ticket,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);

  task = call_new (self, cst_auth_service_send_ticket_code_async, "[cst] send ticket code",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  run_backend (self, task, send_ticket_code_worker, NULL);
}

gboolean
cst_auth_service_send_ticket_code_finish (CstAuthService  *self,
                                          GAsyncResult    *result,
                                          gint            *resend_after,
                                          GError         **error)
{
  CHECK_RESULT (cst_auth_service_send_ticket_code_async, FALSE);

  return propagate_resend_after (result, resend_after, error);
}

/* ---- registration ---- */

static void
return_result_string (CstAuthService *self,
                      GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    call_return_outcome (task);
  else
    call_return_pointer (task, g_steal_pointer (&data->result), wipe_free);
}

void
cst_auth_service_register_begin_async (CstAuthService      *self,
                                       CstIdType            id_type,
                                       const char          *id_number,
                                       const char          *name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (id_number != NULL);
  g_return_if_fail (name != NULL);

  task = call_new (self, cst_auth_service_register_begin_async, "[cst] register begin",
                   cancellable, callback, user_data, &data);
  data->id_type = id_type;
  data->id_number = g_strdup (id_number);
  data->name = g_strdup (name);
  run_backend (self, task, register_begin_worker, return_result_string);
}

/**
 * cst_auth_service_register_begin_finish:
 * @self: a #CstAuthService
 * @result: the result
 * @error: a return location for a #GError
 *
 * Returns: (transfer full): the registration ticket (a secret), or %NULL
 */
char *
cst_auth_service_register_begin_finish (CstAuthService  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  CHECK_RESULT (cst_auth_service_register_begin_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cst_auth_service_register_set_credentials_async (CstAuthService      *self,
                                                 const char          *ticket,
                                                 const char          *password,
                                                 const char          *phone,
                                                 const char          *code,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (phone != NULL);
  g_return_if_fail (code != NULL);

  task = call_new (self, cst_auth_service_register_set_credentials_async,
                   "[cst] register set credentials",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->password = g_strdup (password);
  data->phone = g_strdup (phone);
  data->code = g_strdup (code);
  run_backend (self, task, register_set_credentials_worker, NULL);
}

gboolean
cst_auth_service_register_set_credentials_finish (CstAuthService  *self,
                                                  GAsyncResult    *result,
                                                  GError         **error)
{
  CHECK_RESULT (cst_auth_service_register_set_credentials_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cst_auth_service_register_complete_async (CstAuthService      *self,
                                          const char          *ticket,
                                          CstFaceCapture      *capture,
                                          gboolean             remember,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (capture != NULL);

  task = call_new (self, cst_auth_service_register_complete_async, "[cst] register complete",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->capture = cst_face_capture_ref (capture);
  data->remember = !!remember;
  run_backend (self, task, register_complete_worker, apply_session);
}

gboolean
cst_auth_service_register_complete_finish (CstAuthService  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  CHECK_RESULT (cst_auth_service_register_complete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- personal login ---- */

void
cst_auth_service_login_password_async (CstAuthService      *self,
                                       const char          *account,
                                       const char          *password,
                                       gboolean             remember,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (password != NULL);

  task = call_new (self, cst_auth_service_login_password_async, "[cst] login password",
                   cancellable, callback, user_data, &data);
  data->account = g_strdup (account);
  data->password = g_strdup (password);
  data->remember = !!remember;
  run_backend (self, task, login_password_worker, apply_session);
}

gboolean
cst_auth_service_login_password_finish (CstAuthService  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  CHECK_RESULT (cst_auth_service_login_password_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cst_auth_service_login_sms_async (CstAuthService      *self,
                                  const char          *phone,
                                  const char          *code,
                                  gboolean             remember,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (phone != NULL);
  g_return_if_fail (code != NULL);

  task = call_new (self, cst_auth_service_login_sms_async, "[cst] login sms",
                   cancellable, callback, user_data, &data);
  data->phone = g_strdup (phone);
  data->code = g_strdup (code);
  data->remember = !!remember;
  run_backend (self, task, login_sms_worker, apply_session);
}

gboolean
cst_auth_service_login_sms_finish (CstAuthService  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  CHECK_RESULT (cst_auth_service_login_sms_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cst_auth_service_login_face_async (CstAuthService      *self,
                                   CstIdType            id_type,
                                   const char          *id_number,
                                   CstFaceCapture      *capture,
                                   gboolean             remember,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (id_number != NULL);
  g_return_if_fail (capture != NULL);

  task = call_new (self, cst_auth_service_login_face_async, "[cst] login face",
                   cancellable, callback, user_data, &data);
  data->id_type = id_type;
  data->id_number = g_strdup (id_number);
  data->capture = cst_face_capture_ref (capture);
  data->remember = !!remember;
  run_backend (self, task, login_face_worker, apply_session);
}

gboolean
cst_auth_service_login_face_finish (CstAuthService  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  CHECK_RESULT (cst_auth_service_login_face_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- enterprise login ---- */

static void
return_enterprise_challenge (CstAuthService *self,
                             GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    call_return_outcome (task);
  else
    call_return_pointer (task, g_steal_pointer (&data->enterprise),
                         (GDestroyNotify) cst_enterprise_challenge_free);
}

void
cst_auth_service_enterprise_begin_async (CstAuthService      *self,
                                         const char          *enterprise_code,
                                         const char          *account,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (enterprise_code != NULL);
  g_return_if_fail (account != NULL);
  g_return_if_fail (password != NULL);

  task = call_new (self, cst_auth_service_enterprise_begin_async, "[cst] enterprise begin",
                   cancellable, callback, user_data, &data);
  data->enterprise_code = g_strdup (enterprise_code);
  data->account = g_strdup (account);
  data->password = g_strdup (password);
  run_backend (self, task, enterprise_begin_worker, return_enterprise_challenge);
}

/**
 * cst_auth_service_enterprise_begin_finish:
 * @self: a #CstAuthService
 * @result: the result
 * @error: a return location for a #GError
 *
 * Returns: (transfer full): the challenge for 身份类型选择 and the second
 *   factor; free with cst_enterprise_challenge_free()
 */
CstEnterpriseChallenge *
cst_auth_service_enterprise_begin_finish (CstAuthService  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  CHECK_RESULT (cst_auth_service_enterprise_begin_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cst_auth_service_enterprise_complete_sms_async (CstAuthService      *self,
                                                const char          *ticket,
                                                CstRole              role,
                                                const char          *code,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (code != NULL);

  task = call_new (self, cst_auth_service_enterprise_complete_sms_async,
                   "[cst] enterprise complete sms",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->role = role;
  data->code = g_strdup (code);
  run_backend (self, task, enterprise_complete_sms_worker, apply_session);
}

gboolean
cst_auth_service_enterprise_complete_sms_finish (CstAuthService  *self,
                                                 GAsyncResult    *result,
                                                 GError         **error)
{
  CHECK_RESULT (cst_auth_service_enterprise_complete_sms_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cst_auth_service_enterprise_complete_face_async (CstAuthService      *self,
                                                 const char          *ticket,
                                                 CstRole              role,
                                                 CstFaceCapture      *capture,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (capture != NULL);

  task = call_new (self, cst_auth_service_enterprise_complete_face_async,
                   "[cst] enterprise complete face",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->role = role;
  data->capture = cst_face_capture_ref (capture);
  run_backend (self, task, enterprise_complete_face_worker, apply_session);
}

gboolean
cst_auth_service_enterprise_complete_face_finish (CstAuthService  *self,
                                                  GAsyncResult    *result,
                                                  GError         **error)
{
  CHECK_RESULT (cst_auth_service_enterprise_complete_face_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- password reset ---- */

/* The ID number as the server keys it, so that what this device remembers
 * for the person (stored under the session's normalised ID number) can be
 * found again when the reset completes. */
static char *
normalize_id_number (CstIdType   id_type,
                     const char *id_number)
{
  char *normalized = NULL;

  if (cst_validate_id (id_type, id_number, NULL, &normalized, NULL))
    return normalized;

  return cst_normalize_code (id_number);
}

static void
return_reset_challenge (CstAuthService *self,
                        GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    {
      call_return_outcome (task);
      return;
    }

  if (g_hash_table_size (self->reset_accounts) >= MAX_RESET_TICKETS)
    g_hash_table_remove_all (self->reset_accounts);

  g_hash_table_replace (self->reset_accounts,
                        g_strdup (data->reset->ticket),
                        normalize_id_number (data->id_type, data->id_number));

  call_return_pointer (task, g_steal_pointer (&data->reset),
                       (GDestroyNotify) cst_reset_challenge_free);
}

void
cst_auth_service_reset_begin_async (CstAuthService      *self,
                                    CstIdType            id_type,
                                    const char          *id_number,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (id_number != NULL);

  task = call_new (self, cst_auth_service_reset_begin_async, "[cst] reset begin",
                   cancellable, callback, user_data, &data);
  data->id_type = id_type;
  data->id_number = g_strdup (id_number);
  run_backend (self, task, reset_begin_worker, return_reset_challenge);
}

/**
 * cst_auth_service_reset_begin_finish:
 * @self: a #CstAuthService
 * @result: the result
 * @error: a return location for a #GError
 *
 * Returns: (transfer full): the reset challenge; free with
 *   cst_reset_challenge_free()
 */
CstResetChallenge *
cst_auth_service_reset_begin_finish (CstAuthService  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  CHECK_RESULT (cst_auth_service_reset_begin_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cst_auth_service_reset_verify_code_async (CstAuthService      *self,
                                          const char          *ticket,
                                          const char          *code,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (code != NULL);

  task = call_new (self, cst_auth_service_reset_verify_code_async, "[cst] reset verify code",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->code = g_strdup (code);
  run_backend (self, task, reset_verify_code_worker, NULL);
}

gboolean
cst_auth_service_reset_verify_code_finish (CstAuthService  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  CHECK_RESULT (cst_auth_service_reset_verify_code_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cst_auth_service_reset_verify_face_async (CstAuthService      *self,
                                          const char          *ticket,
                                          CstFaceCapture      *capture,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (capture != NULL);

  task = call_new (self, cst_auth_service_reset_verify_face_async, "[cst] reset verify face",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->capture = cst_face_capture_ref (capture);
  run_backend (self, task, reset_verify_face_worker, NULL);
}

gboolean
cst_auth_service_reset_verify_face_finish (CstAuthService  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  CHECK_RESULT (cst_auth_service_reset_verify_face_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cst_auth_service_reset_send_new_phone_code_async (CstAuthService      *self,
                                                  const char          *ticket,
                                                  const char          *new_phone,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (new_phone != NULL);

  task = call_new (self, cst_auth_service_reset_send_new_phone_code_async,
                   "[cst] reset send new phone code",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->phone = g_strdup (new_phone);
  run_backend (self, task, reset_send_new_phone_code_worker, NULL);
}

gboolean
cst_auth_service_reset_send_new_phone_code_finish (CstAuthService  *self,
                                                   GAsyncResult    *result,
                                                   gint            *resend_after,
                                                   GError         **error)
{
  CHECK_RESULT (cst_auth_service_reset_send_new_phone_code_async, FALSE);

  return propagate_resend_after (result, resend_after, error);
}

void
cst_auth_service_reset_verify_new_phone_async (CstAuthService      *self,
                                               const char          *ticket,
                                               const char          *new_phone,
                                               const char          *code,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (new_phone != NULL);
  g_return_if_fail (code != NULL);

  task = call_new (self, cst_auth_service_reset_verify_new_phone_async,
                   "[cst] reset verify new phone",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->phone = g_strdup (new_phone);
  data->code = g_strdup (code);
  run_backend (self, task, reset_verify_new_phone_worker, NULL);
}

gboolean
cst_auth_service_reset_verify_new_phone_finish (CstAuthService  *self,
                                                GAsyncResult    *result,
                                                GError         **error)
{
  CHECK_RESULT (cst_auth_service_reset_verify_new_phone_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_forget_person_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  cst_credential_store_clear_finish (store, result, &error);
  note_store_result (g_task_get_source_object (task), error);

  /* The reset succeeded on the server whatever the keyring says; what it
   * could not forget is dead there anyway. */
  if (--data->pending == 0)
    call_return_boolean (task, TRUE);
}

static void
forget_account (CstAuthService *self,
                GTask          *task,
                const char     *account)
{
  static const CstCredentialKind kinds[] = {
    CST_CREDENTIAL_KIND_REFRESH,
    CST_CREDENTIAL_KIND_FINGERPRINT,
    CST_CREDENTIAL_KIND_FACE,
  };
  CallData *data = g_task_get_task_data (task);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      data->pending++;
      cst_credential_store_clear_async (self->store, kinds[i], account,
                                        NULL, on_forget_person_cb, g_object_ref (task));
    }
}

static void
reset_completed (CstAuthService *self,
                 GTask          *task)
{
  CallData *data = g_task_get_task_data (task);
  const char *previous_account = NULL;

  if (data->error != NULL)
    {
      call_return_outcome (task);
      return;
    }

  g_hash_table_remove (self->reset_accounts, data->ticket);

  if (data->previous != NULL)
    {
      previous_account = cst_session_get_id_number (data->previous);

      if (data->revoked || g_strcmp0 (previous_account, data->account) == 0)
        {
          if (self->session == data->previous)
            set_session (self, NULL);
        }
      else
        {
          previous_account = NULL;
        }
    }

  if (self->store == NULL)
    {
      call_return_boolean (task, TRUE);
      return;
    }

  /* Hold one count until every clear is started, so that a clear that
   * finishes at once cannot complete the call early. */
  data->pending = 1;

  if (data->account != NULL)
    forget_account (self, task, data->account);
  if (previous_account != NULL && g_strcmp0 (previous_account, data->account) != 0)
    forget_account (self, task, previous_account);

  if (--data->pending == 0)
    call_return_boolean (task, TRUE);
}

void
cst_auth_service_reset_complete_async (CstAuthService      *self,
                                       const char          *ticket,
                                       const char          *new_password,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (ticket != NULL);
  g_return_if_fail (new_password != NULL);

  task = call_new (self, cst_auth_service_reset_complete_async, "[cst] reset complete",
                   cancellable, callback, user_data, &data);
  data->ticket = g_strdup (ticket);
  data->password = g_strdup (new_password);
  /* Whose reset it is, from reset_begin; NULL if that ran elsewhere, and
   * then the revoked session tells. */
  data->account = g_strdup (g_hash_table_lookup (self->reset_accounts, ticket));
  data->commit = TRUE;
  run_backend (self, task, reset_complete_worker, reset_completed);
}

gboolean
cst_auth_service_reset_complete_finish (CstAuthService  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  CHECK_RESULT (cst_auth_service_reset_complete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- remembered sign-in ---- */

static void
restore_refreshed (CstAuthService *self,
                   GTask          *task)
{
  CallData *data = g_task_get_task_data (task);
  const char *refresh_token;

  if (data->error != NULL)
    {
      if (is_revoked_error (data->error))
        {
          /* Expired, revoked by a reset elsewhere, or used already: it
           * will never work again. Nothing to restore, no error. */
          g_debug ("The remembered sign-in was refused: %s", data->error->message);
          data->revoked = TRUE;
          cst_credential_store_clear_async (self->store, CST_CREDENTIAL_KIND_REFRESH,
                                            data->account, NULL,
                                            on_forgotten_cb, g_object_ref (task));
          return;
        }

      call_return_outcome (task);
      return;
    }

  set_session (self, data->session);

  /* Rotation: the token just used is dead; keep the new one. */
  refresh_token = cst_session_get_refresh_token (data->session);
  if (refresh_token != NULL)
    cst_credential_store_store_async (self->store, CST_CREDENTIAL_KIND_REFRESH,
                                      cst_session_get_id_number (data->session), refresh_token,
                                      NULL, on_remembered_cb, g_object_ref (task));
  else
    cst_credential_store_clear_async (self->store, CST_CREDENTIAL_KIND_REFRESH, NULL,
                                      NULL, on_forgotten_cb, g_object_ref (task));
}

static void
on_restore_lookup_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  CstAuthService *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->secret = cst_credential_store_lookup_finish (store, result, &data->account, &error);
  note_store_result (self, error);

  if (error != NULL)
    {
      call_return_error (task, error);
      return;
    }

  if (data->secret == NULL)
    {
      call_return_boolean (task, FALSE);
      return;
    }

  /* Once the server rotated the token, the new one must be kept. */
  data->commit = TRUE;
  run_backend (self, g_steal_pointer (&task), session_refresh_worker, restore_refreshed);
}

/**
 * cst_auth_service_restore_async:
 * @self: a #CstAuthService
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Signs in with the remembered refresh token, if there is one. A token
 * the server refuses is forgotten (FALSE, no error). Fails with
 * %CST_AUTH_ERROR_KEYRING_UNAVAILABLE when the keyring cannot be read.
 */
void
cst_auth_service_restore_async (CstAuthService      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));

  task = call_new (self, cst_auth_service_restore_async, "[cst] restore",
                   cancellable, callback, user_data, &data);

  if (self->store == NULL)
    {
      call_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  cst_credential_store_lookup_async (self->store, CST_CREDENTIAL_KIND_REFRESH, NULL,
                                     cancellable, on_restore_lookup_cb, task);
}

gboolean
cst_auth_service_restore_finish (CstAuthService  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  CHECK_RESULT (cst_auth_service_restore_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- quick login ---- */

static void
quick_enable_revoked (CstAuthService *self,
                      GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    g_debug ("Could not revoke the unsaved device credential: %s", data->error->message);

  call_return_error (task, g_steal_pointer (&data->saved_error));
}

static void
on_quick_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  CstAuthService *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  GError *error = NULL;

  cst_credential_store_store_finish (store, result, &error);
  note_store_result (self, error);

  if (error == NULL)
    {
      call_return_boolean (task, TRUE);
      return;
    }

  /* A credential that is nowhere on this device is of no use: take it
   * back on the server, then report the keyring's error. */
  data->saved_error = error;
  run_backend (self, g_steal_pointer (&task), device_credential_revoke_worker,
               quick_enable_revoked);
}

static void
quick_enable_issued (CstAuthService *self,
                     GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    {
      call_return_outcome (task);
      return;
    }

  cst_credential_store_store_async (self->store, data->kind,
                                    cst_session_get_id_number (data->previous), data->result,
                                    NULL, on_quick_stored_cb, g_object_ref (task));
}

/* NOT_LOGGED_IN / KEYRING_UNAVAILABLE before anything is asked. */
static gboolean
check_quick_login (CstAuthService *self,
                   GTask          *task,
                   gboolean        needs_session)
{
  CallData *data = g_task_get_task_data (task);

  if (needs_session && data->previous == NULL)
    {
      call_return_error (task, cst_auth_error_new (CST_AUTH_ERROR_NOT_LOGGED_IN, 0, NULL));
      g_object_unref (task);
      return FALSE;
    }

  if (self->store == NULL)
    {
      call_return_error (task, cst_auth_error_new (CST_AUTH_ERROR_KEYRING_UNAVAILABLE, 0, NULL));
      g_object_unref (task);
      return FALSE;
    }

  return TRUE;
}

void
cst_auth_service_quick_login_enable_async (CstAuthService      *self,
                                           CstCredentialKind    kind,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT || kind == CST_CREDENTIAL_KIND_FACE);
  g_return_if_fail (password != NULL);

  task = call_new (self, cst_auth_service_quick_login_enable_async, "[cst] quick login enable",
                   cancellable, callback, user_data, &data);
  if (!check_quick_login (self, task, TRUE))
    return;

  data->kind = kind;
  data->password = g_strdup (password);
  data->name = g_strdup (g_get_host_name ());
  data->commit = TRUE;
  run_backend (self, task, device_credential_issue_worker, quick_enable_issued);
}

gboolean
cst_auth_service_quick_login_enable_finish (CstAuthService  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  CHECK_RESULT (cst_auth_service_quick_login_enable_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_quick_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* Revoked on the server: a copy the keyring could not drop is dead. */
  cst_credential_store_clear_finish (store, result, &error);
  note_store_result (g_task_get_source_object (task), error);

  call_return_boolean (task, TRUE);
}

static void
quick_disable_revoked (CstAuthService *self,
                       GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (data->error != NULL && !is_revoked_error (data->error))
    {
      call_return_outcome (task);
      return;
    }

  cst_credential_store_clear_async (self->store, data->kind,
                                    cst_session_get_id_number (data->previous),
                                    NULL, on_quick_cleared_cb, g_object_ref (task));
}

void
cst_auth_service_quick_login_disable_async (CstAuthService      *self,
                                            CstCredentialKind    kind,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT || kind == CST_CREDENTIAL_KIND_FACE);

  task = call_new (self, cst_auth_service_quick_login_disable_async, "[cst] quick login disable",
                   cancellable, callback, user_data, &data);
  if (!check_quick_login (self, task, TRUE))
    return;

  data->kind = kind;
  data->commit = TRUE;
  run_backend (self, task, device_credential_revoke_worker, quick_disable_revoked);
}

gboolean
cst_auth_service_quick_login_disable_finish (CstAuthService  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  CHECK_RESULT (cst_auth_service_quick_login_disable_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_quick_lookup_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  g_autofree char *account = NULL;
  GError *error = NULL;
  char *secret;

  secret = cst_credential_store_lookup_finish (store, result, &account, &error);
  note_store_result (g_task_get_source_object (task), error);
  /* Only whether there is one, not the credential itself. */
  wipe_free (secret);

  if (error != NULL)
    call_return_error (task, error);
  else
    call_return_pointer (task, secret != NULL ? g_steal_pointer (&account) : NULL, g_free);
}

void
cst_auth_service_quick_login_lookup_async (CstAuthService      *self,
                                           CstCredentialKind    kind,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT || kind == CST_CREDENTIAL_KIND_FACE);

  task = call_new (self, cst_auth_service_quick_login_lookup_async, "[cst] quick login lookup",
                   cancellable, callback, user_data, &data);

  if (self->store == NULL)
    {
      call_return_pointer (task, NULL, NULL);
      g_object_unref (task);
      return;
    }

  cst_credential_store_lookup_async (self->store, kind, NULL,
                                     cancellable, on_quick_lookup_cb, task);
}

/**
 * cst_auth_service_quick_login_lookup_finish:
 * @self: a #CstAuthService
 * @result: the result
 * @error: a return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ID number whose device
 *   credential is remembered, or %NULL (without error) if none
 */
char *
cst_auth_service_quick_login_lookup_finish (CstAuthService  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  CHECK_RESULT (cst_auth_service_quick_login_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
login_quick_done (CstAuthService *self,
                  GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  if (g_error_matches (data->error, CST_AUTH_ERROR, CST_AUTH_ERROR_CREDENTIAL_REVOKED))
    {
      /* Revoked by a reset or on another device: forget it, so the login
       * page stops offering it, and say why. */
      data->saved_error = g_steal_pointer (&data->error);
      cst_credential_store_clear_async (self->store, data->kind, data->account,
                                        NULL, on_forgotten_cb, g_object_ref (task));
      return;
    }

  apply_session (self, task);
}

static void
on_login_quick_lookup_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  CstCredentialStore *store = CST_CREDENTIAL_STORE (object);
  g_autoptr (GTask) task = user_data;
  CstAuthService *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->secret = cst_credential_store_lookup_finish (store, result, &data->account, &error);
  note_store_result (self, error);

  if (error != NULL)
    {
      call_return_error (task, error);
      return;
    }

  if (data->secret == NULL)
    {
      call_return_error (task, cst_auth_error_new (CST_AUTH_ERROR_CREDENTIAL_REVOKED, 0, NULL));
      return;
    }

  run_backend (self, g_steal_pointer (&task), login_device_worker, login_quick_done);
}

void
cst_auth_service_login_quick_async (CstAuthService      *self,
                                    CstCredentialKind    kind,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));
  g_return_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT || kind == CST_CREDENTIAL_KIND_FACE);

  task = call_new (self, cst_auth_service_login_quick_async, "[cst] login quick",
                   cancellable, callback, user_data, &data);
  if (!check_quick_login (self, task, FALSE))
    return;

  data->kind = kind;
  cst_credential_store_lookup_async (self->store, kind, NULL,
                                     cancellable, on_login_quick_lookup_cb, task);
}

gboolean
cst_auth_service_login_quick_finish (CstAuthService  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  CHECK_RESULT (cst_auth_service_login_quick_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- logout ---- */

static void
logged_out (CstAuthService *self,
            GTask          *task)
{
  CallData *data = g_task_get_task_data (task);

  /* Out on this device whatever the server said: a session it already
   * ended is fine, any other failure is reported after cleaning up. */
  if (data->error != NULL && !is_revoked_error (data->error))
    data->saved_error = g_steal_pointer (&data->error);

  /* Unless a new sign-in replaced it meanwhile. */
  if (self->session != data->previous)
    {
      if (data->saved_error != NULL)
        call_return_error (task, g_steal_pointer (&data->saved_error));
      else
        call_return_boolean (task, TRUE);
      return;
    }

  set_session (self, NULL);

  if (self->store == NULL)
    {
      if (data->saved_error != NULL)
        call_return_error (task, g_steal_pointer (&data->saved_error));
      else
        call_return_boolean (task, TRUE);
      return;
    }

  cst_credential_store_clear_async (self->store, CST_CREDENTIAL_KIND_REFRESH, NULL,
                                    NULL, on_forgotten_cb, g_object_ref (task));
}

/**
 * cst_auth_service_logout_async:
 * @self: a #CstAuthService
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Ends the session on the server, forgets the remembered refresh token and
 * clears "session". The device is logged out even when the server cannot
 * be reached; the error is still reported. Logging out while logged out
 * only forgets a remembered token.
 */
void
cst_auth_service_logout_async (CstAuthService      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  CallData *data;
  GTask *task;

  g_return_if_fail (CST_IS_AUTH_SERVICE (self));

  task = call_new (self, cst_auth_service_logout_async, "[cst] logout",
                   cancellable, callback, user_data, &data);

  if (data->previous == NULL)
    {
      if (self->store == NULL)
        {
          call_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }

      cst_credential_store_clear_async (self->store, CST_CREDENTIAL_KIND_REFRESH, NULL,
                                        NULL, on_forgotten_cb, task);
      return;
    }

  data->commit = TRUE;
  run_backend (self, task, logout_worker, logged_out);
}

gboolean
cst_auth_service_logout_finish (CstAuthService  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  CHECK_RESULT (cst_auth_service_logout_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
