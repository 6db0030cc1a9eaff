/* cst-step-indicator.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-step-indicator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-step-indicator.h"
#include "cst-wizard.h"

/*
 * Each step is a column with a numbered circle and its title; a
 * connector line sits between two columns, at the height of the circles.
 * Steps before the current one show a check mark. A step equal to the
 * number of steps means that every step is done (the wizard's last page).
 */

typedef struct
{
  GtkWidget *column;
  GtkWidget *circle;
  GtkWidget *number;
  GtkWidget *check;
  GtkWidget *title;
  GtkWidget *connector;   /* before this step; NULL for the first */
} Step;

struct _CstStepIndicator
{
  GtkWidget  parent_instance;

  /* owned */
  GArray    *steps;
  GStrv      titles;

  guint      step;
};

enum {
  PROP_0,
  PROP_STEP,
  PROP_N_STEPS,
  PROP_TITLES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstStepIndicator, cst_step_indicator, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static void
clear_steps (CstStepIndicator *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_array_set_size (self->steps, 0);
}

static void
update_accessible (CstStepIndicator *self)
{
  g_autofree char *label = cst_step_indicator_dup_label (self);

  if (label == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    enabled)
{
  if (enabled)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
update_states (CstStepIndicator *self)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      const Step *step = &g_array_index (self->steps, Step, i);
      gboolean done = i < self->step;
      gboolean current = i == self->step;

      set_class (step->column, "completed", done);
      set_class (step->column, "current", current);
      gtk_widget_set_visible (step->number, !done);
      gtk_widget_set_visible (step->check, done);

      if (step->connector != NULL)
        set_class (step->connector, "completed", i <= self->step);
    }

  update_accessible (self);
}

static void
rebuild (CstStepIndicator *self)
{
  clear_steps (self);

  for (guint i = 0; self->titles != NULL && self->titles[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      Step step = { NULL, };

      if (i > 0)
        {
          /* The line runs from circle to circle: centred on the 24 px circles. */
          step.connector = g_object_new (GTK_TYPE_SEPARATOR,
                                         "orientation", GTK_ORIENTATION_HORIZONTAL,
                                         "hexpand", TRUE,
                                         "valign", GTK_ALIGN_START,
                                         "margin-top", 12,
                                         "css-classes", (const char *[]) { "step-connector", NULL },
                                         NULL);
          gtk_widget_set_parent (step.connector, GTK_WIDGET (self));
        }

      step.column = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 4,
                                  "css-classes", (const char *[]) { "step", NULL },
                                  NULL);
      step.circle = g_object_new (GTK_TYPE_BOX,
                                  "halign", GTK_ALIGN_CENTER,
                                  "css-classes", (const char *[]) { "step-circle", NULL },
                                  NULL);
      step.number = g_object_new (GTK_TYPE_LABEL,
                                  "label", number,
                                  "hexpand", TRUE,
                                  "css-classes", (const char *[]) { "numeric", NULL },
                                  NULL);
      step.check = g_object_new (GTK_TYPE_IMAGE,
                                 "icon-name", "object-select-symbolic",
                                 "hexpand", TRUE,
                                 "visible", FALSE,
                                 NULL);
      step.title = g_object_new (GTK_TYPE_LABEL,
                                 "label", self->titles[i],
                                 "justify", GTK_JUSTIFY_CENTER,
                                 "wrap", TRUE,
                                 "max-width-chars", 8,
                                 "css-classes", (const char *[]) { "step-title", "caption", NULL },
                                 NULL);

      gtk_box_append (GTK_BOX (step.circle), step.number);
      gtk_box_append (GTK_BOX (step.circle), step.check);
      gtk_box_append (GTK_BOX (step.column), step.circle);
      gtk_box_append (GTK_BOX (step.column), step.title);
      gtk_widget_set_parent (step.column, GTK_WIDGET (self));

      /* The indicator itself speaks for all of them (update_accessible). */
      if (step.connector != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (step.connector),
                                     GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (step.column),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);

      g_array_append_val (self->steps, step);
    }

  update_states (self);
}

static void
cst_step_indicator_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cst_step_indicator_parent_class)->root (widget);

  cst_wizard_ensure_style (gtk_widget_get_display (widget));
}

