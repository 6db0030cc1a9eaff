/* cst-biometrics-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * 生物识别: a switch per kind of quick login (指纹识别, 开启面容登录).
 *
 * The switches follow the GtkSwitch "state-set" pattern for a change that
 * needs confirmation: the user moves the switch ("active"), the handler
 * returns TRUE so that "state" stays where it was, and only the service's
 * answer moves "state" (gtk_switch_set_state) or puts "active" back
 * (gtk_switch_set_active). A state-set whose new value equals the current
 * state is one of those two and is let through.
 *
 * What is on comes from the keyring through the service each time the
 * page is shown, so it survives a restart; the fingerprint row also asks
 * the reader whether it can be used at all.
 */

#define G_LOG_DOMAIN "cst-biometrics-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-a11y.h"
#include "cst-biometrics-page.h"
#include "cst-fingerprint-reader.h"

typedef struct
{
  CstCredentialKind  kind;
  AdwActionRow      *row;
  GtkSwitch         *toggle;
  GtkSpinner        *spinner;
  /* The lookup of what is on has answered. */
  guint              loaded : 1;
  /* The password is being asked for, or the service is at work. */
  guint              busy : 1;
} QuickRow;

struct _CstBiometricsPage
{
  CstPage                     parent_instance;

  /* template widgets */
  GtkLabel                   *notice_label;
  GtkLabel                   *error_label;
  QuickRow                    fingerprint;
  QuickRow                    face;

  /* owned */
  CstFingerprintReader       *reader;
  GCancellable               *refresh_cancellable;
  GCancellable               *cancellable;
  char                       *fingerprint_reason;

  /* borrowed: the password prompt while it is open */
  AdwMessageDialog           *dialog;
  QuickRow                   *dialog_row;

  CstFingerprintAvailability  fingerprint_availability;
  guint                       probing : 1;
  guint                       keyring_failed : 1;
};

enum {
  PROP_0,
  PROP_FINGERPRINT_READER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstBiometricsPage, cst_biometrics_page, CST_TYPE_PAGE)

static GParamSpec *properties[N_PROPS];

/* A call to the service on behalf of one row. */
typedef struct
{
  CstBiometricsPage *self;
  QuickRow          *row;
} RowCall;

static RowCall *
row_call_new (CstBiometricsPage *self,
              QuickRow          *row)
{
  RowCall *call = g_new0 (RowCall, 1);

  call->self = g_object_ref (self);
  call->row = row;

  return call;
}

static void
row_call_free (RowCall *call)
{
  g_clear_object (&call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowCall, row_call_free)

static gboolean
keyring_usable (CstBiometricsPage *self)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));

  return !self->keyring_failed && cst_auth_service_get_keyring_available (service);
}

static gboolean
any_busy (CstBiometricsPage *self)
{
  return self->fingerprint.busy || self->face.busy;
}

/* A row can be used when its state is known, nothing else is running,
 * and turning it on can work — or it is on, so that it can be turned off
 * even when the reader has gone away. */
static void
update_row (CstBiometricsPage *self,
            QuickRow          *row,
            gboolean           can_enable,
            const char        *subtitle)
{
  gboolean on = gtk_switch_get_state (row->toggle);
  gboolean sensitive;

  sensitive = keyring_usable (self) &&
              row->loaded &&
              (row->busy || !any_busy (self)) &&
              (can_enable || on);

  /* The row, not only the switch: the subtitle says why, and the whole
   * row is what the user would try to click. While busy, the spinner
   * shows the wait and the switch cannot be moved again. */
  gtk_widget_set_sensitive (GTK_WIDGET (row->row), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (row->toggle), !row->busy);
  adw_action_row_set_subtitle (row->row, subtitle != NULL ? subtitle : "");

  gtk_widget_set_visible (GTK_WIDGET (row->spinner), row->busy);
  gtk_spinner_set_spinning (row->spinner, row->busy);
}

static void
update_rows (CstBiometricsPage *self)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));
  const char *fingerprint_subtitle = NULL;
  const char *face_subtitle = NULL;
  gboolean face_available;

  g_assert (CST_IS_BIOMETRICS_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), !keyring_usable (self));

  if (self->probing)
    fingerprint_subtitle = _("Looking for a fingerprint reader…");
  else if (self->fingerprint_availability != CST_FINGERPRINT_AVAILABLE)
    fingerprint_subtitle = self->fingerprint_reason;

  update_row (self, &self->fingerprint,
              !self->probing && self->fingerprint_availability == CST_FINGERPRINT_AVAILABLE,
              fingerprint_subtitle);

  face_available = cst_auth_service_get_face_available (service);
  if (!face_available)
    face_subtitle = _("The identity service does not offer face recognition");
  else if (cst_auth_service_get_face_simulated (service))
    /* Translators: the embedded service only simulates face recognition (SPEC 本地模拟) */
    face_subtitle = _("Local simulation");

  update_row (self, &self->face, face_available, face_subtitle);
}

