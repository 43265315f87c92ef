/* comm-plan.c: the commissioning plan's vocabularies, structs and rules (comm-plan.h)
 *
 * The store (comm-plan-store.c) and the demand figures (comm-demand-store.c) read and write
 * these; here is only what needs no database: labels, copies, validation, a milestone's state
 * on a day, and the demand figures turned into a measure x year table.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-plan.h"

struct _CommDemandTable {
  GPtrArray  *measures;  /* char*, in first-seen order */
  GPtrArray  *units;     /* char*, one a measure */
  GArray     *years;     /* int, ascending */
  GHashTable *values;    /* "row:column" -> gint64* */
};

static const char *status_codes[] = {
  "not-started", "on-track", "at-risk", "delayed", "complete",
};

static const char *status_labels[] = {
  N_("Not started"), N_("On track"), N_("At risk"), N_("Delayed"), N_("Complete"),
};

static const char *milestone_suggestions[] = {
  N_("Service specification agreed"),
  N_("Market engagement"),
  N_("Tender issued"),
  N_("Contract awarded"),
  N_("Mobilisation"),
  N_("New service live"),
  N_("Review"),
  NULL,
};

G_DEFINE_BOXED_TYPE (CommPlanIntention, comm_plan_intention,
                     comm_plan_intention_copy, comm_plan_intention_free)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
check_date (const char  *text,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  GDate date;

  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      /* Translators: %s says which date, e.g. "milestone “Tender issued” of “Re-tender …”" */
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID, _("The %s has no date: give one."), what);
      return FALSE;
    }
  g_date_clear (&date, 1);
  if (!comm_date_parse_iso (text, &date))
    {
      /* Translators: the first %s says which date, the second is the text that is not a date */
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("The date of the %s, “%s”, is not a date: write it as 2026-04-01."), what, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_milestones (const CommPlanIntention  *intention,
                     GError                  **error)
{
  for (guint i = 0; i < intention->milestones->len; i++)
    {
      const CommPlanMilestone *milestone = g_ptr_array_index (intention->milestones, i);
      g_autofree char *what = NULL;

      if (is_blank (milestone->name))
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Milestone %u of “%s” has no name: say what it is, e.g. “Tender issued”."),
                       i + 1, intention->title);
          return FALSE;
        }
      /* Translators: %s is a milestone's name, then the intention's title */
      what = g_strdup_printf (_("milestone “%s” of “%s”"), milestone->name, intention->title);
      if (!check_date (milestone->target_date, TRUE, what, error) ||
          !check_date (milestone->done_date, FALSE, what, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_details (const CommPlanIntention  *intention,
                  GError                  **error)
{
  for (guint i = 0; i < intention->updates->len; i++)
    {
      const CommPlanUpdate *update = g_ptr_array_index (intention->updates, i);
      g_autofree char *what = g_strdup_printf (_("progress update %u of “%s”"), i + 1, intention->title);

      if (!check_date (update->date, TRUE, what, error))
        return FALSE;
      if (is_blank (update->text))
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Progress update %u of “%s” is empty: write what has happened."),
                       i + 1, intention->title);
          return FALSE;
        }
    }
  for (guint i = 0; i < intention->contracts->len; i++)
    {
      const CommPlanContractLink *link = g_ptr_array_index (intention->contracts, i);

      if (link->contract_id <= 0)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Linked contract %u of “%s” names no contract: choose one."),
                       i + 1, intention->title);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
cell_key (guint row,
          guint column)
{
  return g_strdup_printf ("%u:%u", row, column);
}

static guint
index_of_string (GPtrArray  *strings,
                 const char *wanted)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), wanted))
      return i;
  return G_MAXUINT;
}

static guint
index_of_year (GArray *years,
               int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return i;
  return G_MAXUINT;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

const char *
comm_plan_status_to_code (CommPlanStatus status)
{
  g_return_val_if_fail (status < COMM_PLAN_N_STATUSES, status_codes[0]);
  return status_codes[status];
}

CommPlanStatus
comm_plan_status_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (status_codes); i++)
    if (g_str_equal (code, status_codes[i]))
      return (CommPlanStatus) i;
  return COMM_PLAN_STATUS_NOT_STARTED;
}

const char *
comm_plan_status_to_label (CommPlanStatus status)
{
  g_return_val_if_fail (status < COMM_PLAN_N_STATUSES, "");
  return g_dgettext (GETTEXT_PACKAGE, status_labels[status]);
}

