/* cst-my-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-my-page.h"

struct _CstMyPage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstMyPage, cst_my_page, CST_TYPE_PAGE)

static void
cst_my_page_class_init (CstMyPageClass *klass)
{
}

static void
cst_my_page_init (CstMyPage *self)
{
}
