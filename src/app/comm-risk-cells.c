/* comm-risk-cells.c: the cells and sort orders of a risk register's columns
 *
 * Each cell is one CommCellLabel bound to a CommRowSlot (comm-row-slots.h) and showing the risk
 * now at the slot's position, so changing register, searching or filtering to a heat-map cell
 * rebinds the rows GTK keeps instead of making new ones. Risks are replaced, never changed in
 * place, after an edit. Rows that need to stand out carry a style class that draws an icon
 * beside words that say the same (style.css): "Overdue" on a review date that has passed,
 * "Rolled up from …" on a contract risk listed in its programme's register. Colour is never the
 * only cue.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "commissioner-core.h"
#include "comm-cell-label.h"
#include "comm-heat-map.h"
#include "comm-risk-cells.h"
#include "comm-row-slots.h"

static GQuark flag_quark;
static GQuark cell_quark;   /* on a label: its CommRiskCell */

/* Sets the one flag class a label may carry ("" for none), and words for screen readers. */
static void
set_flag (CommCellLabel *label,
          const char    *css_class,
          const char    *description)
{
  const char *shown = g_object_get_qdata (G_OBJECT (label), flag_quark);

  if (g_strcmp0 (shown, css_class) == 0)
    return;

  if (shown != NULL && *shown != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (label), shown);
  if (*css_class != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);

  if (description == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  g_object_set_qdata (G_OBJECT (label), flag_quark, (gpointer) css_class);
}

static char *
source_text (CommRisk *risk)
{
  g_autofree char *text = NULL;

  if (risk->rolled_up)
    /* Translators: a contract risk listed in its programme's register: "Rolled up from CR-012 Young Carers" */
    text = g_strdup_printf (_("Rolled up from %s"), risk->register_name);
  else
    text = g_strdup (risk->register_name);

  if (risk->contract_deleted)
    /* Translators: a risk whose linked contract has been deleted: "Young Carers (contract deleted)" */
    return g_strdup_printf (_("%s (contract deleted)"), text);

  return g_steal_pointer (&text);
}

static char *
review_text (CommRisk *risk)
{
  g_autofree char *due = comm_date_iso_to_display (risk->review_due);

  if (risk->review_overdue)
    /* Translators: a risk review that was due on the date: "Overdue · 3 Nov 2026" */
    return g_strdup_printf (_("Overdue · %s"), due);

  return g_steal_pointer (&due);
}

static void
bind_cell (CommCellLabel *label,
           CommRiskCell   cell,
           CommRisk      *risk)
{
  g_autofree char *text = comm_risk_cell_text (cell, risk);

  comm_cell_label_set_text (label, text);
  if (cell == COMM_RISK_CELL_REVIEW_DUE)
    set_flag (label, risk->review_overdue ? "risk-overdue" : "", risk->review_overdue ? _("Review overdue") : NULL);
  else if (cell == COMM_RISK_CELL_SOURCE)
    set_flag (label, risk->rolled_up ? "risk-rolled-up" : "", risk->rolled_up ? _("Contract risk rolled up into this register") : NULL);
  else if (cell == COMM_RISK_CELL_STATUS)
    set_flag (label, risk->status == COMM_RISK_STATUS_CLOSED ? "risk-closed" : "", NULL);
}

static char *
get_tooltip (CommCellLabel *label,
             gpointer       user_data)
{
  CommRisk *risk = comm_cell_label_get_item (label);
  CommRiskCell cell = GPOINTER_TO_INT (user_data);

  if (risk == NULL)
    return NULL;

  switch (cell)
    {
    case COMM_RISK_CELL_TITLE:
      if (*risk->cause != '\0' || *risk->consequence != '\0')
        /* Translators: a risk's tooltip: title, then "Cause: …", "Consequence: …" */
        return g_strdup_printf (_("%s\nCause: %s\nConsequence: %s"), risk->title, risk->cause, risk->consequence);
      return g_strdup (risk->title);
    case COMM_RISK_CELL_REVIEW_DUE:
      if (risk->review_overdue)
        return g_strdup (_("The review date has passed: record a review to bring it up to date."));
      return NULL;
    case COMM_RISK_CELL_SOURCE:
      if (!risk->rolled_up)
        return g_strdup (risk->register_name);
      /* Translators: the tooltip of a rolled-up risk; %s is its own register */
      return g_strdup_printf (_("A risk of “%s”, which rolls up into this programme register"), risk->register_name);
    default:
      return NULL;
    }
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CommRiskCell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *label = comm_cell_label_new (0.0);

  if (cell == COMM_RISK_CELL_REVIEW_DUE || cell == COMM_RISK_CELL_SOURCE)
    gtk_widget_add_css_class (label, "risk-flag");
  if (cell == COMM_RISK_CELL_REFERENCE)
    gtk_widget_add_css_class (label, "risk-reference");
  if (cell == COMM_RISK_CELL_INHERENT || cell == COMM_RISK_CELL_RESIDUAL)
    gtk_widget_add_css_class (label, "numeric");
  comm_cell_label_set_tooltip_func (COMM_CELL_LABEL (label), get_tooltip, user_data);
  gtk_list_item_set_child (item, label);
}

/* The row stayed and its slot took another risk (a search, a sort or another register). */
static void
on_slot_item_changed_cb (CommRowSlot *slot,
                         GParamSpec  *pspec,
                         GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CommRisk *risk = comm_row_slot_get_item (slot);

  if (label == NULL)
    return;

  comm_cell_label_set_item (COMM_CELL_LABEL (label), risk);
  if (risk != NULL)
    bind_cell (COMM_CELL_LABEL (label), GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (label), cell_quark)), risk);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CommRowSlot *slot = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (slot == NULL || label == NULL)
    return;

  g_object_set_qdata (G_OBJECT (label), cell_quark, user_data);
  on_slot_item_changed_cb (slot, NULL, item);
  g_signal_connect (slot, "notify::item", G_CALLBACK (on_slot_item_changed_cb), item);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CommRowSlot *slot = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, on_slot_item_changed_cb, item);
  if (label != NULL)
    comm_cell_label_set_item (COMM_CELL_LABEL (label), NULL);
}

