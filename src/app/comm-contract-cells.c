/* comm-contract-cells.c: the cells of the contracts register
 *
 * Every cell is a label (with an icon where a row needs to stand out). Items are never changed
 * in place - the page swaps in a fresh CommContract after an edit - so binding once is enough.
 * Warnings never rely on colour alone: an icon and words go with every coloured cell.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-cells.h"

#define CELL_KIND_KEY "comm-cell-kind"
#define LONG_TEXT 22  /* characters past which a cell gets its text as a tooltip */

typedef struct {
  CommContractCell         kind;
  CommContractCellContext *context;
} CellInfo;

static GtkLabel *
make_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return GTK_LABEL (label);
}

/* A box of an icon (hidden unless needed) and a label. */
static GtkWidget *
make_flagged_label (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (make_label (0.0)));

  return box;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               text != NULL && g_utf8_strlen (text, -1) > LONG_TEXT ? text : NULL);
}

static void
set_date (GtkLabel   *label,
          const char *iso)
{
  g_autofree char *shown = comm_date_iso_to_display (iso);

  gtk_label_set_text (label, shown);
}

static void
set_flag (GtkWidget  *box,
          const char *icon_name,
          const char *css_class,
          const char *text,
          const char *tooltip)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *classes[] = { "contract-ending-soon", "contract-overdue" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);

  gtk_widget_set_visible (icon, icon_name != NULL);
  if (icon_name != NULL)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_str_equal (css_class, "contract-overdue") ? _("Overdue") : _("Ending soon"),
                                      -1);
    }

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (box, tooltip);
}

static char *
describe_reminder (CommContract            *contract,
                   CommContractCellContext *context)
{
  g_autofree char *end_iso = NULL;
  g_autofree char *notice_iso = NULL;
  g_autoptr(GArray) due = NULL;
  GDate end, notice;

  g_object_get (contract, "effective-end-date", &end_iso, "notice-date", &notice_iso, NULL);
  g_date_clear (&end, 1);
  g_date_clear (&notice, 1);
  if (!comm_date_parse_iso (end_iso, &end))
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

/* The end date; a contract with a reminder due shows an alarm, in bold, and says in its tooltip
 * how soon it ends and which reminders are due. */
static void
bind_end (GtkWidget               *box,
          CommContract            *contract,
          CommContractCellContext *context)
{
  g_autofree char *shown = comm_date_iso_to_display (comm_contract_get_effective_end_date (contract));
  g_autofree char *extension = NULL;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  gboolean soon = comm_contract_get_ending_soon (contract);

  if (soon)
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

  set_flag (box, soon ? "alarm-symbolic" : NULL, soon ? "contract-ending-soon" : NULL, shown,
            tooltip->len > 0 ? tooltip->str : NULL);
}

static void
bind_monitoring (GtkWidget    *box,
                 CommContract *contract)
{
  const char *due = comm_contract_get_next_monitoring_due (contract);
  g_autofree char *shown = comm_date_iso_to_display (due);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!comm_contract_get_monitoring_overdue (contract))
    {
      set_flag (box, NULL, NULL, shown, NULL);
      return;
    }

  /* Translators: a monitoring meeting that was due on the date: "Overdue · 12 Oct 2026" */
  text = g_strdup_printf (_("Overdue · %s"), shown);
  tooltip = g_strdup_printf (_("The monitoring meeting was due on %s."), shown);
  set_flag (box, "dialog-warning-symbolic", "contract-overdue", text, tooltip);
}