static void
show_error (CstBiometricsPage *self,
            const GError      *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* A failing keyring is remembered and said once, by the notice above
 * the rows; other errors are shown under them. */
static void
note_error (CstBiometricsPage *self,
            const GError      *error)
{
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE))
    {
      self->keyring_failed = TRUE;
      show_error (self, NULL);
      return;
    }

  show_error (self, error);
}

/* ---- what is on, and can the reader be used ---- */

static void
on_lookup_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RowCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  CstBiometricsPage *self = call->self;
  CstSession *session;
  gboolean on;

  account = cst_auth_service_quick_login_lookup_finish (CST_AUTH_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    note_error (self, error);

  /* A credential of somebody else who used this device is not this
   * person's quick login. */
  session = cst_auth_service_get_session (CST_AUTH_SERVICE (object));
  on = account != NULL && session != NULL &&
       g_strcmp0 (account, cst_session_get_id_number (session)) == 0;

  call->row->loaded = error == NULL;
  gtk_switch_set_state (call->row->toggle, on);

  update_rows (self);
}

static void
on_probe_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CstBiometricsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  CstFingerprintAvailability availability;

  availability = cst_fingerprint_reader_probe_finish (CST_FINGERPRINT_READER (object),
                                                      result, &reason, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->probing = FALSE;
  self->fingerprint_availability = availability;
  g_free (self->fingerprint_reason);
  self->fingerprint_reason = g_steal_pointer (&reason);

  update_rows (self);
}

static void
refresh (CstBiometricsPage *self)
{
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));
  QuickRow *rows[] = { &self->fingerprint, &self->face };

  g_assert (CST_IS_BIOMETRICS_PAGE (self));

  /* What is on is being changed; the answer will say it. */
  if (any_busy (self) || service == NULL)
    return;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();

  /* A keyring that failed may work again (unlocked meanwhile). */
  self->keyring_failed = FALSE;
  show_error (self, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i]->loaded = FALSE;
      cst_auth_service_quick_login_lookup_async (service, rows[i]->kind,
                                                 self->refresh_cancellable,
                                                 on_lookup_cb,
                                                 row_call_new (self, rows[i]));
    }

  if (self->reader == NULL)
    self->reader = cst_fingerprint_reader_new ();

  self->probing = TRUE;
  cst_fingerprint_reader_probe_async (self->reader, self->refresh_cancellable,
                                      on_probe_cb, g_object_ref (self));

  update_rows (self);
}

/* ---- turning quick login on and off ---- */

static const char *
switched_toast (CstCredentialKind kind,
                gboolean          on)
{
  if (kind == CST_CREDENTIAL_KIND_FINGERPRINT)
    return on ? _("Fingerprint login is on") : _("Fingerprint login is off");
  else
    return on ? _("Face login is on") : _("Face login is off");
}

/* Turning on and turning off end alike: the switch takes the state that
 * was asked for, or goes back with the error shown. */
static void
switch_call_done (RowCall      *call,
                  gboolean      on,
                  const GError *error)
{
  CstBiometricsPage *self = call->self;
  QuickRow *row = call->row;

  row->busy = FALSE;

  if (error == NULL)
    {
      show_error (self, NULL);
      gtk_switch_set_state (row->toggle, on);
      cst_page_toast (CST_PAGE (self), switched_toast (row->kind, on));
    }
  else
    {
      note_error (self, error);
      gtk_switch_set_active (row->toggle, !on);
    }

  update_rows (self);
}

static void
on_enable_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RowCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!cst_auth_service_quick_login_enable_finish (CST_AUTH_SERVICE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  switch_call_done (call, TRUE, error);
}

static void
on_disable_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RowCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!cst_auth_service_quick_login_disable_finish (CST_AUTH_SERVICE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  switch_call_done (call, FALSE, error);
}

static void
on_password_entry_changed_cb (CstBiometricsPage *self,
                              GtkEditable       *entry)
{
  const char *text = gtk_editable_get_text (entry);

  if (self->dialog != NULL)
    adw_message_dialog_set_response_enabled (self->dialog, "confirm", text[0] != '\0');
}