/* Sorting */

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_utf8_collate (a, b);
}

/* Ratings compared on 5 x 5 when the scales differ (a roll-up may mix them). */
static int
compare_rating (const CommRiskRating *a,
                const CommRiskRating *b)
{
  CommRiskRating x, y;

  if (a->scale == b->scale)
    return comm_risk_rating_compare (a, b);

  x = comm_risk_rating_map (a, COMM_RISK_SCALE_5X5, NULL);
  y = comm_risk_rating_map (b, COMM_RISK_SCALE_5X5, NULL);
  return comm_risk_rating_compare (&x, &y);
}

int
comm_risk_cell_compare_ratings (const CommRiskRating *al,
                                const CommRiskRating *ai,
                                const CommRiskRating *bl,
                                const CommRiskRating *bi)
{
  gboolean a_set = comm_risk_rating_is_set (al) && comm_risk_rating_is_set (ai);
  gboolean b_set = comm_risk_rating_is_set (bl) && comm_risk_rating_is_set (bi);
  int order;

  if (!a_set || !b_set)
    return a_set - b_set;

  if (al->scale == COMM_RISK_SCALE_LMH && bl->scale == COMM_RISK_SCALE_LMH &&
      ai->scale == COMM_RISK_SCALE_LMH && bi->scale == COMM_RISK_SCALE_LMH)
    {
      CommRiskRating a = comm_risk_combine_lmh (al, ai);
      CommRiskRating b = comm_risk_combine_lmh (bl, bi);

      order = comm_risk_rating_compare (&a, &b);
    }
  else
    {
      guint a = comm_risk_severity (al, ai), b = comm_risk_severity (bl, bi);

      order = (a > b) - (a < b);
    }

  if (order == 0)
    order = compare_rating (al, bl);
  if (order == 0)
    order = compare_rating (ai, bi);

  return order;
}

