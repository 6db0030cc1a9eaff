/* test-biometrics.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * 生物识别 in a real window, signed in as the demo person, with the
 * in-memory keyring and fake-fprintd.py on a private system bus (so that
 * the fingerprint row talks to the page's ordinary reader).
 */

#include "config.h"

#include "cst-biometrics-page.h"
#include "cst-test-ui.h"
#include "../service/cst-fake-fprintd.h"

#define KEYRING_NOTICE "The system keyring is not available, so quick login cannot be turned " \
                       "on or off on this device. Unlock or set up the keyring, then open this " \
                       "page again."

static CstFakeFprintd fake;

static void
on_login_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
setup (CstTestUi     *fixture,
       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cst_fake_fprintd_set_scenario (&fake, "match");

  cst_test_ui_setup (fixture, data);
  cst_test_ui_seed_demo (fixture);

  cst_auth_service_login_password_async (fixture->service, CST_DEMO_PHONE, CST_DEMO_PASSWORD,
                                         FALSE, NULL, on_login_cb, &result);
  cst_test_wait_until (result != NULL, 5000);
  cst_auth_service_login_password_finish (fixture->service, result, &error);
  g_assert_no_error (error);
}

static GtkWidget *
child (CstPage    *page,
       const char *name)
{
  GtkWidget *widget;

  widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                      CST_TYPE_BIOMETRICS_PAGE, name));
  g_assert_nonnull (widget);

  return widget;
}

#define SWITCH(page, name) GTK_SWITCH (child ((page), (name)))

/* Opens 生物识别 from the window and waits until it knows what is on. */
static CstPage *
open_page (CstTestUi *fixture)
{
  CstPage *page;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.biometrics", NULL);
  cst_test_wait_until (CST_IS_BIOMETRICS_PAGE (cst_test_ui_visible_page (fixture)), 2000);
  page = cst_test_ui_visible_page (fixture);
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);
  /* The reader has answered once the "looking" subtitle is gone. */
  cst_test_wait_until (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fingerprint_row"))),
                                  "Looking for a fingerprint reader…") != 0,
                       5000);
  /* And the keyring lookups have answered (or failed). */
  cst_test_spin (50);

  return page;
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Moves @toggle as the user would and waits for the password prompt. */
static AdwMessageDialog *
turn_on (GtkSwitch *toggle)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (toggle)));
  gtk_switch_set_active (toggle, TRUE);
  cst_test_wait_until (find_dialog () != NULL, 2000);
  dialog = find_dialog ();
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (dialog)), 2000);

  /* Not on yet: only the service's answer turns it on. */
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_false (gtk_switch_get_state (toggle));

  return dialog;
}

/* Types @password into the prompt and presses Enter. */
static void
answer (AdwMessageDialog *dialog,
        const char       *password)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_PASSWORD_ENTRY (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  cst_test_type (entry, password);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* Enter: the entry's text emits "activate" (it has no activate_signal
   * for gtk_widget_activate), which activates the window's default. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  /* Enter is the 确定 response, and the prompt goes. */
  cst_test_wait_until (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)), 2000);
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

static void
wait_settled (GtkSwitch *toggle)
{
  cst_test_wait_until (gtk_widget_get_sensitive (GTK_WIDGET (toggle)) &&
                       gtk_switch_get_active (toggle) == gtk_switch_get_state (toggle),
                       10000);
}

static void
test_face_enable (CstTestUi     *fixture,
                  gconstpointer  data)
{
  CstPage *page = open_page (fixture);
  GtkSwitch *toggle = SWITCH (page, "face_switch");
  AdwMessageDialog *dialog;
  g_autofree char *secret = NULL;

  g_assert_false (gtk_switch_get_state (toggle));
  g_assert_true (gtk_widget_is_sensitive (child (page, "face_row")));

  dialog = turn_on (toggle);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Turn On Face Login");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Enter your personal password to verify it and turn this on");
  answer (dialog, CST_DEMO_PASSWORD);
  wait_settled (toggle);

  g_assert_true (gtk_switch_get_state (toggle));
  secret = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_FACE,
                                             CST_DEMO_ID_NUMBER);
  g_assert_nonnull (secret);
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Face login is on");
  g_assert_false (gtk_widget_get_visible (child (page, "error_label")));
}