static void
on_password_dialog_response_cb (CstBiometricsPage *self,
                                const char        *response,
                                AdwMessageDialog  *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  QuickRow *row = self->dialog_row;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (row != NULL);

  /* The dialog closes itself after the response. Take the focus off the
   * entry first: GTK 4.8's GtkPasswordEntry, destroyed while its text has
   * the focus, is notified of the focus change after it is gone. */
  self->dialog = NULL;
  self->dialog_row = NULL;
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (!g_str_equal (response, "confirm") || password[0] == '\0')
    {
      row->busy = FALSE;
      gtk_switch_set_active (row->toggle, FALSE);
      update_rows (self);
      return;
    }

  /* The service copies the password before this returns; the entry's
   * buffer (non-pageable memory) is wiped when the dialog goes. */
  cst_auth_service_quick_login_enable_async (cst_page_get_service (CST_PAGE (self)),
                                             row->kind, password, self->cancellable,
                                             on_enable_cb, row_call_new (self, row));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
ask_password (CstBiometricsPage *self,
              QuickRow          *row)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (self->dialog == NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   row->kind == CST_CREDENTIAL_KIND_FINGERPRINT
                                     ? _("Turn On Fingerprint Login")
                                     : _("Turn On Face Login"),
                                   /* Translators: the mobile app's words, 输入个人密码后验证即可开启 */
                                   _("Enter your personal password to verify it and turn this on"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", C_("quick login dialog", "Cancel"),
                                    "confirm", C_("quick login dialog", "OK"),
                                    NULL);
  /* GTK 4.8 would read them "Cancel Cancel". */
  cst_a11y_name_mnemonic_buttons (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry,
                "activates-default", TRUE,
                /* Translators: the placeholder of the mobile app's password field, 个人用户密码 */
                "placeholder-text", _("Personal password"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Personal password"),
                                  -1);
  g_signal_connect_object (entry, "changed",
                           G_CALLBACK (on_password_entry_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_password_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  self->dialog_row = row;
  row->busy = TRUE;
  update_rows (self);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static gboolean
switch_state_set (CstBiometricsPage *self,
                  QuickRow          *row,
                  gboolean           state)
{
  /* gtk_switch_set_state() from an answer, or active put back after a
   * failure: nothing to ask. */
  if (state == gtk_switch_get_state (row->toggle))
    return FALSE;

  if (row->busy)
    return TRUE;

  show_error (self, NULL);

  if (state)
    {
      ask_password (self, row);
    }
  else
    {
      row->busy = TRUE;
      cst_auth_service_quick_login_disable_async (cst_page_get_service (CST_PAGE (self)),
                                                  row->kind, self->cancellable,
                                                  on_disable_cb, row_call_new (self, row));
      update_rows (self);
    }

  /* "state" follows when the service has answered. */
  return TRUE;
}

static gboolean
on_fingerprint_switch_state_set_cb (CstBiometricsPage *self,
                                    gboolean           state,
                                    GtkSwitch         *toggle)
{
  return switch_state_set (self, &self->fingerprint, state);
}

static gboolean
on_face_switch_state_set_cb (CstBiometricsPage *self,
                             gboolean           state,
                             GtkSwitch         *toggle)
{
  return switch_state_set (self, &self->face, state);
}

/* ---- the service ---- */

static void
on_service_session_changed_cb (CstBiometricsPage *self)
{
  /* Quick login is set up for a signed-in person; logged out (or the
   * session revoked) there is nothing here to set. */
  if (cst_auth_service_get_session (cst_page_get_service (CST_PAGE (self))) == NULL)
    cst_page_pop (CST_PAGE (self));
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
cst_biometrics_page_constructed (GObject *object)
{
  CstBiometricsPage *self = CST_BIOMETRICS_PAGE (object);
  CstAuthService *service = cst_page_get_service (CST_PAGE (self));

  G_OBJECT_CLASS (cst_biometrics_page_parent_class)->constructed (object);

  if (service == NULL)
    return;

  g_signal_connect_object (service, "notify::keyring-available",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (service, "notify::face-available",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (service, "notify::session",
                           G_CALLBACK (on_service_session_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
cst_biometrics_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cst_biometrics_page_parent_class)->map (widget);

  /* Each time the page is shown: the keyring may have been unlocked and a
   * reader plugged in or a finger enrolled meanwhile. */
  refresh (CST_BIOMETRICS_PAGE (widget));
}

static void
cst_biometrics_page_dispose (GObject *object)
{
  CstBiometricsPage *self = CST_BIOMETRICS_PAGE (object);

  g_cancellable_cancel (self->refresh_cancellable);
  g_cancellable_cancel (self->cancellable);

  if (self->dialog != NULL)
    {
      AdwMessageDialog *dialog = g_steal_pointer (&self->dialog);

      self->dialog_row = NULL;
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_BIOMETRICS_PAGE);

  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->fingerprint_reason, g_free);

  G_OBJECT_CLASS (cst_biometrics_page_parent_class)->dispose (object);
}

static void
cst_biometrics_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CstBiometricsPage *self = CST_BIOMETRICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FINGERPRINT_READER:
      g_value_set_object (value, self->reader);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_biometrics_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CstBiometricsPage *self = CST_BIOMETRICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FINGERPRINT_READER:
      cst_biometrics_page_set_fingerprint_reader (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_biometrics_page_class_init (CstBiometricsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cst_biometrics_page_constructed;
  object_class->dispose = cst_biometrics_page_dispose;
  object_class->get_property = cst_biometrics_page_get_property;
  object_class->set_property = cst_biometrics_page_set_property;

  widget_class->map = cst_biometrics_page_map;

  /**
   * CstBiometricsPage:fingerprint-reader: (nullable)
   *
   * The reader the fingerprint row probes; NULL until the page is first
   * shown, when it makes one on the system bus.
   */
  properties[PROP_FINGERPRINT_READER] =
    g_param_spec_object ("fingerprint-reader", NULL, NULL,
                         CST_TYPE_FINGERPRINT_READER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-biometrics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CstBiometricsPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, CstBiometricsPage, error_label);
  gtk_widget_class_bind_template_child_full (widget_class, "fingerprint_row", FALSE,
                                             G_STRUCT_OFFSET (CstBiometricsPage, fingerprint.row));
  gtk_widget_class_bind_template_child_full (widget_class, "fingerprint_switch", FALSE,
                                             G_STRUCT_OFFSET (CstBiometricsPage, fingerprint.toggle));
  gtk_widget_class_bind_template_child_full (widget_class, "fingerprint_spinner", FALSE,
                                             G_STRUCT_OFFSET (CstBiometricsPage, fingerprint.spinner));
  gtk_widget_class_bind_template_child_full (widget_class, "face_row", FALSE,
                                             G_STRUCT_OFFSET (CstBiometricsPage, face.row));
  gtk_widget_class_bind_template_child_full (widget_class, "face_switch", FALSE,
                                             G_STRUCT_OFFSET (CstBiometricsPage, face.toggle));
  gtk_widget_class_bind_template_child_full (widget_class, "face_spinner", FALSE,
                                             G_STRUCT_OFFSET (CstBiometricsPage, face.spinner));
  gtk_widget_class_bind_template_callback (widget_class, on_fingerprint_switch_state_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_face_switch_state_set_cb);
}

static void
cst_biometrics_page_init (CstBiometricsPage *self)
{
  self->fingerprint.kind = CST_CREDENTIAL_KIND_FINGERPRINT;
  self->face.kind = CST_CREDENTIAL_KIND_FACE;
  self->fingerprint_availability = CST_FINGERPRINT_NO_READER;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The group's list has no API and no name: GTK 4.8 would read it as
   * "GtkListBox". It is the only list on the page. */
  cst_a11y_name_descendant (GTK_WIDGET (self), GTK_TYPE_LIST_BOX, _("Quick login"));
}

CstPage *
cst_biometrics_page_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_BIOMETRICS_PAGE,
                       "service", service,
                       NULL);
}

/**
 * cst_biometrics_page_get_fingerprint_reader:
 *
 * Returns: (transfer none) (nullable): the reader the page uses
 */
CstFingerprintReader *
cst_biometrics_page_get_fingerprint_reader (CstBiometricsPage *self)
{
  g_return_val_if_fail (CST_IS_BIOMETRICS_PAGE (self), NULL);

  return self->reader;
}

/**
 * cst_biometrics_page_set_fingerprint_reader:
 * @reader: (nullable): the reader to use; NULL for one on the system bus
 *
 * Sets the reader, and probes it again if the page is showing.
 */
void
cst_biometrics_page_set_fingerprint_reader (CstBiometricsPage    *self,
                                            CstFingerprintReader *reader)
{
  g_return_if_fail (CST_IS_BIOMETRICS_PAGE (self));
  g_return_if_fail (reader == NULL || CST_IS_FINGERPRINT_READER (reader));

  if (!g_set_object (&self->reader, reader))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINGERPRINT_READER]);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}
