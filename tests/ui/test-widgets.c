/* test-widgets.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-face-capture-view.h"
#include "cst-sms-code-row.h"
#include "cst-test-ui.h"

/* A window around one widget, so it is mapped and its buttons activate. */
static GtkWindow *
host (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  cst_test_wait_until (gtk_widget_get_mapped (widget), 5000);

  return window;
}

static void
destroy_host (GtkWindow *window,
              GtkWidget *widget)
{
  g_object_ref (widget);
  gtk_window_destroy (window);
  g_assert_finalize_object (widget);
}

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
count_cb (gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* ---- CstSmsCodeRow ---- */

static void
test_sms_code_row_code (void)
{
  GtkWidget *row = cst_sms_code_row_new ();
  GtkWindow *window = host (row);
  GtkWidget *entry = cst_sms_code_row_get_entry (CST_SMS_CODE_ROW (row));
  guint notified = 0;
  int end = 6;

  g_signal_connect_swapped (row, "notify::complete", G_CALLBACK (count_cb), &notified);

  g_assert_false (cst_sms_code_row_get_complete (CST_SMS_CODE_ROW (row)));

  cst_test_type (entry, "12345");
  g_assert_cmpstr (cst_sms_code_row_get_code (CST_SMS_CODE_ROW (row)), ==, "12345");
  g_assert_false (cst_sms_code_row_get_complete (CST_SMS_CODE_ROW (row)));
  g_assert_cmpuint (notified, ==, 0);

  cst_test_type (entry, "123456");
  g_assert_true (cst_sms_code_row_get_complete (CST_SMS_CODE_ROW (row)));
  g_assert_cmpuint (notified, ==, 1);

  cst_sms_code_row_set_code (CST_SMS_CODE_ROW (row), "");
  g_assert_false (cst_sms_code_row_get_complete (CST_SMS_CODE_ROW (row)));
  g_assert_cmpuint (notified, ==, 2);

  /* Letters and spaces do not get in; a seventh digit does not fit. */
  cst_test_type (entry, "12 a34-56");
  g_assert_cmpstr (cst_sms_code_row_get_code (CST_SMS_CODE_ROW (row)), ==, "123456");
  g_assert_true (cst_sms_code_row_get_complete (CST_SMS_CODE_ROW (row)));
  gtk_editable_insert_text (GTK_EDITABLE (entry), "7", 1, &end);
  g_assert_cmpstr (cst_sms_code_row_get_code (CST_SMS_CODE_ROW (row)), ==, "123456");
  g_assert_true (cst_sms_code_row_get_complete (CST_SMS_CODE_ROW (row)));

  destroy_host (window, row);
}

static void
test_sms_code_row_countdown (void)
{
  GtkWidget *row = cst_sms_code_row_new ();
  GtkWindow *window = host (row);
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (row);
  GtkWidget *button = cst_sms_code_row_get_send_button (self);
  guint requested = 0;
  guint countdown_notified = 0;

  g_signal_connect_swapped (row, "send-requested", G_CALLBACK (count_cb), &requested);
  g_signal_connect_swapped (row, "notify::countdown", G_CALLBACK (count_cb), &countdown_notified);

  /* Not before the owner says the phone is good. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Get Code");
  g_assert_false (gtk_widget_is_sensitive (button));

  cst_sms_code_row_set_can_send (self, TRUE);
  g_assert_true (gtk_widget_is_sensitive (button));

  cst_test_click (button);
  g_assert_cmpuint (requested, ==, 1);

  /* While the owner's call runs, one request at a time. */
  cst_sms_code_row_set_sending (self, TRUE);
  g_assert_false (gtk_widget_is_sensitive (button));

  cst_sms_code_row_start_countdown (self, 2);
  g_assert_cmpuint (cst_sms_code_row_get_countdown (self), ==, 2);
  g_assert_cmpuint (countdown_notified, ==, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Resend (2 s)");
  g_assert_false (gtk_widget_is_sensitive (button));

  /* One notify per tick of the row's one-second timer: wait for each one,
   * not for a time, so that a slow run (valgrind) sees the same steps.
   * The deadline only stops a countdown that never ticks. */
  cst_test_wait_until (countdown_notified >= 2, 30000);
  g_assert_cmpuint (countdown_notified, ==, 2);
  g_assert_cmpuint (cst_sms_code_row_get_countdown (self), ==, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Resend (1 s)");
  g_assert_false (gtk_widget_is_sensitive (button));

  cst_test_wait_until (countdown_notified >= 3, 30000);
  g_assert_cmpuint (cst_sms_code_row_get_countdown (self), ==, 0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Get Code");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpuint (countdown_notified, ==, 3);

  /* The phone became invalid again. */
  cst_sms_code_row_set_can_send (self, FALSE);
  g_assert_false (gtk_widget_is_sensitive (button));

  /* Disposing during a countdown must not leave a timer behind. */
  cst_sms_code_row_set_can_send (self, TRUE);
  cst_sms_code_row_start_countdown (self, 60);
  destroy_host (window, row);
  cst_test_spin (50);
}

static void
test_sms_code_row_error (void)
{
  GtkWidget *row = cst_sms_code_row_new ();
  GtkWindow *window = host (row);
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (row);
  GtkWidget *entry = cst_sms_code_row_get_entry (self);
  GtkWidget *label = child (row, CST_TYPE_SMS_CODE_ROW, "error_label");

  g_assert_false (gtk_widget_get_visible (label));

  cst_test_type (entry, "111111");
  cst_sms_code_row_set_sending (self, TRUE);
  cst_sms_code_row_set_error (self, "Incorrect code");

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Incorrect code");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  /* What was typed stays; the error ended the sending state. */
  g_assert_cmpstr (cst_sms_code_row_get_code (self), ==, "111111");
  cst_sms_code_row_set_can_send (self, TRUE);
  g_assert_true (gtk_widget_is_sensitive (cst_sms_code_row_get_send_button (self)));

  /* A new attempt clears the complaint. */
  cst_test_type (entry, "11111");
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  destroy_host (window, row);
}

/* ---- CstFaceCaptureView ---- */

typedef struct
{
  guint              captured;
  CstLivenessAction  actions;
  gint64             captured_at;
} Captured;

static void
on_captured_cb (CstFaceCaptureView *view,
                CstFaceCapture     *capture,
                Captured           *data)
{
  data->captured++;
  data->actions = cst_face_capture_get_actions (capture);
  data->captured_at = cst_face_capture_get_captured_at (capture);
}

static const char *
label_text (GtkWidget  *view,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (view, CST_TYPE_FACE_CAPTURE_VIEW, name)));
}

static void
test_face_capture_flow (void)
{
  GtkWidget *view = cst_face_capture_view_new ();
  GtkWindow *window = host (view);
  CstFaceCaptureView *self = CST_FACE_CAPTURE_VIEW (view);
  GtkWidget *start = child (view, CST_TYPE_FACE_CAPTURE_VIEW, "start_button");
  GtkWidget *retry = child (view, CST_TYPE_FACE_CAPTURE_VIEW, "retry_button");
  GtkWidget *spinner = child (view, CST_TYPE_FACE_CAPTURE_VIEW, "spinner");
  GtkWidget *progress = child (view, CST_TYPE_FACE_CAPTURE_VIEW, "progress_bar");
  Captured data = { 0 };
  gint64 before = g_get_real_time ();

  g_signal_connect (view, "captured", G_CALLBACK (on_captured_cb), &data);
  cst_face_capture_view_set_step_duration (self, 150);

  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_IDLE);
  g_assert_true (gtk_widget_get_visible (start));
  g_assert_false (gtk_widget_get_visible (retry));

  g_assert_false (gtk_widget_get_visible (progress));
  cst_test_click (start);
  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_CAPTURING);
  g_assert_false (gtk_widget_get_visible (start));
  g_assert_true (gtk_widget_get_visible (progress));

  /* The prompts come one after the other, with progress. */
  cst_test_wait_until (g_str_equal (label_text (view, "prompt_label"), "Blink"), 2000);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), >, 0.2);
  g_assert_cmpuint (data.captured, ==, 0);
  cst_test_wait_until (g_str_equal (label_text (view, "prompt_label"), "Slowly turn your head"),
                       2000);
  g_assert_cmpuint (data.captured, ==, 0);

  cst_test_wait_until (data.captured == 1, 2000);
  g_assert_cmpint (data.actions, ==, CST_LIVENESS_ALL);
  g_assert_cmpint (data.captured_at, >=, before);
  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_VERIFYING);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 1.0);

  cst_face_capture_view_set_result (self, FALSE, "Face check failed");
  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_FAILED);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_visible (progress));
  g_assert_true (gtk_widget_get_visible (retry));
  g_assert_cmpstr (label_text (view, "prompt_label"), ==, "Face recognition failed");
  g_assert_cmpstr (label_text (view, "status_label"), ==, "Face check failed");

  /* Retry runs the prompts again from the first. */
  cst_test_click (retry);
  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_CAPTURING);
  g_assert_cmpstr (label_text (view, "prompt_label"), ==, "Face the screen");
  g_assert_false (gtk_widget_get_visible (retry));
  cst_test_wait_until (data.captured == 2, 3000);

  cst_face_capture_view_set_result (self, TRUE, NULL);
  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_SUCCEEDED);
  g_assert_cmpstr (label_text (view, "prompt_label"), ==, "Face recognition succeeded");
  g_assert_false (gtk_widget_get_visible (retry));
  g_assert_false (gtk_widget_get_visible (spinner));

  cst_face_capture_view_reset (self);
  g_assert_cmpint (cst_face_capture_view_get_state (self), ==, CST_FACE_CAPTURE_STATE_IDLE);
  g_assert_true (gtk_widget_get_visible (start));

  /* Disposed in the middle of the prompts: no capture arrives later. */
  cst_face_capture_view_start (self);
  destroy_host (window, view);
  cst_test_spin (600);
  g_assert_cmpuint (data.captured, ==, 2);
}

