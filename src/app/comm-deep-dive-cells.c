/* comm-deep-dive-cells.c: the cells of the Deep Dive schedule and of the outstanding actions
 *
 * As in the contracts register, every cell is one CommCellLabel bound straight to its row; the
 * status cell draws its icon from the style (style.css, "dd-status") beside the word, so a status
 * never relies on colour, and the accessible description repeats it. Rows are never changed in
 * place: the page swaps in a fresh row after an edit.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-cell-label.h"
#include "comm-contract-cells.h"
#include "comm-deep-dive-cells.h"

struct _CommActionItem
{
  GObject        parent_instance;
  CommActionRow *row;
};

G_DEFINE_FINAL_TYPE (CommActionItem, comm_action_item, G_TYPE_OBJECT)

/* On a status label: the CommDeepDiveStatus shown + 1 (0 = none yet). */
static GQuark status_quark;

static const char * const status_classes[COMM_DEEP_DIVE_N_STATUSES] = {
  [COMM_DEEP_DIVE_STATUS_NONE] = "dd-none",
  [COMM_DEEP_DIVE_STATUS_OVERDUE] = "dd-overdue",
  [COMM_DEEP_DIVE_STATUS_PENDING] = "dd-pending",
  [COMM_DEEP_DIVE_STATUS_SCHEDULED] = "dd-scheduled",
  [COMM_DEEP_DIVE_STATUS_IN_PROGRESS] = "dd-in-progress",
  [COMM_DEEP_DIVE_STATUS_COMPLETE] = "dd-complete",
};

static const char * const status_icons[COMM_DEEP_DIVE_N_STATUSES] = {
  [COMM_DEEP_DIVE_STATUS_NONE] = "dialog-warning-symbolic",
  [COMM_DEEP_DIVE_STATUS_OVERDUE] = "task-past-due-symbolic",
  [COMM_DEEP_DIVE_STATUS_PENDING] = "user-status-pending-symbolic",
  [COMM_DEEP_DIVE_STATUS_SCHEDULED] = "x-office-calendar-symbolic",
  [COMM_DEEP_DIVE_STATUS_IN_PROGRESS] = "document-edit-symbolic",
  [COMM_DEEP_DIVE_STATUS_COMPLETE] = "emblem-ok-symbolic",
};

static const struct {
  const char       *title;
  int               width;
  gboolean          expand;
  CommDeepDiveCell  cell;
  const char       *property;
  gboolean          numeric;
} schedule_columns[] = {
  { N_("Reference"), 110, FALSE, COMM_DEEP_DIVE_CELL_REFERENCE, "contract-reference", FALSE },
  { N_("Title"), 180, TRUE, COMM_DEEP_DIVE_CELL_TITLE, "contract-title", FALSE },
  { N_("Provider"), 170, FALSE, COMM_DEEP_DIVE_CELL_PROVIDER, "provider-name", FALSE },
  { N_("Service area"), 130, FALSE, COMM_DEEP_DIVE_CELL_SERVICE_AREA, "service-area", FALSE },
  { N_("Scheduled"), 110, FALSE, COMM_DEEP_DIVE_CELL_SCHEDULED, "scheduled-on", FALSE },
  { N_("Lead reviewer"), 140, FALSE, COMM_DEEP_DIVE_CELL_REVIEWER, "lead-reviewer", FALSE },
  { N_("Status"), 140, FALSE, COMM_DEEP_DIVE_CELL_STATUS, "status", TRUE },
  { N_("Areas judged"), 100, FALSE, COMM_DEEP_DIVE_CELL_PROGRESS, "areas-judged", TRUE },
};

static const struct {
  const char     *title;
  int             width;
  gboolean        expand;
  CommActionCell  cell;
} action_columns[] = {
  { N_("Due"), 215, FALSE, COMM_ACTION_CELL_DUE },
  { N_("Action"), 260, TRUE, COMM_ACTION_CELL_DESCRIPTION },
  { N_("Owner"), 140, FALSE, COMM_ACTION_CELL_OWNER },
  { N_("Contract"), 240, FALSE, COMM_ACTION_CELL_CONTRACT },
  { N_("Area"), 200, FALSE, COMM_ACTION_CELL_AREA },
  { N_("Year"), 80, FALSE, COMM_ACTION_CELL_YEAR },
};

static void
comm_action_item_finalize (GObject *object)
{
  g_clear_pointer (&COMM_ACTION_ITEM (object)->row, comm_action_row_free);

  G_OBJECT_CLASS (comm_action_item_parent_class)->finalize (object);
}

static void
comm_action_item_class_init (CommActionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comm_action_item_finalize;
}

static void
comm_action_item_init (CommActionItem *self)
{
}

