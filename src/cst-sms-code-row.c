/* cst-sms-code-row.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-sms-code-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-core.h"
#include "cst-field.h"
#include "cst-sms-code-row.h"

#define CODE_LENGTH 6

struct _CstSmsCodeRow
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkListBox  *list_box;
  CstEntryRow *entry;
  GtkButton   *send_button;
  GtkLabel    *error_label;

  /* source ids */
  guint        countdown_id;

  guint        countdown;
  guint        can_send : 1;
  guint        sending : 1;
  guint        complete : 1;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_COMPLETE,
  PROP_CAN_SEND,
  PROP_COUNTDOWN,
  N_PROPS
};

enum {
  SEND_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CstSmsCodeRow, cst_sms_code_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_send_button (CstSmsCodeRow *self)
{
  g_assert (CST_IS_SMS_CODE_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sms-code-row.send",
                                 self->can_send && !self->sending && self->countdown == 0);

  if (self->sending)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_button_set_child (self->send_button, spinner);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->send_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sending the code…"),
                                      -1);
    }
  else if (self->countdown > 0)
    {
      g_autofree char *label = NULL;
      g_autofree char *a11y_label = NULL;

      /* Translators: the Get Code button while it waits; zh_CN 重新获取(59s) */
      label = g_strdup_printf (ngettext ("Resend (%u s)", "Resend (%u s)", self->countdown),
                               self->countdown);
      /* Translators: what a screen reader says for the waiting Get Code button */
      a11y_label = g_strdup_printf (ngettext ("Resend code in %u second",
                                              "Resend code in %u seconds",
                                              self->countdown),
                                    self->countdown);
      gtk_button_set_label (self->send_button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->send_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_label,
                                      -1);
    }
  else
    {
      gtk_button_set_label (self->send_button, _("Get Code"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->send_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Get Code"),
                                      -1);
    }
}

static void
set_countdown (CstSmsCodeRow *self,
               guint          countdown)
{
  g_assert (CST_IS_SMS_CODE_ROW (self));

  if (self->countdown == countdown)
    return;

  self->countdown = countdown;
  update_send_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTDOWN]);
}

static gboolean
countdown_tick_cb (gpointer user_data)
{
  CstSmsCodeRow *self = user_data;

  g_assert (CST_IS_SMS_CODE_ROW (self));

  if (self->countdown <= 1)
    {
      self->countdown_id = 0;
      set_countdown (self, 0);
      return G_SOURCE_REMOVE;
    }

  set_countdown (self, self->countdown - 1);

  return G_SOURCE_CONTINUE;
}

/* Keeps the entry to digits only, so a pasted "123 456" becomes "123456". */
static void
on_text_insert_text_cb (GtkEditable *editable,
                        const char  *text,
                        int          length,
                        int         *position,
                        gpointer     user_data)
{
  g_autoptr(GString) digits = NULL;
  const char *end;
  const char *p;

  if (length < 0)
    length = strlen (text);
  end = text + length;

  digits = g_string_new (NULL);
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width digits pass; the validator normalises them. */
      if (g_unichar_isdigit (c))
        g_string_append_unichar (digits, c);
    }

  if (digits->len == (gsize) length)
    return;

  g_signal_stop_emission_by_name (editable, "insert-text");

  if (digits->len > 0)
    {
      g_signal_handlers_block_by_func (editable, on_text_insert_text_cb, user_data);
      gtk_editable_insert_text (editable, digits->str, digits->len, position);
      g_signal_handlers_unblock_by_func (editable, on_text_insert_text_cb, user_data);
    }
}

static void
on_entry_changed_cb (CstSmsCodeRow *self,
                     GtkEditable   *editable)
{
  gboolean complete;

  g_assert (CST_IS_SMS_CODE_ROW (self));

  complete = cst_validate_sms_code (gtk_editable_get_text (editable), NULL, NULL);

  /* A new attempt: the old complaint no longer applies. */
  cst_field_clear_error (GTK_WIDGET (self->entry), self->error_label);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);

  if (self->complete != complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (widget);

  cst_field_clear_error (GTK_WIDGET (self->entry), self->error_label);
  g_signal_emit (self, signals[SEND_REQUESTED], 0);
}

