/* cst-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cst-auth-service.h"

G_BEGIN_DECLS

/*
 * CstPage: a page of the window's navigation stack (libadwaita 1.2 has no
 * AdwNavigationView). It has a title for the header bar and the service
 * it works with; push/pop/toast go to the CstWindow it is in.
 *
 * go_back(): called when the user presses back / Escape / Alt+Left while
 * the page is on top. Return TRUE when the page handled it (a wizard going
 * one step back, or asking before it discards what was typed); FALSE lets
 * the window pop the page. The default returns FALSE.
 */
#define CST_TYPE_PAGE (cst_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CstPage, cst_page, CST, PAGE, AdwBin)

struct _CstPageClass
{
  AdwBinClass parent_class;

  gboolean (*go_back) (CstPage *self);
  /* The page became the top of the stack again (e.g. after a pop). */
  void     (*shown)   (CstPage *self);
};

const char     *cst_page_get_title    (CstPage     *self);
void            cst_page_set_title    (CstPage     *self,
                                       const char  *title);
CstAuthService *cst_page_get_service  (CstPage     *self);
gboolean        cst_page_go_back      (CstPage     *self);

/* Navigation helpers, forwarded to the CstWindow ancestor (no-ops outside one). */
void            cst_page_push         (CstPage     *self,
                                       CstPage     *page);
/* Pops this page (and anything above it). */
void            cst_page_pop          (CstPage     *self);
void            cst_page_pop_to_root  (CstPage     *self);
void            cst_page_toast        (CstPage     *self,
                                       const char  *text);
/* While the page is mapped, @widget (a button of the page, or NULL) is the
 * window's default widget: Enter in a field activates it. */
void            cst_page_set_default_widget (CstPage   *self,
                                             GtkWidget *widget);

G_END_DECLS