static void
set_status (CommCellLabel      *label,
            CommDeepDiveStatus  status,
            const char         *text)
{
  int shown = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (label), status_quark)) - 1;

  comm_cell_label_set_text (label, text);
  if ((int) status == shown)
    return;

  if (shown >= 0)
    gtk_widget_remove_css_class (GTK_WIDGET (label), status_classes[shown]);
  gtk_widget_add_css_class (GTK_WIDGET (label), status_classes[status]);
  g_object_set_qdata (G_OBJECT (label), status_quark, GINT_TO_POINTER (status + 1));
}

static void
set_date (CommCellLabel *label,
          const char    *iso)
{
  g_autofree char *shown = comm_date_iso_to_display (iso);

  comm_cell_label_set_text (label, shown);
}

static void
bind_row (CommCellLabel    *label,
          CommDeepDiveCell  kind,
          CommDeepDiveRow  *row)
{
  g_autofree char *text = NULL;
  guint total;

  switch (kind)
    {
    case COMM_DEEP_DIVE_CELL_REFERENCE:
      comm_cell_label_set_text (label, comm_deep_dive_row_get_contract_reference (row));
      break;
    case COMM_DEEP_DIVE_CELL_TITLE:
      comm_cell_label_set_text (label, comm_deep_dive_row_get_contract_title (row));
      break;
    case COMM_DEEP_DIVE_CELL_PROVIDER:
      comm_cell_label_set_text (label, comm_deep_dive_row_get_provider_name (row));
      break;
    case COMM_DEEP_DIVE_CELL_SERVICE_AREA:
      comm_cell_label_set_text (label, comm_contract_cell_area_label (comm_deep_dive_row_get_service_area (row)));
      break;
    case COMM_DEEP_DIVE_CELL_SCHEDULED:
      set_date (label, comm_deep_dive_row_get_scheduled_on (row));
      break;
    case COMM_DEEP_DIVE_CELL_REVIEWER:
      comm_cell_label_set_text (label, comm_deep_dive_row_get_lead_reviewer (row));
      break;
    case COMM_DEEP_DIVE_CELL_STATUS:
      set_status (label, comm_deep_dive_row_get_status (row), comm_deep_dive_cell_status_text (row));
      break;
    case COMM_DEEP_DIVE_CELL_PROGRESS:
      total = comm_deep_dive_row_get_areas_total (row);
      if (total > 0)
        /* Translators: areas judged in a Deep Dive: "3 of 9" */
        text = g_strdup_printf (_("%u of %u"), comm_deep_dive_row_get_areas_judged (row), total);
      comm_cell_label_set_text (label, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
row_tooltip (CommCellLabel *label,
             gpointer       user_data)
{
  CommDeepDiveRow *row = comm_cell_label_get_item (label);
  CommDeepDiveCell kind = GPOINTER_TO_INT (user_data);
  const char *text;

  if (row == NULL)
    return NULL;

  if (kind == COMM_DEEP_DIVE_CELL_STATUS)
    {
      switch (comm_deep_dive_row_get_status (row))
        {
        case COMM_DEEP_DIVE_STATUS_NONE:
          return g_strdup (_("This contract has no Deep Dive planned this year"));
        case COMM_DEEP_DIVE_STATUS_OVERDUE:
          return g_strdup (_("The Deep Dive is past its date and not signed off"));
        default:
          return NULL;
        }
    }

  text = comm_cell_label_get_text (label);
  return text != NULL && g_utf8_strlen (text, -1) > 22 ? g_strdup (text) : NULL;
}

static GtkWidget *
make_label (gboolean status)
{
  GtkWidget *label = comm_cell_label_new (0.0);

  if (status)
    gtk_widget_add_css_class (label, "dd-status");
  return label;
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CommDeepDiveCell kind = GPOINTER_TO_INT (user_data);
  GtkWidget *label = make_label (kind == COMM_DEEP_DIVE_CELL_STATUS);

  if (kind == COMM_DEEP_DIVE_CELL_REFERENCE)
    gtk_widget_add_css_class (label, "contract-reference");
  if (kind == COMM_DEEP_DIVE_CELL_PROGRESS)
    gtk_widget_add_css_class (label, "numeric");
  comm_cell_label_set_tooltip_func (COMM_CELL_LABEL (label), row_tooltip, user_data);
  gtk_list_item_set_child (item, label);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  CommDeepDiveRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (row == NULL || label == NULL)
    return;

  comm_cell_label_set_item (COMM_CELL_LABEL (label), row);
  bind_row (COMM_CELL_LABEL (label), GPOINTER_TO_INT (user_data), row);
}

GtkListItemFactory *
comm_deep_dive_cell_factory_new (CommDeepDiveCell cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (status_quark == 0)
    status_quark = g_quark_from_static_string ("comm-dd-cell-status");

  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), GINT_TO_POINTER (cell));

  return factory;
}

static void
bind_action (CommCellLabel  *label,
             CommActionCell  kind,
             CommActionRow  *row)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  switch (kind)
    {
    case COMM_ACTION_CELL_DUE:
      shown = comm_date_iso_to_display (row->action.due_on);
      if (row->overdue)
        /* Translators: an action past its due date: "Overdue · 12 Oct 2026" */
        text = g_strdup_printf (_("Overdue · %s"), shown);
      set_status (label, row->overdue ? COMM_DEEP_DIVE_STATUS_OVERDUE : COMM_DEEP_DIVE_STATUS_SCHEDULED,
                  text != NULL ? text : *shown != '\0' ? shown : _("No date"));
      break;
    case COMM_ACTION_CELL_DESCRIPTION:
      comm_cell_label_set_text (label, row->action.description);
      break;
    case COMM_ACTION_CELL_OWNER:
      comm_cell_label_set_text (label, row->action.owner);
      break;
    case COMM_ACTION_CELL_CONTRACT:
      /* Translators: a contract in the actions list: "CON-001 · Young Carers Service" */
      text = g_strdup_printf (_("%s · %s"), row->contract_reference, row->contract_title);
      comm_cell_label_set_text (label, text);
      break;
    case COMM_ACTION_CELL_AREA:
      /* Translators: a checklist area: "4. Service requirements …" */
      text = g_strdup_printf (_("%u. %s"), row->area_number, row->area_title);
      comm_cell_label_set_text (label, text);
      break;
    case COMM_ACTION_CELL_YEAR:
      text = comm_financial_year_label (row->year);
      comm_cell_label_set_text (label, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
action_tooltip (CommCellLabel *label,
                gpointer       user_data)
{
  const char *text = comm_cell_label_get_text (label);

  return text != NULL && g_utf8_strlen (text, -1) > 22 ? g_strdup (text) : NULL;
}

static void
on_action_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = make_label (GPOINTER_TO_INT (user_data) == COMM_ACTION_CELL_DUE);

  comm_cell_label_set_tooltip_func (COMM_CELL_LABEL (label), action_tooltip, NULL);
  gtk_list_item_set_child (item, label);
}

static void
on_action_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  CommActionItem *action = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (action == NULL || label == NULL)
    return;

  comm_cell_label_set_item (COMM_CELL_LABEL (label), action);
  bind_action (COMM_CELL_LABEL (label), GPOINTER_TO_INT (user_data), action->row);
}

GtkListItemFactory *
comm_action_cell_factory_new (CommActionCell cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (status_quark == 0)
    status_quark = g_quark_from_static_string ("comm-dd-cell-status");

  g_signal_connect (factory, "setup", G_CALLBACK (on_action_setup_cb), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (on_action_bind_cb), GINT_TO_POINTER (cell));

  return factory;
}

CommActionItem *
comm_action_item_new (CommActionRow *row)
{
  CommActionItem *self = g_object_new (COMM_TYPE_ACTION_ITEM, NULL);

  self->row = row;
  return self;
}

CommActionRow *
comm_action_item_get_row (CommActionItem *self)
{
  g_return_val_if_fail (COMM_IS_ACTION_ITEM (self), NULL);

  return self->row;
}

const char *
comm_deep_dive_status_css_class (CommDeepDiveStatus status)
{
  return (guint) status < COMM_DEEP_DIVE_N_STATUSES ? status_classes[status] : status_classes[0];
}

const char *
comm_deep_dive_status_icon_name (CommDeepDiveStatus status)
{
  return (guint) status < COMM_DEEP_DIVE_N_STATUSES ? status_icons[status] : status_icons[0];
}

const char *
comm_deep_dive_cell_status_text (CommDeepDiveRow *row)
{
  return comm_deep_dive_status_to_label (comm_deep_dive_row_get_status (row));
}

void
comm_deep_dive_cells_add_columns (GtkColumnView *schedule,
                                  GtkColumnView *actions)
{
  for (guint i = 0; i < G_N_ELEMENTS (schedule_columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = comm_deep_dive_cell_factory_new (schedule_columns[i].cell);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (_(schedule_columns[i].title), g_steal_pointer (&factory));
      GtkExpression *expression = gtk_property_expression_new (COMM_TYPE_DEEP_DIVE_ROW, NULL,
                                                               schedule_columns[i].property);
      g_autoptr(GtkSorter) sorter = schedule_columns[i].numeric
                                    ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                                    : GTK_SORTER (gtk_string_sorter_new (expression));

      gtk_column_view_column_set_fixed_width (column, schedule_columns[i].width);
      gtk_column_view_column_set_expand (column, schedule_columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (schedule, column);
    }

  for (guint i = 0; i < G_N_ELEMENTS (action_columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = comm_action_cell_factory_new (action_columns[i].cell);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (_(action_columns[i].title), g_steal_pointer (&factory));

      gtk_column_view_column_set_fixed_width (column, action_columns[i].width);
      gtk_column_view_column_set_expand (column, action_columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (actions, column);
    }
}
