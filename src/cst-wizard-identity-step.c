/* cst-wizard-identity-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard-identity-step"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cst-auth-error.h"
#include "cst-field.h"
#include "cst-wizard-identity-step.h"

#define VALIDATION_DELAY_MS 600

struct _CstWizardIdentityStep
{
  CstWizardStep  parent_instance;

  /* template widgets */
  AdwComboRow   *id_type_row;
  CstEntryRow   *id_number_row;
  GtkLabel      *id_number_error;
  GtkButton     *forgot_button;
  GtkWidget     *name_list;
  CstEntryRow   *name_row;
  GtkLabel      *name_error;
  GtkWidget     *derived_list;
  GtkLabel      *sex_label;
  GtkLabel      *birth_label;

  /* source ids */
  guint          id_number_timeout;
  guint          name_timeout;

  guint          ask_name : 1;
  /* Edited once: an empty field is wrong only after that. */
  guint          id_number_dirty : 1;
  guint          name_dirty : 1;
};

enum {
  PROP_0,
  PROP_ID_TYPE,
  PROP_ID_NUMBER,
  PROP_NAME,
  PROP_ASK_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstWizardIdentityStep, cst_wizard_identity_step, CST_TYPE_WIZARD_STEP)

static GParamSpec *properties[N_PROPS];

static const char *
get_id_number_text (CstWizardIdentityStep *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->id_number_row));
}

static const char *
get_name_text (CstWizardIdentityStep *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

static gboolean
check_id_number (CstWizardIdentityStep  *self,
                 char                  **normalized,
                 GError                **error)
{
  return cst_validate_id (cst_wizard_identity_step_get_id_type (self),
                          get_id_number_text (self), NULL, normalized, error);
}

static void
update_derived (CstWizardIdentityStep *self,
                const char            *normalized)
{
  g_autoptr(GDateTime) birth = NULL;
  g_autofree char *birth_text = NULL;
  GDate date;
  CstSex sex = CST_SEX_UNKNOWN;

  g_date_clear (&date, 1);

  if (!self->ask_name || normalized == NULL ||
      !cst_id_get_birth_info (cst_wizard_identity_step_get_id_type (self),
                              normalized, &date, &sex) ||
      !g_date_valid (&date))
    {
      gtk_widget_set_visible (self->derived_list, FALSE);
      return;
    }

  birth = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  /* Translators: a date of birth, see g_date_time_format(); 中文: %Y年%m月%d日 */
  birth_text = g_date_time_format (birth, C_("birth date format", "%Y-%m-%d"));

  gtk_label_set_label (self->sex_label,
                       sex == CST_SEX_MALE ? C_("sex", "Male") :
                       sex == CST_SEX_FEMALE ? C_("sex", "Female") : "");
  gtk_label_set_label (self->birth_label, birth_text);
  gtk_widget_set_visible (self->derived_list, TRUE);
}

static void
update_complete (CstWizardIdentityStep *self)
{
  g_autofree char *normalized = NULL;
  gboolean complete;

  complete = check_id_number (self, &normalized, NULL);
  update_derived (self, normalized);

  if (self->ask_name)
    complete = complete && cst_validate_name (get_name_text (self), NULL, NULL);

  cst_wizard_step_set_complete (CST_WIZARD_STEP (self), complete);
}

static void
validate_id_number (CstWizardIdentityStep *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->id_number_timeout, g_source_remove);

  /* An untouched empty field is not wrong yet, only incomplete. */
  if ((get_id_number_text (self)[0] == '\0' && !self->id_number_dirty) ||
      check_id_number (self, NULL, &error))
    cst_field_clear_error (GTK_WIDGET (self->id_number_row), self->id_number_error);
  else
    cst_field_set_error (GTK_WIDGET (self->id_number_row), self->id_number_error, error->message);
}

static void
validate_name (CstWizardIdentityStep *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->name_timeout, g_source_remove);

  if ((get_name_text (self)[0] == '\0' && !self->name_dirty) ||
      cst_validate_name (get_name_text (self), NULL, &error))
    cst_field_clear_error (GTK_WIDGET (self->name_row), self->name_error);
  else
    cst_field_set_error (GTK_WIDGET (self->name_row), self->name_error, error->message);
}

static gboolean
id_number_timeout_cb (gpointer user_data)
{
  CstWizardIdentityStep *self = user_data;

  self->id_number_timeout = 0;
  validate_id_number (self);

  return G_SOURCE_REMOVE;
}

static gboolean
name_timeout_cb (gpointer user_data)
{
  CstWizardIdentityStep *self = user_data;

  self->name_timeout = 0;
  validate_name (self);

  return G_SOURCE_REMOVE;
}

