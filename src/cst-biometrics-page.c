/* cst-biometrics-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-biometrics-page.h"

struct _CstBiometricsPage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstBiometricsPage, cst_biometrics_page, CST_TYPE_PAGE)

static void
cst_biometrics_page_class_init (CstBiometricsPageClass *klass)
{
}

static void
cst_biometrics_page_init (CstBiometricsPage *self)
{
}
