/* comm-budget-section.c: one section of a budget as an editable list of lines
 *
 * Rows are built in code (a section holds from none to a few hundred of them); the section is a
 * preferences group with an Add button in its header and the total under the list.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-section.h"

struct _CommBudgetSection
{
  AdwPreferencesGroup    parent_instance;

  CommBudgetSectionKind  kind;
  GtkListBox            *list;
  GtkLabel              *total_label;
  GtkSizeGroup          *value_group;
  GtkSizeGroup          *result_group;
  GPtrArray             *rows;     /* LineRow*, in order */
  gboolean               loading;
};

typedef struct {
  CommBudgetSection *section;
  GtkWidget         *row;
  GtkEditable       *name;
  GtkEditable       *value;
  GtkLabel          *result;
  GtkLabel          *note;
  GtkWidget         *remove;
  GtkWidget         *detail_box;
  GtkLabel          *error;
  GtkWidget         *info_box;
  GtkWidget         *info_icon;
  GtkLabel          *info;
  GtkWidget         *action;
  gpointer           data;
  GDestroyNotify     destroy;
  gboolean           moved;
} LineRow;

enum { CHANGED, LINE_ACTION, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_KIND, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CommBudgetSection, comm_budget_section, ADW_TYPE_PREFERENCES_GROUP)

static void
line_row_free (LineRow *lr)
{
  if (lr->destroy != NULL && lr->data != NULL)
    lr->destroy (lr->data);
  g_free (lr);
}

static LineRow *append_row (CommBudgetSection *self, const char *name, const char *value);

