/* cst-reset-code-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-reset-code-step"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cst-auth-error.h"
#include "cst-reset-code-step.h"

struct _CstResetCodeStep
{
  CstWizardStep  parent_instance;

  /* template widgets */
  GtkLabel      *phone_label;
  CstSmsCodeRow *code_row;

  /* owned */
  char          *masked_phone;
};

enum {
  PROP_0,
  PROP_MASKED_PHONE,
  PROP_CODE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstResetCodeStep, cst_reset_code_step, CST_TYPE_WIZARD_STEP)

static GParamSpec *properties[N_PROPS];

static void
on_code_row_notify_code_cb (CstResetCodeStep *self,
                            GParamSpec       *pspec,
                            CstSmsCodeRow    *row)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
  cst_wizard_step_changed (CST_WIZARD_STEP (self));
}

static void
on_code_row_notify_complete_cb (CstResetCodeStep *self,
                                GParamSpec       *pspec,
                                CstSmsCodeRow    *row)
{
  cst_wizard_step_set_complete (CST_WIZARD_STEP (self), cst_sms_code_row_get_complete (row));
}

static gboolean
cst_reset_code_step_show_error (CstWizardStep *step,
                                const GError  *error)
{
  CstResetCodeStep *self = CST_RESET_CODE_STEP (step);

  return cst_sms_code_row_show_check_error (self->code_row, error);
}

static void
cst_reset_code_step_shown (CstWizardStep *step)
{
  CstResetCodeStep *self = CST_RESET_CODE_STEP (step);

  gtk_widget_grab_focus (cst_sms_code_row_get_entry (self->code_row));
}

static void
cst_reset_code_step_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CST_TYPE_RESET_CODE_STEP);

  G_OBJECT_CLASS (cst_reset_code_step_parent_class)->dispose (object);
}

static void
cst_reset_code_step_finalize (GObject *object)
{
  CstResetCodeStep *self = CST_RESET_CODE_STEP (object);

  g_clear_pointer (&self->masked_phone, g_free);

  G_OBJECT_CLASS (cst_reset_code_step_parent_class)->finalize (object);
}

static void
cst_reset_code_step_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CstResetCodeStep *self = CST_RESET_CODE_STEP (object);

  switch (prop_id)
    {
    case PROP_MASKED_PHONE:
      g_value_set_string (value, self->masked_phone);
      break;

    case PROP_CODE:
      g_value_set_string (value, cst_sms_code_row_get_code (self->code_row));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_reset_code_step_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CstResetCodeStep *self = CST_RESET_CODE_STEP (object);
  const char *str = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_MASKED_PHONE:
      if (g_strcmp0 (self->masked_phone, str) != 0)
        {
          g_autofree char *text = NULL;

          g_free (self->masked_phone);
          self->masked_phone = g_strdup (str);

          /* Translators: %s is a masked phone number, e.g. 138****1234 */
          text = g_strdup_printf (_("The code will be sent to %s"), str ?: "");
          gtk_label_set_label (self->phone_label, text);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CODE:
      if (g_strcmp0 (cst_sms_code_row_get_code (self->code_row), str ?: "") != 0)
        cst_sms_code_row_set_code (self->code_row, str ?: "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_reset_code_step_class_init (CstResetCodeStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstWizardStepClass *step_class = CST_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cst_reset_code_step_dispose;
  object_class->finalize = cst_reset_code_step_finalize;
  object_class->get_property = cst_reset_code_step_get_property;
  object_class->set_property = cst_reset_code_step_set_property;

  step_class->show_error = cst_reset_code_step_show_error;
  step_class->shown = cst_reset_code_step_shown;

  properties[PROP_MASKED_PHONE] =
    g_param_spec_string ("masked-phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-reset-code-step.ui");
  gtk_widget_class_bind_template_child (widget_class, CstResetCodeStep, phone_label);
  gtk_widget_class_bind_template_child (widget_class, CstResetCodeStep, code_row);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_notify_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_notify_complete_cb);

  g_type_ensure (CST_TYPE_SMS_CODE_ROW);
}

static void
cst_reset_code_step_init (CstResetCodeStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The service knows the phone: a code can always be asked for. */
  cst_sms_code_row_set_can_send (self->code_row, TRUE);
}

/**
 * cst_reset_code_step_get_code_row:
 *
 * Returns: (transfer none): the SMS code row
 */
CstSmsCodeRow *
cst_reset_code_step_get_code_row (CstResetCodeStep *self)
{
  g_return_val_if_fail (CST_IS_RESET_CODE_STEP (self), NULL);

  return self->code_row;
}