static void
test_face_wrong_password (CstTestUi     *fixture,
                          gconstpointer  data)
{
  CstPage *page = open_page (fixture);
  GtkSwitch *toggle = SWITCH (page, "face_switch");
  GtkWidget *error_label = child (page, "error_label");

  answer (turn_on (toggle), "Not-the-password-1");
  wait_settled (toggle);

  g_assert_false (gtk_switch_get_state (toggle));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Incorrect password, 4 attempts left");
  g_assert_cmpuint (cst_memory_credential_store_count (fixture->store), ==, 0);

  /* And the right one still works afterwards. */
  answer (turn_on (toggle), CST_DEMO_PASSWORD);
  wait_settled (toggle);
  g_assert_true (gtk_switch_get_state (toggle));
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_face_cancel (CstTestUi     *fixture,
                  gconstpointer  data)
{
  CstPage *page = open_page (fixture);
  GtkSwitch *toggle = SWITCH (page, "face_switch");
  AdwMessageDialog *dialog = turn_on (toggle);

  /* Escape / the window's close: 取消. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_settled (toggle);

  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (gtk_switch_get_state (toggle));
  g_assert_null (find_dialog ());
  g_assert_cmpuint (cst_memory_credential_store_count (fixture->store), ==, 0);
}

static void
test_face_disable (CstTestUi     *fixture,
                   gconstpointer  data)
{
  CstPage *page = open_page (fixture);
  GtkSwitch *toggle = SWITCH (page, "face_switch");
  g_autofree char *secret = NULL;

  answer (turn_on (toggle), CST_DEMO_PASSWORD);
  wait_settled (toggle);
  g_assert_true (gtk_switch_get_state (toggle));

  /* Off asks nothing and revokes the credential. */
  gtk_switch_set_active (toggle, FALSE);
  g_assert_null (find_dialog ());
  wait_settled (toggle);

  g_assert_false (gtk_switch_get_state (toggle));
  secret = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_FACE,
                                             CST_DEMO_ID_NUMBER);
  g_assert_null (secret);
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Face login is off");
}

/* What is on is read back from the keyring by a new page. */
static void
test_state_survives (CstTestUi     *fixture,
                     gconstpointer  data)
{
  CstPage *page = open_page (fixture);

  answer (turn_on (SWITCH (page, "face_switch")), CST_DEMO_PASSWORD);
  wait_settled (SWITCH (page, "face_switch"));

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  cst_page_pop (page);
  cst_test_wait_until (page == NULL, 3000);

  page = open_page (fixture);
  g_assert_true (gtk_switch_get_state (SWITCH (page, "face_switch")));
  g_assert_true (gtk_switch_get_active (SWITCH (page, "face_switch")));
  g_assert_false (gtk_switch_get_state (SWITCH (page, "fingerprint_switch")));
}

static void
test_keyring_unavailable (CstTestUi     *fixture,
                          gconstpointer  data)
{
  CstPage *page;

  cst_memory_credential_store_set_available (fixture->store, FALSE);
  page = open_page (fixture);

  g_assert_false (gtk_widget_is_sensitive (child (page, "fingerprint_row")));
  g_assert_false (gtk_widget_is_sensitive (child (page, "face_row")));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), KEYRING_NOTICE));
  g_assert_false (gtk_widget_get_visible (child (page, "error_label")));
}

