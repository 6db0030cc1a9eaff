/* cst-wizard-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard-step"

#include "config.h"

#include "cst-wizard-step.h"

typedef struct
{
  char     *title;
  char     *next_label;
  guint     stage;
  guint     complete : 1;
  guint     show_next : 1;
  guint     applied : 1;
} CstWizardStepPrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_STAGE,
  PROP_COMPLETE,
  PROP_NEXT_LABEL,
  PROP_SHOW_NEXT,
  PROP_APPLIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_TYPE_WITH_PRIVATE (CstWizardStep, cst_wizard_step, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  /* g_set_str() is GLib 2.76; the floor is 2.74. */
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
cst_wizard_step_real_show_error (CstWizardStep *self,
                                 const GError  *error)
{
  return FALSE;
}

static void
cst_wizard_step_real_shown (CstWizardStep *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
cst_wizard_step_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cst_wizard_step_parent_class)->dispose (object);
}

static void
cst_wizard_step_finalize (GObject *object)
{
  CstWizardStep *self = CST_WIZARD_STEP (object);
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->next_label, g_free);

  G_OBJECT_CLASS (cst_wizard_step_parent_class)->finalize (object);
}

static void
cst_wizard_step_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CstWizardStep *self = CST_WIZARD_STEP (object);
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_STAGE:
      g_value_set_uint (value, priv->stage);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;

    case PROP_NEXT_LABEL:
      g_value_set_string (value, priv->next_label);
      break;

    case PROP_SHOW_NEXT:
      g_value_set_boolean (value, priv->show_next);
      break;

    case PROP_APPLIED:
      g_value_set_boolean (value, priv->applied);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_step_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CstWizardStep *self = CST_WIZARD_STEP (object);
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (set_string (&priv->title, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_STAGE:
      if (priv->stage != g_value_get_uint (value))
        {
          priv->stage = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_NEXT_LABEL:
      if (set_string (&priv->next_label, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_SHOW_NEXT:
      if (priv->show_next != g_value_get_boolean (value))
        {
          priv->show_next = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_APPLIED:
      cst_wizard_step_set_applied (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_step_class_init (CstWizardStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_wizard_step_dispose;
  object_class->finalize = cst_wizard_step_finalize;
  object_class->get_property = cst_wizard_step_get_property;
  object_class->set_property = cst_wizard_step_set_property;

  klass->show_error = cst_wizard_step_real_show_error;
  klass->shown = cst_wizard_step_real_shown;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_LABEL] =
    g_param_spec_string ("next-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_NEXT] =
    g_param_spec_boolean ("show-next", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPLIED] =
    g_param_spec_boolean ("applied", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CstWizardStep::changed:
   *
   * The user edited something on this step.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cst_wizard_step_init (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  priv->show_next = TRUE;

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

const char *
cst_wizard_step_get_title (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), NULL);

  return priv->title;
}

guint
cst_wizard_step_get_stage (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), 0);

  return priv->stage;
}

gboolean
cst_wizard_step_get_complete (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), FALSE);

  return priv->complete;
}

void
cst_wizard_step_set_complete (CstWizardStep *self,
                              gboolean       complete)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_if_fail (CST_IS_WIZARD_STEP (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/**
 * cst_wizard_step_get_next_label:
 *
 * Returns: (nullable): the label of the bottom button, NULL for "Next"
 */
const char *
cst_wizard_step_get_next_label (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), NULL);

  return priv->next_label;
}

gboolean
cst_wizard_step_get_show_next (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), TRUE);

  return priv->show_next;
}

gboolean
cst_wizard_step_get_applied (CstWizardStep *self)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), FALSE);

  return priv->applied;
}

void
cst_wizard_step_set_applied (CstWizardStep *self,
                             gboolean       applied)
{
  CstWizardStepPrivate *priv = cst_wizard_step_get_instance_private (self);

  g_return_if_fail (CST_IS_WIZARD_STEP (self));

  applied = !!applied;
  if (priv->applied == applied)
    return;

  priv->applied = applied;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIED]);
}

/**
 * cst_wizard_step_show_error:
 * @error: a CST_AUTH_ERROR from the service call of this step
 *
 * Returns: TRUE when the step shows @error at one of its fields
 */
gboolean
cst_wizard_step_show_error (CstWizardStep *self,
                            const GError  *error)
{
  g_return_val_if_fail (CST_IS_WIZARD_STEP (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  return CST_WIZARD_STEP_GET_CLASS (self)->show_error (self, error);
}

void
cst_wizard_step_shown (CstWizardStep *self)
{
  g_return_if_fail (CST_IS_WIZARD_STEP (self));

  CST_WIZARD_STEP_GET_CLASS (self)->shown (self);
}

void
cst_wizard_step_changed (CstWizardStep *self)
{
  g_return_if_fail (CST_IS_WIZARD_STEP (self));

  cst_wizard_step_set_applied (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}
