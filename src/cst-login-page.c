/* cst-login-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-login-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-core.h"
#include "cst-enterprise-role-page.h"
#include "cst-enterprise-verify-page.h"
#include "cst-field.h"
#include "cst-login-page.h"
#include "cst-quick-login-page.h"
#include "cst-window.h"

#define MODE_PERSONAL   "personal"
#define MODE_ENTERPRISE "enterprise"

struct _CstLoginPage
{
  CstPage              parent_instance;

  /* template widgets */
  GtkToggleButton     *personal_tab;
  GtkToggleButton     *enterprise_tab;
  GtkStack            *stack;
  GtkWidget           *personal_box;
  GtkWidget           *enterprise_box;
  CstEntryRow         *account_row;
  CstEntryRow         *password_row;
  GtkLabel            *account_error;
  GtkLabel            *password_error;
  GtkCheckButton      *keep_check;
  GtkButton           *login_button;
  GtkSpinner          *login_spinner;
  GtkButton           *register_button;
  GtkButton           *forgot_button;
  CstEntryRow         *enterprise_row;
  CstEntryRow         *ent_account_row;
  CstEntryRow         *ent_password_row;
  GtkLabel            *enterprise_error;
  GtkLabel            *ent_account_error;
  GtkLabel            *ent_password_error;
  GtkButton           *ent_login_button;
  GtkSpinner          *ent_login_spinner;
  GtkMenuButton       *more_button;
  GtkWidget           *quick_list;
  AdwActionRow        *fingerprint_row;
  AdwActionRow        *face_row;
  GtkLabel            *keyring_notice;
  GtkLabel            *personal_hint;
  GtkLabel            *enterprise_hint;

  /* owned */
  GCancellable        *cancellable;
  GCancellable        *quick_cancellable;   /* the quick-login queries of one showing */
  GSettings           *settings;
  char                *mode;
  CstFingerprintReader *reader;
  CstFaceVerifier     *face_verifier;
  char                *fingerprint_account; /* remembered device credentials: */
  char                *face_account;        /* whose they are, NULL if none */
  char                *fingerprint_reason;  /* why the reader cannot be used */

  guint                busy : 1;
  guint                fingerprint_probing : 1;
};

enum {
  PROP_0,
  PROP_MODE,
  PROP_FINGERPRINT_READER,
  PROP_FACE_VERIFIER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstLoginPage, cst_login_page, CST_TYPE_PAGE)

static GParamSpec *properties[N_PROPS];

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A field's hint (SPEC §1.3) is a dim line under the fields, where it
 * stays readable while the user types (when @lines is given; else the
 * field's placeholder), and the entry's accessible description for
 * screen readers. */
static void
set_hint (gpointer     row,
          const char  *hint,
          GString     *lines)
{
  if (lines == NULL)
    cst_entry_row_set_placeholder_text (CST_ENTRY_ROW (row), hint);

  gtk_accessible_update_property (GTK_ACCESSIBLE (cst_entry_row_get_entry (CST_ENTRY_ROW (row))),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);

  if (lines == NULL)
    return;

  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  /* Translators: a line under the login fields: the field's title, then
   * its hint, e.g. “账号：居民身份证号码/手机号码/用户名” (full-width colon) */
  g_string_append_printf (lines, C_("field hint", "%s: %s"),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), hint);
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Optional: the page works without the schema installed (tests, running
   * from the build tree). */
  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "last-account") ||
      !g_settings_schema_has_key (schema, "last-login-tab"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
account_is_valid (const char *text)
{
  g_autofree char *normalized = NULL;

  return cst_classify_account (text, &normalized) != CST_ACCOUNT_KIND_INVALID;
}

static gboolean
personal_is_valid (CstLoginPage *self)
{
  return account_is_valid (row_text (self->account_row)) &&
         row_text (self->password_row)[0] != '\0';
}

static gboolean
enterprise_is_valid (CstLoginPage *self)
{
  return cst_validate_enterprise_code (row_text (self->enterprise_row), NULL, NULL) &&
         account_is_valid (row_text (self->ent_account_row)) &&
         row_text (self->ent_password_row)[0] != '\0';
}

static void
update_actions (CstLoginPage *self)
{
  g_assert (CST_IS_LOGIN_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.submit",
                                 !self->busy && personal_is_valid (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.enterprise-submit",
                                 !self->busy && enterprise_is_valid (self));
}

static void
set_busy (CstLoginPage *self,
          gboolean      busy)
{
  g_assert (CST_IS_LOGIN_PAGE (self));

  self->busy = !!busy;

  /* Only the button that was pressed shows the spinner. */
  if (!busy || g_strcmp0 (self->mode, MODE_PERSONAL) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->login_spinner), busy);
      gtk_spinner_set_spinning (self->login_spinner, busy);
    }
  if (!busy || g_strcmp0 (self->mode, MODE_ENTERPRISE) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->ent_login_spinner), busy);
      gtk_spinner_set_spinning (self->ent_login_spinner, busy);
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  update_actions (self);
}

