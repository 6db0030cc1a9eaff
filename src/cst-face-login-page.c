/* cst-face-login-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-face-login-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-a11y.h"
#include "cst-core.h"
#include "cst-face-capture-view.h"
#include "cst-face-login-page.h"
#include "cst-field.h"
#include "cst-window.h"

struct _CstFaceLoginPage
{
  CstPage             parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkWidget          *form_page;
  GtkWidget          *capture_page;
  GtkWidget          *unavailable_page;
  AdwComboRow        *id_type_row;
  CstEntryRow        *id_number_row;
  GtkLabel           *id_number_error;
  GtkCheckButton     *keep_check;
  GtkButton          *next_button;
  GtkLabel           *who_label;
  CstFaceCaptureView *face_view;

  /* owned */
  GCancellable       *cancellable;

  /* Bumped when the user leaves the capture: a late answer for an
   * abandoned attempt is dropped. */
  guint               attempt;
};

G_DEFINE_FINAL_TYPE (CstFaceLoginPage, cst_face_login_page, CST_TYPE_PAGE)

typedef struct
{
  CstFaceLoginPage *self;
  guint             attempt;
  gboolean          remember;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_clear_object (&attempt->self);
  g_free (attempt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attempt, attempt_free)

static CstIdType
get_id_type (CstFaceLoginPage *self)
{
  guint selected = adw_combo_row_get_selected (self->id_type_row);

  return selected < CST_N_ID_TYPES ? (CstIdType) selected : CST_ID_TYPE_RESIDENT;
}

static const char *
id_number_text (CstFaceLoginPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->id_number_row));
}

static gboolean
id_is_valid (CstFaceLoginPage *self,
             GError          **error)
{
  return cst_validate_id (get_id_type (self), id_number_text (self), NULL, NULL, error);
}

static void
update_actions (CstFaceLoginPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "face-login.next", id_is_valid (self, NULL));
}

static void
show_stage (CstFaceLoginPage *self,
            const char       *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->form_page),
                               GTK_ACCESSIBLE_STATE_HIDDEN, g_strcmp0 (name, "form") != 0,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->capture_page),
                               GTK_ACCESSIBLE_STATE_HIDDEN, g_strcmp0 (name, "capture") != 0,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->unavailable_page),
                               GTK_ACCESSIBLE_STATE_HIDDEN, g_strcmp0 (name, "unavailable") != 0,
                               -1);
}

static void
update_availability (CstFaceLoginPage *self)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));

  if (!cst_auth_service_get_face_available (service))
    show_stage (self, "unavailable");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "unavailable") == 0)
    show_stage (self, "form");
}

static void
back_to_form (CstFaceLoginPage *self)
{
  self->attempt++;
  cst_face_capture_view_reset (self->face_view);
  show_stage (self, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->id_number_row));
}

static void
on_id_type_row_notify_selected_cb (CstFaceLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->id_number_row), self->id_number_error);
  update_actions (self);
}

static void
on_id_number_row_changed_cb (CstFaceLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->id_number_row), self->id_number_error);
  update_actions (self);
}

static void
on_id_number_focus_leave_cb (CstFaceLoginPage *self)
{
  g_autoptr(GError) error = NULL;

  if (id_number_text (self)[0] != '\0' && !id_is_valid (self, &error))
    cst_field_set_error (GTK_WIDGET (self->id_number_row), self->id_number_error, error->message);
}

static void
on_id_number_row_entry_activated_cb (CstFaceLoginPage *self)
{
  if (id_is_valid (self, NULL))
    gtk_widget_activate_action (GTK_WIDGET (self), "face-login.next", NULL);
  else
    on_id_number_focus_leave_cb (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CstFaceLoginPage *self = CST_FACE_LOGIN_PAGE (widget);
  g_autofree char *normalized = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *who = NULL;

  if (!cst_validate_id (get_id_type (self), id_number_text (self), NULL, &normalized, NULL))
    return;

  masked = cst_mask_id_number (normalized);
  /* Translators: above the face capture; %s is the masked ID number */
  who = g_strdup_printf (_("Face recognition for %s"), masked);
  gtk_label_set_text (self->who_label, who);

  cst_face_capture_view_reset (self->face_view);
  show_stage (self, "capture");
  gtk_widget_grab_focus (GTK_WIDGET (self->face_view));
}

static void
login_face_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CstAuthService *service = CST_AUTH_SERVICE (object);
  g_autoptr(Attempt) attempt = user_data;
  CstFaceLoginPage *self = attempt->self;
  g_autoptr(GtkWidget) window = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_WINDOW);
  if (window != NULL)
    g_object_ref (window);

  ok = cst_auth_service_login_face_finish (service, result, &error);

  if (g_cancellable_is_cancelled (self->cancellable) || attempt->attempt != self->attempt)
    return;

  if (ok)
    {
      cst_face_capture_view_set_result (self->face_view, TRUE, NULL);
      if (attempt->remember && !cst_auth_service_get_keyring_available (service) && window != NULL)
        cst_window_show_toast (CST_WINDOW (window),
                               _("Logged in, but Keep me signed in is off: the system keyring is not available"));
      return;
    }

  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE))
    {
      show_stage (self, "unavailable");
      return;
    }

  /* A problem with what was typed: back to the form, with the reason there. */
  if (g_strcmp0 (cst_auth_error_get_field (error), CST_FIELD_ID_NUMBER) == 0 ||
      g_strcmp0 (cst_auth_error_get_field (error), CST_FIELD_ACCOUNT) == 0 ||
      g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_NOT_REGISTERED))
    {
      back_to_form (self);
      cst_field_set_error (GTK_WIDGET (self->id_number_row), self->id_number_error, error->message);
      return;
    }

  /* Rejected, locked, storage …: the view says it and offers Retry. */
  cst_face_capture_view_set_result (self->face_view, FALSE, error->message);
}