const char *
comm_plan_contract_role_to_code (CommPlanContractRole role)
{
  return role == COMM_PLAN_CONTRACT_ENDS ? "ends" : "creates";
}

CommPlanContractRole
comm_plan_contract_role_from_code (const char *code)
{
  return g_strcmp0 (code, "ends") == 0 ? COMM_PLAN_CONTRACT_ENDS : COMM_PLAN_CONTRACT_CREATES;
}

const char *
comm_plan_contract_role_to_label (CommPlanContractRole role)
{
  /* Translators: what a commissioning intention does to a contract */
  return role == COMM_PLAN_CONTRACT_ENDS ? _("Ends") : _("Creates");
}

const char *
comm_plan_milestone_state_to_label (CommPlanMilestoneState state)
{
  switch (state)
    {
    case COMM_PLAN_MILESTONE_DONE:
      return _("Done");
    case COMM_PLAN_MILESTONE_OVERDUE:
      return _("Overdue");
    case COMM_PLAN_MILESTONE_DUE:
      return _("Due");
    case COMM_PLAN_MILESTONE_UPCOMING:
    default:
      return _("Upcoming");
    }
}

const char * const *
comm_plan_milestone_suggestions (void)
{
  return milestone_suggestions;
}

CommPlanIntention *
comm_plan_intention_new (int year)
{
  CommPlanIntention *intention = g_new0 (CommPlanIntention, 1);

  intention->year = year;
  intention->title = g_strdup ("");
  intention->area = g_strdup ("");
  intention->outcomes = g_strdup ("");
  intention->lead = g_strdup ("");
  intention->status = COMM_PLAN_STATUS_NOT_STARTED;
  intention->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_milestone_free);
  intention->updates = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_update_free);
  intention->contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_contract_link_free);
  intention->budget_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_budget_link_free);
  return intention;
}

CommPlanIntention *
comm_plan_intention_copy (const CommPlanIntention *intention)
{
  CommPlanIntention *copy;

  g_return_val_if_fail (intention != NULL, NULL);

  copy = comm_plan_intention_new (intention->year);
  copy->id = intention->id;
  g_free (copy->title); copy->title = g_strdup (intention->title);
  g_free (copy->area); copy->area = g_strdup (intention->area);
  g_free (copy->outcomes); copy->outcomes = g_strdup (intention->outcomes);
  g_free (copy->lead); copy->lead = g_strdup (intention->lead);
  copy->status = intention->status;
  for (guint i = 0; i < intention->milestones->len; i++)
    {
      const CommPlanMilestone *m = g_ptr_array_index (intention->milestones, i);
      CommPlanMilestone *c = comm_plan_milestone_new (m->name, m->target_date, m->done_date);

      c->id = m->id;
      g_ptr_array_add (copy->milestones, c);
    }
  for (guint i = 0; i < intention->updates->len; i++)
    {
      const CommPlanUpdate *u = g_ptr_array_index (intention->updates, i);
      CommPlanUpdate *c = comm_plan_update_new (u->date, u->author, u->text);

      c->id = u->id;
      g_ptr_array_add (copy->updates, c);
    }
  for (guint i = 0; i < intention->contracts->len; i++)
    {
      const CommPlanContractLink *l = g_ptr_array_index (intention->contracts, i);
      CommPlanContractLink *c = comm_plan_contract_link_new (l->contract_id, l->role);

      c->id = l->id;
      c->reference = g_strdup (l->reference);
      c->title = g_strdup (l->title);
      c->contract_deleted = l->contract_deleted;
      g_ptr_array_add (copy->contracts, c);
    }
  for (guint i = 0; i < intention->budget_lines->len; i++)
    {
      const CommPlanBudgetLink *l = g_ptr_array_index (intention->budget_lines, i);
      CommPlanBudgetLink *c = comm_plan_budget_link_new (l->budget_line_id, l->label);

      c->id = l->id;
      c->line_name = g_strdup (l->line_name);
      c->budget_deleted = l->budget_deleted;
      g_ptr_array_add (copy->budget_lines, c);
    }
  return copy;
}

void
comm_plan_intention_free (CommPlanIntention *intention)
{
  if (intention == NULL)
    return;
  g_free (intention->title);
  g_free (intention->area);
  g_free (intention->outcomes);
  g_free (intention->lead);
  g_ptr_array_unref (intention->milestones);
  g_ptr_array_unref (intention->updates);
  g_ptr_array_unref (intention->contracts);
  g_ptr_array_unref (intention->budget_lines);
  g_free (intention);
}

