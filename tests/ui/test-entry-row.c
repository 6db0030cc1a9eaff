/* test-entry-row.c — CstEntryRow, the text field of every form
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pages rely on, as a user would notice it: what is typed reaches
 * the row (and stops at max-length), Enter presses the default button,
 * Tab and a click put the cursor in the text, the focus is drawn on the
 * row, an error shows at the field. What a screen reader is told (the
 * name, the focused state) is proven over AT-SPI in tests/a11y.
 */

#include "config.h"

#include "cst-entry-row.h"
#include "cst-field.h"
#include "cst-test-ui.h"

static const char *ui =
  "<interface>"
  "  <object class='GtkWindow' id='window'>"
  "    <property name='default-widget'>submit</property>"
  "    <child>"
  "      <object class='GtkBox'>"
  "        <property name='orientation'>vertical</property>"
  "        <child><object class='GtkButton' id='before'><property name='label'>Before</property></object></child>"
  "        <child>"
  "          <object class='GtkListBox'>"
  "            <child>"
  "              <object class='CstEntryRow' id='row'>"
  "                <property name='title'>_Code</property>"
  "                <property name='use-underline'>true</property>"
  "                <property name='activates-default'>true</property>"
  "                <property name='input-purpose'>digits</property>"
  "                <property name='max-length'>6</property>"
  "                <property name='placeholder-text'>Six digits</property>"
  "                <child type='suffix'>"
  "                  <object class='GtkButton' id='suffix'><property name='label'>Get Code</property></object>"
  "                </child>"
  "              </object>"
  "            </child>"
  "            <child>"
  "              <object class='CstPasswordEntryRow' id='password'>"
  "                <property name='title'>Password</property>"
  "              </object>"
  "            </child>"
  "          </object>"
  "        </child>"
  "        <child><object class='GtkLabel' id='error'><property name='visible'>false</property></object></child>"
  "        <child><object class='GtkButton' id='submit'><property name='label'>Submit</property></object></child>"
  "      </object>"
  "    </child>"
  "  </object>"
  "</interface>";

typedef struct
{
  GtkBuilder *builder;
  GtkWindow  *window;
  GtkWidget  *row;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_type_ensure (CST_TYPE_ENTRY_ROW);
  g_type_ensure (CST_TYPE_PASSWORD_ENTRY_ROW);

  f->builder = gtk_builder_new_from_string (ui, -1);
  f->window = GTK_WINDOW (gtk_builder_get_object (f->builder, "window"));
  f->row = GTK_WIDGET (gtk_builder_get_object (f->builder, "row"));
  gtk_window_present (f->window);
  cst_test_wait_until (gtk_widget_get_mapped (f->row), 5000);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->builder);
}

static GtkWidget *
object (Fixture    *f,
        const char *id)
{
  return GTK_WIDGET (gtk_builder_get_object (f->builder, id));
}

static void
count_cb (gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  CstEntryRow *row = CST_ENTRY_ROW (f->row);
  GtkWidget *entry = cst_entry_row_get_entry (row);
  guint changed = 0;

  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpint (gtk_text_get_input_purpose (cst_entry_row_get_text (row)), ==,
                   GTK_INPUT_PURPOSE_DIGITS);
  g_assert_cmpstr (gtk_text_get_placeholder_text (cst_entry_row_get_text (row)), ==, "Six digits");

  g_signal_connect_swapped (row, "changed", G_CALLBACK (count_cb), &changed);
  cst_test_type (f->row, "12345678");

  /* The row is the field: its text, its ::changed, its length limit. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->row)), ==, "123456");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "123456");
  g_assert_cmpuint (changed, >, 0);

  gtk_editable_set_text (GTK_EDITABLE (f->row), "42");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "42");
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  CstEntryRow *row = CST_ENTRY_ROW (f->row);
  guint notified = 0;
  int max_length = 0;
  g_autofree char *placeholder = NULL;

  /* The row's properties are the text's: read back, and notified. */
  g_signal_connect_swapped (row, "notify::max-length", G_CALLBACK (count_cb), &notified);
  cst_entry_row_set_max_length (row, 4);
  g_object_get (row, "max-length", &max_length, NULL);
  g_assert_cmpint (max_length, ==, 4);
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (row, "placeholder-text", "Four digits", NULL);
  g_assert_cmpstr (gtk_text_get_placeholder_text (cst_entry_row_get_text (row)), ==, "Four digits");
  g_object_get (row, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Four digits");

  cst_test_type (f->row, "123456");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->row)), ==, "1234");
}