static void
bind_rag (GtkLabel     *label,
          CommContract *contract)
{
  static const char * const classes[] = {
    [COMM_RAG_NONE] = "rag-none", [COMM_RAG_GREEN] = "rag-green",
    [COMM_RAG_AMBER] = "rag-amber", [COMM_RAG_RED] = "rag-red",
  };
  CommRag rag = comm_contract_get_rag (contract);
  g_autofree char *rag_date = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if ((guint) rag >= G_N_ELEMENTS (classes))
    rag = COMM_RAG_NONE;
  gtk_widget_add_css_class (GTK_WIDGET (label), classes[rag]);
  gtk_label_set_text (label, comm_rag_to_label (rag));

  g_object_get (contract, "rag-date", &rag_date, "rag-comment", &comment, NULL);
  shown = comm_date_iso_to_display (rag_date);
  if (*shown != '\0')
    tooltip = comment != NULL && *comment != '\0'
      ? g_strdup_printf (_("Rated %s on %s: %s"), comm_rag_to_label (rag), shown, comment)
      : g_strdup_printf (_("Rated %s on %s"), comm_rag_to_label (rag), shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
bind_text_cell (GtkLabel         *label,
                CommContract     *contract,
                CommContractCell  kind)
{
  g_autofree char *money = NULL;

  switch (kind)
    {
    case COMM_CONTRACT_CELL_REFERENCE:
      set_text (label, comm_contract_get_reference (contract));
      break;
    case COMM_CONTRACT_CELL_TITLE:
      set_text (label, comm_contract_get_title (contract));
      break;
    case COMM_CONTRACT_CELL_PROVIDER:
      set_text (label, comm_contract_get_provider_name (contract));
      break;
    case COMM_CONTRACT_CELL_SERVICE_AREA:
      set_text (label, comm_contract_cell_area_label (comm_contract_get_service_area (contract)));
      break;
    case COMM_CONTRACT_CELL_ANNUAL_VALUE:
      money = comm_money_format_full (comm_contract_get_annual_value (contract),
                                      COMM_MONEY_FORMAT_WHOLE_POUNDS);
      gtk_label_set_text (label, money);
      break;
    case COMM_CONTRACT_CELL_START:
      set_date (label, comm_contract_get_start_date (contract));
      break;
    case COMM_CONTRACT_CELL_STATUS:
      {
        g_autofree char *status = NULL;

        g_object_get (contract, "status-label", &status, NULL);
        set_text (label, status);
      }
      break;
    case COMM_CONTRACT_CELL_RAG:
      bind_rag (label, contract);
      break;
    case COMM_CONTRACT_CELL_END:
    case COMM_CONTRACT_CELL_NEXT_MONITORING:
    default:
      g_assert_not_reached ();
    }
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CellInfo                 *info)
{
  GtkLabel *label;

  switch (info->kind)
    {
    case COMM_CONTRACT_CELL_END:
    case COMM_CONTRACT_CELL_NEXT_MONITORING:
      gtk_list_item_set_child (item, make_flagged_label ());
      return;
    case COMM_CONTRACT_CELL_ANNUAL_VALUE:
      label = make_label (1.0);
      gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
      break;
    case COMM_CONTRACT_CELL_RAG:
      label = make_label (0.5);
      gtk_widget_set_halign (GTK_WIDGET (label), GTK_ALIGN_START);
      gtk_widget_add_css_class (GTK_WIDGET (label), "rag-pill");
      break;
    case COMM_CONTRACT_CELL_REFERENCE:
      label = make_label (0.0);
      gtk_widget_add_css_class (GTK_WIDGET (label), "contract-reference");
      break;
    default:
      label = make_label (0.0);
    }

  gtk_list_item_set_child (item, GTK_WIDGET (label));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellInfo                 *info)
{
  CommContract *contract = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (contract == NULL || child == NULL)
    return;

  if (info->kind == COMM_CONTRACT_CELL_END)
    bind_end (child, contract, info->context);
  else if (info->kind == COMM_CONTRACT_CELL_NEXT_MONITORING)
    bind_monitoring (child, contract);
  else
    bind_text_cell (GTK_LABEL (child), contract, info->kind);
}

GtkListItemFactory *
comm_contract_cell_factory_new (CommContractCell         cell,
                                CommContractCellContext *context)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellInfo *info = g_new0 (CellInfo, 1);

  g_return_val_if_fail (context != NULL, factory);

  info->kind = cell;
  info->context = context;
  g_object_set_data_full (G_OBJECT (factory), CELL_KIND_KEY, info, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), info);

  return factory;
}

char *
comm_contract_cell_describe_end (CommContract *contract,
                                 const GDate  *today)
{
  g_autofree char *iso = NULL;
  GDate end;
  int months, days;

  g_return_val_if_fail (COMM_IS_CONTRACT (contract), NULL);

  g_object_get (contract, "effective-end-date", &iso, NULL);
  g_date_clear (&end, 1);
  if (!comm_date_parse_iso (iso, &end) || g_date_compare (&end, today) < 0)
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