const CommPlanUpdate *
comm_plan_intention_get_latest_update (const CommPlanIntention *intention)
{
  const CommPlanUpdate *latest = NULL;

  g_return_val_if_fail (intention != NULL, NULL);

  for (guint i = 0; i < intention->updates->len; i++)
    {
      const CommPlanUpdate *update = g_ptr_array_index (intention->updates, i);
      int order;

      if (latest == NULL)
        {
          latest = update;
          continue;
        }
      order = g_strcmp0 (update->date, latest->date);
      if (order > 0 || (order == 0 && update->id > latest->id))
        latest = update;
    }
  return latest;
}

gboolean
comm_plan_intention_validate (const CommPlanIntention  *intention,
                              GError                  **error)
{
  g_return_val_if_fail (intention != NULL, FALSE);

  if (is_blank (intention->title))
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("A commissioning intention needs a title: say what will be done, "
                             "e.g. “Re-tender the young carers service”."));
      return FALSE;
    }
  if (intention->year < 1990 || intention->year > 2100)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The financial year of “%s” is not a year between 1990-91 and 2100-01."),
                   intention->title);
      return FALSE;
    }
  if ((guint) intention->status >= COMM_PLAN_N_STATUSES)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The status of “%s” is not one Commissioner knows."), intention->title);
      return FALSE;
    }
  return validate_milestones (intention, error) && validate_details (intention, error);
}

CommPlanMilestone *
comm_plan_milestone_new (const char *name,
                         const char *target_date,
                         const char *done_date)
{
  CommPlanMilestone *milestone = g_new0 (CommPlanMilestone, 1);

  milestone->name = g_strdup (name != NULL ? name : "");
  milestone->target_date = g_strdup (target_date != NULL ? target_date : "");
  milestone->done_date = (done_date != NULL && *done_date != '\0') ? g_strdup (done_date) : NULL;
  return milestone;
}

void
comm_plan_milestone_free (CommPlanMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->name);
  g_free (milestone->target_date);
  g_free (milestone->done_date);
  g_free (milestone);
}

CommPlanMilestoneState
comm_plan_milestone_get_state (const CommPlanMilestone *milestone,
                               const GDate             *today,
                               int                      within_days)
{
  GDate target;
  int days;

  g_return_val_if_fail (milestone != NULL, COMM_PLAN_MILESTONE_UPCOMING);
  g_return_val_if_fail (today != NULL && g_date_valid (today), COMM_PLAN_MILESTONE_UPCOMING);

  if (milestone->done_date != NULL && *milestone->done_date != '\0')
    return COMM_PLAN_MILESTONE_DONE;
  g_date_clear (&target, 1);
  if (!comm_date_parse_iso (milestone->target_date, &target))
    return COMM_PLAN_MILESTONE_UPCOMING;
  days = comm_date_days_between (today, &target);
  if (days < 0)
    return COMM_PLAN_MILESTONE_OVERDUE;
  return days <= within_days ? COMM_PLAN_MILESTONE_DUE : COMM_PLAN_MILESTONE_UPCOMING;
}

CommPlanUpdate *
comm_plan_update_new (const char *date,
                      const char *author,
                      const char *text)
{
  CommPlanUpdate *update = g_new0 (CommPlanUpdate, 1);

  update->date = g_strdup (date != NULL ? date : "");
  update->author = g_strdup (author != NULL ? author : "");
  update->text = g_strdup (text != NULL ? text : "");
  return update;
}

void
comm_plan_update_free (CommPlanUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->date);
  g_free (update->author);
  g_free (update->text);
  g_free (update);
}

CommPlanContractLink *
comm_plan_contract_link_new (gint64               contract_id,
                             CommPlanContractRole role)
{
  CommPlanContractLink *link = g_new0 (CommPlanContractLink, 1);

  link->contract_id = contract_id;
  link->role = role;
  return link;
}

void
comm_plan_contract_link_free (CommPlanContractLink *link)
{
  if (link == NULL)
    return;
  g_free (link->reference);
  g_free (link->title);
  g_free (link);
}

CommPlanBudgetLink *
comm_plan_budget_link_new (gint64      budget_line_id,
                           const char *label)
{
  CommPlanBudgetLink *link = g_new0 (CommPlanBudgetLink, 1);

  link->budget_line_id = budget_line_id;
  link->label = g_strdup (label != NULL ? label : "");
  return link;
}

