/* comm-contract-cells.c: the cells of the contracts register
 *
 * Every cell is one CommCellLabel, which lays its text out only when drawn; where a row needs to
 * stand out its style draws an icon beside the text. A cell is bound to a CommRowSlot (the page's
 * CommRowSlots over its selection), not to a contract: it shows the slot's contract and shows
 * again whenever the slot takes another. Contracts themselves are never changed in place - the
 * page swaps in a fresh CommContract after an edit. Warnings never rely on colour alone: an icon
 * and words go with every coloured cell.
 *
 * Updating is on the hot path: GtkListView (GTK 4.8) keeps about 200 rows of widgets, and when a
 * search changes which contracts are on screen every one of their slots takes another contract -
 * 2,000 cells a keystroke. So a cell is one widget, an update only sets text and changes style
 * classes only where they differ, and tooltips are worked out when the pointer rests on a cell:
 * in GTK 4.8 gtk_widget_set_tooltip_text() asks the X server where the pointer is (two round trips
 * a call), which made binding a screenful of rows take half a second.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-cell-label.h"
#include "comm-contract-cells.h"
#include "comm-row-slots.h"

#define CELL_KIND_KEY "comm-cell-kind"
#define LONG_TEXT 22  /* characters past which a cell gets its text as a tooltip */

typedef struct {
  CommContractCell         kind;
  CommContractCellContext *context;
} CellInfo;

/* What a flagged cell (icon and label) shows besides its text. */
typedef enum {
  FLAG_NONE,
  FLAG_ENDING_SOON,
  FLAG_OVERDUE,
} Flag;

/* On a flagged label: its Flag; on a RAG label: its rating + 1 (0 = none shown yet). Kept so a
 * bind changes only what differs. */
static GQuark flag_quark;
static GQuark rag_quark;
/* On a cell's label: the CellInfo of its column (owned by the factory). */
static GQuark info_quark;

/* The RAG pill takes the width of its word. */
static GtkWidget *
make_rag_label (void)
{
  GtkWidget *label = comm_cell_label_new (0.5);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "rag-pill");

  return label;
}

static void
set_date (CommCellLabel *label,
          const char    *iso)
{
  g_autofree char *shown = comm_date_iso_to_display (iso);

  comm_cell_label_set_text (label, shown);
}

/* A flagged cell is one label: the style class draws the icon beside the text (style.css), and
 * the accessible description says in words what the icon shows. Both change only when the flag
 * differs from the one shown: a cell widget is bound again and again, and most rows carry none. */
static void
set_flag (CommCellLabel *label,
          Flag           flag,
          const char    *text)
{
  static const char * const css_classes[] = { NULL, "contract-ending-soon", "contract-overdue" };
  Flag shown = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (label), flag_quark));

  comm_cell_label_set_text (label, text);
  if (flag == shown)
    return;

  if (css_classes[shown] != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (label), css_classes[shown]);
  if (css_classes[flag] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_classes[flag]);

  if (flag == FLAG_NONE)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    flag == FLAG_OVERDUE ? _("Overdue") : _("Ending soon"),
                                    -1);
  g_object_set_qdata (G_OBJECT (label), flag_quark, GINT_TO_POINTER (flag));
}

static char *
describe_reminder (CommContract            *contract,
                   CommContractCellContext *context)
{
  g_autofree char *notice_iso = NULL;
  g_autoptr(GArray) due = NULL;
  GDate end, notice;

  g_object_get (contract, "notice-date", &notice_iso, NULL);
  g_date_clear (&end, 1);
  g_date_clear (&notice, 1);
  if (!comm_date_parse_iso (comm_contract_get_effective_end_date (contract), &end))
    return NULL;
  comm_date_parse_iso (notice_iso, &notice);

  due = comm_reminders_due (&end, &notice,
                            context->leads != NULL ? (const int *) context->leads->data : NULL,
                            context->leads != NULL ? context->leads->len : 0,
                            &context->today);
  if (due == NULL || due->len == 0)
    return NULL;

  return comm_reminder_describe (&g_array_index (due, CommReminder, 0));
}

/* Tooltips are worked out when the pointer rests on a cell, never on bind. */

/* How soon the contract ends and which reminders are due, if a reminder is due; whether it was
 * extended. */
