/* cst-wizard-credentials-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard-credentials-step"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cst-auth-error.h"
#include "cst-core.h"
#include "cst-field.h"
#include "cst-wizard-credentials-step.h"

#define VALIDATION_DELAY_MS 600

struct _CstWizardCredentialsStep
{
  CstWizardStep   parent_instance;

  /* template widgets */
  CstPasswordRow *password_row;
  GtkWidget      *phone_intro;
  GtkWidget      *phone_list;
  CstEntryRow    *phone_row;
  GtkLabel       *phone_error;
  CstSmsCodeRow  *code_row;

  /* owned */
  char           *id_number;

  /* source ids */
  guint           phone_timeout;

  guint           ask_password : 1;
  guint           ask_phone : 1;
  /* Edited once: an empty field is wrong only after that. */
  guint           phone_dirty : 1;
};

enum {
  PROP_0,
  PROP_ASK_PASSWORD,
  PROP_ASK_PHONE,
  PROP_PHONE,
  PROP_CODE,
  PROP_ID_NUMBER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstWizardCredentialsStep, cst_wizard_credentials_step, CST_TYPE_WIZARD_STEP)

static GParamSpec *properties[N_PROPS];

static const char *
get_phone_text (CstWizardCredentialsStep *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
}

static void
update_personal (CstWizardCredentialsStep *self)
{
  g_autofree char *phone = cst_wizard_credentials_step_dup_phone (self);
  const char *personal[3] = { NULL, };
  guint n = 0;

  /* The password may contain neither the ID number nor the phone. */
  if (self->id_number != NULL && self->id_number[0] != '\0')
    personal[n++] = self->id_number;
  if (phone != NULL)
    personal[n++] = phone;

  cst_password_row_set_personal (self->password_row, personal);
}

static void
update_complete (CstWizardCredentialsStep *self)
{
  gboolean complete = TRUE;

  if (self->ask_password)
    complete = complete && cst_password_row_get_valid (self->password_row);

  if (self->ask_phone)
    {
      gboolean phone_valid = cst_validate_phone (get_phone_text (self), NULL, NULL);

      cst_sms_code_row_set_can_send (self->code_row, phone_valid);
      complete = complete && phone_valid && cst_sms_code_row_get_complete (self->code_row);
    }

  cst_wizard_step_set_complete (CST_WIZARD_STEP (self), complete);
}

static void
validate_phone (CstWizardCredentialsStep *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->phone_timeout, g_source_remove);

  if ((get_phone_text (self)[0] == '\0' && !self->phone_dirty) ||
      cst_validate_phone (get_phone_text (self), NULL, &error))
    cst_field_clear_error (GTK_WIDGET (self->phone_row), self->phone_error);
  else
    cst_field_set_error (GTK_WIDGET (self->phone_row), self->phone_error, error->message);
}

static gboolean
phone_timeout_cb (gpointer user_data)
{
  CstWizardCredentialsStep *self = user_data;

  self->phone_timeout = 0;
  validate_phone (self);

  return G_SOURCE_REMOVE;
}