static void
on_id_number_row_changed_cb (CstWizardIdentityStep *self,
                             GtkEditable           *editable)
{
  gtk_widget_set_visible (GTK_WIDGET (self->forgot_button), FALSE);
  self->id_number_dirty = TRUE;

  /* A message that no longer applies goes at once; a new one waits. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->id_number_error)) &&
      check_id_number (self, NULL, NULL))
    validate_id_number (self);

  g_clear_handle_id (&self->id_number_timeout, g_source_remove);
  self->id_number_timeout = g_timeout_add (VALIDATION_DELAY_MS, id_number_timeout_cb, self);

  update_complete (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_NUMBER]);
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_name_row_changed_cb (CstWizardIdentityStep *self,
                        GtkEditable           *editable)
{
  self->name_dirty = TRUE;

  if (gtk_widget_get_visible (GTK_WIDGET (self->name_error)) &&
      cst_validate_name (get_name_text (self), NULL, NULL))
    validate_name (self);

  g_clear_handle_id (&self->name_timeout, g_source_remove);
  self->name_timeout = g_timeout_add (VALIDATION_DELAY_MS, name_timeout_cb, self);

  update_complete (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_id_type_row_notify_selected_cb (CstWizardIdentityStep *self,
                                   GParamSpec            *pspec,
                                   AdwComboRow           *row)
{
  gtk_widget_set_visible (GTK_WIDGET (self->forgot_button), FALSE);

  /* Not typing: a number that does not fit the new type is told at once. */
  validate_id_number (self);
  update_complete (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_TYPE]);
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_id_number_focus_leave_cb (CstWizardIdentityStep *self)
{
  if (self->id_number_timeout != 0)
    validate_id_number (self);
}

static void
on_name_focus_leave_cb (CstWizardIdentityStep *self)
{
  if (self->name_timeout != 0)
    validate_name (self);
}

static gboolean
cst_wizard_identity_step_show_error (CstWizardStep *step,
                                     const GError  *error)
{
  CstWizardIdentityStep *self = CST_WIZARD_IDENTITY_STEP (step);
  const char *field = cst_auth_error_get_field (error);

  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_ALREADY_REGISTERED) ||
      g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_NOT_REGISTERED) ||
      g_strcmp0 (field, CST_FIELD_ID_NUMBER) == 0)
    {
      g_clear_handle_id (&self->id_number_timeout, g_source_remove);
      cst_field_set_error (GTK_WIDGET (self->id_number_row), self->id_number_error,
                           error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->forgot_button),
                              g_error_matches (error, CST_AUTH_ERROR,
                                               CST_AUTH_ERROR_ALREADY_REGISTERED));
      gtk_widget_grab_focus (GTK_WIDGET (self->id_number_row));
      return TRUE;
    }

  if (self->ask_name && g_strcmp0 (field, CST_FIELD_NAME) == 0)
    {
      g_clear_handle_id (&self->name_timeout, g_source_remove);
      cst_field_set_error (GTK_WIDGET (self->name_row), self->name_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return TRUE;
    }

  return FALSE;
}

static void
cst_wizard_identity_step_shown (CstWizardStep *step)
{
  CstWizardIdentityStep *self = CST_WIZARD_IDENTITY_STEP (step);

  gtk_widget_grab_focus (GTK_WIDGET (self->id_number_row));
}

static void
add_focus_leave (GtkWidget *widget,
                 GCallback  callback,
                 gpointer   user_data)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "leave", callback, user_data);
  gtk_widget_add_controller (widget, controller);
}

static void
cst_wizard_identity_step_constructed (GObject *object)
{
  CstWizardIdentityStep *self = CST_WIZARD_IDENTITY_STEP (object);

  G_OBJECT_CLASS (cst_wizard_identity_step_parent_class)->constructed (object);

  gtk_widget_set_visible (self->name_list, self->ask_name);
  update_complete (self);
}

static void
cst_wizard_identity_step_dispose (GObject *object)
{
  CstWizardIdentityStep *self = CST_WIZARD_IDENTITY_STEP (object);

  g_clear_handle_id (&self->id_number_timeout, g_source_remove);
  g_clear_handle_id (&self->name_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_WIZARD_IDENTITY_STEP);

  G_OBJECT_CLASS (cst_wizard_identity_step_parent_class)->dispose (object);
}

