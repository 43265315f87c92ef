/* comm-plan-view-editor-rows.c: the editable rows of an intention's milestones, progress
 * updates, linked contracts and budget lines (comm-plan-view-editor-private.h)
 *
 * Each row is an AdwPreferencesRow holding a line of fields and a remove button. Rows keep the
 * id of the detail they show (0 for new ones) so that saving updates rather than replaces.
 * Every field has an accessible label naming what it is and which row it is in.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-plan-view-editor-private.h"
#include "comm-suggestions.h"

typedef enum { ROW_MILESTONE, ROW_UPDATE, ROW_CONTRACT, ROW_BUDGET } RowKind;

typedef struct {
  CommPlanEditorRows *rows;
  RowKind             kind;
  GtkWidget          *row;
  gint64              id;
  GtkWidget          *field[4];
} Row;

struct _CommPlanEditorRows
{
  AdwPreferencesGroup *groups[4];
  GPtrArray           *lists[4];        /* Row*, per kind */
  GtkStringList       *contract_names;  /* "REF – Title" */
  GArray              *contract_ids;    /* gint64, parallel */
  GtkStringList       *budget_names;    /* "Not linked", then the choices */
  GArray              *budget_ids;      /* gint64, parallel (0 first) */
  GCallback            changed;
  gpointer             data;
  guint                serial;
};

static void
notify_changed (CommPlanEditorRows *rows)
{
  if (rows->changed != NULL)
    ((void (*) (gpointer)) rows->changed) (rows->data);
}

static void
on_field_changed_cb (Row *row)
{
  notify_changed (row->rows);
}

static void
on_remove_clicked_cb (Row *row)
{
  CommPlanEditorRows *rows = row->rows;
  GtkWidget *widget = row->row;
  RowKind kind = row->kind;

  g_ptr_array_remove (rows->lists[kind], row);
  adw_preferences_group_remove (rows->groups[kind], widget);  /* @row goes with its widget */
  notify_changed (rows);
}

static void
on_done_toggled_cb (GtkCheckButton *check,
                    Row            *row)
{
  GtkEditable *done = GTK_EDITABLE (row->field[3]);

  if (gtk_check_button_get_active (check) && *gtk_editable_get_text (done) == '\0')
    {
      GDate today;
      g_autofree char *iso = NULL, *shown = NULL;

      g_date_clear (&today, 1);
      comm_date_today (&today);
      iso = comm_date_to_iso (&today);
      shown = comm_date_iso_to_display (iso);
      gtk_editable_set_text (done, shown);
    }
  else if (!gtk_check_button_get_active (check))
    gtk_editable_set_text (done, "");
  gtk_widget_set_sensitive (row->field[3], gtk_check_button_get_active (check));
  notify_changed (row->rows);
}

static GtkWidget *
make_entry (Row        *row,
            const char *text,
            const char *placeholder,
            const char *accessible,
            int         width_chars,
            const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_name (entry, name);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  if (width_chars > 0)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
      gtk_widget_set_hexpand (entry, TRUE);
    }
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_field_changed_cb), row);
  return entry;
}

static GtkWidget *
make_dropdown (Row        *row,
               GListModel *model,
               guint       selected,
               const char *accessible,
               const char *name)
{
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (model), NULL);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_name (dropdown, name);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_field_changed_cb), row);
  return dropdown;
}

/* A new row of @kind: a preferences row whose child is a line of the given fields + remove. */
static Row *
add_row (CommPlanEditorRows *rows,
         RowKind             kind,
         gint64              id,
         const char         *title,
         const char         *remove_label)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  row->rows = rows;
  row->kind = kind;
  row->id = id;
  row->row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), row);
  g_object_set_data (G_OBJECT (row->row), "remove-button", remove);
  g_object_set_data_full (G_OBJECT (row->row), "comm-plan-row", row, g_free);
  g_ptr_array_add (rows->lists[kind], row);
  rows->serial++;
  return row;
}

static void
finish_row (Row       *row,
            GtkWidget *box)
{
  gtk_box_append (GTK_BOX (box), g_object_get_data (G_OBJECT (row->row), "remove-button"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  adw_preferences_group_add (row->rows->groups[row->kind], row->row);
  notify_changed (row->rows);
}

static char *
shown_date (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text != NULL && comm_date_parse_iso (text, &date))
    return comm_date_format_display (&date);
  return g_strdup (text != NULL ? text : "");
}

/* The ISO date typed in @entry ("" when blank); FALSE with an error naming @what. */
static gboolean
read_date (GtkWidget   *entry,
           const char  *what,
           char       **iso,
           GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) local_error = NULL;

  if (comm_date_input_parse (text, iso, &local_error))
    {
      gtk_widget_remove_css_class (entry, "error");
      return TRUE;
    }
  gtk_widget_add_css_class (entry, "error");
  /* Translators: what the date is for, then why it cannot be read */
  g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("%s: %s"), what, local_error->message);
  return FALSE;
}

