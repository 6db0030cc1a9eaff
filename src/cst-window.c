/* cst-window.c — STUB */
#include "config.h"
#include "cst-window.h"
struct _CstWindow { AdwApplicationWindow parent_instance; };
G_DEFINE_FINAL_TYPE (CstWindow, cst_window, ADW_TYPE_APPLICATION_WINDOW)
static void cst_window_class_init (CstWindowClass *k) {}
static void cst_window_init (CstWindow *s) {}
void cst_window_push_page (CstWindow *s, CstPage *p) {}
void cst_window_pop_page (CstWindow *s, CstPage *p) {}
void cst_window_pop_to_root (CstWindow *s) {}
void cst_window_show_toast (CstWindow *s, const char *t) {}
