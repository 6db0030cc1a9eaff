/* cst-face-capture-view.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-face-capture-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cst-face-capture-view.h"

#define DEFAULT_STEP_DURATION_MS 800
#define N_STEPS                  G_N_ELEMENTS (steps)

/* The liveness prompts of SPEC §1.8, in the order they are shown. */
static const struct {
  CstLivenessAction  action;
  const char        *prompt;
} steps[] = {
  /* Translators: liveness prompt; zh_CN 正对屏幕 */
  { CST_LIVENESS_FACE_SCREEN, N_("Face the screen") },
  /* Translators: liveness prompt; zh_CN 眨眨眼 */
  { CST_LIVENESS_BLINK, N_("Blink") },
  /* Translators: liveness prompt; zh_CN 缓慢转头 */
  { CST_LIVENESS_TURN_HEAD, N_("Slowly turn your head") },
};

struct _CstFaceCaptureView
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkLabel            *simulated_label;
  GtkDrawingArea      *capture_area;
  GtkLabel            *prompt_label;
  GtkProgressBar      *progress_bar;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkButton           *start_button;
  GtkButton           *retry_button;

  /* source ids */
  guint                tick_id;

  CstFaceCaptureState  state;
  CstLivenessAction    completed;
  gint64               started_at;
  guint                step_duration;
  guint                step;
  double               progress;
  guint                simulated : 1;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_SIMULATED,
  N_PROPS
};

enum {
  CAPTURED,
  N_SIGNALS
};

