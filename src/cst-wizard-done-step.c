/* cst-wizard-done-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard-done-step"

#include "config.h"

#include <adwaita.h>

#include "cst-wizard-done-step.h"

struct _CstWizardDoneStep
{
  CstWizardStep  parent_instance;

  /* template widgets */
  AdwStatusPage *status_page;
};

enum {
  PROP_0,
  PROP_HEADING,
  PROP_DESCRIPTION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstWizardDoneStep, cst_wizard_done_step, CST_TYPE_WIZARD_STEP)

static GParamSpec *properties[N_PROPS];

static void
cst_wizard_done_step_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CST_TYPE_WIZARD_DONE_STEP);

  G_OBJECT_CLASS (cst_wizard_done_step_parent_class)->dispose (object);
}

static void
cst_wizard_done_step_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CstWizardDoneStep *self = CST_WIZARD_DONE_STEP (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, adw_status_page_get_title (self->status_page));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->status_page));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_done_step_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CstWizardDoneStep *self = CST_WIZARD_DONE_STEP (object);
  const char *str = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_HEADING:
      if (g_strcmp0 (adw_status_page_get_title (self->status_page), str) != 0)
        {
          adw_status_page_set_title (self->status_page, str);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DESCRIPTION:
      if (g_strcmp0 (adw_status_page_get_description (self->status_page), str) != 0)
        {
          adw_status_page_set_description (self->status_page, str);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_done_step_class_init (CstWizardDoneStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_wizard_done_step_dispose;
  object_class->get_property = cst_wizard_done_step_get_property;
  object_class->set_property = cst_wizard_done_step_set_property;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-wizard-done-step.ui");
  gtk_widget_class_bind_template_child (widget_class, CstWizardDoneStep, status_page);
}

static void
cst_wizard_done_step_init (CstWizardDoneStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cst_wizard_step_set_complete (CST_WIZARD_STEP (self), TRUE);
}
