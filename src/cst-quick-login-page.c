/* cst-quick-login-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-quick-login-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-core.h"
#include "cst-face-capture-view.h"
#include "cst-quick-login-page.h"

/*
 * Trust model
 * -----------
 * What signs in is the device credential: 32 random bytes that the server
 * issued to this person on this device when 生物识别 turned quick login on
 * (password-confirmed), kept in the user's keyring; the server holds only
 * its hash and checks it (cst_auth_service_login_quick_async()). The
 * biometric step in front of it is a local gate, as on the phone, where
 * Touch ID / Face ID unlock the app's keychain item and the server never
 * sees a finger or a face:
 *
 *  - fingerprint: fprintd matches the finger against the prints enrolled
 *    for this Unix user; only "matched" or not reaches the app;
 *  - face: the capture view's liveness prompts, judged by a
 *    CstFaceVerifier on this side (by default the labelled local
 *    simulation, 本地模拟: it checks that every prompt was completed and
 *    the capture is fresh; it does not compare faces).
 *
 * So the gate proves presence at this desktop, not identity to the server.
 * Whoever can read the unlocked keyring of this Unix user could use the
 * credential without the gate, exactly as a process with keychain access
 * on the phone could; that is why the credential is per device and kind,
 * revocable, and dies with a password reset. A deployment with a real
 * face matcher should send the capture to the server with the credential
 * instead of judging it here.
 *
 * The failed-match limit (5 ⇒ password required) is enforced here, on the
 * device, like the phone's biometric lockout: the server cannot count
 * failed matches it never sees. The count is not secret. It is kept in
 * GSettings (keys quick-login-fingerprint-failures / quick-login-face-failures)
 * when the installed schema has them, so it survives restarts; without
 * them it lives as long as the service object.
 */

#define KEY_FINGERPRINT_FAILURES "quick-login-fingerprint-failures"
#define KEY_FACE_FAILURES        "quick-login-face-failures"
#define GUARD_DATA_KEY           "cst-quick-login-guard"

struct _CstQuickLoginPage
{
  CstPage               parent_instance;

  /* template widgets */
  GtkLabel             *account_label;
  GtkStack             *stack;
  GtkWidget            *fingerprint_box;
  GtkWidget            *face_box;
  GtkLabel             *prompt_label;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  GtkButton            *retry_button;
  CstFaceCaptureView   *face_view;
  GtkButton            *password_button;

  /* owned */
  GCancellable         *cancellable;
  CstFingerprintReader *reader;
  CstFaceVerifier      *verifier;
  char                 *account;

  /* source ids */
  guint                 start_id;

  CstCredentialKind     kind;
  guint                 busy : 1;
  guint                 started : 1;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ACCOUNT,
  PROP_FINGERPRINT_READER,
  PROP_FACE_VERIFIER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstQuickLoginPage, cst_quick_login_page, CST_TYPE_PAGE)

static GParamSpec *properties[N_PROPS];

/* ---- the failed-match count (per service, see the trust model) ---- */

typedef struct
{
  GSettings *settings;      /* NULL: the schema has no such keys */
  guint      fingerprint;   /* the fallback counts */
  guint      face;
} Guard;

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_clear_object (&guard->settings);
  g_free (guard);
}

static GSettings *
guard_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, KEY_FINGERPRINT_FAILURES) ||
      !g_settings_schema_has_key (schema, KEY_FACE_FAILURES))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static guint
guard_get (Guard             *guard,
           CstCredentialKind  kind)
{
  gboolean face = kind == CST_CREDENTIAL_KIND_FACE;

  if (guard->settings != NULL)
    return g_settings_get_uint (guard->settings, face ? KEY_FACE_FAILURES : KEY_FINGERPRINT_FAILURES);

  return face ? guard->face : guard->fingerprint;
}

static void
guard_set (Guard             *guard,
           CstCredentialKind  kind,
           guint              failures)
{
  gboolean face = kind == CST_CREDENTIAL_KIND_FACE;

  failures = MIN (failures, CST_QUICK_LOGIN_MAX_FAILURES);

  if (guard->settings != NULL)
    {
      const char *key = face ? KEY_FACE_FAILURES : KEY_FINGERPRINT_FAILURES;

      if (g_settings_get_uint (guard->settings, key) != failures)
        g_settings_set_uint (guard->settings, key, failures);
    }
  else if (face)
    guard->face = failures;
  else
    guard->fingerprint = failures;
}

/* A successful password login is what the user must do after too many
 * failed matches; it clears both counts. */