static LineRow *
row_at (CommBudgetSection *self,
        guint              index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

static guint
index_of (CommBudgetSection *self,
          LineRow           *lr)
{
  guint index = 0;

  g_ptr_array_find (self->rows, lr, &index);

  return index;
}

static void
emit_changed (CommBudgetSection *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_detail_visibility (LineRow *lr)
{
  gboolean error = gtk_widget_get_visible (GTK_WIDGET (lr->error));
  gboolean info = gtk_widget_get_visible (lr->info_box);

  gtk_widget_set_visible (lr->detail_box, error || info);
}

static const char *
value_placeholder (CommBudgetSectionKind kind)
{
  if (kind == COMM_BUDGET_SECTION_COHORTS)
    return "0";
  return kind == COMM_BUDGET_SECTION_PERCENT ? "0%" : "£0.00";
}

static const char *
name_placeholder (CommBudgetSectionKind kind)
{
  switch (kind)
    {
    case COMM_BUDGET_SECTION_INCOME:
      return _("e.g. Early Intervention Grant");
    case COMM_BUDGET_SECTION_COMMITMENTS:
      return _("e.g. Family support contract");
    case COMM_BUDGET_SECTION_FIXED:
      return _("e.g. Community chest");
    case COMM_BUDGET_SECTION_COHORTS:
      return _("e.g. North locality");
    case COMM_BUDGET_SECTION_PERCENT:
    default:
      return _("e.g. Family support");
    }
}

/* Callbacks */

static void
on_entry_changed_cb (GtkEditable *editable,
                     LineRow     *lr)
{
  emit_changed (lr->section);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      LineRow   *lr)
{
  CommBudgetSection *self = lr->section;
  guint index = index_of (self, lr);
  guint n;

  comm_budget_section_remove_line (self, index);
  n = self->rows->len;
  if (n > 0)
    comm_budget_section_focus_line (self, MIN (index, n - 1), FALSE);
  emit_changed (self);
}

static void
on_action_clicked_cb (GtkButton *button,
                      LineRow   *lr)
{
  g_signal_emit (lr->section, signals[LINE_ACTION], 0, index_of (lr->section, lr));
}

static void
on_name_activate_cb (GtkEntry *entry,
                     LineRow  *lr)
{
  gtk_widget_grab_focus (GTK_WIDGET (lr->value));
}

/* Enter in an amount: on to the next line, adding one after the last. */
static void
on_value_activate_cb (GtkEntry *entry,
                      LineRow  *lr)
{
  CommBudgetSection *self = lr->section;
  guint index = index_of (self, lr);

  if (index + 1 >= self->rows->len)
    {
      append_row (self, "", "");
      emit_changed (self);
    }
  comm_budget_section_focus_line (self, index + 1, FALSE);
}

static gboolean
on_remove_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  on_remove_clicked_cb (NULL, user_data);
  return TRUE;
}

static void
on_add_clicked_cb (GtkButton         *button,
                   CommBudgetSection *self)
{
  append_row (self, "", "");
  comm_budget_section_focus_line (self, self->rows->len - 1, FALSE);
  emit_changed (self);
}

/* Rows */

static GtkEditable *
make_entry (const char *placeholder,
            const char *label,
            int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return GTK_EDITABLE (entry);
}

static GtkWidget *
make_detail (LineRow *lr)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *action = gtk_button_new ();

  lr->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (lr->error, 0);
  gtk_label_set_wrap (lr->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (lr->error), "budget-line-error");
  gtk_widget_set_visible (GTK_WIDGET (lr->error), FALSE);

  lr->info_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  lr->info_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (lr->info_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  lr->info = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (lr->info, 0);
  gtk_label_set_wrap (lr->info, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (lr->info), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (lr->info), "budget-line-info");
  lr->action = action;
  gtk_widget_add_css_class (action, "flat");
  gtk_widget_set_valign (action, GTK_ALIGN_CENTER);
  g_signal_connect (action, "clicked", G_CALLBACK (on_action_clicked_cb), lr);
  gtk_box_append (GTK_BOX (lr->info_box), lr->info_icon);
  gtk_box_append (GTK_BOX (lr->info_box), GTK_WIDGET (lr->info));
  gtk_box_append (GTK_BOX (lr->info_box), action);
  gtk_widget_set_visible (lr->info_box, FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (lr->error));
  gtk_box_append (GTK_BOX (box), lr->info_box);
  gtk_widget_set_visible (box, FALSE);

  return box;
}

static GtkWidget *
make_line (LineRow *lr)
{
  CommBudgetSection *self = lr->section;
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *result_box;
  gboolean percent = self->kind == COMM_BUDGET_SECTION_PERCENT;
  gboolean cohorts = self->kind == COMM_BUDGET_SECTION_COHORTS;

  lr->name = make_entry (name_placeholder (self->kind), _("Line name"), 10);
  gtk_widget_set_hexpand (GTK_WIDGET (lr->name), TRUE);
  lr->value = make_entry (value_placeholder (self->kind),
                          percent ? _("Percentage") : cohorts ? _("Activity count") : _("Amount"),
                          percent || cohorts ? 7 : 11);
  gtk_editable_set_alignment (lr->value, 1.0);
  gtk_size_group_add_widget (self->value_group, GTK_WIDGET (lr->value));

  /* The figure and its note share a box of one width, so the entries line up row to row. */
  result_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  lr->result = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (lr->result, 1.0);
  gtk_widget_set_hexpand (GTK_WIDGET (lr->result), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (lr->result), "budget-figure");
  gtk_widget_set_visible (GTK_WIDGET (lr->result), percent || cohorts);

  lr->note = GTK_LABEL (gtk_label_new (_("+1p rounding")));
  gtk_widget_add_css_class (GTK_WIDGET (lr->note), "budget-penny-note");
  gtk_widget_set_valign (GTK_WIDGET (lr->note), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (lr->note), FALSE);
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (lr->result));
  gtk_box_append (GTK_BOX (result_box), GTK_WIDGET (lr->note));
  if (percent || cohorts)
    gtk_widget_set_size_request (result_box, 190, -1);
  gtk_size_group_add_widget (self->result_group, result_box);

  lr->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (lr->remove, "flat");
  gtk_widget_set_tooltip_text (lr->remove, _("Remove this line (Ctrl+Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lr->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove line"), -1);

  gtk_box_append (GTK_BOX (line), GTK_WIDGET (lr->name));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (lr->value));
  gtk_box_append (GTK_BOX (line), result_box);
  gtk_box_append (GTK_BOX (line), lr->remove);

  return line;
}

