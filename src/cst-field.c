/* cst-field.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-field"

#include "config.h"

#include "cst-field.h"

/* What a screen reader lands on: the entry inside a CstEntryRow, else
 * the field itself. */
static GtkAccessible *
field_accessible (GtkWidget *field)
{
  if (CST_IS_ENTRY_ROW (field))
    return GTK_ACCESSIBLE (cst_entry_row_get_entry (CST_ENTRY_ROW (field)));

  return GTK_ACCESSIBLE (field);
}

void
cst_field_set_error (GtkWidget  *field,
                     GtkLabel   *message_label,
                     const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (message_label));

  if (message == NULL || message[0] == '\0')
    {
      cst_field_clear_error (field, message_label);
      return;
    }

  gtk_label_set_text (message_label, message);
  gtk_widget_add_css_class (GTK_WIDGET (message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (message_label), TRUE);
  gtk_widget_add_css_class (field, "error");

  gtk_accessible_update_state (field_accessible (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  /* DESCRIBED_BY takes a NULL-terminated list, ERROR_MESSAGE a single
   * reference: a NULL after it would be read as the next relation, and
   * GTK 4.8 crashes on it as soon as a screen reader is listening. */
  gtk_accessible_update_relation (field_accessible (field),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, message_label,
                                  -1);
}

void
cst_field_clear_error (GtkWidget *field,
                       GtkLabel  *message_label)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (message_label));

  gtk_label_set_text (message_label, "");
  gtk_widget_set_visible (GTK_WIDGET (message_label), FALSE);
  gtk_widget_remove_css_class (field, "error");

  gtk_accessible_reset_state (field_accessible (field), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_relation (field_accessible (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_reset_relation (field_accessible (field), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
}

gboolean
cst_field_show_auth_error (const GError *error,
                           const char   *first_field_name,
                           ...)
{
  const char *wanted;
  const char *name;
  gboolean shown = FALSE;
  va_list args;

  g_return_val_if_fail (error != NULL, FALSE);

  wanted = cst_auth_error_get_field (error);
  if (wanted == NULL)
    return FALSE;

  va_start (args, first_field_name);
  for (name = first_field_name; name != NULL; name = va_arg (args, const char *))
    {
      GtkWidget *field = va_arg (args, GtkWidget *);
      GtkLabel *label = va_arg (args, GtkLabel *);

      if (!shown && g_strcmp0 (name, wanted) == 0)
        {
          cst_field_set_error (field, label, error->message);
          shown = TRUE;
        }
    }
  va_end (args);

  return shown;
}
