/* cst-wizard-face-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard-face-step"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cst-a11y.h"
#include "cst-wizard-face-step.h"

struct _CstWizardFaceStep
{
  CstWizardStep       parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkLabel           *intro_label;
  CstFaceCaptureView *view;
  AdwStatusPage      *unavailable_page;

  guint               available : 1;
};

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_SIMULATED,
  PROP_INTRO,
  PROP_UNAVAILABLE_TEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstWizardFaceStep, cst_wizard_face_step, CST_TYPE_WIZARD_STEP)

static GParamSpec *properties[N_PROPS];

static void
on_view_notify_state_cb (CstWizardFaceStep *self)
{
  /* Once the face was accepted (and the user came back here), Next goes on
   * without asking for it again; before that the view's buttons lead. */
  g_object_set (self,
                "show-next", cst_face_capture_view_get_state (self->view) == CST_FACE_CAPTURE_STATE_SUCCEEDED,
                NULL);
}

static void
cst_wizard_face_step_shown (CstWizardStep *step)
{
  CstWizardFaceStep *self = CST_WIZARD_FACE_STEP (step);

  /* A capture left half-done (the user went back) starts over. */
  if (cst_face_capture_view_get_state (self->view) != CST_FACE_CAPTURE_STATE_SUCCEEDED)
    cst_face_capture_view_reset (self->view);

  gtk_widget_child_focus (GTK_WIDGET (self->view), GTK_DIR_TAB_FORWARD);
}

static void
cst_wizard_face_step_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CST_TYPE_WIZARD_FACE_STEP);

  G_OBJECT_CLASS (cst_wizard_face_step_parent_class)->dispose (object);
}

static void
cst_wizard_face_step_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CstWizardFaceStep *self = CST_WIZARD_FACE_STEP (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_SIMULATED:
      g_value_set_boolean (value, cst_face_capture_view_get_simulated (self->view));
      break;

    case PROP_INTRO:
      g_value_set_string (value, gtk_label_get_label (self->intro_label));
      break;

    case PROP_UNAVAILABLE_TEXT:
      g_value_set_string (value, adw_status_page_get_description (self->unavailable_page));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_face_step_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CstWizardFaceStep *self = CST_WIZARD_FACE_STEP (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      cst_wizard_face_step_set_available (self, g_value_get_boolean (value));
      break;

    case PROP_SIMULATED:
      if (cst_face_capture_view_get_simulated (self->view) != g_value_get_boolean (value))
        {
          cst_face_capture_view_set_simulated (self->view, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_INTRO:
      if (g_strcmp0 (gtk_label_get_label (self->intro_label), g_value_get_string (value)) != 0)
        {
          gtk_label_set_label (self->intro_label, g_value_get_string (value));
          gtk_widget_set_visible (GTK_WIDGET (self->intro_label), g_value_get_string (value) != NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_UNAVAILABLE_TEXT:
      if (g_strcmp0 (adw_status_page_get_description (self->unavailable_page),
                     g_value_get_string (value)) != 0)
        {
          adw_status_page_set_description (self->unavailable_page, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_face_step_class_init (CstWizardFaceStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstWizardStepClass *step_class = CST_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cst_wizard_face_step_dispose;
  object_class->get_property = cst_wizard_face_step_get_property;
  object_class->set_property = cst_wizard_face_step_set_property;

  step_class->shown = cst_wizard_face_step_shown;

  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIMULATED] =
    g_param_spec_boolean ("simulated", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INTRO] =
    g_param_spec_string ("intro", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNAVAILABLE_TEXT] =
    g_param_spec_string ("unavailable-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-wizard-face-step.ui");
  gtk_widget_class_bind_template_child (widget_class, CstWizardFaceStep, stack);
  gtk_widget_class_bind_template_child (widget_class, CstWizardFaceStep, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CstWizardFaceStep, view);
  gtk_widget_class_bind_template_child (widget_class, CstWizardFaceStep, unavailable_page);

  g_type_ensure (CST_TYPE_FACE_CAPTURE_VIEW);
}

static void
cst_wizard_face_step_init (CstWizardFaceStep *self)
{
  self->available = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Inactive pages would stay in the accessibility tree. */
  cst_a11y_hide_inactive_pages (self->stack);

  g_signal_connect_object (self->view, "notify::state",
                           G_CALLBACK (on_view_notify_state_cb), self, G_CONNECT_SWAPPED);
  on_view_notify_state_cb (self);

  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "capture");
  /* Its buttons stand in for Next: always ready. */
  cst_wizard_step_set_complete (CST_WIZARD_STEP (self), TRUE);
}

/**
 * cst_wizard_face_step_get_view:
 *
 * Returns: (transfer none): the capture view
 */
CstFaceCaptureView *
cst_wizard_face_step_get_view (CstWizardFaceStep *self)
{
  g_return_val_if_fail (CST_IS_WIZARD_FACE_STEP (self), NULL);

  return self->view;
}

void
cst_wizard_face_step_set_available (CstWizardFaceStep *self,
                                    gboolean           available)
{
  g_return_if_fail (CST_IS_WIZARD_FACE_STEP (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  gtk_stack_set_visible_child_name (self->stack, available ? "capture" : "unavailable");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}
