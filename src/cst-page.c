/* cst-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-page"

#include "config.h"

#include "cst-page.h"
#include "cst-window.h"

typedef struct
{
  char           *title;
  CstAuthService *service;
  GtkWidget      *default_widget;  /* weak */
} CstPagePrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SERVICE,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (CstPage, cst_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static gboolean
cst_page_real_go_back (CstPage *self)
{
  return FALSE;
}

static CstWindow *
get_window (CstPage *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_WINDOW);

  return ancestor != NULL ? CST_WINDOW (ancestor) : NULL;
}

static void
apply_default_widget (CstPage *self)
{
  CstPagePrivate *priv = cst_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (priv->default_widget != NULL && GTK_IS_WINDOW (root) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_set_default_widget (GTK_WINDOW (root), priv->default_widget);
}

static void
cst_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cst_page_parent_class)->map (widget);

  apply_default_widget (CST_PAGE (widget));
}

static void
cst_page_unmap (GtkWidget *widget)
{
  CstPage *self = CST_PAGE (widget);
  CstPagePrivate *priv = cst_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Only when it is still ours: the page above may have set its own. */
  if (priv->default_widget != NULL && GTK_IS_WINDOW (root) &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == priv->default_widget)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (cst_page_parent_class)->unmap (widget);
}

static void
cst_page_finalize (GObject *object)
{
  CstPage *self = CST_PAGE (object);
  CstPagePrivate *priv = cst_page_get_instance_private (self);

  g_clear_weak_pointer (&priv->default_widget);
  g_clear_pointer (&priv->title, g_free);
  g_clear_object (&priv->service);

  G_OBJECT_CLASS (cst_page_parent_class)->finalize (object);
}

static void
cst_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CstPage *self = CST_PAGE (object);
  CstPagePrivate *priv = cst_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_SERVICE:
      g_value_set_object (value, priv->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CstPage *self = CST_PAGE (object);
  CstPagePrivate *priv = cst_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      cst_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_SERVICE:
      g_set_object (&priv->service, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_page_class_init (CstPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cst_page_finalize;
  object_class->get_property = cst_page_get_property;
  object_class->set_property = cst_page_set_property;

  widget_class->map = cst_page_map;
  widget_class->unmap = cst_page_unmap;

  klass->go_back = cst_page_real_go_back;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         CST_TYPE_AUTH_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cst_page_init (CstPage *self)
{
}

const char *
cst_page_get_title (CstPage *self)
{
  CstPagePrivate *priv = cst_page_get_instance_private (self);

  g_return_val_if_fail (CST_IS_PAGE (self), NULL);

  return priv->title;
}

void
cst_page_set_title (CstPage    *self,
                    const char *title)
{
  CstPagePrivate *priv = cst_page_get_instance_private (self);

  g_return_if_fail (CST_IS_PAGE (self));

  /* g_set_str() is GLib 2.76; the floor is 2.74. */
  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);

  /* A page's widget actions make it actionable for AT-SPI, and GTK 4.8
   * reads an unnamed widget by its type ("CstLoginPage"): the title is
   * what the page is. */
  if (title != NULL && title[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * cst_page_get_service:
 *
 * Returns: (transfer none) (nullable): the service the page works with
 */
CstAuthService *
cst_page_get_service (CstPage *self)
{
  CstPagePrivate *priv = cst_page_get_instance_private (self);

  g_return_val_if_fail (CST_IS_PAGE (self), NULL);

  return priv->service;
}

gboolean
cst_page_go_back (CstPage *self)
{
  g_return_val_if_fail (CST_IS_PAGE (self), FALSE);

  return CST_PAGE_GET_CLASS (self)->go_back (self);
}

void
cst_page_push (CstPage *self,
               CstPage *page)
{
  CstWindow *window;

  g_return_if_fail (CST_IS_PAGE (self));
  g_return_if_fail (CST_IS_PAGE (page));

  if ((window = get_window (self)))
    cst_window_push_page (window, page);
  else
    g_object_unref (g_object_ref_sink (page));
}

void
cst_page_pop (CstPage *self)
{
  CstWindow *window;

  g_return_if_fail (CST_IS_PAGE (self));

  if ((window = get_window (self)))
    cst_window_pop_page (window, self);
}

void
cst_page_pop_to_root (CstPage *self)
{
  CstWindow *window;

  g_return_if_fail (CST_IS_PAGE (self));

  if ((window = get_window (self)))
    cst_window_pop_to_root (window);
}

void
cst_page_toast (CstPage    *self,
                const char *text)
{
  CstWindow *window;

  g_return_if_fail (CST_IS_PAGE (self));

  if ((window = get_window (self)))
    cst_window_show_toast (window, text);
}

/**
 * cst_page_set_default_widget:
 * @widget: (nullable): a descendant of the page to activate on Enter
 *
 * Makes @widget the window's default widget whenever the page is mapped
 * (at once when it already is), and no longer when it is unmapped.
 */
void
cst_page_set_default_widget (CstPage   *self,
                             GtkWidget *widget)
{
  CstPagePrivate *priv;

  g_return_if_fail (CST_IS_PAGE (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  priv = cst_page_get_instance_private (self);
  g_set_weak_pointer (&priv->default_widget, widget);
  apply_default_widget (self);
}