static void
on_face_view_captured_cb (CstFaceLoginPage *self,
                          CstFaceCapture   *capture)
{
  Attempt *attempt;

  attempt = g_new0 (Attempt, 1);
  attempt->self = g_object_ref (self);
  attempt->attempt = self->attempt;
  attempt->remember = gtk_check_button_get_active (self->keep_check);

  cst_auth_service_login_face_async (cst_page_get_service (CST_PAGE (self)),
                                     get_id_type (self),
                                     id_number_text (self),
                                     capture,
                                     attempt->remember,
                                     self->cancellable,
                                     login_face_cb,
                                     attempt);
}

static gboolean
cst_face_login_page_go_back (CstPage *page)
{
  CstFaceLoginPage *self = CST_FACE_LOGIN_PAGE (page);

  /* From the capture, back goes to the form, keeping what was typed. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "capture") == 0)
    {
      back_to_form (self);
      return TRUE;
    }

  return FALSE;
}

static void
cst_face_login_page_constructed (GObject *object)
{
  CstFaceLoginPage *self = CST_FACE_LOGIN_PAGE (object);
  CstAuthService *service;

  G_OBJECT_CLASS (cst_face_login_page_parent_class)->constructed (object);

  service = cst_page_get_service (CST_PAGE (self));
  g_return_if_fail (CST_IS_AUTH_SERVICE (service));

  g_object_bind_property (service, "face-simulated", self->face_view, "simulated",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (service, "notify::face-available",
                           G_CALLBACK (update_availability), self,
                           G_CONNECT_SWAPPED);

  show_stage (self, "form");
  update_availability (self);
}

static void
cst_face_login_page_dispose (GObject *object)
{
  CstFaceLoginPage *self = CST_FACE_LOGIN_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  /* The bin's child is a bound template child: take it out through the
   * bin, so AdwBin does not unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_FACE_LOGIN_PAGE);

  G_OBJECT_CLASS (cst_face_login_page_parent_class)->dispose (object);
}

static void
cst_face_login_page_finalize (GObject *object)
{
  CstFaceLoginPage *self = CST_FACE_LOGIN_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cst_face_login_page_parent_class)->finalize (object);
}

static void
cst_face_login_page_class_init (CstFaceLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstPageClass *page_class = CST_PAGE_CLASS (klass);

  object_class->constructed = cst_face_login_page_constructed;
  object_class->dispose = cst_face_login_page_dispose;
  object_class->finalize = cst_face_login_page_finalize;

  page_class->go_back = cst_face_login_page_go_back;

  g_type_ensure (CST_TYPE_FACE_CAPTURE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-face-login-page.ui");

  g_type_ensure (CST_TYPE_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, form_page);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, capture_page);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, id_type_row);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, id_number_error);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, keep_check);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, who_label);
  gtk_widget_class_bind_template_child (widget_class, CstFaceLoginPage, face_view);
  gtk_widget_class_bind_template_callback (widget_class, on_id_type_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_id_number_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_id_number_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_id_number_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_face_view_captured_cb);

  gtk_widget_class_install_action (widget_class, "face-login.next", NULL, next_action);
}

static void
cst_face_login_page_init (CstFaceLoginPage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Inactive pages would stay in the accessibility tree. */
  cst_a11y_hide_inactive_pages (self->stack);

  /* Translators: the title of the face login page; zh_CN 扫脸登录 */
  cst_page_set_title (CST_PAGE (self), C_("login method", "Face Login"));

  /* The row's position is the CstIdType. */
  for (guint i = 0; i < CST_N_ID_TYPES; i++)
    gtk_string_list_append (types, cst_id_type_get_label ((CstIdType) i));
  adw_combo_row_set_model (self->id_type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->id_type_row, CST_ID_TYPE_RESIDENT);

  update_actions (self);
}

/**
 * cst_face_login_page_new:
 * @service: the service to log in with
 *
 * Returns: (transfer floating): a new 扫脸登录 page
 */
CstPage *
cst_face_login_page_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_FACE_LOGIN_PAGE,
                       "service", service,
                       NULL);
}
