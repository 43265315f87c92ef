/* cli-allocate.c: the calculators - "allocate TOTAL ..." (a budget's reconciliation) and
 * "unit-cost TOTAL NAME=COUNT..." (a cost per unit split across cohorts), on the core's
 * comm-allocation and comm-unit-cost */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli-common.h"
#include "comm-allocation.h"
#include "comm-unit-cost.h"

typedef struct {
  guint name_width;
  guint amount_width;
} Columns;

static const char *
moved_note (void)
{
  return _("* a penny moved here so the lines add up to the total");
}

/* Appends @text padded with spaces to @width characters (not bytes), on the left or right. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong len = g_utf8_strlen (text, -1);

  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

static void
print_text_row (const Columns *cols,
                const char    *name,
                const char    *middle,
                const char    *amount,
                gboolean       moved)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_padded (out, name, cols->name_width, FALSE);
  g_string_append (out, "  ");
  append_padded (out, middle != NULL ? middle : "", 8, TRUE);
  g_string_append (out, "  ");
  append_padded (out, amount, cols->amount_width, TRUE);
  if (moved)
    g_string_append (out, " *");
  printf ("%s\n", g_strchomp (out->str));
}

static void
print_row (const Columns *cols,
           const char    *name,
           const char    *middle,
           gint64         pence,
           gboolean       moved)
{
  g_autofree char *amount = comm_money_format (pence);

  print_text_row (cols, name, middle, amount, moved);
}

static int
bad_argument (const char *argument,
              const char *message)
{
  g_autofree char *what = g_strdup_printf ("“%s”", argument);

  return cli_fail (what, message);
}

/* bad_argument for the parsers that answer TRUE or FALSE */
static gboolean
refuse (const char *argument,
        const char *message)
{
  bad_argument (argument, message);
  return FALSE;
}

/* Splits "NAME=VALUE" at its last "=" (names may hold one, amounts never do). */
static gboolean
split_pair (const char  *argument,
            char       **name,
            char       **value)
{
  const char *eq = strrchr (argument, '=');

  if (eq == NULL)
    return FALSE;
  *name = g_strndup (argument, eq - argument);
  *value = g_strdup (eq + 1);
  return TRUE;
}

static gboolean
parse_total (const char  *text,
             gint64      *pence)
{
  g_autoptr(GError) error = NULL;

  if (!comm_money_parse (text, pence, &error))
    return refuse (text, error->message);
  if (*pence < 0)
    return refuse (text, _("the total must not be negative"));
  return TRUE;
}

static gboolean
parse_options (const char          *command,
               const char          *parameters,
               const char          *summary,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("commissioner-cli %s", command);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s (see “commissioner-cli %s --help”)"),
                                                  error->message, command);
      cli_fail (command, message);
      return FALSE;
    }
  /* GOption leaves a "--" in place: drop it, so "-- -5" reaches the amount parser */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  if (*argc < 2)
    {
      g_autofree char *message = g_strdup_printf (_("missing argument: commissioner-cli %s %s"),
                                                  command, parameters);
      cli_fail (command, message);
      return FALSE;
    }
  return TRUE;
}

/* allocate */

static gboolean
add_amounts (CommAllocation *allocation,
             char          **pairs,
             gboolean        fixed)
{
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autoptr(GError) error = NULL;
      gint64 pence;

      if (!split_pair (pairs[i], &name, &value))
        return refuse (pairs[i], _("write it as NAME=AMOUNT, e.g. “Youth service=£50,000”"));
      if (!comm_money_parse (value, &pence, &error))
        return refuse (pairs[i], error->message);
      if (fixed)
        comm_allocation_add_fixed (allocation, name, pence);
      else
        comm_allocation_add_commitment (allocation, name, pence);
    }
  return TRUE;
}

static gboolean
add_percentages (CommAllocation *allocation,
                 int             argc,
                 char          **argv)
{
  for (int i = 2; i < argc; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autoptr(GError) error = NULL;
      gint64 thousandths;

      if (!split_pair (argv[i], &name, &value))
        return refuse (argv[i], _("write it as NAME=PERCENT%, e.g. “Family support=50%”"));
      if (!comm_percent_parse (value, &thousandths, &error))
        return refuse (argv[i], error->message);
      comm_allocation_add_percent (allocation, name, thousandths);
    }
  return TRUE;
}

static Columns
allocation_columns (CommAllocation *allocation)
{
  Columns cols = { 40, 0 };

  for (guint i = 0; i < comm_allocation_get_n_lines (allocation); i++)
    {
      const CommAllocationLine *line = comm_allocation_get_line (allocation, i);
      cols.name_width = MAX (cols.name_width, (guint) g_utf8_strlen (line->name, -1) + 2);
    }
  {
    g_autofree char *widest = comm_money_format (comm_allocation_get_total (allocation));
    cols.amount_width = g_utf8_strlen (widest, -1);
  }
  return cols;
}

