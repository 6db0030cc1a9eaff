/* cst-application.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-application.h"
#include "cst-local-backend.h"
#include "cst-window.h"

#define DEVELOPER_NAME    "The Chushuitong Desktop authors"
#define PROJECT_WEBSITE   "https://github.com/chushuitong/chushuitong-desktop"
#define PROJECT_ISSUE_URL "https://github.com/chushuitong/chushuitong-desktop/issues"

struct _CstApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *database_path;
  CstAuthService *service;

  guint           face_disabled : 1;
};

G_DEFINE_FINAL_TYPE (CstApplication, cst_application, ADW_TYPE_APPLICATION)

static gint
cst_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  CstApplication *self = CST_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "chushuitong", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      if (path[0] == '\0')
        {
          g_printerr ("%s\n", _("--database needs the path of a database file"));
          return 1;
        }

      g_free (self->database_path);
      self->database_path = g_steal_pointer (&path);
    }

  self->face_disabled = g_variant_dict_contains (options, "no-face");

  return G_APPLICATION_CLASS (cst_application_parent_class)->handle_local_options (app, options);
}

/* Only the primary instance gets here: the service is created once, with
 * no I/O (the backend opens its database on first use, in a worker). */
static gboolean
create_service (CstApplication  *self,
                GError         **error)
{
  g_autoptr(CstClock) clock = cst_clock_new_system ();
  g_autoptr(CstSmsGateway) sms = cst_notify_sms_gateway_new (G_APPLICATION (self));
  g_autoptr(CstFaceVerifier) face = cst_local_face_verifier_new (clock, !self->face_disabled);
  g_autoptr(CstCredentialStore) store = cst_secret_credential_store_new ();
  g_autoptr(CstLocalBackend) backend = NULL;
  g_autofree char *default_path = NULL;
  const char *path = self->database_path;

  if (path == NULL)
    path = default_path = cst_local_backend_default_path ();

  backend = cst_local_backend_new (path, clock, sms, face, NULL, error);
  if (backend == NULL)
    return FALSE;

  g_debug ("Identity database: %s", path);

  self->service = cst_auth_service_new (CST_AUTH_BACKEND (backend), store);

  return TRUE;
}

static void
cst_application_startup (GApplication *app)
{
  CstApplication *self = CST_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *shortcuts_accels[] = { "<Primary>question", NULL };
  static const char *no_accels[] = { NULL };
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (cst_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  /* app.shortcuts owns Ctrl+?, should GtkApplication ever bind it to
   * win.show-help-overlay as it does when it finds gtk/help-overlay.ui. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", no_accels);

  if (!create_service (self, &error))
    {
      g_printerr (_("Cannot use the identity database: %s\n"), error->message);
      g_application_quit (app);
    }
}

static void
cst_application_activate (GApplication *app)
{
  CstApplication *self = CST_APPLICATION (app);
  GtkWindow *window;

  if (self->service == NULL)
    return;

  /* A second launch lands here in the primary instance: raise what is open. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (cst_window_new (ADW_APPLICATION (self), self->service));

  gtk_window_present (window);
}

static void
cst_application_dispose (GObject *object)
{
  CstApplication *self = CST_APPLICATION (object);

  g_clear_object (&self->service);

  G_OBJECT_CLASS (cst_application_parent_class)->dispose (object);
}

static void
cst_application_finalize (GObject *object)
{
  CstApplication *self = CST_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (cst_application_parent_class)->finalize (object);
}

static void
cst_application_class_init (CstApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cst_application_dispose;
  object_class->finalize = cst_application_finalize;

  app_class->handle_local_options = cst_application_handle_local_options;
  app_class->startup = cst_application_startup;
  app_class->activate = cst_application_activate;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CstApplication *self = user_data;
  /* Not translated, as in the metainfo. */
  static const char *developers[] = { DEVELOPER_NAME, NULL };
  const char *translators;
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  /* Translators: the app's name; the Chinese UI says "楚税通 Desktop". */
  adw_about_window_set_application_name (about, _("Chushuitong Desktop"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, DEVELOPER_NAME);
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_website (about, PROJECT_WEBSITE);
  adw_about_window_set_issue_url (about, PROJECT_ISSUE_URL);
  /* Translators: the copyright line of the About window */
  adw_about_window_set_copyright (about, _("© 2026 The Chushuitong Desktop authors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("Registration and login for Chushuitong, the Hubei tax bureau’s app, "
                                   "with the national unified identity login.\n\n"
                                   "This version runs a local simulation of the identity service, "
                                   "for trying the app: accounts are kept in a database on this computer, "
                                   "verification codes arrive as desktop notifications and face "
                                   "recognition is simulated. It is not connected to the tax bureau."));
  /* Translators: put your names here, one per line. */
  translators = _("translator-credits");
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (about, translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplicationWindow *window = NULL;

  /* The most recently focused of the app's main windows. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    {
      if (GTK_IS_APPLICATION_WINDOW (l->data))
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    return;

  /* Built on first use rather than for every window before its first
   * frame, as GtkApplication does with gtk/help-overlay.ui. */
  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/cst-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "shortcuts", .activate = shortcuts_action },
};

static const GOptionEntry app_options[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the identity database at PATH instead of the default one"), N_("PATH") },
  { "no-face", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run the embedded service without its simulated face recognition"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
cst_application_init (CstApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  g_application_add_main_option_entries (G_APPLICATION (self), app_options);
}

CstApplication *
cst_application_new (void)
{
  return g_object_new (CST_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * cst_application_get_service:
 *
 * Returns: (transfer none) (nullable): the identity service
 */
CstAuthService *
cst_application_get_service (CstApplication *self)
{
  g_return_val_if_fail (CST_IS_APPLICATION (self), NULL);

  return self->service;
}