/* Enter logs in with the tab's button. */
static void
update_default_widget (CstLoginPage *self)
{
  GtkWidget *button;

  if (g_strcmp0 (self->mode, MODE_ENTERPRISE) == 0)
    button = GTK_WIDGET (self->ent_login_button);
  else
    button = GTK_WIDGET (self->login_button);

  cst_page_set_default_widget (CST_PAGE (self), button);
}

/* The window of the page, held across a service call: a successful login
 * pops the page (the window goes to 我的), and a toast must still find it. */
static GtkWidget *
ref_window (CstLoginPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_WINDOW);

  return window ? g_object_ref (window) : NULL;
}

static void
show_error (CstLoginPage *self,
            const GError *error,
            gboolean      enterprise)
{
  gboolean shown;

  g_assert (CST_IS_LOGIN_PAGE (self));

  if (enterprise)
    shown = cst_field_show_auth_error (error,
                                       CST_FIELD_ENTERPRISE, GTK_WIDGET (self->enterprise_row),
                                       self->enterprise_error,
                                       CST_FIELD_ACCOUNT, GTK_WIDGET (self->ent_account_row),
                                       self->ent_account_error,
                                       CST_FIELD_USERNAME, GTK_WIDGET (self->ent_account_row),
                                       self->ent_account_error,
                                       CST_FIELD_PASSWORD, GTK_WIDGET (self->ent_password_row),
                                       self->ent_password_error,
                                       NULL);
  else
    shown = cst_field_show_auth_error (error,
                                       CST_FIELD_ACCOUNT, GTK_WIDGET (self->account_row),
                                       self->account_error,
                                       CST_FIELD_USERNAME, GTK_WIDGET (self->account_row),
                                       self->account_error,
                                       CST_FIELD_PASSWORD, GTK_WIDGET (self->password_row),
                                       self->password_error,
                                       NULL);

  if (!shown)
    cst_page_toast (CST_PAGE (self), error->message);
}

static void
clear_errors (CstLoginPage *self,
              gboolean      enterprise)
{
  if (enterprise)
    {
      cst_field_clear_error (GTK_WIDGET (self->enterprise_row), self->enterprise_error);
      cst_field_clear_error (GTK_WIDGET (self->ent_account_row), self->ent_account_error);
      cst_field_clear_error (GTK_WIDGET (self->ent_password_row), self->ent_password_error);
    }
  else
    {
      cst_field_clear_error (GTK_WIDGET (self->account_row), self->account_error);
      cst_field_clear_error (GTK_WIDGET (self->password_row), self->password_error);
    }
}

/* ---- client-side feedback (core validators only) ---- */

static void
check_account (GtkWidget *row,
               GtkLabel  *label)
{
  const char *text = row_text (row);

  if (text[0] != '\0' && !account_is_valid (text))
    cst_field_set_error (row, label, _("Enter an ID number, mobile phone number or user name"));
}

static void
check_enterprise_code (CstLoginPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = row_text (self->enterprise_row);

  if (text[0] != '\0' && !cst_validate_enterprise_code (text, NULL, &error))
    cst_field_set_error (GTK_WIDGET (self->enterprise_row), self->enterprise_error,
                         error->message);
}