static void
add_remove_shortcut (LineRow *lr)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (on_remove_shortcut_cb, lr, NULL);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Delete"),
                                                          action));
  gtk_widget_add_controller (lr->row, controller);
}

static LineRow *
append_row (CommBudgetSection *self,
            const char        *name,
            const char        *value)
{
  LineRow *lr = g_new0 (LineRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  lr->section = self;
  gtk_box_append (GTK_BOX (box), make_line (lr));
  lr->detail_box = make_detail (lr);
  gtk_box_append (GTK_BOX (box), lr->detail_box);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_editable_set_text (lr->name, name != NULL ? name : "");
  gtk_editable_set_text (lr->value, value != NULL ? value : "");

  lr->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (lr->row), FALSE);
  gtk_widget_set_focusable (lr->row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (lr->row), box);
  gtk_list_box_append (self->list, lr->row);
  add_remove_shortcut (lr);
  g_ptr_array_add (self->rows, lr);

  g_signal_connect (lr->name, "changed", G_CALLBACK (on_entry_changed_cb), lr);
  g_signal_connect (lr->value, "changed", G_CALLBACK (on_entry_changed_cb), lr);
  g_signal_connect (lr->name, "activate", G_CALLBACK (on_name_activate_cb), lr);
  g_signal_connect (lr->value, "activate", G_CALLBACK (on_value_activate_cb), lr);
  g_signal_connect (lr->remove, "clicked", G_CALLBACK (on_remove_clicked_cb), lr);

  return lr;
}

static const char *
section_title (CommBudgetSectionKind kind)
{
  switch (kind)
    {
    case COMM_BUDGET_SECTION_INCOME:
      return _("Income");
    case COMM_BUDGET_SECTION_COMMITMENTS:
      return _("Commitments");
    case COMM_BUDGET_SECTION_FIXED:
      return _("Fixed Allocations");
    case COMM_BUDGET_SECTION_COHORTS:
      return _("Cohorts");
    case COMM_BUDGET_SECTION_PERCENT:
    default:
      return _("Percentage Allocations");
    }
}

static const char *
section_description (CommBudgetSectionKind kind)
{
  switch (kind)
    {
    case COMM_BUDGET_SECTION_INCOME:
      return _("Grants and other income: their sum is the total budget.");
    case COMM_BUDGET_SECTION_COMMITMENTS:
      return _("Money already committed in the year: contracts running into it, pre-agreed sums.");
    case COMM_BUDGET_SECTION_FIXED:
      return _("Named sums ring-fenced from what is available.");
    case COMM_BUDGET_SECTION_COHORTS:
      return _("The activity of each cohort (incidents, children, families): the cost is split across them pro rata.");
    case COMM_BUDGET_SECTION_PERCENT:
    default:
      return _("Shares of what remains after the fixed allocations; they should total 100%.");
    }
}

/* Overrides */

static void
comm_budget_section_constructed (GObject *object)
{
  CommBudgetSection *self = COMM_BUDGET_SECTION (object);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  G_OBJECT_CLASS (comm_budget_section_parent_class)->constructed (object);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), section_title (self->kind));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         section_description (self->kind));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Line"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add a line (or press Enter in the last amount)"));
  /* Translators: %s is a section of a budget, e.g. "Income" */
  {
    g_autofree char *label = g_strdup_printf (_("Add line to %s"), section_title (self->kind));
    gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  section_title (self->kind), -1);
  self->total_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->total_label, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "budget-section-total");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->total_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);
}

static void
comm_budget_section_dispose (GObject *object)
{
  CommBudgetSection *self = COMM_BUDGET_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->value_group);
  g_clear_object (&self->result_group);

  G_OBJECT_CLASS (comm_budget_section_parent_class)->dispose (object);
}