static void
on_guard_session_cb (CstAuthService *service,
                     GParamSpec     *pspec,
                     gpointer        user_data)
{
  Guard *guard = user_data;
  CstSession *session = cst_auth_service_get_session (service);

  if (session != NULL && cst_session_get_method (session) == CST_LOGIN_METHOD_PASSWORD)
    {
      guard_set (guard, CST_CREDENTIAL_KIND_FINGERPRINT, 0);
      guard_set (guard, CST_CREDENTIAL_KIND_FACE, 0);
    }
}

static Guard *
guard_for_service (CstAuthService *service)
{
  Guard *guard;

  g_assert (CST_IS_AUTH_SERVICE (service));

  guard = g_object_get_data (G_OBJECT (service), GUARD_DATA_KEY);
  if (guard != NULL)
    return guard;

  guard = g_new0 (Guard, 1);
  guard->settings = guard_settings_new ();
  /* The handler goes in the service's dispose, before its data is freed. */
  g_object_set_data_full (G_OBJECT (service), GUARD_DATA_KEY, guard, guard_free);
  g_signal_connect (service, "notify::session", G_CALLBACK (on_guard_session_cb), guard);

  return guard;
}

/**
 * cst_quick_login_get_failures:
 * @service: a #CstAuthService
 * @kind: %CST_CREDENTIAL_KIND_FINGERPRINT or %CST_CREDENTIAL_KIND_FACE
 *
 * Returns: the failed matches in a row of @kind on this device
 */
guint
cst_quick_login_get_failures (CstAuthService    *service,
                              CstCredentialKind  kind)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), 0);

  return guard_get (guard_for_service (service), kind);
}

/**
 * cst_quick_login_get_password_required:
 * @service: a #CstAuthService
 * @kind: %CST_CREDENTIAL_KIND_FINGERPRINT or %CST_CREDENTIAL_KIND_FACE
 *
 * Returns: %TRUE when quick login of @kind must wait for a password login
 */
gboolean
cst_quick_login_get_password_required (CstAuthService    *service,
                                       CstCredentialKind  kind)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), FALSE);

  return cst_quick_login_get_failures (service, kind) >= CST_QUICK_LOGIN_MAX_FAILURES;
}

/* ---- the page ---- */

static CstAuthService *
get_service (CstQuickLoginPage *self)
{
  return cst_page_get_service (CST_PAGE (self));
}

static gboolean
password_required (CstQuickLoginPage *self)
{
  return cst_quick_login_get_password_required (get_service (self), self->kind);
}

static void
show_error (CstQuickLoginPage *self,
            const char        *message)
{
  g_assert (CST_IS_QUICK_LOGIN_PAGE (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && message[0] != '\0');
}

static void
set_busy (CstQuickLoginPage *self,
          gboolean           busy)
{
  g_assert (CST_IS_QUICK_LOGIN_PAGE (self));

  self->busy = !!busy;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quick-login.retry",
                                 !busy &&
                                 self->kind == CST_CREDENTIAL_KIND_FINGERPRINT &&
                                 !password_required (self));
}

static void
set_prompt (CstQuickLoginPage *self,
            const char        *prompt)
{
  gtk_label_set_text (self->prompt_label, prompt ? prompt : "");
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), prompt != NULL && prompt[0] != '\0');
}

