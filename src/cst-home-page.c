/* cst-home-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-home-page"

#include "config.h"

#include "cst-home-page.h"

/* Every card is a row bound to the window action of its flow in the .ui:
 * the guide is the app's own help, and it opens what it explains. */
struct _CstHomePage
{
  CstPage   parent_instance;

  /* template widgets */
  GtkImage *banner_icon;
};

G_DEFINE_FINAL_TYPE (CstHomePage, cst_home_page, CST_TYPE_PAGE)

static void
cst_home_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CST_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (cst_home_page_parent_class)->dispose (object);
}

static void
cst_home_page_class_init (CstHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cst-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CstHomePage, banner_icon);
}

static void
cst_home_page_init (CstHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The app icon, whose name is the application ID (Devel builds too). */
  gtk_image_set_from_icon_name (self->banner_icon, APPLICATION_ID);
}

CstPage *
cst_home_page_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_HOME_PAGE,
                       "service", service,
                       NULL);
}
