/* cst-entry-row.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CstEntryRow — a boxed-list row with a title and a text field, in the
 * place of AdwEntryRow / AdwPasswordEntryRow.
 *
 * Why not AdwEntryRow: in libadwaita 1.2 the row's text is a bare GtkText
 * inside the row. GTK 4.8 reports keyboard focus over AT-SPI only for
 * widgets that answer the platform "focused" state themselves (GtkEntry,
 * GtkPasswordEntry, GtkSpinButton do it for the GtkText they hold);
 * AdwEntryRow does not, so a screen reader never hears that a Tab reached
 * the field (no focused state, no focus event). tests/a11y/keyboard.py's
 * `focus-of-entry-rows` proves it for every field of the app.
 *
 * So the row holds a real GtkEntry (a GtkPasswordEntry in
 * CstPasswordEntryRow), flat, under a small title label:
 *
 *   row.entry.cst-entry-row
 *   ╰── box.header            prefixes │ [title / entry] │ suffixes
 *
 * What stays as it was with AdwEntryRow, so pages did not change shape:
 *  - the row is a GtkEditable delegating to the entry ("changed",
 *    gtk_editable_get_text() … on the row), :title from AdwPreferencesRow,
 *    :activates-default and ::entry-activated, :input-purpose,
 *    <child type="prefix|suffix"> in .ui files;
 *  - libadwaita's own `row.entry` style (the focus outline on the whole
 *    row while the text has the focus, the error colours);
 *  - Tab goes straight into the text (the row itself never takes focus),
 *    a click anywhere on the row puts the cursor in the text.
 * The title label names the entry (its mnemonic widget, so its
 * labelled-by: the entry is the object a screen reader lands on); cst-field.c puts the invalid state and the
 * error relations on the entry too, for the same reason.
 */

#define G_LOG_DOMAIN "cst-entry-row"

#include "config.h"

#include "cst-entry-row.h"

typedef struct
{
  GtkWidget *header;
  GtkWidget *prefixes;
  GtkWidget *title_label;
  GtkWidget *entry;
  GtkWidget *suffixes;
} CstEntryRowPrivate;

enum {
  PROP_0,
  PROP_ACTIVATES_DEFAULT,
  PROP_PLACEHOLDER_TEXT,
  PROP_MAX_LENGTH,
  PROP_INPUT_PURPOSE,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void cst_entry_row_editable_init  (GtkEditableInterface *iface);
static void cst_entry_row_buildable_init (GtkBuildableIface    *iface);

static GtkBuildableIface *parent_buildable_iface;

G_DEFINE_TYPE_WITH_CODE (CstEntryRow, cst_entry_row, ADW_TYPE_PREFERENCES_ROW,
                         G_ADD_PRIVATE (CstEntryRow)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, cst_entry_row_editable_init)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cst_entry_row_buildable_init))

#define PRIV(self) ((CstEntryRowPrivate *) cst_entry_row_get_instance_private (CST_ENTRY_ROW (self)))

static void
sync_title (CstEntryRow *self)
{
  CstEntryRowPrivate *priv = PRIV (self);
  AdwPreferencesRow *row = ADW_PREFERENCES_ROW (self);
  const char *title = adw_preferences_row_get_title (row);

  if (title == NULL)
    title = "";

  gtk_label_set_use_underline (GTK_LABEL (priv->title_label),
                               adw_preferences_row_get_use_underline (row));
  gtk_label_set_label (GTK_LABEL (priv->title_label), title);
  gtk_widget_set_visible (priv->title_label, title[0] != '\0');
}

static void
on_title_changed_cb (CstEntryRow *self)
{
  sync_title (self);
}

/* libadwaita's `row.entry.focused`: the outline on the whole row while the
 * text (not a suffix button) has the keyboard focus. */
static void
on_entry_focus_enter_cb (CstEntryRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
}

static void
on_entry_focus_leave_cb (CstEntryRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
}

static void
on_text_notify_cb (CstEntryRow *self,
                   GParamSpec  *pspec)
{
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (g_strcmp0 (pspec->name, properties[i]->name) == 0)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
on_text_activate_cb (CstEntryRow *self)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CstEntryRow     *self)
{
  CstEntryRowPrivate *priv = PRIV (self);

  if (!gtk_widget_has_focus (GTK_WIDGET (cst_entry_row_get_text (self))))
    gtk_widget_grab_focus (priv->entry);
}

