/* cst-window.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-a11y.h"
#include "cst-biometrics-page.h"
#include "cst-face-login-page.h"
#include "cst-home-page.h"
#include "cst-login-page.h"
#include "cst-my-page.h"
#include "cst-register-wizard.h"
#include "cst-reset-wizard.h"
#include "cst-sms-login-page.h"
#include "cst-window.h"

struct _CstWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkButton            *back_button;
  AdwWindowTitle       *window_title;
  GtkStack             *nav_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  /* 我的: a bin at start-up, the page in it built after the first frame */
  AdwBin               *my_bin;

  /* owned */
  CstAuthService       *service;
  /* The last session seen, to tell a new sign-in from a token refresh. */
  CstSession           *session;
  /* The pages above the root, bottom to top (strong refs). */
  GPtrArray            *pages;
  /* Popped pages, removed from nav_stack once the slide has finished. */
  GPtrArray            *leaving;
  /* NULL when the schema is not installed (tests, uninstalled runs). */
  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *last_toast;

  /* borrowed (weak pointer) */
  AdwMessageDialog     *logout_dialog;

  /* signal handler ids */
  gulong                after_paint_id;

  /* source ids */
  guint                 build_my_page_id;

  guint                 restore_started : 1;
};

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstWindow, cst_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

typedef CstPage *(*PageConstructor) (CstAuthService *service);

static void
set_accessible_hidden (GtkWidget *widget,
                       gboolean   hidden)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_HIDDEN, hidden,
                               -1);
}

/* Inactive stack children stay in the accessibility tree in GTK 4.8:
 * hide them so a screen reader does not wander into them. */
static void
hide_inactive_children (GtkWidget *stack,
                        GtkWidget *visible)
{
  for (GtkWidget *child = gtk_widget_get_first_child (stack);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_accessible_hidden (child, child != visible);
}

static void
update_chrome (CstWindow *self)
{
  CstPage *top;
  const char *title = NULL;

  if (self->pages == NULL)
    return;

  top = cst_window_get_visible_page (self);
  if (top != NULL)
    {
      title = cst_page_get_title (top);
    }
  else
    {
      GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

      if (child != NULL)
        title = adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack, child));
    }

  adw_window_title_set_title (self->window_title, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), top != NULL);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, top == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", top != NULL);
}

static void
remove_leaving_pages (CstWindow *self)
{
  while (self->leaving->len > 0)
    {
      g_autoptr(CstPage) page = g_ptr_array_steal_index (self->leaving, self->leaving->len - 1);

      g_signal_handlers_disconnect_by_data (page, self);
      gtk_stack_remove (self->nav_stack, GTK_WIDGET (page));
    }
}

static void
on_nav_stack_visible_child_cb (CstWindow *self)
{
  hide_inactive_children (GTK_WIDGET (self->nav_stack),
                          gtk_stack_get_visible_child (self->nav_stack));
}

static void
on_nav_stack_transition_running_cb (CstWindow *self)
{
  if (!gtk_stack_get_transition_running (self->nav_stack))
    remove_leaving_pages (self);
}

static void
ensure_my_page (CstWindow *self)
{
  g_clear_handle_id (&self->build_my_page_id, g_source_remove);

  if (adw_bin_get_child (self->my_bin) == NULL)
    adw_bin_set_child (self->my_bin, GTK_WIDGET (cst_my_page_new (self->service)));
}

/* A menu model makes the button build its whole GtkPopoverMenu at once,
 * which nobody sees before the menu is opened. */
static void
ensure_primary_menu (CstWindow *self)
{
  if (gtk_menu_button_get_menu_model (self->menu_button) != NULL)
    return;

  /* In this order: without a model nor a function the button is
   * insensitive for a moment, and would lose the keyboard focus. */
  gtk_menu_button_set_menu_model (self->menu_button, self->primary_menu);
  gtk_menu_button_set_create_popup_func (self->menu_button, NULL, NULL, NULL);
}

