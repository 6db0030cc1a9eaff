/* cst-test-wizard.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What test-register.c and test-reset.c share: reaching the steps of a
 * wizard page and asserting what its user sees. Header-only, since the
 * ui tests build from one .c file plus cst-test-ui.c. */

#include "cst-face-capture-view.h"
#include "cst-password-row.h"
#include "cst-sms-code-row.h"
#include "cst-step-indicator.h"
#include "cst-test-ui.h"
#include "cst-wizard.h"

#define WAIT_MS 10000

/* A named object of @widget's own template. */
static inline GtkWidget *
tchild (gpointer    widget,
        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget),
                                                   G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static inline CstWizard *
wizard_of (CstPage *page)
{
  return CST_WIZARD (tchild (page, "wizard"));
}

static inline CstWizardStep *
step_of (CstPage    *page,
         const char *name)
{
  return CST_WIZARD_STEP (tchild (page, name));
}

static inline GtkWidget *
next_button_of (CstPage *page)
{
  return cst_wizard_get_next_button (wizard_of (page));
}

static inline const char *
next_label_of (CstPage *page)
{
  GtkWidget *label = tchild (wizard_of (page), "next_label");

  return gtk_label_get_text (GTK_LABEL (label));
}

static inline char *
indicator_label_of (CstPage *page)
{
  return cst_step_indicator_dup_label (CST_STEP_INDICATOR (cst_wizard_get_indicator (wizard_of (page))));
}

/* The visible step is @name, and it is what is on screen. */
static inline void
assert_step (CstPage    *page,
             const char *name)
{
  CstWizardStep *step = step_of (page, name);

  cst_test_wait_until (cst_wizard_get_step (wizard_of (page)) == step &&
                       !cst_wizard_get_busy (wizard_of (page)), WAIT_MS);
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (step)), 2000);
}

static inline void
press_next (CstPage *page)
{
  cst_test_click (next_button_of (page));
}

static inline CstPage *
open_flow (CstTestUi  *fixture,
           const char *action,
           GType       type)
{
  CstPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  page = cst_test_ui_visible_page (fixture);
  g_assert_nonnull (page);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, type));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);

  return page;
}

static inline void
go_back (CstTestUi *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_main_context_iteration (NULL, FALSE);
}

/* @first17 + its MOD 11-2 check character (transfer full). */
static inline char *
make_resident_id (const char *first17)
{
  g_assert_cmpuint (strlen (first17), ==, 17);
  return g_strdup_printf ("%s%c", first17, cst_id_check_character (first17));
}

/* The message under a field: shown, in these words. */
static inline void
assert_error (GtkWidget  *label,
              const char *text)
{
  gint64 deadline = g_get_monotonic_time () + cst_test_timeout_us (2000);

  /* Messages wait for typing to pause (600 ms). */
  while (!(gtk_widget_get_visible (label) &&
           g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0) &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
}

static inline void
assert_no_error (GtkWidget *label)
{
  g_assert_false (gtk_widget_get_visible (label));
}

static inline GtkWidget *
code_row_error_of (CstSmsCodeRow *row)
{
  return tchild (row, "error_label");
}

/* Presses 获取验证码 and waits for the code to arrive at @phone. */
static inline char *
request_code (CstTestUi     *fixture,
              CstSmsCodeRow *row,
              const char    *phone)
{
  guint before = cst_capture_sms_gateway_count (fixture->sms);

  cst_test_click (cst_sms_code_row_get_send_button (row));
  cst_test_wait_until (cst_capture_sms_gateway_count (fixture->sms) > before &&
                       cst_sms_code_row_get_countdown (row) > 0, WAIT_MS);

  return cst_capture_sms_gateway_last_code (fixture->sms, phone);
}

/* Runs the liveness prompts of @view quickly and waits for the verdict. */
static inline void
capture_face (CstFaceCaptureView *view)
{
  cst_face_capture_view_set_step_duration (view, 20);
  cst_test_click (tchild (view, "start_button"));
  cst_test_wait_until (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_SUCCEEDED ||
                       cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED ||
                       !gtk_widget_get_mapped (GTK_WIDGET (view)),
                       WAIT_MS);
}

static inline AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* The icon next to a line of the password checklist says it is met. */
static inline gboolean
rule_is_ticked (CstPasswordRow  *row,
                CstPasswordRule  rule)
{
  GtkWidget *label = cst_test_find_text (GTK_WIDGET (row), cst_password_rule_get_label (rule));
  GtkWidget *icon;

  g_assert_nonnull (label);
  icon = gtk_widget_get_prev_sibling (label);
  g_assert_true (GTK_IS_IMAGE (icon));

  return g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (icon)), "object-select-symbolic") == 0 &&
         gtk_widget_has_css_class (icon, "success");
}
