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

static void
update_hidden_pages (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

void
cst_a11y_hide_inactive_pages (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  /* The handler lives as long as the stack and touches nothing else. */
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_hidden_pages), NULL);
  update_hidden_pages (stack);
}

static void
set_name (GtkWidget  *widget,
          const char *label)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
cst_a11y_name_icon_buttons (GtkWidget  *root,
                            const char *icon_name,
                            const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (icon_name != NULL);
  g_return_if_fail (label != NULL);

  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    set_name (root, label);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cst_a11y_name_icon_buttons (child, icon_name, label);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)))
        return found;
    }

  return NULL;
}

void
cst_a11y_name_descendant (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  GtkWidget *widget;

  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (label != NULL);

  if ((widget = find_descendant (root, type)))
    set_name (widget, label);
}
