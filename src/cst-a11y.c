/* cst-a11y.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-a11y"

#include "config.h"

#include "cst-a11y.h"

static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *text = NULL;
  char *out;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  /* "_Log Out" reads "Log Out"; "__" is a literal underscore. */
  text = g_malloc (strlen (label) + 1);
  out = text;
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      *out++ = *p;
    }
  *out = '\0';

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

void
cst_a11y_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_mnemonic_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cst_a11y_name_mnemonic_buttons (child);
}