/* Should the menu be opened before the idle below has run. */
static void
create_primary_menu_cb (GtkMenuButton *menu_button,
                        gpointer       user_data)
{
  ensure_primary_menu (CST_WINDOW (user_data));
}

static gboolean
build_my_page_cb (gpointer user_data)
{
  CstWindow *self = user_data;

  self->build_my_page_id = 0;
  ensure_primary_menu (self);
  ensure_my_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_view_stack_visible_child_cb (CstWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible == GTK_WIDGET (self->my_bin))
    ensure_my_page (self);

  hide_inactive_children (GTK_WIDGET (self->view_stack), visible);
  update_chrome (self);
}

static CstPage *
find_page (CstWindow *self,
           GType      type,
           guint     *index)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      CstPage *page = g_ptr_array_index (self->pages, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (page, type))
        {
          if (index != NULL)
            *index = i;
          return page;
        }
    }

  return NULL;
}

/* Opens the page of @type: back to it when it is already on the stack
 * (e.g. 去登录 at the end of a wizard started from the login page),
 * else a new one built now, on first use. */
static CstPage *
open_page (CstWindow       *self,
           GType            type,
           PageConstructor  constructor)
{
  CstPage *page;
  guint index;

  if ((page = find_page (self, type, &index)))
    {
      if (index + 1 < self->pages->len)
        cst_window_pop_page (self, g_ptr_array_index (self->pages, index + 1));
      return page;
    }

  page = constructor (self->service);
  cst_window_push_page (self, page);

  return page;
}

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CstWindow *self = CST_WINDOW (widget);
  CstPage *page = open_page (self, CST_TYPE_LOGIN_PAGE, cst_login_page_new);

  cst_login_page_set_enterprise (CST_LOGIN_PAGE (page),
                                 g_str_equal (action_name, "win.login-enterprise"));
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_page (CST_WINDOW (widget), CST_TYPE_REGISTER_WIZARD, cst_register_wizard_new);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_page (CST_WINDOW (widget), CST_TYPE_RESET_WIZARD, cst_reset_wizard_new);
}

static void
sms_login_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_page (CST_WINDOW (widget), CST_TYPE_SMS_LOGIN_PAGE, cst_sms_login_page_new);
}

static void
face_login_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_page (CST_WINDOW (widget), CST_TYPE_FACE_LOGIN_PAGE, cst_face_login_page_new);
}

static void
biometrics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CstWindow *self = CST_WINDOW (widget);

  if (cst_auth_service_get_session (self->service) != NULL)
    {
      open_page (self, CST_TYPE_BIOMETRICS_PAGE, cst_biometrics_page_new);
      return;
    }

  /* Quick login is set up for a signed-in person (SPEC §1.7). */
  login_action (widget, "win.login", NULL);
  cst_window_show_toast (self, _("Log in first to set up quick login"));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CstWindow *self = CST_WINDOW (widget);
  CstPage *top = cst_window_get_visible_page (self);

  if (top == NULL)
    return;

  /* A wizard goes one step back, or asks before it drops what was typed. */
  if (cst_page_go_back (top))
    return;

  cst_window_pop_page (self, top);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CstWindow *self = CST_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!g_str_equal (name, "home") && !g_str_equal (name, "my"))
    {
      g_warning ("No root page named “%s”", name);
      return;
    }

  cst_window_pop_to_root (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
logout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CstWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cst_auth_service_logout_finish (CST_AUTH_SERVICE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cst_window_show_toast (self, error->message);
      return;
    }

  cst_window_show_toast (self, _("Logged out"));
}

static void
on_logout_dialog_response_cb (CstWindow        *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "logout"))
    return;

  cst_auth_service_logout_async (self->service,
                                 self->cancellable,
                                 logout_cb,
                                 g_object_ref (self));
}