static void
print_section (CommAllocation     *allocation,
               const Columns      *cols,
               CommAllocationKind  kind,
               const char         *heading)
{
  gboolean any = FALSE;

  for (guint i = 0; i < comm_allocation_get_n_lines (allocation); i++)
    {
      const CommAllocationLine *line = comm_allocation_get_line (allocation, i);
      g_autofree char *label = NULL;
      g_autofree char *percent = NULL;

      if (line->kind != kind)
        continue;
      if (!any)
        printf ("%s\n", heading);
      any = TRUE;
      label = g_strconcat ("  ", line->name, NULL);
      if (kind == COMM_ALLOCATION_PERCENT)
        percent = comm_percent_format (line->thousandths);
      print_row (cols, label, percent, line->amount, line->penny_moved);
    }
}

static void
print_allocation_notes (CommAllocation *allocation,
                        gint64          lines_sum)
{
  gint64 percent = comm_allocation_get_percent_total (allocation);
  gboolean any_percent = FALSE;

  for (guint i = 0; i < comm_allocation_get_n_lines (allocation); i++)
    any_percent = any_percent || comm_allocation_get_line (allocation, i)->kind == COMM_ALLOCATION_PERCENT;
  if (percent < COMM_PERCENT_WHOLE && any_percent)
    {
      g_autofree char *given = comm_percent_format (percent);
      g_autofree char *gap = comm_percent_format (COMM_PERCENT_WHOLE - percent);
      g_autofree char *left = comm_money_format (comm_allocation_get_unallocated (allocation));

      printf (_("The percentages total %s, not 100%%: %s of the remainder (%s) is left unallocated.\n"),
              given, gap, left);
    }
  if (lines_sum == comm_allocation_get_total (allocation))
    printf ("%s\n", _("The lines add up to the total exactly (split by the largest-remainder method)."));
  if (comm_allocation_any_penny_moved (allocation))
    printf ("%s\n", moved_note ());
}

static void
print_allocation (CommAllocation *allocation)
{
  Columns cols = allocation_columns (allocation);
  guint n = comm_allocation_get_n_lines (allocation);
  const CommAllocationLine *last = comm_allocation_get_line (allocation, n - 1);
  g_autofree char *percent_total = comm_percent_format (comm_allocation_get_percent_total (allocation));
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    sum += comm_allocation_get_line (allocation, i)->amount;

  print_row (&cols, _("Total budget"), NULL, comm_allocation_get_total (allocation), FALSE);
  print_section (allocation, &cols, COMM_ALLOCATION_COMMITMENT, _("Commitments"));
  print_row (&cols, _("Committed"), NULL, comm_allocation_get_committed (allocation), FALSE);
  print_row (&cols, _("Available"), NULL, comm_allocation_get_available (allocation), FALSE);
  print_section (allocation, &cols, COMM_ALLOCATION_FIXED, _("Fixed allocations"));
  print_row (&cols, _("Fixed in all"), NULL, comm_allocation_get_fixed_total (allocation), FALSE);
  print_row (&cols, _("Remainder after fixed allocations"), NULL,
             comm_allocation_get_after_fixed (allocation), FALSE);
  print_section (allocation, &cols, COMM_ALLOCATION_PERCENT, _("Percentage allocations of the remainder"));
  print_row (&cols, _("Percentages in all"), percent_total,
             comm_allocation_get_percent_amount (allocation), FALSE);
  print_row (&cols, last->name, NULL, last->amount, last->penny_moved);
  print_row (&cols, _("Lines in all"), NULL, sum, FALSE);
  printf ("\n");
  print_allocation_notes (allocation, sum);
}

int
cli_allocate (int    argc,
              char **argv)
{
  g_auto(GStrv) commits = NULL;
  g_auto(GStrv) fixed = NULL;
  g_autofree char *remainder = NULL;
  const GOptionEntry entries[] = {
    { "commit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &commits, N_("A commitment already made (repeatable)"), N_("NAME=AMOUNT") },
    { "fixed", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fixed, N_("A fixed allocation (repeatable)"), N_("NAME=AMOUNT") },
    { "remainder", 0, 0, G_OPTION_ARG_STRING, &remainder, N_("The name for what is left unallocated"), N_("NAME") },
    { NULL }
  };
  g_autoptr(CommAllocation) allocation = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total;

  if (!parse_options ("allocate", _("TOTAL [--commit NAME=AMOUNT]… [--fixed NAME=AMOUNT]… NAME=PERCENT%… [--remainder NAME]"),
                      _("Split a budget: commitments and fixed allocations first, then percentages of "
                        "what remains, reconciled to the total to the penny."),
                      entries, &argc, &argv))
    return CLI_EXIT_ERROR;
  if (!parse_total (argv[1], &total))
    return CLI_EXIT_ERROR;

  allocation = comm_allocation_new (total);
  if (!add_amounts (allocation, commits, FALSE) || !add_amounts (allocation, fixed, TRUE)
      || !add_percentages (allocation, argc, argv))
    return CLI_EXIT_ERROR;
  comm_allocation_set_remainder_name (allocation, remainder);
  if (!comm_allocation_compute (allocation, &error))
    return cli_fail ("allocate", error->message);

  print_allocation (allocation);
  return CLI_EXIT_OK;
}

/* unit-cost */

static gboolean
add_cohorts (CommUnitCost *unit_cost,
             int           argc,
             char        **argv)
{
  for (int i = 2; i < argc; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      guint64 count;

      if (!split_pair (argv[i], &name, &value))
        return refuse (argv[i], _("write it as NAME=COUNT, e.g. “Under 5s=202”"));
      g_strstrip (value);
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &count, NULL))
        return refuse (argv[i], _("the count must be a whole number, 0 or more"));
      comm_unit_cost_add_cohort (unit_cost, name, (gint64) count);
    }
  return TRUE;
}