static void
comm_budget_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CommBudgetSection *self = COMM_BUDGET_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = (CommBudgetSectionKind) g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_budget_section_class_init (CommBudgetSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = comm_budget_section_constructed;
  object_class->dispose = comm_budget_section_dispose;
  object_class->set_property = comm_budget_section_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, COMM_BUDGET_SECTION_INCOME, COMM_BUDGET_SECTION_COHORTS,
                      COMM_BUDGET_SECTION_INCOME,
                      G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LINE_ACTION] = g_signal_new ("line-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
comm_budget_section_init (CommBudgetSection *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) line_row_free);
  self->value_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->result_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/* Public API */

GtkWidget *
comm_budget_section_new (CommBudgetSectionKind kind)
{
  return g_object_new (COMM_TYPE_BUDGET_SECTION, "kind", (int) kind, NULL);
}

CommBudgetSectionKind
comm_budget_section_get_kind (CommBudgetSection *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_SECTION (self), COMM_BUDGET_SECTION_INCOME);

  return self->kind;
}

void
comm_budget_section_clear (CommBudgetSection *self)
{
  g_return_if_fail (COMM_IS_BUDGET_SECTION (self));

  while (self->rows->len > 0)
    comm_budget_section_remove_line (self, self->rows->len - 1);
}

guint
comm_budget_section_add_line (CommBudgetSection *self,
                              const char        *name,
                              const char        *value)
{
  g_return_val_if_fail (COMM_IS_BUDGET_SECTION (self), 0);

  append_row (self, name, value);

  return self->rows->len - 1;
}

void
comm_budget_section_remove_line (CommBudgetSection *self,
                                 guint              index)
{
  LineRow *lr = row_at (self, index);

  g_return_if_fail (lr != NULL);

  gtk_list_box_remove (self->list, lr->row);
  g_ptr_array_remove_index (self->rows, index);
}

guint
comm_budget_section_get_n_lines (CommBudgetSection *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_SECTION (self), 0);

  return self->rows->len;
}

const char *
comm_budget_section_get_name (CommBudgetSection *self,
                              guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL ? gtk_editable_get_text (lr->name) : NULL;
}

const char *
comm_budget_section_get_value (CommBudgetSection *self,
                               guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL ? gtk_editable_get_text (lr->value) : NULL;
}

void
comm_budget_section_set_value (CommBudgetSection *self,
                               guint              index,
                               const char        *value)
{
  LineRow *lr = row_at (self, index);

  g_return_if_fail (lr != NULL);

  gtk_editable_set_text (lr->value, value != NULL ? value : "");
}

gpointer
comm_budget_section_get_line_data (CommBudgetSection *self,
                                   guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL ? lr->data : NULL;
}

void
comm_budget_section_set_line_data (CommBudgetSection *self,
                                   guint              index,
                                   gpointer           data,
                                   GDestroyNotify     destroy)
{
  LineRow *lr = row_at (self, index);

  g_return_if_fail (lr != NULL);

  if (lr->destroy != NULL && lr->data != NULL)
    lr->destroy (lr->data);
  lr->data = data;
  lr->destroy = destroy;
}

void
comm_budget_section_set_result (CommBudgetSection *self,
                                guint              index,
                                const char        *result,
                                gboolean           moved,
                                const char        *note_description)
{
  LineRow *lr = row_at (self, index);

  g_return_if_fail (lr != NULL);

  /* Called for every line on every key press: only what changed is touched. */
  if (lr->moved == moved && g_strcmp0 (gtk_label_get_text (lr->result), result != NULL ? result : "") == 0
      && gtk_widget_get_visible (GTK_WIDGET (lr->result)) == (result != NULL || self->kind >= COMM_BUDGET_SECTION_PERCENT))
    return;
  gtk_label_set_text (lr->result, result != NULL ? result : "");
  gtk_widget_set_visible (GTK_WIDGET (lr->result),
                          result != NULL || self->kind >= COMM_BUDGET_SECTION_PERCENT);
  lr->moved = moved;
  gtk_widget_set_visible (GTK_WIDGET (lr->note), moved);
  gtk_widget_set_tooltip_text (GTK_WIDGET (lr->note), moved ? note_description : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lr->note), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  moved && note_description != NULL ? note_description : "", -1);
}

