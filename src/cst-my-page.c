/* cst-my-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-my-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-my-page.h"

/* 我的 shows the service's "session" and nothing else: whatever signs in
 * or out (a login flow, a restored token, a reset that revoked it), this
 * page follows. Only masked data is shown (SPEC §2.5). */
struct _CstMyPage
{
  CstPage       parent_instance;

  /* template widgets */
  GtkWidget    *login_row;
  AdwActionRow *account_row;
  AdwAvatar    *account_avatar;
  AdwActionRow *identity_row;
  GtkWidget    *session_list;
};

G_DEFINE_FINAL_TYPE (CstMyPage, cst_my_page, CST_TYPE_PAGE)

static char *
format_identity (CstSession *session)
{
  const char *role = cst_role_get_label (cst_session_get_role (session));

  /* A personal session's role is CST_ROLE_NONE, labelled 个人. */
  if (!cst_session_is_enterprise (session))
    return g_strdup (role);

  /* Translators: the identity of an enterprise session: the enterprise's
   * name, then the role (法定代表人, 办税员 …) */
  return g_strdup_printf (C_("identity", "%s · %s"),
                          cst_session_get_enterprise_name (session), role);
}

static void
update (CstMyPage *self)
{
  CstSession *session = cst_auth_service_get_session (cst_page_get_service (CST_PAGE (self)));
  g_autofree char *name = NULL;
  g_autofree char *account = NULL;
  g_autofree char *identity = NULL;

  gtk_widget_set_visible (self->login_row, session == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), session != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_row), session != NULL);
  gtk_widget_set_visible (self->session_list, session != NULL);

  if (session != NULL)
    {
      name = cst_mask_name (cst_session_get_name (session));
      account = cst_mask_id_number (cst_session_get_id_number (session));
      identity = format_identity (session);
    }

  /* Cleared when logged out: nothing of the last person stays in the tree. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), name != NULL ? name : "");
  adw_action_row_set_subtitle (self->account_row, account != NULL ? account : "");
  adw_avatar_set_text (self->account_avatar, name);
  adw_action_row_set_subtitle (self->identity_row, identity != NULL ? identity : "");
}

static void
cst_my_page_constructed (GObject *object)
{
  CstMyPage *self = CST_MY_PAGE (object);

  G_OBJECT_CLASS (cst_my_page_parent_class)->constructed (object);

  g_signal_connect_object (cst_page_get_service (CST_PAGE (self)), "notify::session",
                           G_CALLBACK (update),
                           self, G_CONNECT_SWAPPED);
  update (self);
}

static void
cst_my_page_dispose (GObject *object)
{
  CstMyPage *self = CST_MY_PAGE (object);
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));

  /* The service outlives the page. */
  if (service != NULL)
    g_signal_handlers_disconnect_by_data (service, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_MY_PAGE);

  G_OBJECT_CLASS (cst_my_page_parent_class)->dispose (object);
}

static void
cst_my_page_class_init (CstMyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cst_my_page_constructed;
  object_class->dispose = cst_my_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cst-my-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CstMyPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, CstMyPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, CstMyPage, account_avatar);
  gtk_widget_class_bind_template_child (widget_class, CstMyPage, identity_row);
  gtk_widget_class_bind_template_child (widget_class, CstMyPage, session_list);
}

static void
cst_my_page_init (CstMyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CstPage *
cst_my_page_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_MY_PAGE,
                       "service", service,
                       NULL);
}
