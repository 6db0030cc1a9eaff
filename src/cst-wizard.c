/* cst-wizard.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cst-a11y.h"
#include "cst-auth-error.h"
#include "cst-page.h"
#include "cst-step-indicator.h"
#include "cst-wizard.h"

struct _CstWizard
{
  GtkWidget         parent_instance;

  /* template widgets */
  CstStepIndicator *indicator;
  GtkStack         *stack;
  GtkWidget        *next_clamp;
  GtkButton        *next_button;
  GtkSpinner       *spinner;
  GtkLabel         *next_label;

  /* owned */
  GPtrArray        *steps;     /* CstWizardStep, in the order added (borrowed from the stack) */
  GPtrArray        *path;      /* CstWizardStep, the way here; last = visible */

  guint             busy : 1;
  /* The visible step was edited while its call ran: not applied as typed. */
  guint             edited_while_busy : 1;
};

enum {
  PROP_0,
  PROP_BUSY,
  PROP_STEP,
  PROP_TITLES,
  N_PROPS
};

enum {
  NEXT,
  N_SIGNALS
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstWizard, cst_wizard, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable;

static const char wizard_css[] =
  "stepindicator .step-circle {\n"
  "  min-width: 24px;\n"
  "  min-height: 24px;\n"
  "  border-radius: 9999px;\n"
  "  background-color: alpha(currentColor, 0.1);\n"
  "  font-weight: bold;\n"
  "}\n"
  "stepindicator .step.current .step-circle,\n"
  "stepindicator .step.completed .step-circle {\n"
  "  background-color: @accent_bg_color;\n"
  "  color: @accent_fg_color;\n"
  "}\n"
  "stepindicator .step .step-title { opacity: 0.55; }\n"
  "stepindicator .step.completed .step-title { opacity: 1; }\n"
  "stepindicator .step.current .step-title {\n"
  "  opacity: 1;\n"
  "  font-weight: bold;\n"
  "  color: @accent_color;\n"
  "}\n"
  "stepindicator separator.step-connector {\n"
  "  min-height: 2px;\n"
  "  background-color: alpha(currentColor, 0.15);\n"
  "}\n"
  "stepindicator separator.step-connector.completed { background-color: @accent_bg_color; }\n"
  "passwordrow levelbar block.weak { background-color: @error_bg_color; }\n"
  "passwordrow levelbar block.medium { background-color: @warning_bg_color; }\n"
  "passwordrow levelbar block.strong { background-color: @success_bg_color; }\n";

void
cst_wizard_ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "cst-wizard-style") != NULL)
    return;

  /* Below the application's own style.css, which may override it. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, wizard_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
  g_object_set_data_full (G_OBJECT (display), "cst-wizard-style",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
update_actions (CstWizard *self)
{
  CstWizardStep *step = cst_wizard_get_step (self);
  const char *label;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 step != NULL && !self->busy &&
                                 cst_wizard_step_get_complete (step));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", !self->busy);

  gtk_widget_set_visible (self->next_clamp, step == NULL || cst_wizard_step_get_show_next (step));

  label = step != NULL ? cst_wizard_step_get_next_label (step) : NULL;
  if (label == NULL)
    /* Translators: the wizard button that goes to the next step */
    label = _("Next");
  gtk_label_set_label (self->next_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_description (CstWizard *self)
{
  g_autofree char *description = cst_step_indicator_dup_label (self->indicator);
  GtkWidget *page;

  if (description == NULL)
    return;

  /* Step n of m, for screen readers, on the wizard and on its page; the
   * wizard (actionable through its widget actions) is named by it too, or
   * GTK 4.8 would read it as "CstWizard". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if ((page = gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_PAGE)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

static void
grab_default (CstWizard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->next_button));
}

static void
show_step (CstWizard     *self,
           CstWizardStep *step)
{
  GtkWidget *previous = gtk_stack_get_visible_child (self->stack);

  g_assert (CST_IS_WIZARD_STEP (step));

  /* Inactive stack pages stay in the accessibility tree. */
  if (previous != NULL && previous != GTK_WIDGET (step))
    gtk_accessible_update_state (GTK_ACCESSIBLE (previous),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                 -1);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (step), GTK_ACCESSIBLE_STATE_HIDDEN);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (step));
  cst_step_indicator_set_step (self->indicator, cst_wizard_step_get_stage (step));

  update_actions (self);
  update_description (self);
  grab_default (self);
  cst_wizard_step_shown (step);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
on_step_notify_cb (CstWizard     *self,
                   GParamSpec    *pspec,
                   CstWizardStep *step)
{
  if (step == cst_wizard_get_step (self))
    update_actions (self);
}