static char *
end_tooltip (CommContract            *contract,
             CommContractCellContext *context)
{
  g_autofree char *extension = NULL;
  GString *tooltip = g_string_new (NULL);

  if (comm_contract_get_ending_soon (contract))
    {
      g_autofree char *ends = comm_contract_cell_describe_end (contract, &context->today);
      g_autofree char *reminder = describe_reminder (contract, context);

      /* Translators: a tooltip: "Ends in 4 months" */
      if (ends != NULL)
        g_string_append_printf (tooltip, _("Ends %s"), ends);
      if (reminder != NULL)
        g_string_append_printf (tooltip, "%s%s", tooltip->len > 0 ? "\n" : "", reminder);
    }

  g_object_get (contract, "extended-to", &extension, NULL);
  if (extension != NULL && *extension != '\0')
    {
      g_autofree char *original = comm_date_iso_to_display (comm_contract_get_end_date (contract));

      g_string_append_printf (tooltip, "%s", tooltip->len > 0 ? "\n" : "");
      g_string_append_printf (tooltip, _("Extended; the original end date was %s."), original);
    }

  return g_string_free (tooltip, tooltip->len == 0);
}

static char *
monitoring_tooltip (CommContract *contract)
{
  g_autofree char *shown = NULL;

  if (!comm_contract_get_monitoring_overdue (contract))
    return NULL;

  shown = comm_date_iso_to_display (comm_contract_get_next_monitoring_due (contract));
  return g_strdup_printf (_("The monitoring meeting was due on %s."), shown);
}

static char *
rag_tooltip (CommContract *contract)
{
  CommRag rag = comm_contract_get_rag (contract);
  const char *comment = comm_contract_get_rag_comment (contract);
  g_autofree char *shown = comm_date_iso_to_display (comm_contract_get_rag_date (contract));

  if (*shown == '\0')
    return NULL;

  return comment != NULL && *comment != '\0'
    ? g_strdup_printf (_("Rated %s on %s: %s"), comm_rag_to_label (rag), shown, comment)
    : g_strdup_printf (_("Rated %s on %s"), comm_rag_to_label (rag), shown);
}

/* A text too long for its column, in full. */
static char *
long_text_tooltip (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > LONG_TEXT ? g_strdup (text) : NULL;
}

static char *
cell_tooltip (const CellInfo *info,
              CommContract   *contract)
{
  switch (info->kind)
    {
    case COMM_CONTRACT_CELL_REFERENCE:
      return long_text_tooltip (comm_contract_get_reference (contract));
    case COMM_CONTRACT_CELL_TITLE:
      return long_text_tooltip (comm_contract_get_title (contract));
    case COMM_CONTRACT_CELL_PROVIDER:
      return long_text_tooltip (comm_contract_get_provider_name (contract));
    case COMM_CONTRACT_CELL_SERVICE_AREA:
      return long_text_tooltip (comm_contract_cell_area_label (comm_contract_get_service_area (contract)));
    case COMM_CONTRACT_CELL_STATUS:
      return long_text_tooltip (comm_contract_status_to_label (comm_contract_get_status (contract)));
    case COMM_CONTRACT_CELL_RAG:
      return rag_tooltip (contract);
    case COMM_CONTRACT_CELL_END:
      return end_tooltip (contract, info->context);
    case COMM_CONTRACT_CELL_NEXT_MONITORING:
      return monitoring_tooltip (contract);
    case COMM_CONTRACT_CELL_ANNUAL_VALUE:
    case COMM_CONTRACT_CELL_START:
    default:
      return NULL;
    }
}

/* The end date; a contract with a reminder due shows an alarm, in bold (its tooltip says how
 * soon it ends and which reminders are due). */
static void
bind_end (CommCellLabel *label,
          CommContract  *contract)
{
  g_autofree char *shown = comm_date_iso_to_display (comm_contract_get_effective_end_date (contract));

  set_flag (label, comm_contract_get_ending_soon (contract) ? FLAG_ENDING_SOON : FLAG_NONE, shown);
}

static void
bind_monitoring (CommCellLabel *label,
                 CommContract  *contract)
{
  g_autofree char *shown = comm_date_iso_to_display (comm_contract_get_next_monitoring_due (contract));
  g_autofree char *text = NULL;

  if (!comm_contract_get_monitoring_overdue (contract))
    {
      set_flag (label, FLAG_NONE, shown);
      return;
    }

  /* Translators: a monitoring meeting that was due on the date: "Overdue · 12 Oct 2026" */
  text = g_strdup_printf (_("Overdue · %s"), shown);
  set_flag (label, FLAG_OVERDUE, text);
}