static gboolean
cst_sms_code_row_grab_focus (GtkWidget *widget)
{
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
cst_sms_code_row_dispose (GObject *object)
{
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->countdown_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_SMS_CODE_ROW);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cst_sms_code_row_parent_class)->dispose (object);
}

static void
cst_sms_code_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, cst_sms_code_row_get_code (self));
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_CAN_SEND:
      g_value_set_boolean (value, self->can_send);
      break;

    case PROP_COUNTDOWN:
      g_value_set_uint (value, self->countdown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_sms_code_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CstSmsCodeRow *self = CST_SMS_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      cst_sms_code_row_set_code (self, g_value_get_string (value));
      break;

    case PROP_CAN_SEND:
      cst_sms_code_row_set_can_send (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_sms_code_row_class_init (CstSmsCodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_sms_code_row_dispose;
  object_class->get_property = cst_sms_code_row_get_property;
  object_class->set_property = cst_sms_code_row_set_property;

  widget_class->grab_focus = cst_sms_code_row_grab_focus;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_SEND] =
    g_param_spec_boolean ("can-send", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTDOWN] =
    g_param_spec_uint ("countdown", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CstSmsCodeRow::send-requested:
   *
   * The user asked for a code (获取验证码). The owner calls the service,
   * then cst_sms_code_row_start_countdown() or cst_sms_code_row_set_error().
   */
  signals[SEND_REQUESTED] =
    g_signal_new ("send-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-sms-code-row.ui");

  g_type_ensure (CST_TYPE_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstSmsCodeRow, list_box);
  gtk_widget_class_bind_template_child (widget_class, CstSmsCodeRow, entry);
  gtk_widget_class_bind_template_child (widget_class, CstSmsCodeRow, send_button);
  gtk_widget_class_bind_template_child (widget_class, CstSmsCodeRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "sms-code-row.send", NULL, send_action);
}

static void
cst_sms_code_row_init (CstSmsCodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cst_entry_row_set_max_length (self->entry, CODE_LENGTH);
  /* The GtkText is the editable that takes what is typed or pasted. */
  g_signal_connect (cst_entry_row_get_text (self->entry), "insert-text",
                    G_CALLBACK (on_text_insert_text_cb), self);

  update_send_button (self);
}

/**
 * cst_sms_code_row_new:
 *
 * Returns: (transfer floating): a new #CstSmsCodeRow
 */
GtkWidget *
cst_sms_code_row_new (void)
{
  return g_object_new (CST_TYPE_SMS_CODE_ROW, NULL);
}

/**
 * cst_sms_code_row_get_code:
 *
 * Returns: (transfer none): the code as typed
 */
const char *
cst_sms_code_row_get_code (CstSmsCodeRow *self)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
cst_sms_code_row_set_code (CstSmsCodeRow *self,
                           const char    *code)
{
  g_return_if_fail (CST_IS_SMS_CODE_ROW (self));

  if (code == NULL)
    code = "";

  /* "changed" notifies :code and :complete. */
  if (g_strcmp0 (code, cst_sms_code_row_get_code (self)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), code);
}

gboolean
cst_sms_code_row_get_complete (CstSmsCodeRow *self)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), FALSE);

  return self->complete;
}

gboolean
cst_sms_code_row_get_can_send (CstSmsCodeRow *self)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), FALSE);

  return self->can_send;
}

void
cst_sms_code_row_set_can_send (CstSmsCodeRow *self,
                               gboolean       can_send)
{
  g_return_if_fail (CST_IS_SMS_CODE_ROW (self));

  can_send = !!can_send;

  if (self->can_send == can_send)
    return;

  self->can_send = can_send;
  update_send_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SEND]);
}