void
comm_budget_section_set_error (CommBudgetSection *self,
                               guint              index,
                               const char        *message,
                               gboolean           on_value)
{
  LineRow *lr = row_at (self, index);
  GtkWidget *bad;
  GtkWidget *good;

  g_return_if_fail (lr != NULL);

  if (message == NULL && !gtk_widget_get_visible (GTK_WIDGET (lr->error)))
    return;  /* nothing to clear */
  bad = GTK_WIDGET (on_value ? lr->value : lr->name);
  good = GTK_WIDGET (on_value ? lr->name : lr->value);
  gtk_widget_remove_css_class (good, "error");
  if (message != NULL)
    gtk_widget_add_css_class (bad, "error");
  else
    gtk_widget_remove_css_class (bad, "error");

  gtk_label_set_text (lr->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (lr->error), message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bad), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
  if (message != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (bad), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (bad), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (good), GTK_ACCESSIBLE_STATE_INVALID);
  update_detail_visibility (lr);
}

void
comm_budget_section_set_info (CommBudgetSection *self,
                              guint              index,
                              const char        *info,
                              gboolean           warning,
                              const char        *action_label)
{
  LineRow *lr = row_at (self, index);
  const char *shown_action;

  g_return_if_fail (lr != NULL);

  shown_action = gtk_widget_get_visible (lr->action) ? gtk_button_get_label (GTK_BUTTON (lr->action)) : NULL;
  if (gtk_widget_get_visible (lr->info_box) == (info != NULL)
      && g_strcmp0 (gtk_label_get_text (lr->info), info != NULL ? info : "") == 0
      && gtk_widget_get_visible (lr->info_icon) == warning
      && g_strcmp0 (shown_action, action_label) == 0)
    return;
  gtk_label_set_text (lr->info, info != NULL ? info : "");
  gtk_widget_set_visible (lr->info_icon, warning);
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (lr->info), "budget-line-warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (lr->info), "budget-line-warning");
  gtk_button_set_label (GTK_BUTTON (lr->action), action_label != NULL ? action_label : "");
  gtk_widget_set_visible (lr->action, action_label != NULL);
  gtk_widget_set_visible (lr->info_box, info != NULL);
  update_detail_visibility (lr);
}

void
comm_budget_section_set_total (CommBudgetSection *self,
                               const char        *total)
{
  g_return_if_fail (COMM_IS_BUDGET_SECTION (self));

  gtk_label_set_text (self->total_label, total != NULL ? total : "");
}

void
comm_budget_section_focus_line (CommBudgetSection *self,
                                guint              index,
                                gboolean           value)
{
  LineRow *lr = row_at (self, index);

  g_return_if_fail (lr != NULL);

  gtk_widget_grab_focus (GTK_WIDGET (value ? lr->value : lr->name));
}

void
comm_budget_section_set_loading (CommBudgetSection *self,
                                 gboolean           loading)
{
  g_return_if_fail (COMM_IS_BUDGET_SECTION (self));

  self->loading = loading;
}

GtkEditable *
comm_budget_section_get_name_entry (CommBudgetSection *self,
                                    guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL ? lr->name : NULL;
}

GtkEditable *
comm_budget_section_get_value_entry (CommBudgetSection *self,
                                     guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL ? lr->value : NULL;
}

const char *
comm_budget_section_get_result (CommBudgetSection *self,
                                guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL ? gtk_label_get_text (lr->result) : NULL;
}

gboolean
comm_budget_section_get_moved (CommBudgetSection *self,
                               guint              index)
{
  LineRow *lr = row_at (self, index);

  return lr != NULL && lr->moved;
}