static void
on_phone_row_changed_cb (CstWizardCredentialsStep *self,
                         GtkEditable              *editable)
{
  self->phone_dirty = TRUE;

  if (gtk_widget_get_visible (GTK_WIDGET (self->phone_error)) &&
      cst_validate_phone (get_phone_text (self), NULL, NULL))
    validate_phone (self);

  g_clear_handle_id (&self->phone_timeout, g_source_remove);
  self->phone_timeout = g_timeout_add (VALIDATION_DELAY_MS, phone_timeout_cb, self);

  update_personal (self);
  update_complete (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_phone_focus_leave_cb (CstWizardCredentialsStep *self)
{
  if (self->phone_timeout != 0)
    validate_phone (self);
}

static void
on_password_row_notify_valid_cb (CstWizardCredentialsStep *self)
{
  update_complete (self);
}

static void
on_password_row_notify_password_cb (CstWizardCredentialsStep *self)
{
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_code_row_notify_code_cb (CstWizardCredentialsStep *self,
                            GParamSpec               *pspec,
                            CstSmsCodeRow            *row)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_code_row_notify_complete_cb (CstWizardCredentialsStep *self)
{
  update_complete (self);
}

static gboolean
error_is (const GError *error,
          CstAuthError  code)
{
  return g_error_matches (error, CST_AUTH_ERROR, code);
}

static gboolean
cst_wizard_credentials_step_show_error (CstWizardStep *step,
                                        const GError  *error)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (step);
  const char *field = cst_auth_error_get_field (error);

  if (self->ask_password &&
      (error_is (error, CST_AUTH_ERROR_PASSWORD_POLICY) ||
       g_strcmp0 (field, CST_FIELD_PASSWORD) == 0))
    {
      cst_password_row_set_error (self->password_row, error->message);
      gtk_widget_grab_focus (cst_password_row_get_entry (self->password_row));
      return TRUE;
    }

  if (!self->ask_phone)
    return FALSE;

  if (error_is (error, CST_AUTH_ERROR_PHONE_IN_USE) || g_strcmp0 (field, CST_FIELD_PHONE) == 0)
    {
      g_clear_handle_id (&self->phone_timeout, g_source_remove);
      cst_field_set_error (GTK_WIDGET (self->phone_row), self->phone_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->phone_row));
      return TRUE;
    }

  return cst_sms_code_row_show_check_error (self->code_row, error);
}

static void
cst_wizard_credentials_step_shown (CstWizardStep *step)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (step);

  if (self->ask_password)
    gtk_widget_grab_focus (cst_password_row_get_entry (self->password_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->phone_row));
}

static void
cst_wizard_credentials_step_constructed (GObject *object)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (object);

  G_OBJECT_CLASS (cst_wizard_credentials_step_parent_class)->constructed (object);

  gtk_widget_set_visible (GTK_WIDGET (self->password_row), self->ask_password);
  gtk_widget_set_visible (self->phone_intro, self->ask_phone);
  gtk_widget_set_visible (self->phone_list, self->ask_phone);
  gtk_widget_set_visible (GTK_WIDGET (self->code_row), self->ask_phone);

  update_complete (self);
}

static void
cst_wizard_credentials_step_dispose (GObject *object)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (object);

  g_clear_handle_id (&self->phone_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_WIZARD_CREDENTIALS_STEP);

  G_OBJECT_CLASS (cst_wizard_credentials_step_parent_class)->dispose (object);
}

static void
cst_wizard_credentials_step_finalize (GObject *object)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (object);

  g_clear_pointer (&self->id_number, g_free);

  G_OBJECT_CLASS (cst_wizard_credentials_step_parent_class)->finalize (object);
}