static void
on_account_focus_leave_cb (CstLoginPage *self)
{
  check_account (GTK_WIDGET (self->account_row), self->account_error);
}

static void
on_ent_account_focus_leave_cb (CstLoginPage *self)
{
  check_account (GTK_WIDGET (self->ent_account_row), self->ent_account_error);
}

static void
on_enterprise_focus_leave_cb (CstLoginPage *self)
{
  check_enterprise_code (self);
}

static void
on_account_row_changed_cb (CstLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->account_row), self->account_error);
  update_actions (self);
}

static void
on_password_row_changed_cb (CstLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->password_row), self->password_error);
  update_actions (self);
}

static void
on_enterprise_row_changed_cb (CstLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->enterprise_row), self->enterprise_error);
  update_actions (self);
}

static void
on_ent_account_row_changed_cb (CstLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->ent_account_row), self->ent_account_error);
  update_actions (self);
}

static void
on_ent_password_row_changed_cb (CstLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->ent_password_row), self->ent_password_error);
  update_actions (self);
}

/* Enter in a field submits; when the form is not ready, say why. */
static void
on_personal_row_entry_activated_cb (CstLoginPage *self)
{
  if (personal_is_valid (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "login.submit", NULL);
      return;
    }

  check_account (GTK_WIDGET (self->account_row), self->account_error);
  if (row_text (self->password_row)[0] == '\0' && account_is_valid (row_text (self->account_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_enterprise_row_entry_activated_cb (CstLoginPage *self)
{
  if (enterprise_is_valid (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "login.enterprise-submit", NULL);
      return;
    }

  check_enterprise_code (self);
  check_account (GTK_WIDGET (self->ent_account_row), self->ent_account_error);
}

/* ---- personal login ---- */

/* A password login in flight: what was asked, and the window to answer
 * in, which the page may have left by then (a new session pops it). */
typedef struct
{
  CstLoginPage *self;
  GtkWidget    *window;
  gboolean      remember;
} PasswordLogin;

static void
password_login_free (PasswordLogin *login)
{
  g_clear_object (&login->self);
  g_clear_object (&login->window);
  g_free (login);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasswordLogin, password_login_free)

static void
login_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CstAuthService *service = CST_AUTH_SERVICE (object);
  g_autoptr(PasswordLogin) login = user_data;
  CstLoginPage *self = login->self;
  g_autoptr(GError) error = NULL;

  if (!cst_auth_service_login_password_finish (service, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (self->cancellable))
        return;

      set_busy (self, FALSE);
      show_error (self, error, FALSE);
      return;
    }

  /* Said even when the page is gone: the user asked for 保持登录 and must
   * learn that it did not happen. */
  if (login->remember && !cst_auth_service_get_keyring_available (service) &&
      login->window != NULL)
    cst_window_show_toast (CST_WINDOW (login->window),
                           _("Logged in, but Keep me signed in is off: the system keyring is not available"));

  /* The window may have popped (and disposed) the page on the new session. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (self->settings != NULL)
    {
      g_autofree char *account = cst_normalize_text (row_text (self->account_row));

      g_settings_set_string (self->settings, "last-account", account ? account : "");
    }
}

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CstLoginPage *self = CST_LOGIN_PAGE (widget);
  PasswordLogin *login;

  if (self->busy || !personal_is_valid (self))
    return;

  clear_errors (self, FALSE);
  set_busy (self, TRUE);

  login = g_new0 (PasswordLogin, 1);
  login->self = g_object_ref (self);
  login->window = ref_window (self);
  /* As asked now: a failing keyring unticks the box meanwhile. */
  login->remember = gtk_check_button_get_active (self->keep_check);

  cst_auth_service_login_password_async (cst_page_get_service (CST_PAGE (self)),
                                         row_text (self->account_row),
                                         row_text (self->password_row),
                                         login->remember,
                                         self->cancellable,
                                         login_password_cb,
                                         login);
}

/* ---- enterprise login, first step ---- */

static void
enterprise_begin_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CstAuthService *service = CST_AUTH_SERVICE (object);
  g_autoptr(CstLoginPage) self = user_data;
  g_autoptr(CstEnterpriseChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;
  CstPage *next;

  challenge = cst_auth_service_enterprise_begin_finish (service, result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (challenge == NULL)
    {
      show_error (self, error, TRUE);
      return;
    }

  if (challenge->n_roles == 0)
    {
      g_autoptr(GError) not_linked = cst_auth_error_new (CST_AUTH_ERROR_NOT_LINKED, 0,
                                                         CST_FIELD_ENTERPRISE);

      show_error (self, not_linked, TRUE);
      return;
    }

  if (challenge->n_roles > 1)
    next = cst_enterprise_role_page_new (service, challenge);
  else
    next = cst_enterprise_verify_page_new (service, challenge, challenge->roles[0]);

  cst_page_push (CST_PAGE (self), next);
}

static void
enterprise_login_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  CstLoginPage *self = CST_LOGIN_PAGE (widget);

  if (self->busy || !enterprise_is_valid (self))
    return;

  clear_errors (self, TRUE);
  set_busy (self, TRUE);

  cst_auth_service_enterprise_begin_async (cst_page_get_service (CST_PAGE (self)),
                                           row_text (self->enterprise_row),
                                           row_text (self->ent_account_row),
                                           row_text (self->ent_password_row),
                                           self->cancellable,
                                           enterprise_begin_cb,
                                           g_object_ref (self));
}

/* ---- 指纹登录 / 面容登录 and the keyring ---- */

/* A query of one showing of the page: a later showing cancels it. */
typedef struct
{
  CstLoginPage *self;
  GCancellable *cancellable;
} Query;

static Query *
query_new (CstLoginPage *self)
{
  Query *query = g_new0 (Query, 1);

  query->self = g_object_ref (self);
  query->cancellable = g_object_ref (self->quick_cancellable);

  return query;
}

static void
query_free (Query *query)
{
  g_clear_object (&query->self);
  g_clear_object (&query->cancellable);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static void
update_quick_row (CstLoginPage      *self,
                  AdwActionRow      *row,
                  CstCredentialKind  kind,
                  const char        *account)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));
  g_autofree char *masked = NULL;
  const char *subtitle;
  gboolean sensitive = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (row), account != NULL);
  if (account == NULL)
    return;

  masked = cst_mask_id_number (account);

  if (cst_quick_login_get_password_required (service, kind))
    /* Translators: under 指纹登录 / 面容登录 after 5 failed matches; zh_CN 失败次数过多，请先使用密码登录 */
    subtitle = _("Too many failed attempts: log in with your password first");
  else if (kind == CST_CREDENTIAL_KIND_FINGERPRINT && self->fingerprint_probing)
    subtitle = _("Looking for a fingerprint reader…");
  else if (kind == CST_CREDENTIAL_KIND_FINGERPRINT && self->fingerprint_reason != NULL)
    subtitle = self->fingerprint_reason;
  else
    {
      /* The remembered account, masked (SPEC §2.5). */
      subtitle = masked;
      sensitive = TRUE;
    }

  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (row), sensitive);
}