G_DEFINE_ENUM_TYPE (CstFaceCaptureState, cst_face_capture_state,
                    G_DEFINE_ENUM_VALUE (CST_FACE_CAPTURE_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (CST_FACE_CAPTURE_STATE_CAPTURING, "capturing"),
                    G_DEFINE_ENUM_VALUE (CST_FACE_CAPTURE_STATE_VERIFYING, "verifying"),
                    G_DEFINE_ENUM_VALUE (CST_FACE_CAPTURE_STATE_SUCCEEDED, "succeeded"),
                    G_DEFINE_ENUM_VALUE (CST_FACE_CAPTURE_STATE_FAILED, "failed"))

G_DEFINE_FINAL_TYPE (CstFaceCaptureView, cst_face_capture_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
draw_face (CstFaceCaptureView *self,
           cairo_t            *cr,
           double              cx,
           double              cy,
           double              radius,
           const GdkRGBA      *fg)
{
  double rx = radius * 0.46;
  double ry = radius * 0.60;
  double shift = 0;
  gboolean eyes_closed = FALSE;
  double phase = 0;

  if (self->state == CST_FACE_CAPTURE_STATE_CAPTURING)
    phase = self->progress * N_STEPS - self->step;

  /* Close the eyes half-way through the blink prompt, turn the face
   * left and right during the head prompt: the user sees what to do. */
  if (self->state == CST_FACE_CAPTURE_STATE_CAPTURING && steps[self->step].action == CST_LIVENESS_BLINK)
    eyes_closed = phase > 0.35 && phase < 0.65;
  else if (self->state == CST_FACE_CAPTURE_STATE_CAPTURING &&
           steps[self->step].action == CST_LIVENESS_TURN_HEAD)
    shift = sin (phase * 2 * G_PI) * rx * 0.35;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_set_line_width (cr, 3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* head */
  cairo_save (cr);
  cairo_translate (cr, cx + shift * 0.3, cy);
  cairo_scale (cr, rx, ry);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_stroke (cr);

  /* eyes */
  for (int side = -1; side <= 1; side += 2)
    {
      double ex = cx + shift + side * rx * 0.40;
      double ey = cy - ry * 0.15;

      if (eyes_closed)
        {
          cairo_move_to (cr, ex - rx * 0.12, ey);
          cairo_line_to (cr, ex + rx * 0.12, ey);
          cairo_stroke (cr);
        }
      else
        {
          cairo_arc (cr, ex, ey, rx * 0.07, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* mouth */
  cairo_arc (cr, cx + shift, cy + ry * 0.25, rx * 0.35, G_PI * 0.2, G_PI * 0.8);
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
capture_area_draw_cb (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        user_data)
{
  CstFaceCaptureView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  double cx = width / 2.0;
  double cy = height / 2.0;
  double radius = MIN (width, height) / 2.0 - 6;
  GdkRGBA fg;
  GdkRGBA ring;
  double fraction;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  switch (self->state)
    {
    case CST_FACE_CAPTURE_STATE_SUCCEEDED:
      lookup_color (widget, "success_color", &ring);
      fraction = 1.0;
      break;

    case CST_FACE_CAPTURE_STATE_FAILED:
      lookup_color (widget, "error_color", &ring);
      fraction = 1.0;
      break;

    case CST_FACE_CAPTURE_STATE_VERIFYING:
      lookup_color (widget, "accent_color", &ring);
      fraction = 1.0;
      break;

    case CST_FACE_CAPTURE_STATE_CAPTURING:
      lookup_color (widget, "accent_color", &ring);
      fraction = self->progress;
      break;

    case CST_FACE_CAPTURE_STATE_IDLE:
    default:
      lookup_color (widget, "accent_color", &ring);
      fraction = 0.0;
      break;
    }

  /* the round capture area */
  cairo_save (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.06);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 6);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
  cairo_stroke (cr);

  if (fraction > 0)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      gdk_cairo_set_source_rgba (cr, &ring);
      cairo_arc (cr, cx, cy, radius, -G_PI / 2, -G_PI / 2 + fraction * 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  fg.alpha *= self->state == CST_FACE_CAPTURE_STATE_IDLE ? 0.45 : 0.8;
  draw_face (self, cr, cx, cy, radius, &fg);
}

static void
update_accessible_description (CstFaceCaptureView *self)
{
  const char *prompt = gtk_label_get_text (self->prompt_label);
  const char *status = gtk_label_get_text (self->status_label);
  g_autofree char *description = NULL;

  if (status != NULL && status[0] != '\0' && gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    description = g_strdup_printf ("%s. %s", prompt, status);
  else
    description = g_strdup (prompt);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_status (CstFaceCaptureView *self,
            const char         *prompt,
            const char         *status)
{
  g_assert (CST_IS_FACE_CAPTURE_VIEW (self));

  gtk_label_set_text (self->prompt_label, prompt);
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL && status[0] != '\0');
  update_accessible_description (self);
}

static void
set_state (CstFaceCaptureView  *self,
           CstFaceCaptureState  state)
{
  g_assert (CST_IS_FACE_CAPTURE_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->start_button), state == CST_FACE_CAPTURE_STATE_IDLE);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), state == CST_FACE_CAPTURE_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "face-capture.start",
                                 state == CST_FACE_CAPTURE_STATE_IDLE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "face-capture.retry",
                                 state == CST_FACE_CAPTURE_STATE_FAILED);

  /* Progress only means something while the prompts run and the service checks. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar),
                          state == CST_FACE_CAPTURE_STATE_CAPTURING ||
                          state == CST_FACE_CAPTURE_STATE_VERIFYING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == CST_FACE_CAPTURE_STATE_VERIFYING);
  gtk_spinner_set_spinning (self->spinner, state == CST_FACE_CAPTURE_STATE_VERIFYING);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY,
                               state == CST_FACE_CAPTURE_STATE_CAPTURING ||
                               state == CST_FACE_CAPTURE_STATE_VERIFYING,
                               -1);

  gtk_widget_queue_draw (GTK_WIDGET (self->capture_area));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_progress (CstFaceCaptureView *self,
              double              progress)
{
  self->progress = CLAMP (progress, 0.0, 1.0);
  gtk_progress_bar_set_fraction (self->progress_bar, self->progress);
  gtk_widget_queue_draw (GTK_WIDGET (self->capture_area));
}

static void
finish_capture (CstFaceCaptureView *self)
{
  g_autoptr(CstFaceCapture) capture = NULL;

  g_assert (CST_IS_FACE_CAPTURE_VIEW (self));

  set_progress (self, 1.0);
  set_status (self, _("Verifying…"), NULL);
  set_state (self, CST_FACE_CAPTURE_STATE_VERIFYING);

  /* No camera is needed: the capture records the completed prompts. */
  capture = cst_face_capture_new (self->completed, g_get_real_time (), NULL);

  /* Keep the view alive while handlers run: an owner may pop its page. */
  g_object_ref (self);
  g_signal_emit (self, signals[CAPTURED], 0, capture);
  g_object_unref (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  CstFaceCaptureView *self = user_data;
  gint64 elapsed_ms;
  gint64 total_ms;
  guint step;

  g_assert (CST_IS_FACE_CAPTURE_VIEW (self));

  elapsed_ms = (g_get_monotonic_time () - self->started_at) / 1000;
  total_ms = (gint64) self->step_duration * N_STEPS;

  if (elapsed_ms >= total_ms)
    {
      self->completed = CST_LIVENESS_ALL;
      self->tick_id = 0;
      finish_capture (self);
      return G_SOURCE_REMOVE;
    }

  step = MIN ((guint) (elapsed_ms / self->step_duration), (guint) N_STEPS - 1);

  /* The prompts before this one are done. */
  for (guint i = 0; i < step; i++)
    self->completed |= steps[i].action;

  if (step != self->step)
    {
      self->step = step;
      set_status (self, _(steps[step].prompt), NULL);
    }

  set_progress (self, (double) elapsed_ms / total_ms);

  return G_SOURCE_CONTINUE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  cst_face_capture_view_start (CST_FACE_CAPTURE_VIEW (widget));
}

static void
cst_face_capture_view_dispose (GObject *object)
{
  CstFaceCaptureView *self = CST_FACE_CAPTURE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_FACE_CAPTURE_VIEW);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cst_face_capture_view_parent_class)->dispose (object);
}

static void
cst_face_capture_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CstFaceCaptureView *self = CST_FACE_CAPTURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SIMULATED:
      g_value_set_boolean (value, self->simulated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_face_capture_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CstFaceCaptureView *self = CST_FACE_CAPTURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIMULATED:
      cst_face_capture_view_set_simulated (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_face_capture_view_class_init (CstFaceCaptureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_face_capture_view_dispose;
  object_class->get_property = cst_face_capture_view_get_property;
  object_class->set_property = cst_face_capture_view_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CST_TYPE_FACE_CAPTURE_STATE,
                       CST_FACE_CAPTURE_STATE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SIMULATED] =
    g_param_spec_boolean ("simulated", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CstFaceCaptureView::captured:
   * @capture: the #CstFaceCapture to hand to the service
   *
   * The prompts are done; the view shows progress until the owner calls
   * cst_face_capture_view_set_result().
   */
  signals[CAPTURED] =
    g_signal_new ("captured",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, CST_TYPE_FACE_CAPTURE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-face-capture-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, simulated_label);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, capture_area);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, start_button);
  gtk_widget_class_bind_template_child (widget_class, CstFaceCaptureView, retry_button);

  gtk_widget_class_install_action (widget_class, "face-capture.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "face-capture.retry", NULL, start_action);
}

static void
cst_face_capture_view_init (CstFaceCaptureView *self)
{
  self->step_duration = DEFAULT_STEP_DURATION_MS;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->capture_area, capture_area_draw_cb, self, NULL);

  cst_face_capture_view_reset (self);
}

/**
 * cst_face_capture_view_new:
 *
 * Returns: (transfer floating): a new #CstFaceCaptureView
 */
GtkWidget *
cst_face_capture_view_new (void)
{
  return g_object_new (CST_TYPE_FACE_CAPTURE_VIEW, NULL);
}

/**
 * cst_face_capture_view_start:
 *
 * Runs the liveness prompts from the first one; "captured" follows.
 */
void
cst_face_capture_view_start (CstFaceCaptureView *self)
{
  g_return_if_fail (CST_IS_FACE_CAPTURE_VIEW (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);

  self->completed = 0;
  self->step = 0;
  self->started_at = g_get_monotonic_time ();

  set_progress (self, 0.0);
  set_status (self, _(steps[0].prompt), NULL);
  set_state (self, CST_FACE_CAPTURE_STATE_CAPTURING);

  /* About 25 updates per prompt keep the ring and the bar smooth. */
  self->tick_id = g_timeout_add (CLAMP (self->step_duration / 25, 5, 40), tick_cb, self);
}

/**
 * cst_face_capture_view_reset:
 *
 * Back to the idle state, before any prompt.
 */
void
cst_face_capture_view_reset (CstFaceCaptureView *self)
{
  g_return_if_fail (CST_IS_FACE_CAPTURE_VIEW (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);

  self->completed = 0;
  self->step = 0;

  set_progress (self, 0.0);
  /* Translators: shown before the face capture starts */
  set_status (self, _("Keep your face inside the circle"), NULL);
  set_state (self, CST_FACE_CAPTURE_STATE_IDLE);
}

/**
 * cst_face_capture_view_set_result:
 * @success: whether the service accepted the capture
 * @message: (nullable): the service's words, shown under the result
 *
 * Shows the verdict; on failure the Retry button.
 */
void
cst_face_capture_view_set_result (CstFaceCaptureView *self,
                                  gboolean            success,
                                  const char         *message)
{
  g_return_if_fail (CST_IS_FACE_CAPTURE_VIEW (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (success)
    {
      set_status (self, _("Face recognition succeeded"), message);
      set_state (self, CST_FACE_CAPTURE_STATE_SUCCEEDED);
    }
  else
    {
      set_status (self, _("Face recognition failed"), message);
      set_state (self, CST_FACE_CAPTURE_STATE_FAILED);
    }
}

CstFaceCaptureState
cst_face_capture_view_get_state (CstFaceCaptureView *self)
{
  g_return_val_if_fail (CST_IS_FACE_CAPTURE_VIEW (self), CST_FACE_CAPTURE_STATE_IDLE);

  return self->state;
}

gboolean
cst_face_capture_view_get_simulated (CstFaceCaptureView *self)
{
  g_return_val_if_fail (CST_IS_FACE_CAPTURE_VIEW (self), FALSE);

  return self->simulated;
}

void
cst_face_capture_view_set_simulated (CstFaceCaptureView *self,
                                     gboolean            simulated)
{
  g_return_if_fail (CST_IS_FACE_CAPTURE_VIEW (self));

  simulated = !!simulated;

  if (self->simulated == simulated)
    return;

  self->simulated = simulated;
  gtk_widget_set_visible (GTK_WIDGET (self->simulated_label), simulated);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATED]);
}

/**
 * cst_face_capture_view_set_step_duration:
 * @ms: how long each prompt is shown, in milliseconds
 *
 * For tests and the benchmark; takes effect at the next start.
 */
void
cst_face_capture_view_set_step_duration (CstFaceCaptureView *self,
                                         guint               ms)
{
  g_return_if_fail (CST_IS_FACE_CAPTURE_VIEW (self));
  g_return_if_fail (ms > 0);

  self->step_duration = ms;
}