void
cst_sms_code_row_set_sending (CstSmsCodeRow *self,
                              gboolean       sending)
{
  g_return_if_fail (CST_IS_SMS_CODE_ROW (self));

  sending = !!sending;

  if (self->sending == sending)
    return;

  /* The button is about to go insensitive under the keyboard focus, and
   * GTK would move the focus wherever it finds room: keep it where the
   * user goes next, the code field (a screen reader says so). */
  if (sending && gtk_widget_has_focus (GTK_WIDGET (self->send_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));

  self->sending = sending;
  update_send_button (self);
}

/**
 * cst_sms_code_row_start_countdown:
 * @seconds: seconds until a new code may be asked for; 0 stops a countdown
 *
 * Ends the sending state and counts down on the button.
 */
void
cst_sms_code_row_start_countdown (CstSmsCodeRow *self,
                                  guint          seconds)
{
  g_return_if_fail (CST_IS_SMS_CODE_ROW (self));

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  self->sending = FALSE;

  if (seconds > 0)
    self->countdown_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 1,
                                                     countdown_tick_cb, self, NULL);

  /* Always refresh: the sending state may have just ended. */
  if (self->countdown == seconds)
    update_send_button (self);
  else
    set_countdown (self, seconds);
}

guint
cst_sms_code_row_get_countdown (CstSmsCodeRow *self)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), 0);

  return self->countdown;
}

/**
 * cst_sms_code_row_set_error:
 * @message: (nullable): the translated message, or %NULL to clear it
 *
 * Shows @message under the code field (and ends the sending state). The
 * code typed is kept.
 */
void
cst_sms_code_row_set_error (CstSmsCodeRow *self,
                            const char    *message)
{
  g_return_if_fail (CST_IS_SMS_CODE_ROW (self));

  if (self->sending)
    {
      self->sending = FALSE;
      update_send_button (self);
    }

  cst_field_set_error (GTK_WIDGET (self->entry), self->error_label, message);
}

/**
 * cst_sms_code_row_get_entry:
 *
 * Returns: (transfer none): the code entry (a #GtkEditable)
 */
GtkWidget *
cst_sms_code_row_get_entry (CstSmsCodeRow *self)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), NULL);

  return GTK_WIDGET (self->entry);
}

/**
 * cst_sms_code_row_get_send_button:
 *
 * Returns: (transfer none): the 获取验证码 button
 */
GtkWidget *
cst_sms_code_row_get_send_button (CstSmsCodeRow *self)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), NULL);

  return GTK_WIDGET (self->send_button);
}

gboolean
cst_sms_code_row_is_code_error (const GError *error)
{
  return g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CODE_INVALID) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CODE_EXPIRED) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_DAILY_LIMIT) ||
         g_strcmp0 (cst_auth_error_get_field (error), CST_FIELD_CODE) == 0;
}

gboolean
cst_sms_code_row_show_send_result (CstSmsCodeRow *self,
                                   gint           resend_after,
                                   const GError  *error)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), FALSE);

  if (error == NULL)
    {
      cst_sms_code_row_start_countdown (self, (guint) MAX (resend_after, 0));
      return TRUE;
    }

  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED))
    /* "Wait 42 s": the button counts the same seconds down. */
    cst_sms_code_row_start_countdown (self, (guint) MAX (cst_auth_error_get_value (error), 0));

  if (cst_sms_code_row_is_code_error (error))
    {
      cst_sms_code_row_set_error (self, error->message);
      return TRUE;
    }

  /* Not about the code (a bad phone, an expired ticket …). */
  cst_sms_code_row_set_sending (self, FALSE);
  return FALSE;
}

gboolean
cst_sms_code_row_show_check_error (CstSmsCodeRow *self,
                                   const GError  *error)
{
  g_return_val_if_fail (CST_IS_SMS_CODE_ROW (self), FALSE);

  if (!cst_sms_code_row_is_code_error (error))
    return FALSE;

  /* "Request a new one": let the button do it now (the service still
   * answers RATE_LIMITED with the seconds if it is too soon). */
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CODE_EXPIRED))
    cst_sms_code_row_start_countdown (self, 0);
  cst_sms_code_row_set_error (self, error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}