static void
cst_wizard_credentials_step_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (object);

  switch (prop_id)
    {
    case PROP_ASK_PASSWORD:
      g_value_set_boolean (value, self->ask_password);
      break;

    case PROP_ASK_PHONE:
      g_value_set_boolean (value, self->ask_phone);
      break;

    case PROP_PHONE:
      g_value_set_string (value, get_phone_text (self));
      break;

    case PROP_CODE:
      g_value_set_string (value, cst_sms_code_row_get_code (self->code_row));
      break;

    case PROP_ID_NUMBER:
      g_value_set_string (value, self->id_number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_credentials_step_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  CstWizardCredentialsStep *self = CST_WIZARD_CREDENTIALS_STEP (object);
  const char *str;

  switch (prop_id)
    {
    case PROP_ASK_PASSWORD:
      self->ask_password = g_value_get_boolean (value);
      break;

    case PROP_ASK_PHONE:
      self->ask_phone = g_value_get_boolean (value);
      break;

    case PROP_PHONE:
      /* The row's "changed" handler notifies. */
      str = g_value_get_string (value);
      if (g_strcmp0 (get_phone_text (self), str ?: "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->phone_row), str ?: "");
      break;

    case PROP_CODE:
      str = g_value_get_string (value);
      if (g_strcmp0 (cst_sms_code_row_get_code (self->code_row), str ?: "") != 0)
        cst_sms_code_row_set_code (self->code_row, str ?: "");
      break;

    case PROP_ID_NUMBER:
      /* g_set_str() is GLib 2.76; the floor is 2.74. */
      str = g_value_get_string (value);
      if (g_strcmp0 (self->id_number, str) != 0)
        {
          g_free (self->id_number);
          self->id_number = g_strdup (str);
          update_personal (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_credentials_step_class_init (CstWizardCredentialsStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstWizardStepClass *step_class = CST_WIZARD_STEP_CLASS (klass);

  object_class->constructed = cst_wizard_credentials_step_constructed;
  object_class->dispose = cst_wizard_credentials_step_dispose;
  object_class->finalize = cst_wizard_credentials_step_finalize;
  object_class->get_property = cst_wizard_credentials_step_get_property;
  object_class->set_property = cst_wizard_credentials_step_set_property;

  step_class->show_error = cst_wizard_credentials_step_show_error;
  step_class->shown = cst_wizard_credentials_step_shown;

  properties[PROP_ASK_PASSWORD] =
    g_param_spec_boolean ("ask-password", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ASK_PHONE] =
    g_param_spec_boolean ("ask-phone", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-wizard-credentials-step.ui");

  g_type_ensure (CST_TYPE_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstWizardCredentialsStep, password_row);
  gtk_widget_class_bind_template_child (widget_class, CstWizardCredentialsStep, phone_intro);
  gtk_widget_class_bind_template_child (widget_class, CstWizardCredentialsStep, phone_list);
  gtk_widget_class_bind_template_child (widget_class, CstWizardCredentialsStep, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CstWizardCredentialsStep, phone_error);
  gtk_widget_class_bind_template_child (widget_class, CstWizardCredentialsStep, code_row);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_notify_valid_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_notify_password_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_notify_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_notify_complete_cb);

  g_type_ensure (CST_TYPE_PASSWORD_ROW);
  g_type_ensure (CST_TYPE_SMS_CODE_ROW);
}

static void
cst_wizard_credentials_step_init (CstWizardCredentialsStep *self)
{
  GtkEventController *controller;

  self->ask_password = TRUE;
  self->ask_phone = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_phone_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->phone_row), controller);
}

/**
 * cst_wizard_credentials_step_get_password_row:
 *
 * Returns: (transfer none): the new-password row
 */
CstPasswordRow *
cst_wizard_credentials_step_get_password_row (CstWizardCredentialsStep *self)
{
  g_return_val_if_fail (CST_IS_WIZARD_CREDENTIALS_STEP (self), NULL);

  return self->password_row;
}

/**
 * cst_wizard_credentials_step_get_code_row:
 *
 * Returns: (transfer none): the SMS code row
 */
CstSmsCodeRow *
cst_wizard_credentials_step_get_code_row (CstWizardCredentialsStep *self)
{
  g_return_val_if_fail (CST_IS_WIZARD_CREDENTIALS_STEP (self), NULL);

  return self->code_row;
}

/**
 * cst_wizard_credentials_step_get_phone_row:
 *
 * Returns: (transfer none): the phone entry (a #GtkEditable)
 */
GtkWidget *
cst_wizard_credentials_step_get_phone_row (CstWizardCredentialsStep *self)
{
  g_return_val_if_fail (CST_IS_WIZARD_CREDENTIALS_STEP (self), NULL);

  return GTK_WIDGET (self->phone_row);
}

/**
 * cst_wizard_credentials_step_dup_phone:
 *
 * Returns: (transfer full) (nullable): the normalised phone number
 */
char *
cst_wizard_credentials_step_dup_phone (CstWizardCredentialsStep *self)
{
  char *normalized = NULL;

  g_return_val_if_fail (CST_IS_WIZARD_CREDENTIALS_STEP (self), NULL);

  if (!cst_validate_phone (get_phone_text (self), &normalized, NULL))
    return NULL;

  return normalized;
}
