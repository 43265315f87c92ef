/* comm-report-subjects.c: the programme or risk register a report is about */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-report-subjects.h"

static void
add_programmes (GtkStringList *subjects,
                CommDatabase  *database)
{
  g_autoptr(GPtrArray) programmes = comm_budget_store_list_programmes (database, NULL);

  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    gtk_string_list_append (subjects, ((CommProgramme *) g_ptr_array_index (programmes, i))->name);
}

static void
add_registers (GtkStringList *subjects,
               CommDatabase  *database)
{
  g_autoptr(GListStore) registers = NULL;
  GDate today;

  comm_date_today (&today);
  registers = comm_risk_register_store_list (database, &today, NULL);
  for (guint i = 0; registers != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (registers)); i++)
    {
      g_autoptr(CommRiskRegister) risk_register = g_list_model_get_item (G_LIST_MODEL (registers), i);

      gtk_string_list_append (subjects, risk_register->name);
    }
}

GtkStringList *
comm_report_subjects_new (CommDatabase *database,
                          guint         flags)
{
  GtkStringList *subjects = gtk_string_list_new (NULL);

  if (database == NULL)
    return subjects;
  if (flags & COMM_REPORT_NEEDS_PROGRAMME)
    add_programmes (subjects, database);
  else if (flags & COMM_REPORT_NEEDS_REGISTER)
    add_registers (subjects, database);

  return subjects;
}

guint
comm_report_subjects_find (GtkStringList *subjects,
                           const char    *name)
{
  g_autofree char *wanted = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (subjects));

  if (name == NULL)
    return GTK_INVALID_LIST_POSITION;
  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (gtk_string_list_get_string (subjects, i), -1);

      if (g_str_equal (folded, wanted))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
comm_report_subjects_fill (AdwComboRow  *row,
                           CommDatabase *database,
                           guint         flags,
                           const char   *wanted)
{
  g_autoptr(GtkStringList) subjects = comm_report_subjects_new (database, flags);
  guint position = comm_report_subjects_find (subjects, wanted);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 (flags & COMM_REPORT_NEEDS_PROGRAMME) ? _("_Programme") : _("Risk _register"));
  adw_combo_row_set_model (row, G_LIST_MODEL (subjects));
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (row, position);
}
