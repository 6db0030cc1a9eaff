/* cst-enterprise-role-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-enterprise-role-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-enterprise-role-page.h"
#include "cst-enterprise-verify-page.h"

struct _CstEnterpriseRolePage
{
  CstPage                 parent_instance;

  /* template widgets */
  GtkLabel               *enterprise_label;
  GtkListBox             *roles_list;
  GtkButton              *next_button;

  /* owned */
  CstEnterpriseChallenge *challenge;

  CstRole                 role;
};

G_DEFINE_FINAL_TYPE (CstEnterpriseRolePage, cst_enterprise_role_page, CST_TYPE_PAGE)

static CstEnterpriseChallenge *
challenge_copy (const CstEnterpriseChallenge *challenge)
{
  CstEnterpriseChallenge *copy = g_new0 (CstEnterpriseChallenge, 1);

  copy->ticket = g_strdup (challenge->ticket);
  copy->enterprise_code = g_strdup (challenge->enterprise_code);
  copy->enterprise_name = g_strdup (challenge->enterprise_name);
  copy->roles = g_memdup2 (challenge->roles, sizeof (CstRole) * challenge->n_roles);
  copy->n_roles = challenge->n_roles;
  copy->masked_phone = g_strdup (challenge->masked_phone);
  copy->expires = challenge->expires;

  return copy;
}

static void
on_role_check_toggled_cb (CstEnterpriseRolePage *self,
                          GtkCheckButton        *check)
{
  if (!gtk_check_button_get_active (check))
    return;

  self->role = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "cst-role"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "role.next", self->role != CST_ROLE_NONE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CstEnterpriseRolePage *self = CST_ENTERPRISE_ROLE_PAGE (widget);

  if (self->role == CST_ROLE_NONE)
    return;

  cst_page_push (CST_PAGE (self),
                 cst_enterprise_verify_page_new (cst_page_get_service (CST_PAGE (self)),
                                                 self->challenge, self->role));
}

static void
populate (CstEnterpriseRolePage *self)
{
  GtkCheckButton *group = NULL;

  gtk_label_set_text (self->enterprise_label, self->challenge->enterprise_name);

  for (guint i = 0; i < self->challenge->n_roles; i++)
    {
      CstRole role = self->challenge->roles[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cst_role_get_label (role));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      /* The row labels its check button (activatable-widget), and GTK 4.8
       * names a check button by its own label *and* by the label property
       * of what labels it: the row carries the name, once. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cst_role_get_label (role),
                                      -1);
      g_object_set_data (G_OBJECT (check), "cst-role", GINT_TO_POINTER (role));
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (on_role_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->roles_list, row);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
    }
}

static void
cst_enterprise_role_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CST_TYPE_ENTERPRISE_ROLE_PAGE);

  G_OBJECT_CLASS (cst_enterprise_role_page_parent_class)->dispose (object);
}

static void
cst_enterprise_role_page_finalize (GObject *object)
{
  CstEnterpriseRolePage *self = CST_ENTERPRISE_ROLE_PAGE (object);

  g_clear_pointer (&self->challenge, cst_enterprise_challenge_free);

  G_OBJECT_CLASS (cst_enterprise_role_page_parent_class)->finalize (object);
}

static void
cst_enterprise_role_page_class_init (CstEnterpriseRolePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_enterprise_role_page_dispose;
  object_class->finalize = cst_enterprise_role_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-enterprise-role-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseRolePage, enterprise_label);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseRolePage, roles_list);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseRolePage, next_button);

  gtk_widget_class_install_action (widget_class, "role.next", NULL, next_action);
}

static void
cst_enterprise_role_page_init (CstEnterpriseRolePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of the enterprise role page; zh_CN 身份类型选择 */
  cst_page_set_title (CST_PAGE (self), _("Choose Your Role"));

  /* Nothing is chosen for the person: 下一步 waits for a choice. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "role.next", FALSE);
}

/**
 * cst_enterprise_role_page_new:
 * @service: the service of the login
 * @challenge: what enterprise_begin answered (copied)
 *
 * Returns: (transfer floating): a new 身份类型选择 page
 */
CstPage *
cst_enterprise_role_page_new (CstAuthService               *service,
                              const CstEnterpriseChallenge *challenge)
{
  CstEnterpriseRolePage *self;

  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);
  g_return_val_if_fail (challenge != NULL, NULL);

  self = g_object_new (CST_TYPE_ENTERPRISE_ROLE_PAGE,
                       "service", service,
                       NULL);
  self->challenge = challenge_copy (challenge);
  populate (self);

  return CST_PAGE (self);
}