void
comm_plan_budget_link_free (CommPlanBudgetLink *link)
{
  if (link == NULL)
    return;
  g_free (link->label);
  g_free (link->line_name);
  g_free (link);
}

void
comm_plan_budget_line_choice_free (CommPlanBudgetLineChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->label);
  g_free (choice);
}

void
comm_plan_milestone_entry_free (CommPlanMilestoneEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->intention_title);
  g_free (entry->name);
  g_free (entry->target_date);
  g_free (entry->done_date);
  g_free (entry);
}

void
comm_demand_figure_free (CommDemandFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->measure);
  g_free (figure->unit);
  g_free (figure);
}

CommDemandTable *
comm_demand_table_new (GPtrArray *figures)
{
  CommDemandTable *table = g_new0 (CommDemandTable, 1);

  g_return_val_if_fail (figures != NULL, table);

  table->measures = g_ptr_array_new_with_free_func (g_free);
  table->units = g_ptr_array_new_with_free_func (g_free);
  table->years = g_array_new (FALSE, FALSE, sizeof (int));
  table->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < figures->len; i++)
    {
      const CommDemandFigure *figure = g_ptr_array_index (figures, i);

      if (index_of_string (table->measures, figure->measure) == G_MAXUINT)
        {
          g_ptr_array_add (table->measures, g_strdup (figure->measure));
          g_ptr_array_add (table->units, g_strdup (figure->unit != NULL ? figure->unit : ""));
        }
      if (index_of_year (table->years, figure->year) == G_MAXUINT)
        g_array_append_val (table->years, figure->year);
    }
  g_array_sort (table->years, compare_ints);

  for (guint i = 0; i < figures->len; i++)
    {
      const CommDemandFigure *figure = g_ptr_array_index (figures, i);
      guint row = index_of_string (table->measures, figure->measure);
      guint column = index_of_year (table->years, figure->year);

      g_hash_table_replace (table->values, cell_key (row, column), g_memdup2 (&figure->value, sizeof (gint64)));
    }
  return table;
}

void
comm_demand_table_free (CommDemandTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->measures, g_ptr_array_unref);
  g_clear_pointer (&table->units, g_ptr_array_unref);
  g_clear_pointer (&table->years, g_array_unref);
  g_clear_pointer (&table->values, g_hash_table_unref);
  g_free (table);
}

guint
comm_demand_table_get_n_measures (CommDemandTable *table)
{
  return table->measures->len;
}

guint
comm_demand_table_get_n_years (CommDemandTable *table)
{
  return table->years->len;
}

const char *
comm_demand_table_get_measure (CommDemandTable *table,
                               guint            row)
{
  g_return_val_if_fail (row < table->measures->len, "");
  return g_ptr_array_index (table->measures, row);
}

const char *
comm_demand_table_get_unit (CommDemandTable *table,
                            guint            row)
{
  g_return_val_if_fail (row < table->units->len, "");
  return g_ptr_array_index (table->units, row);
}

int
comm_demand_table_get_year (CommDemandTable *table,
                            guint            column)
{
  g_return_val_if_fail (column < table->years->len, 0);
  return g_array_index (table->years, int, column);
}

gboolean
comm_demand_table_get_value (CommDemandTable *table,
                             guint            row,
                             guint            column,
                             gint64          *value)
{
  g_autofree char *key = cell_key (row, column);
  const gint64 *found = g_hash_table_lookup (table->values, key);

  if (found == NULL)
    return FALSE;
  if (value != NULL)
    *value = *found;
  return TRUE;
}

char *
comm_demand_format_value (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? (guint64) 0 - (guint64) value : (guint64) value);
  GString *text = g_string_new (value < 0 ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

char *
comm_demand_format_change (gint64 from,
                           gint64 to)
{
  gint64 tenths, magnitude;

  if (from == 0)
    return g_strdup ("—");
  /* tenths of a percent, rounded half away from zero, in integers */
  magnitude = ((to - from) * 2000) / from;
  tenths = magnitude >= 0 ? (magnitude + 1) / 2 : -((-magnitude + 1) / 2);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%",
                          tenths > 0 ? "+" : (tenths < 0 ? "-" : ""),
                          ABS (tenths) / 10, ABS (tenths) % 10);
}