static const char * const rag_classes[] = {
  [COMM_RAG_NONE] = "rag-none", [COMM_RAG_GREEN] = "rag-green",
  [COMM_RAG_AMBER] = "rag-amber", [COMM_RAG_RED] = "rag-red",
};

static void
bind_rag (CommCellLabel *label,
          CommContract  *contract)
{
  CommRag rag = comm_contract_get_rag (contract);
  int shown = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (label), rag_quark)) - 1;

  if ((guint) rag >= G_N_ELEMENTS (rag_classes))
    rag = COMM_RAG_NONE;
  if ((int) rag == shown)
    return;

  if (shown >= 0)
    gtk_widget_remove_css_class (GTK_WIDGET (label), rag_classes[shown]);
  gtk_widget_add_css_class (GTK_WIDGET (label), rag_classes[rag]);
  comm_cell_label_set_text (label, comm_rag_to_label (rag));
  g_object_set_qdata (G_OBJECT (label), rag_quark, GINT_TO_POINTER (rag + 1));
}

static void
bind_text_cell (CommCellLabel    *label,
                CommContract     *contract,
                CommContractCell  kind)
{
  g_autofree char *money = NULL;

  switch (kind)
    {
    case COMM_CONTRACT_CELL_REFERENCE:
      comm_cell_label_set_text (label, comm_contract_get_reference (contract));
      break;
    case COMM_CONTRACT_CELL_TITLE:
      comm_cell_label_set_text (label, comm_contract_get_title (contract));
      break;
    case COMM_CONTRACT_CELL_PROVIDER:
      comm_cell_label_set_text (label, comm_contract_get_provider_name (contract));
      break;
    case COMM_CONTRACT_CELL_SERVICE_AREA:
      comm_cell_label_set_text (label, comm_contract_cell_area_label (comm_contract_get_service_area (contract)));
      break;
    case COMM_CONTRACT_CELL_ANNUAL_VALUE:
      money = comm_money_format_full (comm_contract_get_annual_value (contract),
                                      COMM_MONEY_FORMAT_WHOLE_POUNDS);
      comm_cell_label_set_text (label, money);
      break;
    case COMM_CONTRACT_CELL_START:
      set_date (label, comm_contract_get_start_date (contract));
      break;
    case COMM_CONTRACT_CELL_STATUS:
      comm_cell_label_set_text (label, comm_contract_status_to_label (comm_contract_get_status (contract)));
      break;
    case COMM_CONTRACT_CELL_RAG:
    case COMM_CONTRACT_CELL_END:
    case COMM_CONTRACT_CELL_NEXT_MONITORING:
    default:
      g_assert_not_reached ();
    }
}

static char *
get_tooltip (CommCellLabel *label,
             gpointer       user_data)
{
  CommContract *contract = comm_cell_label_get_item (label);

  return contract != NULL ? cell_tooltip (user_data, contract) : NULL;
}

static GtkWidget *
make_cell_child (CommContractCell kind)
{
  GtkWidget *label;

  switch (kind)
    {
    case COMM_CONTRACT_CELL_RAG:
      return make_rag_label ();
    case COMM_CONTRACT_CELL_END:
    case COMM_CONTRACT_CELL_NEXT_MONITORING:
      label = comm_cell_label_new (0.0);
      gtk_widget_add_css_class (label, "contract-flag");
      break;
    case COMM_CONTRACT_CELL_ANNUAL_VALUE:
      label = comm_cell_label_new (1.0);
      gtk_widget_add_css_class (label, "numeric");
      break;
    case COMM_CONTRACT_CELL_REFERENCE:
      label = comm_cell_label_new (0.0);
      gtk_widget_add_css_class (label, "contract-reference");
      break;
    default:
      label = comm_cell_label_new (0.0);
    }

  return label;
}

/* The list item owns its child, and the factory (which owns @info) outlives both. */
static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CellInfo                 *info)
{
  GtkWidget *child = make_cell_child (info->kind);

  if (info->kind != COMM_CONTRACT_CELL_ANNUAL_VALUE && info->kind != COMM_CONTRACT_CELL_START)
    comm_cell_label_set_tooltip_func (COMM_CELL_LABEL (child), get_tooltip, info);
  g_object_set_qdata (G_OBJECT (child), info_quark, info);
  gtk_list_item_set_child (item, child);
}