static void
show_password_required (CstQuickLoginPage *self)
{
  g_assert (CST_IS_QUICK_LOGIN_PAGE (self));

  set_prompt (self, NULL);

  if (self->kind == CST_CREDENTIAL_KIND_FACE)
    {
      show_error (self, _("Too many failed attempts. Log in with your password to use face login again"));
      /* The view's own Retry must not start another capture. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->face_view), FALSE);
    }
  else
    {
      show_error (self, _("Too many failed attempts. Log in with your password to use fingerprint login again"));
    }

  set_busy (self, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->password_button), "suggested-action");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_button));
}

/* One more failed match; says how many are left, or that the password is
 * needed now. */
static void
note_failed_match (CstQuickLoginPage *self)
{
  CstAuthService *service = get_service (self);
  Guard *guard = guard_for_service (service);
  guint failures = guard_get (guard, self->kind) + 1;
  guint left;
  g_autofree char *message = NULL;

  guard_set (guard, self->kind, failures);

  if (failures >= CST_QUICK_LOGIN_MAX_FAILURES)
    {
      show_password_required (self);
      return;
    }

  left = CST_QUICK_LOGIN_MAX_FAILURES - failures;
  if (self->kind == CST_CREDENTIAL_KIND_FACE)
    /* Translators: after a face capture the gate refused; zh_CN 面容识别失败，还可尝试 %u 次 */
    message = g_strdup_printf (ngettext ("Face not recognised; %u attempt left",
                                         "Face not recognised; %u attempts left", left),
                               left);
  else
    /* Translators: after a finger that did not match; zh_CN 指纹不匹配，还可尝试 %u 次 */
    message = g_strdup_printf (ngettext ("Fingerprint not recognised; %u attempt left",
                                         "Fingerprint not recognised; %u attempts left", left),
                               left);
  show_error (self, message);
}

static void
note_match (CstQuickLoginPage *self)
{
  guard_set (guard_for_service (get_service (self)), self->kind, 0);
}

/* ---- signing in with the device credential ---- */

static void
login_quick_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (CstQuickLoginPage) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = cst_auth_service_login_quick_finish (CST_AUTH_SERVICE (object), result, &error);

  /* On success the window has popped (and disposed) the page already. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (ok)
    {
      if (self->kind == CST_CREDENTIAL_KIND_FACE)
        cst_face_capture_view_set_result (self->face_view, TRUE, NULL);
      return;
    }

  set_prompt (self, NULL);
  show_error (self, error->message);

  /* Revoked (switched off, reset) or no keyring: there is nothing left to
   * retry with; the password is the way. */
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CREDENTIAL_REVOKED) ||
      g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "quick-login.retry", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->face_view), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->password_button), "suggested-action");
    }

  if (self->kind == CST_CREDENTIAL_KIND_FACE)
    cst_face_capture_view_set_result (self->face_view, FALSE, error->message);
}

static void
login_quick (CstQuickLoginPage *self)
{
  set_busy (self, TRUE);
  cst_auth_service_login_quick_async (get_service (self), self->kind, self->cancellable,
                                      login_quick_cb, g_object_ref (self));
}

/* ---- fingerprint ---- */

