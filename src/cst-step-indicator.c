/* cst-step-indicator.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-step-indicator.h"

struct _CstStepIndicator
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CstStepIndicator, cst_step_indicator, GTK_TYPE_WIDGET)

static void
cst_step_indicator_class_init (CstStepIndicatorClass *klass)
{
}

static void
cst_step_indicator_init (CstStepIndicator *self)
{
}