/* The keyring fails when the credential is to be stored. */
static void
test_keyring_fails_on_enable (CstTestUi     *fixture,
                              gconstpointer  data)
{
  CstPage *page = open_page (fixture);
  GtkSwitch *toggle = SWITCH (page, "face_switch");
  AdwMessageDialog *dialog = turn_on (toggle);
  GtkWidget *error_label = child (page, "error_label");

  g_assert_null (cst_test_find_text (GTK_WIDGET (page), KEYRING_NOTICE));

  cst_memory_credential_store_set_available (fixture->store, FALSE);
  answer (dialog, CST_DEMO_PASSWORD);
  cst_test_wait_until (!gtk_switch_get_active (toggle), 10000);

  g_assert_false (gtk_switch_get_state (toggle));
  g_assert_cmpuint (cst_memory_credential_store_count (fixture->store), ==, 0);
  /* Said once, by the notice. */
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (child (page, "fingerprint_row")));
  g_assert_false (gtk_widget_is_sensitive (child (page, "face_row")));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), KEYRING_NOTICE));
}

static void
test_fingerprint_enable (CstTestUi     *fixture,
                         gconstpointer  data)
{
  CstPage *page = open_page (fixture);
  GtkSwitch *toggle = SWITCH (page, "fingerprint_switch");
  AdwMessageDialog *dialog;
  g_autofree char *secret = NULL;

  g_assert_true (gtk_widget_is_sensitive (child (page, "fingerprint_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fingerprint_row"))),
                   ==, "");

  dialog = turn_on (toggle);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Turn On Fingerprint Login");
  answer (dialog, CST_DEMO_PASSWORD);
  wait_settled (toggle);

  g_assert_true (gtk_switch_get_state (toggle));
  secret = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_FINGERPRINT,
                                             CST_DEMO_ID_NUMBER);
  g_assert_nonnull (secret);
  g_assert_false (gtk_switch_get_state (SWITCH (page, "face_switch")));
}

static void
assert_fingerprint_unusable (CstTestUi  *fixture,
                             const char *scenario,
                             const char *reason)
{
  CstPage *page;
  GtkWidget *row;
  g_autofree char *calls = NULL;

  cst_fake_fprintd_set_scenario (&fake, scenario);
  page = open_page (fixture);
  row = child (page, "fingerprint_row");

  g_assert_false (gtk_widget_is_sensitive (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, reason);
  /* The face row does not depend on the reader. */
  g_assert_true (gtk_widget_is_sensitive (child (page, "face_row")));
  /* Looking is not claiming. */
  calls = cst_fake_fprintd_get_calls (&fake);
  g_assert_null (strstr (calls, "Claim"));
}

static void
test_fingerprint_no_reader (CstTestUi     *fixture,
                            gconstpointer  data)
{
  assert_fingerprint_unusable (fixture, "no-reader",
                               "No fingerprint reader was found on this computer");
}

static void
test_fingerprint_no_enrolled (CstTestUi     *fixture,
                              gconstpointer  data)
{
  assert_fingerprint_unusable (fixture, "no-enrolled",
                               "No fingerprint is enrolled for this user. "
                               "Add one in the system settings (Users) first");
}

/* Without fprintd at all (not installed) the row says so, and does not hang. */
static void
test_fingerprint_no_service (CstTestUi     *fixture,
                             gconstpointer  data)
{
  assert_fingerprint_unusable (fixture, "no-service",
                               "The fingerprint service (fprintd) is not available");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cst_test_ui_init (&argc, &argv);

#define add(path, func) \
  g_test_add ("/Cst/Biometrics/" path, CstTestUi, NULL, setup, func, cst_test_ui_teardown)

  add ("face/enable", test_face_enable);
  add ("face/wrong-password", test_face_wrong_password);
  add ("face/cancel", test_face_cancel);
  add ("face/disable", test_face_disable);
  add ("state-survives", test_state_survives);
  add ("keyring/unavailable", test_keyring_unavailable);
  add ("keyring/fails-on-enable", test_keyring_fails_on_enable);
  add ("fingerprint/enable", test_fingerprint_enable);
  add ("fingerprint/no-reader", test_fingerprint_no_reader);
  add ("fingerprint/no-enrolled", test_fingerprint_no_enrolled);
  add ("fingerprint/no-service", test_fingerprint_no_service);

#undef add

  cst_fake_fprintd_start (&fake);
  ret = g_test_run ();
  cst_fake_fprintd_stop (&fake);

  return ret;
}