static void
logout_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CstWindow *self = CST_WINDOW (widget);
  GtkWidget *dialog;

  if (cst_auth_service_get_session (self->service) == NULL)
    return;

  if (self->logout_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->logout_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Log Out?"),
                                   _("Personal and enterprise services need a new login afterwards. "
                                     "Quick login stays set up on this computer."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "logout", _("_Log Out"),
                                    NULL);
  /* GTK 4.8 would read them "_Cancel Cancel". */
  cst_a11y_name_mnemonic_buttons (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "logout", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_logout_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  self->logout_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->logout_dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
same_identity (CstSession *a,
               CstSession *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return cst_session_get_person_id (a) == cst_session_get_person_id (b) &&
         cst_session_get_role (a) == cst_session_get_role (b) &&
         g_strcmp0 (cst_session_get_enterprise_code (a), cst_session_get_enterprise_code (b)) == 0;
}

static void
on_service_session_cb (CstWindow *self)
{
  CstSession *session = cst_auth_service_get_session (self->service);
  gboolean signed_in = session != NULL && !same_identity (self->session, session);
  CstPage *page;

  g_set_object (&self->session, session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.logout", session != NULL);

  if (signed_in && self->pages->len > 0)
    {
      /* Every login flow ends here: on 我的, showing who is signed in. */
      gboolean registered = find_page (self, CST_TYPE_REGISTER_WIZARD, NULL) != NULL;

      cst_window_pop_to_root (self);
      adw_view_stack_set_visible_child_name (self->view_stack, "my");
      cst_window_show_toast (self, registered ? _("Registered and signed in") : _("Signed in"));
    }
  else if (session == NULL &&
           (page = find_page (self, CST_TYPE_BIOMETRICS_PAGE, NULL)) != NULL)
    {
      /* Quick-login settings belong to the session that just ended. */
      cst_window_pop_page (self, page);
    }
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CstWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (cst_auth_service_restore_finish (CST_AUTH_SERVICE (object), result, &error))
    return;

  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* No keyring: the login page says 保持登录 is off; no need to nag here. */
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE))
    {
      g_debug ("No remembered login: %s", error->message);
      return;
    }

  cst_window_show_toast (self, error->message);
}

/* The keyring and the database are only touched once the window is on
 * screen, so start-up never waits for D-Bus or the disk. */
static void
on_frame_clock_after_paint_cb (CstWindow     *self,
                               GdkFrameClock *frame_clock)
{
  g_clear_signal_handler (&self->after_paint_id, frame_clock);

  /* AdwViewStack measures its hidden pages too: 我的 would cost the
   * first frame its layout, while nobody can see it yet; and the main
   * menu's popover is only seen once opened. */
  if (adw_bin_get_child (self->my_bin) == NULL && self->build_my_page_id == 0)
    self->build_my_page_id = g_idle_add (build_my_page_cb, self);

  if (cst_auth_service_get_session (self->service) != NULL)
    return;

  cst_auth_service_restore_async (self->service,
                                  self->cancellable,
                                  restore_cb,
                                  g_object_ref (self));
}

static void
cst_window_map (GtkWidget *widget)
{
  CstWindow *self = CST_WINDOW (widget);

  GTK_WIDGET_CLASS (cst_window_parent_class)->map (widget);

  /* Once per window, not on every map after a minimise. */
  if (self->restore_started)
    return;
  self->restore_started = TRUE;

  self->after_paint_id =
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_frame_clock_after_paint_cb),
                             self, G_CONNECT_SWAPPED);
}