static int
compare_cells (gconstpointer a_item,
               gconstpointer b_item,
               gpointer      user_data)
{
  CommRisk *a = (CommRisk *) a_item, *b = (CommRisk *) b_item;
  int order = 0;

  switch ((CommRiskCell) GPOINTER_TO_INT (user_data))
    {
    case COMM_RISK_CELL_REFERENCE:
      order = comm_risk_compare_reference (a, b, NULL);
      break;
    case COMM_RISK_CELL_TITLE: order = compare_strings (a->title, b->title); break;
    case COMM_RISK_CELL_SOURCE:
      order = (a->rolled_up - b->rolled_up);
      if (order == 0)
        order = compare_strings (a->register_name, b->register_name);
      break;
    case COMM_RISK_CELL_OWNER: order = compare_strings (a->owner, b->owner); break;
    case COMM_RISK_CELL_CATEGORY: order = compare_strings (a->category, b->category); break;
    case COMM_RISK_CELL_INHERENT:
      order = comm_risk_cell_compare_ratings (&a->inherent_likelihood, &a->inherent_impact,
                                              &b->inherent_likelihood, &b->inherent_impact);
      break;
    case COMM_RISK_CELL_RESIDUAL:
      order = comm_risk_cell_compare_ratings (&a->residual_likelihood, &a->residual_impact,
                                              &b->residual_likelihood, &b->residual_impact);
      break;
    case COMM_RISK_CELL_RESPONSE: order = (int) a->response - (int) b->response; break;
    case COMM_RISK_CELL_REVIEW_DUE: order = strcmp (a->review_due, b->review_due); break;
    case COMM_RISK_CELL_STATUS: order = (int) a->status - (int) b->status; break;
    case COMM_RISK_N_CELLS:
    default:
      break;
    }

  if (order == 0)
    order = comm_risk_compare_reference (a, b, NULL);

  return order;
}

/* Public API */

GtkListItemFactory *
comm_risk_cell_factory_new (CommRiskCell cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (flag_quark == 0)
    {
      flag_quark = g_quark_from_static_string ("comm-risk-cell-flag");
      cell_quark = g_quark_from_static_string ("comm-risk-cell-kind");
    }

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), GINT_TO_POINTER (cell));

  return factory;
}

GtkSorter *
comm_risk_cell_sorter_new (CommRiskCell cell)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_cells, GINT_TO_POINTER (cell), NULL));
}

char *
comm_risk_cell_rating_text (const CommRiskRating *likelihood,
                            const CommRiskRating *impact)
{
  g_autofree char *score = NULL;

  if (!comm_risk_rating_is_set (likelihood) || !comm_risk_rating_is_set (impact))
    return g_strdup ("");

  score = comm_risk_dup_score_text (likelihood, impact);
  /* Translators: a rating: the score or level, then likelihood × impact: "20 (4 × 5)", "H (M/H × H)" */
  return g_strdup_printf (_("%s (%s × %s)"), score, comm_risk_rating_to_string (likelihood),
                          comm_risk_rating_to_string (impact));
}

char *
comm_risk_cell_text (CommRiskCell  cell,
                     CommRisk     *risk)
{
  g_return_val_if_fail (COMM_IS_RISK (risk), NULL);

  switch (cell)
    {
    case COMM_RISK_CELL_REFERENCE: return g_strdup (risk->reference);
    case COMM_RISK_CELL_TITLE: return g_strdup (risk->title);
    case COMM_RISK_CELL_SOURCE: return source_text (risk);
    case COMM_RISK_CELL_OWNER: return g_strdup (risk->owner);
    case COMM_RISK_CELL_CATEGORY: return g_strdup (risk->category);
    case COMM_RISK_CELL_INHERENT:
      return comm_risk_cell_rating_text (&risk->inherent_likelihood, &risk->inherent_impact);
    case COMM_RISK_CELL_RESIDUAL:
      if (!comm_risk_rating_is_set (&risk->residual_likelihood))
        return g_strdup (_("Not assessed"));
      return comm_risk_cell_rating_text (&risk->residual_likelihood, &risk->residual_impact);
    case COMM_RISK_CELL_RESPONSE: return g_strdup (comm_risk_response_label (risk->response));
    case COMM_RISK_CELL_REVIEW_DUE: return review_text (risk);
    case COMM_RISK_CELL_STATUS: return g_strdup (comm_risk_status_label (risk->status));
    case COMM_RISK_N_CELLS:
    default:
      return g_strdup ("");
    }
}
