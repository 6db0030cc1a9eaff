/* cst-home-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-home-page.h"

struct _CstHomePage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstHomePage, cst_home_page, CST_TYPE_PAGE)

static void
cst_home_page_class_init (CstHomePageClass *klass)
{
}

static void
cst_home_page_init (CstHomePage *self)
{
}