static void
print_cohorts (CommUnitCost *uc,
               const Columns *cols)
{
  g_autofree char *total = comm_money_format (comm_unit_cost_get_total (uc));

  for (guint i = 0; i < comm_unit_cost_get_n_cohorts (uc); i++)
    {
      const CommUnitCohort *c = comm_unit_cost_get_cohort (uc, i);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, c->count);
      g_autofree char *label = g_strconcat ("  ", c->name, NULL);
      g_autofree char *exact = comm_unit_cost_format_exact (comm_unit_cost_get_total (uc), c->count,
                                                            comm_unit_cost_get_activity (uc));

      print_row (cols, label, count, c->share, c->penny_moved);
      /* Translators: the working of one share, e.g. "202 × £90,000.00 ÷ 885 = £20,542.372881…" */
      printf (_("      %s × %s ÷ %" G_GINT64_FORMAT " = %s\n"), count, total,
              comm_unit_cost_get_activity (uc), exact);
    }
}

static void
print_unit_cost (CommUnitCost *uc,
                 const char   *unit)
{
  Columns cols = { 40, 0 };
  gint64 total = comm_unit_cost_get_total (uc);
  gint64 activity = comm_unit_cost_get_activity (uc);
  g_autofree char *total_text = comm_money_format (total);
  g_autofree char *unit_text = comm_money_format (comm_unit_cost_get_unit_cost (uc));
  g_autofree char *exact = comm_unit_cost_format_exact (total, 1, activity);
  g_autofree char *per = g_strdup_printf (_("Cost per %s"), unit);
  g_autofree char *activity_text = g_strdup_printf ("%" G_GINT64_FORMAT, activity);
  gint64 alone = comm_unit_cost_get_rounded_alone_total (uc);
  gboolean moved = FALSE;

  cols.amount_width = g_utf8_strlen (total_text, -1);
  for (guint i = 0; i < comm_unit_cost_get_n_cohorts (uc); i++)
    {
      cols.name_width = MAX (cols.name_width, (guint) g_utf8_strlen (comm_unit_cost_get_cohort (uc, i)->name, -1) + 2);
      moved = moved || comm_unit_cost_get_cohort (uc, i)->penny_moved;
    }

  print_row (&cols, _("Cost"), NULL, total, FALSE);
  print_text_row (&cols, _("Activity"), activity_text, "", FALSE);
  print_row (&cols, per, NULL, comm_unit_cost_get_unit_cost (uc), FALSE);
  if (comm_unit_cost_is_rounded (uc))
    printf (_("      rounded to the penny: exactly %s ÷ %s = %s\n"), total_text, activity_text, exact);
  printf ("%s\n", _("Cohorts (count, share, working)"));
  print_cohorts (uc, &cols);
  print_row (&cols, _("Shares in all"), activity_text, total, FALSE);
  printf ("\n%s\n", _("The shares add up to the cost exactly (split by the largest-remainder method)."));
  if (alone != total)
    {
      g_autofree char *alone_text = comm_money_format (alone);
      g_autofree char *diff = comm_money_format (alone > total ? alone - total : total - alone);

      printf (alone < total ? _("Rounding each share on its own would give %s, %s short.\n")
                            : _("Rounding each share on its own would give %s, %s over.\n"),
              alone_text, diff);
    }
  if (moved)
    printf ("%s\n", moved_note ());
}

int
cli_unit_cost (int    argc,
               char **argv)
{
  g_autofree char *unit = NULL;
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("What one unit of activity is, e.g. incident, child, family"), N_("WORD") },
    { NULL }
  };
  g_autoptr(CommUnitCost) unit_cost = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total;

  if (!parse_options ("unit-cost", _("TOTAL NAME=COUNT… [--unit WORD]"),
                      _("Divide a cost by its activity and split it across cohorts pro rata, "
                        "to the penny, with the working shown."),
                      entries, &argc, &argv))
    return CLI_EXIT_ERROR;
  if (!parse_total (argv[1], &total))
    return CLI_EXIT_ERROR;

  unit_cost = comm_unit_cost_new (total);
  if (!add_cohorts (unit_cost, argc, argv))
    return CLI_EXIT_ERROR;
  if (!comm_unit_cost_compute (unit_cost, &error))
    return cli_fail ("unit-cost", error->message);

  print_unit_cost (unit_cost, unit != NULL ? unit : _("unit"));
  return CLI_EXIT_OK;
}