static void
test_enter (Fixture       *f,
            gconstpointer  data)
{
  guint clicked = 0;
  guint activated = 0;

  g_signal_connect_swapped (object (f, "submit"), "clicked", G_CALLBACK (count_cb), &clicked);
  g_signal_connect_swapped (f->row, "entry-activated", G_CALLBACK (count_cb), &activated);

  gtk_widget_grab_focus (f->row);
  g_signal_emit_by_name (cst_entry_row_get_text (CST_ENTRY_ROW (f->row)), "activate");

  /* The button shows its press, then is clicked. */
  cst_test_wait_until (clicked == 1, 5000);
  g_assert_cmpuint (activated, ==, 1);

  /* Without activates-default, Enter only says so. */
  cst_entry_row_set_activates_default (CST_ENTRY_ROW (f->row), FALSE);
  g_signal_emit_by_name (cst_entry_row_get_text (CST_ENTRY_ROW (f->row)), "activate");
  g_assert_cmpuint (activated, ==, 2);
  cst_test_spin (400);
  g_assert_cmpuint (clicked, ==, 1);
}

static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *text = GTK_WIDGET (cst_entry_row_get_text (CST_ENTRY_ROW (f->row)));
  GtkWidget *password_text =
    GTK_WIDGET (cst_entry_row_get_text (CST_ENTRY_ROW (object (f, "password"))));

  /* Tab from the button before goes into the text, not onto the row;
   * the next Tab to the suffix button, then to the password's text. */
  gtk_widget_grab_focus (object (f, "before"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == text);
  g_assert_true (gtk_widget_has_css_class (f->row, "focused"));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == object (f, "suffix"));
  g_assert_false (gtk_widget_has_css_class (f->row, "focused"));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == password_text);

  /* Shift+Tab comes back the same way. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == object (f, "suffix"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == text);

  /* The mnemonic of the title (Alt+C) goes to the text too. */
  gtk_widget_grab_focus (object (f, "before"));
  g_assert_true (gtk_widget_mnemonic_activate (cst_test_find_text (f->row, "Code"), FALSE));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == text);
}

static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  CstEntryRow *row = CST_ENTRY_ROW (object (f, "password"));

  g_assert_true (GTK_IS_PASSWORD_ENTRY (cst_entry_row_get_entry (row)));
  g_assert_false (gtk_text_get_visibility (cst_entry_row_get_text (row)));
  g_assert_true (gtk_password_entry_get_show_peek_icon (GTK_PASSWORD_ENTRY (cst_entry_row_get_entry (row))));

  cst_test_type (GTK_WIDGET (row), "Secret#2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Secret#2026");
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  GtkLabel *label = GTK_LABEL (object (f, "error"));

  cst_test_type (f->row, "12");
  cst_field_set_error (f->row, label, "The code has 6 digits");

  g_assert_true (gtk_widget_has_css_class (f->row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "The code has 6 digits");
  /* What the user typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->row)), ==, "12");

  cst_field_clear_error (f->row, label);
  g_assert_false (gtk_widget_has_css_class (f->row, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);

#define ADD(path, fn) \
  g_test_add ("/Cst/EntryRow/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("typing", test_typing);
  ADD ("properties", test_properties);
  ADD ("enter", test_enter);
  ADD ("focus", test_focus);
  ADD ("password", test_password);
  ADD ("error", test_error);
#undef ADD

  return g_test_run ();
}