/* What the keyring allows: 保持登录 and quick login need it (SPEC §3
 * "keyring missing"); never a plaintext fallback, so without it they are
 * off and the page says why. */
static void
update_quick_login (CstLoginPage *self)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));
  gboolean keyring;

  g_assert (CST_IS_LOGIN_PAGE (self));

  if (service == NULL)
    return;

  keyring = cst_auth_service_get_keyring_available (service);

  if (!keyring)
    gtk_check_button_set_active (self->keep_check, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_check), keyring);
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_notice), !keyring);

  update_quick_row (self, self->fingerprint_row, CST_CREDENTIAL_KIND_FINGERPRINT,
                    keyring ? self->fingerprint_account : NULL);
  update_quick_row (self, self->face_row, CST_CREDENTIAL_KIND_FACE,
                    keyring ? self->face_account : NULL);

  gtk_widget_set_visible (self->quick_list,
                          gtk_widget_get_visible (GTK_WIDGET (self->fingerprint_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->face_row)));
}

static CstFingerprintReader *
ensure_reader (CstLoginPage *self)
{
  if (self->reader == NULL)
    self->reader = cst_fingerprint_reader_new ();

  return self->reader;
}

static void
on_probe_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Query) query = user_data;
  CstLoginPage *self = query->self;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  CstFingerprintAvailability availability;

  availability = cst_fingerprint_reader_probe_finish (CST_FINGERPRINT_READER (object),
                                                      result, &reason, &error);
  if (g_cancellable_is_cancelled (query->cancellable) || error != NULL)
    return;

  self->fingerprint_probing = FALSE;
  g_clear_pointer (&self->fingerprint_reason, g_free);
  if (availability != CST_FINGERPRINT_AVAILABLE)
    self->fingerprint_reason = reason != NULL ? g_steal_pointer (&reason)
                                              : g_strdup (_("The fingerprint reader cannot be used now"));

  update_quick_login (self);
}