static void
on_reader_prompt_cb (CstQuickLoginPage *self,
                     const char        *message)
{
  if (self->busy)
    set_prompt (self, message);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (CstQuickLoginPage) self = user_data;
  g_autoptr (GError) error = NULL;
  CstFingerprintFailure failure;

  if (cst_fingerprint_reader_verify_finish (CST_FINGERPRINT_READER (object), result, &error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        return;

      note_match (self);
      /* Translators: the finger matched; zh_CN 指纹识别成功，正在登录… */
      set_prompt (self, _("Fingerprint recognised. Logging in…"));
      login_quick (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  set_prompt (self, NULL);

  failure = cst_fingerprint_error_get_failure (error);
  if (failure == CST_FINGERPRINT_FAILURE_NO_MATCH)
    note_failed_match (self);
  else
    /* No reader, nothing enrolled, disconnected, timeout, in use …: the
     * reader's message says which, in words. */
    show_error (self, error->message);
}

static void
start_fingerprint (CstQuickLoginPage *self)
{
  g_assert (CST_IS_QUICK_LOGIN_PAGE (self));

  if (self->busy)
    return;

  if (password_required (self))
    {
      show_password_required (self);
      return;
    }

  show_error (self, NULL);
  /* Translators: until the reader says what to do; zh_CN 正在准备指纹识别设备… */
  set_prompt (self, _("Getting the fingerprint reader ready…"));
  set_busy (self, TRUE);

  cst_fingerprint_reader_verify_async (self->reader, self->cancellable,
                                       verify_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  start_fingerprint (CST_QUICK_LOGIN_PAGE (widget));
}

static gboolean
start_cb (gpointer user_data)
{
  CstQuickLoginPage *self = user_data;

  self->start_id = 0;
  start_fingerprint (self);

  return G_SOURCE_REMOVE;
}

/* ---- face ---- */

typedef struct
{
  CstFaceVerifier *verifier;
  char            *account;
  CstFaceCapture  *capture;
} Gate;

static void
gate_free (gpointer data)
{
  Gate *gate = data;

  g_clear_object (&gate->verifier);
  g_clear_pointer (&gate->account, g_free);
  g_clear_pointer (&gate->capture, cst_face_capture_unref);
  g_free (gate);
}

/* A verifier may block (it is called from worker threads by contract). */
static void
gate_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Gate *gate = task_data;
  GError *error = NULL;

  /* Local: there is no ID photo on this side, so the person is named by
   * the remembered ID number only, and the type does not matter. */
  if (cst_face_verifier_verify (gate->verifier, CST_ID_TYPE_RESIDENT, gate->account, NULL,
                                gate->capture, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
gate_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (CstQuickLoginPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        return;

      note_match (self);
      login_quick (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_REJECTED))
    note_failed_match (self);
  else
    show_error (self, error->message);

  cst_face_capture_view_set_result (self->face_view, FALSE, error->message);
}

static void
on_face_view_captured_cb (CstQuickLoginPage *self,
                          CstFaceCapture    *capture)
{
  g_autoptr (GTask) task = NULL;
  Gate *gate;

  g_assert (CST_IS_QUICK_LOGIN_PAGE (self));

  if (password_required (self))
    {
      show_password_required (self);
      cst_face_capture_view_set_result (self->face_view, FALSE,
                                        gtk_label_get_text (self->error_label));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);

  gate = g_new0 (Gate, 1);
  gate->verifier = g_object_ref (self->verifier);
  gate->account = g_strdup (self->account);
  gate->capture = cst_face_capture_ref (capture);

  /* No source object: the worker must not hold the last reference to a widget. */
  task = g_task_new (NULL, self->cancellable, gate_cb, g_object_ref (self));
  g_task_set_source_tag (task, on_face_view_captured_cb);
  g_task_set_name (task, "[cst] quick login face gate");
  g_task_set_task_data (task, gate, gate_free);
  g_task_run_in_thread (task, gate_thread);
}

/* ---- password ---- */

static void
password_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  /* Back to the login page, where the password form is. */
  cst_page_pop (CST_PAGE (widget));
}

/* ---- GObject / GtkWidget ---- */

static void
cst_quick_login_page_map (GtkWidget *widget)
{
  CstQuickLoginPage *self = CST_QUICK_LOGIN_PAGE (widget);

  GTK_WIDGET_CLASS (cst_quick_login_page_parent_class)->map (widget);

  /* A fingerprint prompt appears as soon as the user chose it, as on the
   * phone; once the page is on screen, so the slide-in is not held up. */
  if (!self->started && self->kind == CST_CREDENTIAL_KIND_FINGERPRINT)
    {
      self->started = TRUE;
      self->start_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_cb, self, NULL);
    }
}

static void
cst_quick_login_page_constructed (GObject *object)
{
  CstQuickLoginPage *self = CST_QUICK_LOGIN_PAGE (object);
  g_autofree char *masked = NULL;
  gboolean face;

  G_OBJECT_CLASS (cst_quick_login_page_parent_class)->constructed (object);

  g_return_if_fail (CST_IS_AUTH_SERVICE (get_service (self)));
  g_return_if_fail (self->account != NULL);

  face = self->kind == CST_CREDENTIAL_KIND_FACE;

  if (face)
    {
      if (self->verifier == NULL)
        self->verifier = cst_local_face_verifier_new (NULL, TRUE);
      cst_face_capture_view_set_simulated (self->face_view,
                                           cst_face_verifier_is_simulated (self->verifier));
      /* Translators: page title; zh_CN 面容登录 */
      cst_page_set_title (CST_PAGE (self), C_("login method", "Face ID Login"));
    }
  else
    {
      if (self->reader == NULL)
        self->reader = cst_fingerprint_reader_new ();
      g_signal_connect_object (self->reader, "prompt", G_CALLBACK (on_reader_prompt_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->reader, "retry", G_CALLBACK (on_reader_prompt_cb),
                               self, G_CONNECT_SWAPPED);
      /* Translators: page title; zh_CN 指纹登录 */
      cst_page_set_title (CST_PAGE (self), C_("login method", "Fingerprint Login"));
    }

  gtk_stack_set_visible_child (self->stack, face ? self->face_box : self->fingerprint_box);
  /* The capture view has a Retry of its own. */
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !face);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->fingerprint_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, face,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->face_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !face,
                               -1);

  masked = cst_mask_id_number (self->account);
  gtk_label_set_text (self->account_label, masked);

  set_busy (self, FALSE);
  if (password_required (self))
    show_password_required (self);
}

static void
cst_quick_login_page_dispose (GObject *object)
{
  CstQuickLoginPage *self = CST_QUICK_LOGIN_PAGE (object);

  /* A verify still running releases the reader on cancellation. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->start_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_QUICK_LOGIN_PAGE);

  g_clear_object (&self->reader);
  g_clear_object (&self->verifier);

  G_OBJECT_CLASS (cst_quick_login_page_parent_class)->dispose (object);
}

static void
cst_quick_login_page_finalize (GObject *object)
{
  CstQuickLoginPage *self = CST_QUICK_LOGIN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->account, g_free);

  G_OBJECT_CLASS (cst_quick_login_page_parent_class)->finalize (object);
}

static void
cst_quick_login_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CstQuickLoginPage *self = CST_QUICK_LOGIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;

    case PROP_FINGERPRINT_READER:
      g_value_set_object (value, self->reader);
      break;

    case PROP_FACE_VERIFIER:
      g_value_set_object (value, self->verifier);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_quick_login_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CstQuickLoginPage *self = CST_QUICK_LOGIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_string (value);
      break;

    case PROP_FINGERPRINT_READER:
      self->reader = g_value_dup_object (value);
      break;

    case PROP_FACE_VERIFIER:
      self->verifier = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_quick_login_page_class_init (CstQuickLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cst_quick_login_page_constructed;
  object_class->dispose = cst_quick_login_page_dispose;
  object_class->finalize = cst_quick_login_page_finalize;
  object_class->get_property = cst_quick_login_page_get_property;
  object_class->set_property = cst_quick_login_page_set_property;

  widget_class->map = cst_quick_login_page_map;

  /**
   * CstQuickLoginPage:kind:
   *
   * %CST_CREDENTIAL_KIND_FINGERPRINT or %CST_CREDENTIAL_KIND_FACE (the
   * enum has no GType: it is stored, see cst-auth-types.h).
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      CST_CREDENTIAL_KIND_FINGERPRINT, CST_CREDENTIAL_KIND_FACE,
                      CST_CREDENTIAL_KIND_FINGERPRINT,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CstQuickLoginPage:account:
   *
   * The ID number the device credential is remembered for (shown masked).
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CstQuickLoginPage:fingerprint-reader:
   *
   * The reader that verifies; %NULL at construction: the system's.
   */
  properties[PROP_FINGERPRINT_READER] =
    g_param_spec_object ("fingerprint-reader", NULL, NULL,
                         CST_TYPE_FINGERPRINT_READER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CstQuickLoginPage:face-verifier:
   *
   * The local gate that judges a face capture; %NULL at construction:
   * the embedded liveness simulation.
   */
  properties[PROP_FACE_VERIFIER] =
    g_param_spec_object ("face-verifier", NULL, NULL,
                         CST_TYPE_FACE_VERIFIER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CST_TYPE_FACE_CAPTURE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-quick-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, account_label);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, fingerprint_box);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, face_box);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, face_view);
  gtk_widget_class_bind_template_child (widget_class, CstQuickLoginPage, password_button);
  gtk_widget_class_bind_template_callback (widget_class, on_face_view_captured_cb);

  gtk_widget_class_install_action (widget_class, "quick-login.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "quick-login.password", NULL, password_action);
}

static void
cst_quick_login_page_init (CstQuickLoginPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->kind = CST_CREDENTIAL_KIND_FINGERPRINT;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cst_quick_login_page_new:
 * @service: the service to log in with
 * @kind: %CST_CREDENTIAL_KIND_FINGERPRINT or %CST_CREDENTIAL_KIND_FACE
 * @account: the ID number the device credential is remembered for
 * @reader: (nullable): the fingerprint reader; %NULL for the system's
 * @verifier: (nullable): the face gate; %NULL for the local simulation
 *
 * Returns: (transfer floating): a new quick login page
 */
CstPage *
cst_quick_login_page_new (CstAuthService       *service,
                          CstCredentialKind     kind,
                          const char           *account,
                          CstFingerprintReader *reader,
                          CstFaceVerifier      *verifier)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);
  g_return_val_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT ||
                        kind == CST_CREDENTIAL_KIND_FACE, NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (reader == NULL || CST_IS_FINGERPRINT_READER (reader), NULL);
  g_return_val_if_fail (verifier == NULL || CST_IS_FACE_VERIFIER (verifier), NULL);

  return g_object_new (CST_TYPE_QUICK_LOGIN_PAGE,
                       "service", service,
                       "kind", kind,
                       "account", account,
                       "fingerprint-reader", reader,
                       "face-verifier", verifier,
                       NULL);
}

CstCredentialKind
cst_quick_login_page_get_kind (CstQuickLoginPage *self)
{
  g_return_val_if_fail (CST_IS_QUICK_LOGIN_PAGE (self), CST_CREDENTIAL_KIND_FINGERPRINT);

  return self->kind;
}

const char *
cst_quick_login_page_get_account (CstQuickLoginPage *self)
{
  g_return_val_if_fail (CST_IS_QUICK_LOGIN_PAGE (self), NULL);

  return self->account;
}