static const char *
dropdown_text (GListModel *model,
               guint       position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

static gboolean
read_milestones (CommPlanEditorRows  *rows,
                 CommPlanIntention   *intention,
                 GError             **error)
{
  GPtrArray *list = rows->lists[ROW_MILESTONE];

  g_ptr_array_set_size (intention->milestones, 0);
  for (guint i = 0; i < list->len; i++)
    {
      Row *row = g_ptr_array_index (list, i);
      const char *name = gtk_editable_get_text (GTK_EDITABLE (row->field[0]));
      g_autofree char *what = g_strdup_printf (_("Milestone %u (%s)"), i + 1, name);
      g_autofree char *target = NULL, *done = NULL;
      CommPlanMilestone *milestone;

      if (!read_date (row->field[1], what, &target, error) || !read_date (row->field[3], what, &done, error))
        return FALSE;
      milestone = comm_plan_milestone_new (name, target, done);
      milestone->id = row->id;
      g_ptr_array_add (intention->milestones, milestone);
    }
  return TRUE;
}

static gboolean
read_updates (CommPlanEditorRows  *rows,
              CommPlanIntention   *intention,
              GError             **error)
{
  GPtrArray *list = rows->lists[ROW_UPDATE];

  g_ptr_array_set_size (intention->updates, 0);
  for (guint i = 0; i < list->len; i++)
    {
      Row *row = g_ptr_array_index (list, i);
      g_autofree char *what = g_strdup_printf (_("Progress update %u"), i + 1);
      g_autofree char *date = NULL;
      CommPlanUpdate *update;

      if (!read_date (row->field[0], what, &date, error))
        return FALSE;
      update = comm_plan_update_new (date, gtk_editable_get_text (GTK_EDITABLE (row->field[1])),
                                     gtk_editable_get_text (GTK_EDITABLE (row->field[2])));
      update->id = row->id;
      g_ptr_array_add (intention->updates, update);
    }
  return TRUE;
}

static void
read_links (CommPlanEditorRows *rows,
            CommPlanIntention  *intention)
{
  GPtrArray *contracts = rows->lists[ROW_CONTRACT], *budgets = rows->lists[ROW_BUDGET];

  g_ptr_array_set_size (intention->contracts, 0);
  for (guint i = 0; i < contracts->len; i++)
    {
      Row *row = g_ptr_array_index (contracts, i);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->field[0]));
      guint role = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->field[1]));
      CommPlanContractLink *link;

      if (selected >= rows->contract_ids->len)
        continue;
      link = comm_plan_contract_link_new (g_array_index (rows->contract_ids, gint64, selected),
                                          role == 1 ? COMM_PLAN_CONTRACT_ENDS : COMM_PLAN_CONTRACT_CREATES);
      link->id = row->id;
      g_ptr_array_add (intention->contracts, link);
    }
  g_ptr_array_set_size (intention->budget_lines, 0);
  for (guint i = 0; i < budgets->len; i++)
    {
      Row *row = g_ptr_array_index (budgets, i);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->field[1]));
      gint64 line = selected < rows->budget_ids->len ? g_array_index (rows->budget_ids, gint64, selected) : 0;
      const char *label = gtk_editable_get_text (GTK_EDITABLE (row->field[0]));
      CommPlanBudgetLink *link;

      if (*label == '\0' && line != 0)
        label = dropdown_text (G_LIST_MODEL (rows->budget_names), selected);
      link = comm_plan_budget_link_new (line, label);
      link->id = row->id;
      g_ptr_array_add (intention->budget_lines, link);
    }
}

static void
fill_contracts (CommPlanEditorRows *rows,
                GListModel         *contract_list)
{
  guint n = contract_list != NULL ? g_list_model_get_n_items (contract_list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contract_list, i);
      g_autofree char *name = g_strdup_printf ("%s – %s", comm_contract_get_reference (contract),
                                               comm_contract_get_title (contract));
      gint64 id = comm_contract_get_id (contract);

      gtk_string_list_append (rows->contract_names, name);
      g_array_append_val (rows->contract_ids, id);
    }
}