static void
on_quick_lookup_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data,
                    CstCredentialKind kind)
{
  g_autoptr(Query) query = user_data;
  CstLoginPage *self = query->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;

  account = cst_auth_service_quick_login_lookup_finish (CST_AUTH_SERVICE (object), result, &error);
  if (g_cancellable_is_cancelled (query->cancellable))
    return;

  /* KEYRING_UNAVAILABLE turned "keyring-available" off, which the page
   * follows; any other failure offers nothing rather than a broken option. */
  if (error != NULL &&
      !g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE))
    g_debug ("Cannot tell whether quick login is remembered: %s", error->message);

  if (kind == CST_CREDENTIAL_KIND_FACE)
    {
      g_free (self->face_account);
      self->face_account = g_steal_pointer (&account);
    }
  else
    {
      g_free (self->fingerprint_account);
      self->fingerprint_account = g_steal_pointer (&account);

      /* Whether the reader can be used: said on the row before it is tried. */
      if (self->fingerprint_account != NULL)
        {
          self->fingerprint_probing = TRUE;
          cst_fingerprint_reader_probe_async (ensure_reader (self), query->cancellable,
                                              on_probe_cb, query_new (self));
        }
    }

  update_quick_login (self);
}

static void
on_fingerprint_lookup_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  on_quick_lookup_cb (object, result, user_data, CST_CREDENTIAL_KIND_FINGERPRINT);
}

static void
on_face_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  on_quick_lookup_cb (object, result, user_data, CST_CREDENTIAL_KIND_FACE);
}

/* Each time the page is shown: quick login may have been turned on or
 * off, a reset may have revoked it, a reader may have been plugged in. */
static void
refresh_quick_login (CstLoginPage *self)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));

  g_assert (CST_IS_LOGIN_PAGE (self));

  g_cancellable_cancel (self->quick_cancellable);
  g_clear_object (&self->quick_cancellable);
  self->quick_cancellable = g_cancellable_new ();
  self->fingerprint_probing = FALSE;

  cst_auth_service_quick_login_lookup_async (service, CST_CREDENTIAL_KIND_FINGERPRINT,
                                             self->quick_cancellable,
                                             on_fingerprint_lookup_cb, query_new (self));
  cst_auth_service_quick_login_lookup_async (service, CST_CREDENTIAL_KIND_FACE,
                                             self->quick_cancellable,
                                             on_face_lookup_cb, query_new (self));
}

static void
quick_login_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CstLoginPage *self = CST_LOGIN_PAGE (widget);
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));
  CstCredentialKind kind;
  const char *account;

  kind = g_str_equal (g_variant_get_string (param, NULL), "face") ? CST_CREDENTIAL_KIND_FACE
                                                                  : CST_CREDENTIAL_KIND_FINGERPRINT;
  account = kind == CST_CREDENTIAL_KIND_FACE ? self->face_account : self->fingerprint_account;

  /* The rows say why when it cannot be used; the action does nothing then. */
  if (self->busy || account == NULL ||
      !cst_auth_service_get_keyring_available (service) ||
      cst_quick_login_get_password_required (service, kind) ||
      (kind == CST_CREDENTIAL_KIND_FINGERPRINT &&
       (self->fingerprint_probing || self->fingerprint_reason != NULL)))
    return;

  cst_page_push (CST_PAGE (self),
                 cst_quick_login_page_new (service, kind, account,
                                           kind == CST_CREDENTIAL_KIND_FINGERPRINT ? ensure_reader (self) : NULL,
                                           kind == CST_CREDENTIAL_KIND_FACE ? self->face_verifier : NULL));
}