static void
cst_step_indicator_dispose (GObject *object)
{
  CstStepIndicator *self = CST_STEP_INDICATOR (object);

  clear_steps (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_STEP_INDICATOR);

  G_OBJECT_CLASS (cst_step_indicator_parent_class)->dispose (object);
}

static void
cst_step_indicator_finalize (GObject *object)
{
  CstStepIndicator *self = CST_STEP_INDICATOR (object);

  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->titles, g_strfreev);

  G_OBJECT_CLASS (cst_step_indicator_parent_class)->finalize (object);
}

static void
cst_step_indicator_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CstStepIndicator *self = CST_STEP_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_N_STEPS:
      g_value_set_uint (value, self->steps->len);
      break;

    case PROP_TITLES:
      g_value_set_boxed (value, self->titles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_step_indicator_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CstStepIndicator *self = CST_STEP_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STEP:
      cst_step_indicator_set_step (self, g_value_get_uint (value));
      break;

    case PROP_TITLES:
      cst_step_indicator_set_titles (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_step_indicator_class_init (CstStepIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_step_indicator_dispose;
  object_class->finalize = cst_step_indicator_finalize;
  object_class->get_property = cst_step_indicator_get_property;
  object_class->set_property = cst_step_indicator_set_property;

  widget_class->root = cst_step_indicator_root;

  /**
   * CstStepIndicator:step:
   *
   * The current step, 0-based; the number of steps means all are done.
   */
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLES] =
    g_param_spec_boxed ("titles", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cst-step-indicator.ui");
  gtk_widget_class_set_css_name (widget_class, "stepindicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cst_step_indicator_init (CstStepIndicator *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cst_step_indicator_new (void)
{
  return g_object_new (CST_TYPE_STEP_INDICATOR, NULL);
}

/**
 * cst_step_indicator_set_titles:
 * @titles: (nullable): the translated title of each step
 *
 * Sets the steps. The current step is kept, clamped to the new number.
 */
void
cst_step_indicator_set_titles (CstStepIndicator   *self,
                               const char * const *titles)
{
  guint old_n_steps;
  guint old_step;

  g_return_if_fail (CST_IS_STEP_INDICATOR (self));

  if (self->titles != NULL && titles != NULL &&
      g_strv_equal ((const char * const *) self->titles, titles))
    return;

  old_n_steps = self->steps->len;
  old_step = self->step;

  g_clear_pointer (&self->titles, g_strfreev);
  self->titles = g_strdupv ((char **) titles);
  self->step = MIN (self->step, titles != NULL ? g_strv_length ((char **) titles) : 0);

  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLES]);
  if (old_n_steps != self->steps->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
  if (old_step != self->step)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

guint
cst_step_indicator_get_step (CstStepIndicator *self)
{
  g_return_val_if_fail (CST_IS_STEP_INDICATOR (self), 0);

  return self->step;
}

/**
 * cst_step_indicator_set_step:
 * @step: 0-based; cst_step_indicator_get_n_steps() marks every step done
 */
void
cst_step_indicator_set_step (CstStepIndicator *self,
                             guint             step)
{
  g_return_if_fail (CST_IS_STEP_INDICATOR (self));

  step = MIN (step, self->steps->len);
  if (self->step == step)
    return;

  self->step = step;
  update_states (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

guint
cst_step_indicator_get_n_steps (CstStepIndicator *self)
{
  g_return_val_if_fail (CST_IS_STEP_INDICATOR (self), 0);

  return self->steps->len;
}

/**
 * cst_step_indicator_dup_label:
 *
 * What the indicator says to screen readers, e.g. "Step 2 of 4: Identity";
 * the wizard also puts it in its page's description.
 *
 * Returns: (transfer full) (nullable): the label, or %NULL without steps
 */
char *
cst_step_indicator_dup_label (CstStepIndicator *self)
{
  guint n_steps;

  g_return_val_if_fail (CST_IS_STEP_INDICATOR (self), NULL);

  n_steps = self->steps->len;
  if (n_steps == 0)
    return NULL;

  if (self->step >= n_steps)
    /* Translators: read by screen readers on a wizard's last page */
    return g_strdup (_("All steps are complete"));

  /* Translators: read by screen readers, e.g. "Step 2 of 4: Identity" */
  return g_strdup_printf (_("Step %u of %u: %s"),
                          self->step + 1, n_steps, self->titles[self->step]);
}