CommPlanEditorRows *
comm_plan_editor_rows_new (AdwPreferencesGroup *milestones,
                           AdwPreferencesGroup *updates,
                           AdwPreferencesGroup *contracts,
                           AdwPreferencesGroup *budget_lines,
                           GListModel          *contract_list,
                           GPtrArray           *budget_choices,
                           GCallback            changed,
                           gpointer             data)
{
  CommPlanEditorRows *rows = g_new0 (CommPlanEditorRows, 1);
  gint64 none = 0;

  rows->groups[ROW_MILESTONE] = milestones;
  rows->groups[ROW_UPDATE] = updates;
  rows->groups[ROW_CONTRACT] = contracts;
  rows->groups[ROW_BUDGET] = budget_lines;
  for (guint i = 0; i < G_N_ELEMENTS (rows->lists); i++)
    rows->lists[i] = g_ptr_array_new ();
  rows->contract_names = gtk_string_list_new (NULL);
  rows->contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fill_contracts (rows, contract_list);
  rows->budget_names = gtk_string_list_new (NULL);
  rows->budget_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (rows->budget_names, _("Not linked to a budget in this workspace"));
  g_array_append_val (rows->budget_ids, none);
  for (guint i = 0; budget_choices != NULL && i < budget_choices->len; i++)
    {
      const CommPlanBudgetLineChoice *choice = g_ptr_array_index (budget_choices, i);

      gtk_string_list_append (rows->budget_names, choice->label);
      g_array_append_val (rows->budget_ids, choice->line_id);
    }
  rows->changed = changed;
  rows->data = data;
  return rows;
}

void
comm_plan_editor_rows_free (CommPlanEditorRows *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (rows->lists); i++)
    g_ptr_array_unref (rows->lists[i]);
  g_object_unref (rows->contract_names);
  g_array_unref (rows->contract_ids);
  g_object_unref (rows->budget_names);
  g_array_unref (rows->budget_ids);
  g_free (rows);
}

void
comm_plan_editor_rows_load (CommPlanEditorRows      *rows,
                            const CommPlanIntention *intention)
{
  for (guint i = 0; i < intention->milestones->len; i++)
    {
      const CommPlanMilestone *m = g_ptr_array_index (intention->milestones, i);

      comm_plan_editor_rows_add_milestone (rows, m->id, m->name, m->target_date, m->done_date);
    }
  for (guint i = 0; i < intention->updates->len; i++)
    comm_plan_editor_rows_add_update (rows, g_ptr_array_index (intention->updates, i));
  for (guint i = 0; i < intention->contracts->len; i++)
    comm_plan_editor_rows_add_contract (rows, g_ptr_array_index (intention->contracts, i));
  for (guint i = 0; i < intention->budget_lines->len; i++)
    comm_plan_editor_rows_add_budget (rows, g_ptr_array_index (intention->budget_lines, i));
}

guint
comm_plan_editor_rows_add_milestone (CommPlanEditorRows *rows,
                                     gint64              id,
                                     const char         *name,
                                     const char         *target,
                                     const char         *done)
{
  Row *row = add_row (rows, ROW_MILESTONE, id, _("Milestone"), _("Remove this milestone"));
  guint index = rows->lists[ROW_MILESTONE]->len;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *n_name = g_strdup_printf ("milestone-name-%u", index);
  g_autofree char *n_target = g_strdup_printf ("milestone-target-%u", index);
  g_autofree char *n_done = g_strdup_printf ("milestone-done-%u", index);
  g_autofree char *shown_target = shown_date (target), *shown_done = shown_date (done);
  g_autofree char *a_name = g_strdup_printf (_("Milestone %u name"), index);
  g_autofree char *a_target = g_strdup_printf (_("Milestone %u target date"), index);
  g_autofree char *a_done = g_strdup_printf (_("Milestone %u done on"), index);
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new ();
  const char * const *stages = comm_plan_milestone_suggestions ();
  GtkWidget *check = gtk_check_button_new_with_label (_("Done"));
  gboolean is_done = done != NULL && *done != '\0';

  row->field[0] = make_entry (row, name, _("Milestone, e.g. Tender issued"), a_name, 0, n_name);
  row->field[1] = make_entry (row, shown_target, _("Target date"), a_target, 11, n_target);
  row->field[3] = make_entry (row, shown_done, _("Done on"), a_done, 11, n_done);
  row->field[2] = check;
  for (guint i = 0; stages[i] != NULL; i++)
    g_ptr_array_add (suggestions, (gpointer) _(stages[i]));
  g_ptr_array_add (suggestions, NULL);
  gtk_box_append (GTK_BOX (box), row->field[0]);
  gtk_box_append (GTK_BOX (box), comm_suggestions_button_new (GTK_EDITABLE (row->field[0]),
                                                              (const char * const *) suggestions->pdata,
                                                              _("Usual milestones")));
  gtk_box_append (GTK_BOX (box), row->field[1]);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_done);
  gtk_widget_set_sensitive (row->field[3], is_done);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (on_done_toggled_cb), row);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), row->field[3]);
  finish_row (row, box);
  if (name == NULL || *name == '\0')
    gtk_widget_grab_focus (row->field[0]);
  return index - 1;
}