static GSettings *
settings_new_if_installed (void)
{
  static const char *keys[] = { "window-width", "window-height", "window-maximized" };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  if (!(schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE)))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!g_settings_schema_has_key (schema, keys[i]))
        {
          g_warning ("Schema %s has no key %s", BASE_APPLICATION_ID, keys[i]);
          return NULL;
        }
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
cst_window_close_request (GtkWindow *window)
{
  CstWindow *self = CST_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      /* GTK keeps the default size at the unmaximised size. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (cst_window_parent_class)->close_request (window);
}

static void
cst_window_constructed (GObject *object)
{
  CstWindow *self = CST_WINDOW (object);

  G_OBJECT_CLASS (cst_window_parent_class)->constructed (object);

  g_assert (CST_IS_AUTH_SERVICE (self->service));

  adw_view_stack_add_titled_with_icon (self->view_stack,
                                              GTK_WIDGET (cst_home_page_new (self->service)),
                                              "home",
                                              /* Translators: the first tab, 首页 */
                                              C_("tab", "Home"),
                                              "go-home-symbolic");
  self->my_bin = ADW_BIN (adw_bin_new ());
  adw_view_stack_add_titled_with_icon (self->view_stack,
                                              GTK_WIDGET (self->my_bin),
                                              "my",
                                              /* Translators: the second tab, 我的 (the user's own page) */
                                              C_("tab", "My"),
                                              "avatar-default-symbolic");

  /* The bottom tab bar, read as "AdwViewSwitcher" otherwise. */
  cst_a11y_name_descendant (GTK_WIDGET (self), ADW_TYPE_VIEW_SWITCHER,
                            /* Translators: for screen readers, the bottom tab bar (首页, 我的) */
                            _("Main pages"));

  g_set_object (&self->session, cst_auth_service_get_session (self->service));
  g_signal_connect_object (self->service, "notify::session",
                           G_CALLBACK (on_service_session_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.logout", self->session != NULL);

  if ((self->settings = settings_new_if_installed ()))
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  on_view_stack_visible_child_cb (self);
  on_nav_stack_visible_child_cb (self);
}

static void
cst_window_dispose (GObject *object)
{
  CstWindow *self = CST_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->build_my_page_id, g_source_remove);

  if (self->logout_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->logout_dialog), (gpointer *) &self->logout_dialog);
      gtk_window_destroy (GTK_WINDOW (self->logout_dialog));
      self->logout_dialog = NULL;
    }

  /* Nothing of this window is to be touched any more: the service outlives
   * it, and tearing the stacks down changes their visible child. */
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  if (self->nav_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->nav_stack, self);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->leaving, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cst_window_parent_class)->dispose (object);
}

static void
cst_window_finalize (GObject *object)
{
  CstWindow *self = CST_WINDOW (object);

  g_clear_object (&self->service);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (cst_window_parent_class)->finalize (object);
}

static void
cst_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CstWindow *self = CST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CstWindow *self = CST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_window_class_init (CstWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cst_window_constructed;
  object_class->dispose = cst_window_dispose;
  object_class->finalize = cst_window_finalize;
  object_class->get_property = cst_window_get_property;
  object_class->set_property = cst_window_set_property;

  widget_class->map = cst_window_map;

  window_class->close_request = cst_window_close_request;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         CST_TYPE_AUTH_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cst-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CstWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CstWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_nav_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_nav_stack_transition_running_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.login", NULL, login_action);
  gtk_widget_class_install_action (widget_class, "win.login-enterprise", NULL, login_action);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "win.sms-login", NULL, sms_login_action);
  gtk_widget_class_install_action (widget_class, "win.face-login", NULL, face_login_action);
  gtk_widget_class_install_action (widget_class, "win.biometrics", NULL, biometrics_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.logout", NULL, logout_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  /* Disabled at the root, so the keys then reach whatever else wants them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
}

static void
on_back_gesture_pressed_cb (CstWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

static void
cst_window_init (CstWindow *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->leaving = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* AdwToastOverlay binds Escape to dismissing its toast, and it sits
   * between the pages and the window: while a toast shows (“Signed in”
   * right after a login), Escape in a page only dismissed the toast, which
   * a screen-reader user may not even know is there. The pages' stack takes
   * Escape first; at the root win.back is disabled, so Escape goes on to
   * the toast. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.back")));
  gtk_widget_add_controller (GTK_WIDGET (self->nav_stack), controller);

  /* The mouse's back button, as in a browser. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 8);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (on_back_gesture_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/**
 * cst_window_new:
 * @application: (nullable): the application, NULL in tests
 * @service: the identity service
 *
 * Returns: (transfer none): a new window
 */
CstWindow *
cst_window_new (AdwApplication *application,
                CstAuthService *service)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_WINDOW,
                       "application", application,
                       "service", service,
                       NULL);
}