/* A row past the end of the list for a moment (comm-row-slots.c): shows nothing. */
static void
clear_cell (CommCellLabel    *label,
            CommContractCell  kind)
{
  if (kind == COMM_CONTRACT_CELL_END || kind == COMM_CONTRACT_CELL_NEXT_MONITORING)
    set_flag (label, FLAG_NONE, "");
  else if (kind == COMM_CONTRACT_CELL_RAG)
    {
      int shown = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (label), rag_quark)) - 1;

      if (shown >= 0 && (guint) shown < G_N_ELEMENTS (rag_classes))
        gtk_widget_remove_css_class (GTK_WIDGET (label), rag_classes[shown]);
      g_object_set_qdata (G_OBJECT (label), rag_quark, NULL);
      comm_cell_label_set_text (label, "");
    }
  else
    comm_cell_label_set_text (label, "");
}

/* Shows @contract in @label, as a cell of the column @info. */
static void
update_cell (CommCellLabel  *label,
             const CellInfo *info,
             CommContract   *contract)
{
  comm_cell_label_set_item (label, contract);
  if (contract == NULL)
    {
      clear_cell (label, info->kind);
      return;
    }

  if (info->kind == COMM_CONTRACT_CELL_END)
    bind_end (label, contract);
  else if (info->kind == COMM_CONTRACT_CELL_NEXT_MONITORING)
    bind_monitoring (label, contract);
  else if (info->kind == COMM_CONTRACT_CELL_RAG)
    bind_rag (label, contract);
  else
    bind_text_cell (label, contract, info->kind);
}

/* The row stayed and its slot took another contract (a search or a sort moved the rows). */
static void
on_slot_item_changed_cb (CommRowSlot *slot,
                         GParamSpec  *pspec,
                         GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (child != NULL)
    update_cell (COMM_CELL_LABEL (child), g_object_get_qdata (G_OBJECT (child), info_quark),
                 comm_row_slot_get_item (slot));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellInfo                 *info)
{
  CommRowSlot *slot = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (slot == NULL || child == NULL)
    return;

  update_cell (COMM_CELL_LABEL (child), info, comm_row_slot_get_item (slot));
  g_signal_connect (slot, "notify::item", G_CALLBACK (on_slot_item_changed_cb), item);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellInfo                 *info)
{
  CommRowSlot *slot = gtk_list_item_get_item (item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, on_slot_item_changed_cb, item);
}

GtkListItemFactory *
comm_contract_cell_factory_new (CommContractCell         cell,
                                CommContractCellContext *context)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellInfo *info = g_new0 (CellInfo, 1);

  g_return_val_if_fail (context != NULL, factory);

  if (flag_quark == 0)
    {
      flag_quark = g_quark_from_static_string ("comm-cell-flag");
      rag_quark = g_quark_from_static_string ("comm-cell-rag");
      info_quark = g_quark_from_static_string ("comm-cell-info");
    }

  info->kind = cell;
  info->context = context;
  g_object_set_data_full (G_OBJECT (factory), CELL_KIND_KEY, info, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), info);

  return factory;
}

char *
comm_contract_cell_describe_end (CommContract *contract,
                                 const GDate  *today)
{
  GDate end;
  int months, days;

  g_return_val_if_fail (COMM_IS_CONTRACT (contract), NULL);

  g_date_clear (&end, 1);
  if (!comm_date_parse_iso (comm_contract_get_effective_end_date (contract), &end) || g_date_compare (&end, today) < 0)
    return NULL;

  days = comm_date_days_between (today, &end);
  if (days == 0)
    return g_strdup (_("today"));

  months = ((int) g_date_get_year (&end) - (int) g_date_get_year (today)) * 12
           + ((int) g_date_get_month (&end) - (int) g_date_get_month (today))
           - (g_date_get_day (&end) < g_date_get_day (today) ? 1 : 0);
  if (months < 1)
    return g_strdup_printf (g_dngettext (NULL, "in %d day", "in %d days", days), days);

  return g_strdup_printf (g_dngettext (NULL, "in %d month", "in %d months", months), months);
}

const char *
comm_contract_cell_area_label (const char *area)
{
  if (area == NULL)
    return "";

  return comm_choice_label (comm_service_areas (), area);
}