static void
test_face_capture_simulated (void)
{
  GtkWidget *view = cst_face_capture_view_new ();
  GtkWindow *window = host (view);
  GtkWidget *label = child (view, CST_TYPE_FACE_CAPTURE_VIEW, "simulated_label");
  guint notified = 0;

  g_signal_connect_swapped (view, "notify::simulated", G_CALLBACK (count_cb), &notified);

  g_assert_false (gtk_widget_get_visible (label));

  g_object_set (view, "simulated", TRUE, NULL);
  g_assert_true (cst_face_capture_view_get_simulated (CST_FACE_CAPTURE_VIEW (view)));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Local simulation");

  g_object_set (view, "simulated", TRUE, NULL);
  g_assert_cmpuint (notified, ==, 1);

  cst_face_capture_view_set_simulated (CST_FACE_CAPTURE_VIEW (view), FALSE);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpuint (notified, ==, 2);

  destroy_host (window, view);
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);

  g_test_add_func ("/Cst/SmsCodeRow/code", test_sms_code_row_code);
  g_test_add_func ("/Cst/SmsCodeRow/countdown", test_sms_code_row_countdown);
  g_test_add_func ("/Cst/SmsCodeRow/error", test_sms_code_row_error);
  g_test_add_func ("/Cst/FaceCaptureView/flow", test_face_capture_flow);
  g_test_add_func ("/Cst/FaceCaptureView/simulated", test_face_capture_simulated);

  return g_test_run ();
}