static void
on_step_changed_cb (CstWizard     *self,
                    CstWizardStep *step)
{
  gboolean after = FALSE;

  if (self->busy && step == cst_wizard_get_step (self))
    self->edited_while_busy = TRUE;

  /* Later steps were applied on top of this one's old values. */
  for (guint i = 0; i < self->steps->len; i++)
    {
      CstWizardStep *other = g_ptr_array_index (self->steps, i);

      if (other == step)
        after = TRUE;
      else if (after)
        cst_wizard_step_set_applied (other, FALSE);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CstWizard *self = CST_WIZARD (widget);
  CstWizardStep *step = cst_wizard_get_step (self);

  if (step == NULL || self->busy || !cst_wizard_step_get_complete (step))
    return;

  g_signal_emit (self, signals[NEXT], 0, step);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.back", NULL);
}

static void
cst_wizard_buildable_add_child (GtkBuildable *buildable,
                                GtkBuilder   *builder,
                                GObject      *child,
                                const char   *type)
{
  CstWizard *self = CST_WIZARD (buildable);

  if (self->stack != NULL && CST_IS_WIZARD_STEP (child))
    cst_wizard_add_step (self, CST_WIZARD_STEP (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = cst_wizard_buildable_add_child;
}

static void
cst_wizard_map (GtkWidget *widget)
{
  CstWizard *self = CST_WIZARD (widget);

  GTK_WIDGET_CLASS (cst_wizard_parent_class)->map (widget);

  update_description (self);
  grab_default (self);
}

static void
cst_wizard_unmap (GtkWidget *widget)
{
  CstWizard *self = CST_WIZARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->next_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (cst_wizard_parent_class)->unmap (widget);
}

static void
cst_wizard_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cst_wizard_parent_class)->root (widget);

  cst_wizard_ensure_style (gtk_widget_get_display (widget));
}

static void
cst_wizard_dispose (GObject *object)
{
  CstWizard *self = CST_WIZARD (object);
  GtkWidget *child;

  g_clear_pointer (&self->path, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_WIZARD);
  /* The unnamed boxes of the template are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cst_wizard_parent_class)->dispose (object);
}

static void
cst_wizard_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CstWizard *self = CST_WIZARD (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_STEP:
      g_value_set_object (value, cst_wizard_get_step (self));
      break;

    case PROP_TITLES:
      g_object_get_property (G_OBJECT (self->indicator), "titles", value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CstWizard *self = CST_WIZARD (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      cst_wizard_set_busy (self, g_value_get_boolean (value));
      break;

    case PROP_TITLES:
      cst_wizard_set_titles (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_class_init (CstWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_wizard_dispose;
  object_class->get_property = cst_wizard_get_property;
  object_class->set_property = cst_wizard_set_property;

  widget_class->map = cst_wizard_map;
  widget_class->unmap = cst_wizard_unmap;
  widget_class->root = cst_wizard_root;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL,
                         CST_TYPE_WIZARD_STEP,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLES] =
    g_param_spec_boxed ("titles", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CstWizard::next:
   * @step: the visible, complete step
   *
   * The user pressed Next (or Enter).
   */
  signals[NEXT] =
    g_signal_new ("next",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, CST_TYPE_WIZARD_STEP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cst-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CstWizard, indicator);
  gtk_widget_class_bind_template_child (widget_class, CstWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, CstWizard, next_clamp);
  gtk_widget_class_bind_template_child (widget_class, CstWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CstWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, CstWizard, next_label);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);

  g_type_ensure (CST_TYPE_STEP_INDICATOR);
}

static void
cst_wizard_init (CstWizard *self)
{
  self->steps = g_ptr_array_new ();
  self->path = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}

GtkWidget *
cst_wizard_new (void)
{
  return g_object_new (CST_TYPE_WIZARD, NULL);
}

void
cst_wizard_set_titles (CstWizard          *self,
                       const char * const *titles)
{
  g_return_if_fail (CST_IS_WIZARD (self));

  cst_step_indicator_set_titles (self->indicator, titles);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLES]);
}

/**
 * cst_wizard_add_step:
 *
 * Appends @step. The first step added is shown.
 */