/* ---- tabs ---- */

static void
cst_login_page_set_mode (CstLoginPage *self,
                         const char   *mode)
{
  gboolean enterprise;

  g_assert (CST_IS_LOGIN_PAGE (self));

  enterprise = g_strcmp0 (mode, MODE_ENTERPRISE) == 0;
  mode = enterprise ? MODE_ENTERPRISE : MODE_PERSONAL;

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);

  gtk_stack_set_visible_child_name (self->stack, mode);

  /* The inactive tab stays in the accessibility tree: hide it there. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->personal_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, enterprise,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->enterprise_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !enterprise,
                               -1);

  /* SMS and face login are personal logins. */
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), !enterprise);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-login-tab", mode);

  update_default_widget (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/* ---- GObject / GtkWidget ---- */

static void
cst_login_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cst_login_page_parent_class)->map (widget);

  update_default_widget (CST_LOGIN_PAGE (widget));
  refresh_quick_login (CST_LOGIN_PAGE (widget));
}

static void
cst_login_page_constructed (GObject *object)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);
  g_autofree char *last_account = NULL;
  g_autofree char *last_tab = NULL;

  G_OBJECT_CLASS (cst_login_page_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      last_account = g_settings_get_string (self->settings, "last-account");
      last_tab = g_settings_get_string (self->settings, "last-login-tab");
    }

  if (last_account != NULL && last_account[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->account_row), last_account);

  cst_login_page_set_mode (self, last_tab ? last_tab : MODE_PERSONAL);
  update_actions (self);

  /* The failed-match count must see the password login that clears it. */
  cst_quick_login_get_failures (cst_page_get_service (CST_PAGE (self)),
                                CST_CREDENTIAL_KIND_FINGERPRINT);
  g_signal_connect_object (cst_page_get_service (CST_PAGE (self)), "notify::keyring-available",
                           G_CALLBACK (update_quick_login), self,
                           G_CONNECT_SWAPPED);
  update_quick_login (self);
}