static void
cst_wizard_identity_step_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CstWizardIdentityStep *self = CST_WIZARD_IDENTITY_STEP (object);

  switch (prop_id)
    {
    case PROP_ID_TYPE:
      g_value_set_int (value, cst_wizard_identity_step_get_id_type (self));
      break;

    case PROP_ID_NUMBER:
      g_value_set_string (value, get_id_number_text (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, get_name_text (self));
      break;

    case PROP_ASK_NAME:
      g_value_set_boolean (value, self->ask_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_identity_step_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CstWizardIdentityStep *self = CST_WIZARD_IDENTITY_STEP (object);

  /* The entries' "changed" handlers notify. */
  switch (prop_id)
    {
    case PROP_ID_TYPE:
      adw_combo_row_set_selected (self->id_type_row, g_value_get_int (value));
      break;

    case PROP_ID_NUMBER:
      if (g_strcmp0 (get_id_number_text (self), g_value_get_string (value) ?: "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->id_number_row),
                               g_value_get_string (value) ?: "");
      break;

    case PROP_NAME:
      if (g_strcmp0 (get_name_text (self), g_value_get_string (value) ?: "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_value_get_string (value) ?: "");
      break;

    case PROP_ASK_NAME:
      self->ask_name = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_identity_step_class_init (CstWizardIdentityStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstWizardStepClass *step_class = CST_WIZARD_STEP_CLASS (klass);

  object_class->constructed = cst_wizard_identity_step_constructed;
  object_class->dispose = cst_wizard_identity_step_dispose;
  object_class->get_property = cst_wizard_identity_step_get_property;
  object_class->set_property = cst_wizard_identity_step_set_property;

  step_class->show_error = cst_wizard_identity_step_show_error;
  step_class->shown = cst_wizard_identity_step_shown;

  properties[PROP_ID_TYPE] =
    g_param_spec_int ("id-type", NULL, NULL,
                      CST_ID_TYPE_RESIDENT, CST_N_ID_TYPES - 1, CST_ID_TYPE_RESIDENT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ASK_NAME] =
    g_param_spec_boolean ("ask-name", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-wizard-identity-step.ui");

  g_type_ensure (CST_TYPE_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, id_type_row);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, id_number_error);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, forgot_button);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, name_list);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, name_row);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, name_error);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, derived_list);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, sex_label);
  gtk_widget_class_bind_template_child (widget_class, CstWizardIdentityStep, birth_label);
  gtk_widget_class_bind_template_callback (widget_class, on_id_number_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_id_type_row_notify_selected_cb);
}

static void
cst_wizard_identity_step_init (CstWizardIdentityStep *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The list position is the CstIdType value. */
  for (guint i = 0; i < CST_N_ID_TYPES; i++)
    gtk_string_list_append (types, cst_id_type_get_label ((CstIdType) i));

  g_signal_handlers_block_by_func (self->id_type_row, on_id_type_row_notify_selected_cb, self);
  adw_combo_row_set_model (self->id_type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->id_type_row, CST_ID_TYPE_RESIDENT);
  g_signal_handlers_unblock_by_func (self->id_type_row, on_id_type_row_notify_selected_cb, self);

  add_focus_leave (GTK_WIDGET (self->id_number_row), G_CALLBACK (on_id_number_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->name_row), G_CALLBACK (on_name_focus_leave_cb), self);
}

CstIdType
cst_wizard_identity_step_get_id_type (CstWizardIdentityStep *self)
{
  guint selected;

  g_return_val_if_fail (CST_IS_WIZARD_IDENTITY_STEP (self), CST_ID_TYPE_RESIDENT);

  selected = adw_combo_row_get_selected (self->id_type_row);

  return selected < CST_N_ID_TYPES ? (CstIdType) selected : CST_ID_TYPE_RESIDENT;
}

/**
 * cst_wizard_identity_step_dup_id_number:
 *
 * Returns: (transfer full) (nullable): the normalised ID number
 */
char *
cst_wizard_identity_step_dup_id_number (CstWizardIdentityStep *self)
{
  char *normalized = NULL;

  g_return_val_if_fail (CST_IS_WIZARD_IDENTITY_STEP (self), NULL);

  if (!check_id_number (self, &normalized, NULL))
    return NULL;

  return normalized;
}

/**
 * cst_wizard_identity_step_dup_name:
 *
 * Returns: (transfer full) (nullable): the normalised name
 */
char *
cst_wizard_identity_step_dup_name (CstWizardIdentityStep *self)
{
  char *normalized = NULL;

  g_return_val_if_fail (CST_IS_WIZARD_IDENTITY_STEP (self), NULL);

  if (!cst_validate_name (get_name_text (self), &normalized, NULL))
    return NULL;

  return normalized;
}
