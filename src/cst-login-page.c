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
  AdwEntryRow         *account_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *account_error;
  GtkLabel            *password_error;
  GtkCheckButton      *keep_check;
  GtkButton           *login_button;
  GtkSpinner          *login_spinner;
  GtkButton           *register_button;
  GtkButton           *forgot_button;
  AdwEntryRow         *enterprise_row;
  AdwEntryRow         *ent_account_row;
  AdwPasswordEntryRow *ent_password_row;
  GtkLabel            *enterprise_error;
  GtkLabel            *ent_account_error;
  GtkLabel            *ent_password_error;
  GtkButton           *ent_login_button;
  GtkSpinner          *ent_login_spinner;
  GtkMenuButton       *more_button;

  /* owned */
  GCancellable        *cancellable;
  GSettings           *settings;
  char                *mode;

  guint                busy : 1;
};

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstLoginPage, cst_login_page, CST_TYPE_PAGE)

static GParamSpec *properties[N_PROPS];

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* AdwEntryRow (1.2) has no placeholder: its title takes that place while
 * the row is empty and unfocused. The hint goes on the inner GtkText, so
 * it shows under the title once the row has focus. */
static void
set_placeholder (gpointer    row,
                 const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), text);
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

static void
update_default_widget (CstLoginPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *button;

  if (!GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (g_strcmp0 (self->mode, MODE_ENTERPRISE) == 0)
    button = GTK_WIDGET (self->ent_login_button);
  else
    button = GTK_WIDGET (self->login_button);

  gtk_window_set_default_widget (GTK_WINDOW (root), button);
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

static void
login_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CstAuthService *service = CST_AUTH_SERVICE (object);
  g_autoptr(CstLoginPage) self = user_data;
  g_autoptr(GtkWidget) window = NULL;
  g_autoptr(GError) error = NULL;
  gboolean remember;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  window = ref_window (self);

  if (!cst_auth_service_login_password_finish (service, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (self->cancellable))
        return;

      set_busy (self, FALSE);
      show_error (self, error, FALSE);
      return;
    }

  /* The window may have popped (and disposed) the page on the new session. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (self->settings != NULL)
    {
      g_autofree char *account = cst_normalize_text (row_text (self->account_row));

      g_settings_set_string (self->settings, "last-account", account ? account : "");
    }

  remember = gtk_check_button_get_active (self->keep_check);
  if (remember && !cst_auth_service_get_keyring_available (service) && window != NULL)
    cst_window_show_toast (CST_WINDOW (window),
                           _("Logged in, but Keep me signed in is off: the system keyring is not available"));
}

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CstLoginPage *self = CST_LOGIN_PAGE (widget);

  if (self->busy || !personal_is_valid (self))
    return;

  clear_errors (self, FALSE);
  set_busy (self, TRUE);

  cst_auth_service_login_password_async (cst_page_get_service (CST_PAGE (self)),
                                         row_text (self->account_row),
                                         row_text (self->password_row),
                                         gtk_check_button_get_active (self->keep_check),
                                         self->cancellable,
                                         login_password_cb,
                                         g_object_ref (self));
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
}

static void
cst_login_page_unmap (GtkWidget *widget)
{
  CstLoginPage *self = CST_LOGIN_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *current = gtk_window_get_default_widget (GTK_WINDOW (root));

      if (current == GTK_WIDGET (self->login_button) ||
          current == GTK_WIDGET (self->ent_login_button))
        gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
    }

  GTK_WIDGET_CLASS (cst_login_page_parent_class)->unmap (widget);
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
}

static void
cst_login_page_dispose (GObject *object)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);

  /* Callbacks still pending see the cancellation and touch nothing. */
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_LOGIN_PAGE);

  G_OBJECT_CLASS (cst_login_page_parent_class)->dispose (object);
}

static void
cst_login_page_finalize (GObject *object)
{
  CstLoginPage *self = CST_LOGIN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->mode, g_free);

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
  widget_class->unmap = cst_login_page_unmap;

  /**
   * CstLoginPage:mode:
   *
   * The tab shown: "personal" (个人业务) or "enterprise" (企业业务).
   */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         MODE_PERSONAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-login-page.ui");
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
}

static void
cst_login_page_init (CstLoginPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = settings_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of the login page; zh_CN 登录 */
  cst_page_set_title (CST_PAGE (self), _("Log In"));

  /* Translators: hint in the 账号 field; zh_CN 居民身份证号码/手机号码/用户名 */
  set_placeholder (self->account_row, _("ID number, phone number or user name"));
  /* Translators: hint in the 密码 field; zh_CN 个人用户密码 */
  set_placeholder (self->password_row, _("Personal password"));
  /* Translators: hint in the 企业账号 field; zh_CN 统一社会信用代码/纳税人识别号 */
  set_placeholder (self->enterprise_row, _("Unified social credit code or taxpayer ID"));
  set_placeholder (self->ent_account_row, _("ID number, phone number or user name"));
  set_placeholder (self->ent_password_row, _("Personal password"));
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