void
comm_plan_editor_rows_add_update (CommPlanEditorRows   *rows,
                                  const CommPlanUpdate *update)
{
  Row *row = add_row (rows, ROW_UPDATE, update != NULL ? update->id : 0, _("Progress update"),
                      _("Remove this progress update"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *date = NULL;

  if (update != NULL)
    date = shown_date (update->date);
  else
    {
      GDate today;

      g_date_clear (&today, 1);
      comm_date_today (&today);
      date = comm_date_format_display (&today);
    }
  row->field[0] = make_entry (row, date, _("Date"), _("Date of the update"), 11, "update-date");
  row->field[1] = make_entry (row, update != NULL ? update->author : "", _("Author"), _("Who wrote the update"), 12,
                              "update-author");
  row->field[2] = make_entry (row, update != NULL ? update->text : "", _("What has happened"), _("Progress update"), 0,
                              "update-text");
  gtk_box_append (GTK_BOX (box), row->field[0]);
  gtk_box_append (GTK_BOX (box), row->field[1]);
  gtk_box_append (GTK_BOX (box), row->field[2]);
  finish_row (row, box);
  if (update == NULL)
    gtk_widget_grab_focus (row->field[2]);
}

void
comm_plan_editor_rows_add_contract (CommPlanEditorRows         *rows,
                                    const CommPlanContractLink *link)
{
  Row *row = add_row (rows, ROW_CONTRACT, link != NULL ? link->id : 0, _("Linked contract"),
                      _("Remove this contract link"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) search = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  guint selected = 0;

  gtk_string_list_append (roles, comm_plan_contract_role_to_label (COMM_PLAN_CONTRACT_CREATES));
  gtk_string_list_append (roles, comm_plan_contract_role_to_label (COMM_PLAN_CONTRACT_ENDS));
  if (link != NULL)
    {
      selected = G_MAXUINT;
      for (guint i = 0; i < rows->contract_ids->len && selected == G_MAXUINT; i++)
        if (g_array_index (rows->contract_ids, gint64, i) == link->contract_id)
          selected = i;
      if (selected == G_MAXUINT)
        {
          /* Translators: a linked contract that has been deleted: reference, title */
          g_autofree char *name = g_strdup_printf (_("%s – %s (deleted)"), link->reference, link->title);

          gtk_string_list_append (rows->contract_names, name);
          g_array_append_val (rows->contract_ids, link->contract_id);
          selected = rows->contract_ids->len - 1;
        }
    }
  row->field[1] = make_dropdown (row, G_LIST_MODEL (roles),
                                 link != NULL && link->role == COMM_PLAN_CONTRACT_ENDS ? 1 : 0,
                                 _("What the intention does to the contract"), "contract-role");
  row->field[0] = make_dropdown (row, G_LIST_MODEL (rows->contract_names), selected, _("Contract"), "contract");
  gtk_widget_set_hexpand (row->field[0], TRUE);
  /* Type to find a contract by reference or title */
  gtk_drop_down_set_expression (GTK_DROP_DOWN (row->field[0]), search);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (row->field[0]), TRUE);
  gtk_box_append (GTK_BOX (box), row->field[1]);
  gtk_box_append (GTK_BOX (box), row->field[0]);
  finish_row (row, box);
}

void
comm_plan_editor_rows_add_budget (CommPlanEditorRows       *rows,
                                  const CommPlanBudgetLink *link)
{
  Row *row = add_row (rows, ROW_BUDGET, link != NULL ? link->id : 0, _("Budget line"), _("Remove this budget line"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  guint selected = 0;

  for (guint i = 1; link != NULL && link->budget_line_id != 0 && i < rows->budget_ids->len; i++)
    if (g_array_index (rows->budget_ids, gint64, i) == link->budget_line_id)
      selected = i;
  if (link != NULL && link->budget_line_id != 0 && selected == 0)
    {
      gtk_string_list_append (rows->budget_names, link->line_name != NULL ? link->line_name : link->label);
      g_array_append_val (rows->budget_ids, link->budget_line_id);
      selected = rows->budget_ids->len - 1;
    }
  row->field[0] = make_entry (row, link != NULL ? link->label : "", _("What the plan calls it"),
                              _("Budget line as the plan names it"), 0, "budget-label");
  row->field[1] = make_dropdown (row, G_LIST_MODEL (rows->budget_names), selected,
                                 _("Budget line in this workspace"), "budget-line");
  gtk_box_append (GTK_BOX (box), row->field[0]);
  gtk_box_append (GTK_BOX (box), row->field[1]);
  finish_row (row, box);
}

gboolean
comm_plan_editor_rows_read (CommPlanEditorRows  *rows,
                            CommPlanIntention   *intention,
                            GError             **error)
{
  if (!read_milestones (rows, intention, error) || !read_updates (rows, intention, error))
    return FALSE;
  read_links (rows, intention);
  return TRUE;
}