void
cst_wizard_add_step (CstWizard     *self,
                     CstWizardStep *step)
{
  g_return_if_fail (CST_IS_WIZARD (self));
  g_return_if_fail (CST_IS_WIZARD_STEP (step));

  gtk_stack_add_child (self->stack, GTK_WIDGET (step));
  g_ptr_array_add (self->steps, step);

  g_signal_connect_object (step, "notify::complete",
                           G_CALLBACK (on_step_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (step, "notify::next-label",
                           G_CALLBACK (on_step_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (step, "notify::show-next",
                           G_CALLBACK (on_step_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (step, "changed",
                           G_CALLBACK (on_step_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->path->len == 0)
    {
      g_ptr_array_add (self->path, step);
      show_step (self, step);
    }
  else
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (step),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
    }
}

/**
 * cst_wizard_get_step:
 *
 * Returns: (transfer none) (nullable): the visible step
 */
CstWizardStep *
cst_wizard_get_step (CstWizard *self)
{
  g_return_val_if_fail (CST_IS_WIZARD (self), NULL);

  if (self->path == NULL || self->path->len == 0)
    return NULL;

  return g_ptr_array_index (self->path, self->path->len - 1);
}

guint
cst_wizard_get_depth (CstWizard *self)
{
  g_return_val_if_fail (CST_IS_WIZARD (self), 0);

  return self->path->len;
}

void
cst_wizard_advance (CstWizard     *self,
                    CstWizardStep *next)
{
  CstWizardStep *current;

  g_return_if_fail (CST_IS_WIZARD (self));
  g_return_if_fail (CST_IS_WIZARD_STEP (next));
  g_return_if_fail (g_ptr_array_find (self->steps, next, NULL));

  if ((current = cst_wizard_get_step (self)) && !self->edited_while_busy)
    cst_wizard_step_set_applied (current, TRUE);

  if (current == next)
    return;

  g_ptr_array_add (self->path, next);
  show_step (self, next);
}

void
cst_wizard_push_step (CstWizard     *self,
                      CstWizardStep *step)
{
  g_return_if_fail (CST_IS_WIZARD (self));
  g_return_if_fail (CST_IS_WIZARD_STEP (step));
  g_return_if_fail (g_ptr_array_find (self->steps, step, NULL));

  if (step == cst_wizard_get_step (self))
    return;

  g_ptr_array_add (self->path, step);
  show_step (self, step);
}

void
cst_wizard_return_to (CstWizard     *self,
                      CstWizardStep *step)
{
  guint index;

  g_return_if_fail (CST_IS_WIZARD (self));
  g_return_if_fail (CST_IS_WIZARD_STEP (step));

  if (!g_ptr_array_find (self->path, step, &index))
    return;

  cst_wizard_step_set_applied (step, FALSE);
  on_step_changed_cb (self, step);

  if (index + 1 < self->path->len)
    {
      g_ptr_array_set_size (self->path, index + 1);
      show_step (self, step);
    }
}

gboolean
cst_wizard_go_back (CstWizard *self)
{
  g_return_val_if_fail (CST_IS_WIZARD (self), FALSE);

  if (self->path->len <= 1)
    return FALSE;

  g_ptr_array_set_size (self->path, self->path->len - 1);
  show_step (self, cst_wizard_get_step (self));

  return TRUE;
}

gboolean
cst_wizard_get_busy (CstWizard *self)
{
  g_return_val_if_fail (CST_IS_WIZARD (self), FALSE);

  return self->busy;
}

void
cst_wizard_set_busy (CstWizard *self,
                     gboolean   busy)
{
  g_return_if_fail (CST_IS_WIZARD (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  if (busy)
    self->edited_while_busy = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->next_button),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * cst_wizard_get_next_button:
 *
 * Returns: (transfer none): the bottom button (wizard.next)
 */
GtkWidget *
cst_wizard_get_next_button (CstWizard *self)
{
  g_return_val_if_fail (CST_IS_WIZARD (self), NULL);

  return GTK_WIDGET (self->next_button);
}

/**
 * cst_wizard_get_indicator:
 *
 * Returns: (transfer none): the CstStepIndicator
 */
GtkWidget *
cst_wizard_get_indicator (CstWizard *self)
{
  g_return_val_if_fail (CST_IS_WIZARD (self), NULL);

  return GTK_WIDGET (self->indicator);
}

void
cst_wizard_show_error (CstWizard     *self,
                       CstWizardStep *step,
                       const GError  *error)
{
  GtkWidget *page;

  g_return_if_fail (CST_IS_WIZARD (self));
  g_return_if_fail (CST_IS_WIZARD_STEP (step));
  g_return_if_fail (error != NULL);

  if (cst_wizard_step_show_error (step, error))
    return;

  if ((page = gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_PAGE)))
    cst_page_toast (CST_PAGE (page), error->message);
}

void
cst_wizard_code_sent (CstWizard     *self,
                      CstWizardStep *step,
                      CstSmsCodeRow *row,
                      gint           resend_after,
                      const GError  *error)
{
  g_return_if_fail (CST_IS_WIZARD (self));
  g_return_if_fail (CST_IS_WIZARD_STEP (step));
  g_return_if_fail (CST_IS_SMS_CODE_ROW (row));

  if (error == NULL)
    cst_sms_code_row_set_error (row, NULL);

  /* Not about the code (a bad phone, an expired ticket …): at @step. */
  if (!cst_sms_code_row_show_send_result (row, resend_after, error))
    cst_wizard_show_error (self, step, error);
}

/**
 * cst_wizard_call_cancelled:
 * @wizard: (nullable): the page's wizard, NULL after its dispose
 */
gboolean
cst_wizard_call_cancelled (CstWizard    *wizard,
                           const GError *error)
{
  g_return_val_if_fail (wizard == NULL || CST_IS_WIZARD (wizard), TRUE);

  return wizard == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/**
 * cst_wizard_call_done:
 * @wizard: (nullable): the page's wizard, NULL after its dispose
 */
gboolean
cst_wizard_call_done (CstWizard    *wizard,
                      const GError *error)
{
  if (cst_wizard_call_cancelled (wizard, error))
    return FALSE;

  cst_wizard_set_busy (wizard, FALSE);
  return TRUE;
}

void
cst_wizard_bind_face_step (CstWizardFaceStep *step,
                           CstAuthService    *service)
{
  g_return_if_fail (CST_IS_WIZARD_FACE_STEP (step));
  g_return_if_fail (service == NULL || CST_IS_AUTH_SERVICE (service));

  if (service == NULL)
    return;

  g_object_bind_property (service, "face-available", step, "available",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (service, "face-simulated", step, "simulated",
                          G_BINDING_SYNC_CREATE);
}

void
cst_wizard_face_failed (CstWizardFaceStep *step,
                        const GError      *error)
{
  g_return_if_fail (CST_IS_WIZARD_FACE_STEP (step));
  g_return_if_fail (error != NULL);

  cst_face_capture_view_set_result (cst_wizard_face_step_get_view (step), FALSE, error->message);
  /* Learnt only now (the service was asked at start-up). */
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE))
    cst_wizard_face_step_set_available (step, FALSE);
}

gboolean
cst_wizard_back_or_discard (CstWizard          *self,
                            CstPage            *page,
                            CstWizardDraft     *draft,
                            CstWizardFaceStep  *face_step,
                            GCancellable      **cancellable,
                            const char         *discard_heading)
{
  CstFaceCaptureView *view;

  g_return_val_if_fail (CST_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (CST_IS_PAGE (page), FALSE);
  g_return_val_if_fail (CST_IS_WIZARD_DRAFT (draft), FALSE);
  g_return_val_if_fail (CST_IS_WIZARD_FACE_STEP (face_step), FALSE);
  g_return_val_if_fail (cancellable != NULL && G_IS_CANCELLABLE (*cancellable), FALSE);

  view = cst_wizard_face_step_get_view (face_step);

  /* Back stops a running call (or verification) and stays on the step. */
  if (self->busy)
    {
      g_cancellable_cancel (*cancellable);
      g_clear_object (cancellable);
      *cancellable = g_cancellable_new ();
      cst_wizard_set_busy (self, FALSE);
      if (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_VERIFYING)
        cst_face_capture_view_reset (view);
      return TRUE;
    }

  /* A capture in progress must not finish on another step. */
  if (cst_wizard_get_step (self) == CST_WIZARD_STEP (face_step) &&
      cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_CAPTURING)
    cst_face_capture_view_reset (view);

  if (cst_wizard_go_back (self))
    return TRUE;

  /* On the first step: leave at once when nothing would be lost. */
  if (cst_wizard_draft_is_empty (draft))
    return FALSE;

  cst_wizard_ask_discard (page, discard_heading);
  return TRUE;
}

static void
on_discard_dialog_response_cb (CstPage    *page,
                               const char *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    cst_page_pop (page);
}

void
cst_wizard_ask_discard (CstPage    *page,
                        const char *heading)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (CST_IS_PAGE (page));

  root = gtk_widget_get_root (GTK_WIDGET (page));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading,
                                                       _("What you entered will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    /* Translators: stay in the wizard */
                                    "cancel", _("_Continue"),
                                    /* Translators: leave the wizard and drop what was typed */
                                    "discard", _("_Discard"),
                                    NULL);
  /* GTK 4.8 would read them "_Cancel Cancel". */
  cst_a11y_name_mnemonic_buttons (GTK_WIDGET (dialog));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_discard_dialog_response_cb), page, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
}