/**
 * cst_window_get_service:
 *
 * Returns: (transfer none): the identity service
 */
CstAuthService *
cst_window_get_service (CstWindow *self)
{
  g_return_val_if_fail (CST_IS_WINDOW (self), NULL);

  return self->service;
}

void
cst_window_push_page (CstWindow *self,
                      CstPage   *page)
{
  g_return_if_fail (CST_IS_WINDOW (self));
  g_return_if_fail (CST_IS_PAGE (page));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (page)) == NULL);

  g_ptr_array_add (self->pages, g_object_ref_sink (page));
  gtk_stack_add_child (self->nav_stack, GTK_WIDGET (page));
  g_signal_connect_object (page, "notify::title",
                           G_CALLBACK (update_chrome),
                           self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child (self->nav_stack, GTK_WIDGET (page));
  update_chrome (self);
}

void
cst_window_pop_page (CstWindow *self,
                     CstPage   *page)
{
  CstPageClass *klass;
  GtkWidget *visible;
  guint index;

  g_return_if_fail (CST_IS_WINDOW (self));
  g_return_if_fail (CST_IS_PAGE (page));

  if (!g_ptr_array_find (self->pages, page, &index))
    return;

  visible = index > 0 ? g_ptr_array_index (self->pages, index - 1) : GTK_WIDGET (self->view_stack);

  /* The popped pages live until the slide away from them is over. */
  while (self->pages->len > index)
    g_ptr_array_add (self->leaving, g_ptr_array_steal_index (self->pages, self->pages->len - 1));

  gtk_stack_set_visible_child (self->nav_stack, visible);
  if (!gtk_stack_get_transition_running (self->nav_stack))
    remove_leaving_pages (self);

  update_chrome (self);

  if (CST_IS_PAGE (visible) && (klass = CST_PAGE_GET_CLASS (visible))->shown != NULL)
    klass->shown (CST_PAGE (visible));
}

void
cst_window_pop_to_root (CstWindow *self)
{
  g_return_if_fail (CST_IS_WINDOW (self));

  if (self->pages->len > 0)
    cst_window_pop_page (self, g_ptr_array_index (self->pages, 0));
}

/**
 * cst_window_get_visible_page:
 *
 * Returns: (transfer none) (nullable): the page on top, or NULL at the root
 */
CstPage *
cst_window_get_visible_page (CstWindow *self)
{
  g_return_val_if_fail (CST_IS_WINDOW (self), NULL);

  if (self->pages == NULL || self->pages->len == 0)
    return NULL;

  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

/* libadwaita 1.2's close button of a toast is read as "GtkImage". A toast
 * queued behind another gets its widget only when the one before it is
 * dismissed, so this runs for every toast shown and after every dismissal. */
static void
name_toast_close_buttons (CstWindow *self)
{
  /* The overlay dismisses its toasts as the window is disposed. */
  if (self->toast_overlay == NULL)
    return;

  cst_a11y_name_icon_buttons (GTK_WIDGET (self->toast_overlay), "window-close-symbolic",
                              /* Translators: for screen readers, the × of a toast */
                              C_("toast", "Close"));
}

void
cst_window_show_toast (CstWindow  *self,
                       const char *text)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (CST_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);

  /* Toast titles are Pango markup; messages may hold '&' or '<'. */
  markup = g_markup_escape_text (text, -1);
  toast = adw_toast_new (markup);
  /* After the overlay's own handler, which shows the next queued toast. */
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (name_toast_close_buttons),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  name_toast_close_buttons (self);
}

/**
 * cst_window_get_last_toast:
 *
 * Returns: (nullable): the text of the last toast shown
 */
const char *
cst_window_get_last_toast (CstWindow *self)
{
  g_return_val_if_fail (CST_IS_WINDOW (self), NULL);

  return self->last_toast;
}