static void
box_append_visible (GtkWidget *box,
                    GtkWidget *widget)
{
  gtk_box_append (GTK_BOX (box), widget);
  gtk_widget_set_visible (box, TRUE);
}

static GtkWidget *
cst_entry_row_real_create_entry (CstEntryRow *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);

  return entry;
}

static GtkEditable *
cst_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (PRIV (editable)->entry);
}

static void
cst_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = cst_entry_row_get_delegate;
}

static void
cst_entry_row_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  CstEntryRow *self = CST_ENTRY_ROW (buildable);

  if (g_strcmp0 (type, "prefix") == 0)
    cst_entry_row_add_prefix (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "suffix") == 0 || (type == NULL && GTK_IS_WIDGET (child)))
    cst_entry_row_add_suffix (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
cst_entry_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cst_entry_row_buildable_add_child;
}

static gboolean
cst_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (PRIV (widget)->entry);
}

/* Not GtkListBoxRow's: it would focus the row itself first. */
static gboolean
cst_entry_row_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  return gtk_widget_child_focus (PRIV (widget)->header, direction);
}

static void
cst_entry_row_constructed (GObject *object)
{
  CstEntryRow *self = CST_ENTRY_ROW (object);
  CstEntryRowPrivate *priv = PRIV (self);
  GtkWidget *column;
  GtkEventController *focus;
  GtkText *text;

  G_OBJECT_CLASS (cst_entry_row_parent_class)->constructed (object);

  priv->entry = CST_ENTRY_ROW_GET_CLASS (self)->create_entry (self);
  gtk_widget_set_hexpand (priv->entry, TRUE);
  gtk_widget_add_css_class (priv->entry, "flat");
  gtk_editable_init_delegate (GTK_EDITABLE (self));

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (column, 6);
  gtk_widget_set_margin_bottom (column, 6);
  gtk_box_append (GTK_BOX (column), priv->title_label);
  /* Also the entry's name: GTK makes the label its labelled-by. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (priv->title_label), priv->entry);
  gtk_box_append (GTK_BOX (column), priv->entry);
  gtk_box_insert_child_after (GTK_BOX (priv->header), column, priv->prefixes);

  text = cst_entry_row_get_text (self);
  g_signal_connect_object (text, "activate", G_CALLBACK (on_text_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text, "notify", G_CALLBACK (on_text_notify_cb),
                           self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_entry_focus_enter_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (priv->entry, focus);

  sync_title (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
  g_signal_connect (self, "notify::use-underline", G_CALLBACK (on_title_changed_cb), NULL);
}

static void
cst_entry_row_dispose (GObject *object)
{
  if (PRIV (object)->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (object));
  PRIV (object)->entry = NULL;

  G_OBJECT_CLASS (cst_entry_row_parent_class)->dispose (object);
}

/* The row's own properties are the GtkText's, of the same names: read and
 * written there, and their notifications passed on (on_text_notify_cb). */
static void
cst_entry_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_object_get_property (G_OBJECT (cst_entry_row_get_text (CST_ENTRY_ROW (object))),
                           pspec->name, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cst_entry_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_object_set_property (G_OBJECT (cst_entry_row_get_text (CST_ENTRY_ROW (object))),
                           pspec->name, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cst_entry_row_class_init (CstEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cst_entry_row_constructed;
  object_class->dispose = cst_entry_row_dispose;
  object_class->get_property = cst_entry_row_get_property;
  object_class->set_property = cst_entry_row_set_property;

  widget_class->grab_focus = cst_entry_row_grab_focus;
  widget_class->focus = cst_entry_row_focus;

  klass->create_entry = cst_entry_row_real_create_entry;

  /* GtkText's, with its defaults (cst_entry_row_get_property). */
  properties[PROP_ACTIVATES_DEFAULT] =
    g_param_spec_boolean ("activates-default", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_LENGTH] =
    g_param_spec_int ("max-length", NULL, NULL,
                      0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INPUT_PURPOSE] =
    g_param_spec_enum ("input-purpose", NULL, NULL,
                       GTK_TYPE_INPUT_PURPOSE, GTK_INPUT_PURPOSE_FREE_FORM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * CstEntryRow::entry-activated:
   *
   * Enter was pressed in the text (after the default widget, if
   * :activates-default, was activated), as AdwEntryRow's.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cst_entry_row_init (CstEntryRow *self)
{
  CstEntryRowPrivate *priv = PRIV (self);
  GtkGesture *click;

  gtk_widget_add_css_class (GTK_WIDGET (self), "entry");
  gtk_widget_add_css_class (GTK_WIDGET (self), "cst-entry-row");
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  priv->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (priv->header, "header");
  gtk_widget_set_margin_start (priv->header, 12);
  gtk_widget_set_margin_end (priv->header, 12);

  priv->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (priv->prefixes, FALSE);
  gtk_box_append (GTK_BOX (priv->header), priv->prefixes);

  priv->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (priv->suffixes, FALSE);
  gtk_box_append (GTK_BOX (priv->header), priv->suffixes);

  /* The field's own label, read as the entry's name (constructed). */
  priv->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (priv->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (priv->title_label, "caption");
  gtk_widget_add_css_class (priv->title_label, "dim-label");
  gtk_widget_add_css_class (priv->title_label, "title");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), priv->header);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * cst_entry_row_new:
 *
 * Returns: (transfer floating): a new #CstEntryRow
 */
GtkWidget *
cst_entry_row_new (void)
{
  return g_object_new (CST_TYPE_ENTRY_ROW, NULL);
}

/**
 * cst_entry_row_get_entry:
 *
 * Returns: (transfer none): the #GtkEntry (or #GtkPasswordEntry): the
 *   object a screen reader lands on, so the one to carry accessible state
 */
GtkWidget *
cst_entry_row_get_entry (CstEntryRow *self)
{
  g_return_val_if_fail (CST_IS_ENTRY_ROW (self), NULL);

  return PRIV (self)->entry;
}

/**
 * cst_entry_row_get_text:
 *
 * Returns: (transfer none): the #GtkText inside the entry, the one that
 *   emits #GtkEditable::insert-text while the user types
 */
GtkText *
cst_entry_row_get_text (CstEntryRow *self)
{
  g_return_val_if_fail (CST_IS_ENTRY_ROW (self), NULL);

  return GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (PRIV (self)->entry)));
}

void
cst_entry_row_add_prefix (CstEntryRow *self,
                          GtkWidget   *widget)
{
  g_return_if_fail (CST_IS_ENTRY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  box_append_visible (PRIV (self)->prefixes, widget);
}

void
cst_entry_row_add_suffix (CstEntryRow *self,
                          GtkWidget   *widget)
{
  g_return_if_fail (CST_IS_ENTRY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  box_append_visible (PRIV (self)->suffixes, widget);
}

void
cst_entry_row_set_activates_default (CstEntryRow *self,
                                     gboolean     activates)
{
  g_return_if_fail (CST_IS_ENTRY_ROW (self));

  gtk_text_set_activates_default (cst_entry_row_get_text (self), activates);
}

/* GtkText shows it in the empty field, and GTK 4.8 gives it to screen
 * readers as the field's description. */
void
cst_entry_row_set_placeholder_text (CstEntryRow *self,
                                    const char  *text)
{
  g_return_if_fail (CST_IS_ENTRY_ROW (self));

  gtk_text_set_placeholder_text (cst_entry_row_get_text (self), text);
}

void
cst_entry_row_set_max_length (CstEntryRow *self,
                              int          max_length)
{
  g_return_if_fail (CST_IS_ENTRY_ROW (self));

  gtk_text_set_max_length (cst_entry_row_get_text (self), max_length);
}

/* ------------------------------------------------------------------------
 * CstPasswordEntryRow: the same row around a GtkPasswordEntry (hidden
 * text, the peek icon, the Caps Lock warning, no undo of secrets).
 */

struct _CstPasswordEntryRow
{
  CstEntryRow parent_instance;
};

G_DEFINE_FINAL_TYPE (CstPasswordEntryRow, cst_password_entry_row, CST_TYPE_ENTRY_ROW)

static GtkWidget *
cst_password_entry_row_create_entry (CstEntryRow *row)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);

  return entry;
}

static void
cst_password_entry_row_class_init (CstPasswordEntryRowClass *klass)
{
  CstEntryRowClass *row_class = CST_ENTRY_ROW_CLASS (klass);

  row_class->create_entry = cst_password_entry_row_create_entry;
}

static void
cst_password_entry_row_init (CstPasswordEntryRow *self)
{
}

/**
 * cst_password_entry_row_new:
 *
 * Returns: (transfer floating): a new #CstPasswordEntryRow
 */
GtkWidget *
cst_password_entry_row_new (void)
{
  return g_object_new (CST_TYPE_PASSWORD_ENTRY_ROW, NULL);
}