static void
cst_login_page_dispose (GObject *object)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);

  /* Callbacks still pending see the cancellation and touch nothing. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->quick_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_LOGIN_PAGE);

  g_clear_object (&self->reader);
  g_clear_object (&self->face_verifier);

  G_OBJECT_CLASS (cst_login_page_parent_class)->dispose (object);
}

static void
cst_login_page_finalize (GObject *object)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->quick_cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->fingerprint_account, g_free);
  g_clear_pointer (&self->face_account, g_free);
  g_clear_pointer (&self->fingerprint_reason, g_free);

  G_OBJECT_CLASS (cst_login_page_parent_class)->finalize (object);
}

static void
cst_login_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_FINGERPRINT_READER:
      g_value_set_object (value, self->reader);
      break;

    case PROP_FACE_VERIFIER:
      g_value_set_object (value, self->face_verifier);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_login_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      cst_login_page_set_mode (self, g_value_get_string (value));
      break;

    case PROP_FINGERPRINT_READER:
      if (g_set_object (&self->reader, g_value_get_object (value)))
        {
          if (gtk_widget_get_mapped (GTK_WIDGET (self)))
            refresh_quick_login (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_FACE_VERIFIER:
      if (g_set_object (&self->face_verifier, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_login_page_class_init (CstLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cst_login_page_constructed;
  object_class->dispose = cst_login_page_dispose;
  object_class->finalize = cst_login_page_finalize;
  object_class->get_property = cst_login_page_get_property;
  object_class->set_property = cst_login_page_set_property;

  widget_class->map = cst_login_page_map;

  /**
   * CstLoginPage:mode:
   *
   * The tab shown: "personal" (个人业务) or "enterprise" (企业业务).
   */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         MODE_PERSONAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CstLoginPage:fingerprint-reader:
   *
   * The reader that 指纹登录 probes and verifies with; %NULL until first
   * needed, then the system's (fprintd). Setting it probes again.
   */
  properties[PROP_FINGERPRINT_READER] =
    g_param_spec_object ("fingerprint-reader", NULL, NULL,
                         CST_TYPE_FINGERPRINT_READER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CstLoginPage:face-verifier:
   *
   * The local gate of 面容登录 (see cst-quick-login-page.c); %NULL: the
   * embedded liveness simulation.
   */
  properties[PROP_FACE_VERIFIER] =
    g_param_spec_object ("face-verifier", NULL, NULL,
                         CST_TYPE_FACE_VERIFIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-login-page.ui");

  g_type_ensure (CST_TYPE_ENTRY_ROW);
  g_type_ensure (CST_TYPE_PASSWORD_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, personal_tab);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, enterprise_tab);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, personal_box);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, enterprise_box);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, account_error);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, password_error);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, keep_check);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, login_spinner);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, forgot_button);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, enterprise_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, ent_account_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, ent_password_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, enterprise_error);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, ent_account_error);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, ent_password_error);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, ent_login_button);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, ent_login_spinner);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, quick_list);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, face_row);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, keyring_notice);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, personal_hint);
  gtk_widget_class_bind_template_child (widget_class, CstLoginPage, enterprise_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_account_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enterprise_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ent_account_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ent_password_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_account_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ent_account_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enterprise_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_personal_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_enterprise_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "login.submit", NULL, login_action);
  gtk_widget_class_install_action (widget_class, "login.enterprise-submit", NULL,
                                   enterprise_login_action);
  gtk_widget_class_install_property_action (widget_class, "login.mode", "mode");
  gtk_widget_class_install_action (widget_class, "login.quick", "s", quick_login_action);
}

static void
cst_login_page_init (CstLoginPage *self)
{
  g_autoptr(GString) personal_hints = NULL;
  g_autoptr(GString) enterprise_hints = NULL;

  self->cancellable = g_cancellable_new ();
  self->settings = settings_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of the login page; zh_CN 登录 */
  cst_page_set_title (CST_PAGE (self), _("Log In"));

  personal_hints = g_string_new (NULL);
  enterprise_hints = g_string_new (NULL);
  /* Translators: hint in the 账号 field; zh_CN 居民身份证号码/手机号码/用户名 */
  set_hint (self->account_row, _("ID number, phone number or user name"), personal_hints);
  /* Translators: hint in the 密码 field; zh_CN 个人用户密码 */
  set_hint (self->password_row, _("Personal password"), personal_hints);
  /* Translators: hint in the 企业账号 field; zh_CN 统一社会信用代码/纳税人识别号 */
  set_hint (self->enterprise_row, _("Unified social credit code or taxpayer ID"), enterprise_hints);
  set_hint (self->ent_account_row, _("ID number, phone number or user name"), enterprise_hints);
  /* Its title (个人用户密码) already says it all: no line for it. */
  set_hint (self->ent_password_row, _("Personal password"), NULL);
  gtk_label_set_text (self->personal_hint, personal_hints->str);
  gtk_label_set_text (self->enterprise_hint, enterprise_hints->str);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->keep_check),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->keyring_notice, NULL,
                                  -1);
}

/**
 * cst_login_page_new:
 * @service: the service to log in with
 *
 * Returns: (transfer floating): a new login page
 */
CstPage *
cst_login_page_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_LOGIN_PAGE,
                       "service", service,
                       NULL);
}

/**
 * cst_login_page_set_enterprise:
 * @enterprise: %TRUE for the 企业业务 tab, %FALSE for 个人业务
 */
void
cst_login_page_set_enterprise (CstLoginPage *self,
                               gboolean      enterprise)
{
  g_return_if_fail (CST_IS_LOGIN_PAGE (self));

  cst_login_page_set_mode (self, enterprise ? MODE_ENTERPRISE : MODE_PERSONAL);
}
