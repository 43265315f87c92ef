/* comm-deep-dive.c: the vocabulary of Deep Dives (judgements, grades, statuses), the derived
 * status and progress, and freeing the plain structs the stores fill */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive.h"

typedef struct {
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel judgement_table[COMM_N_JUDGEMENTS] = {
  [COMM_JUDGEMENT_NONE]         = { NULL,           N_("Not judged") },
  [COMM_JUDGEMENT_MET]          = { "met",          N_("Met") },
  [COMM_JUDGEMENT_PARTLY_MET]   = { "partly-met",   N_("Partly met") },
  [COMM_JUDGEMENT_NOT_MET]      = { "not-met",      N_("Not met") },
  [COMM_JUDGEMENT_NOT_ASSESSED] = { "not-assessed", N_("Not assessed") },
};

static const CodeLabel grade_table[COMM_N_GRADES] = {
  [COMM_GRADE_NONE]                 = { NULL,                   N_("Not graded") },
  [COMM_GRADE_OUTSTANDING]          = { "outstanding",          N_("Outstanding") },
  [COMM_GRADE_GOOD]                 = { "good",                 N_("Good") },
  [COMM_GRADE_REQUIRES_IMPROVEMENT] = { "requires-improvement", N_("Requires improvement") },
  [COMM_GRADE_INADEQUATE]           = { "inadequate",           N_("Inadequate") },
};

static const CodeLabel status_table[COMM_DEEP_DIVE_N_STATUSES] = {
  [COMM_DEEP_DIVE_STATUS_NONE]        = { "none",        N_("No Deep Dive") },
  [COMM_DEEP_DIVE_STATUS_OVERDUE]     = { "overdue",     N_("Overdue") },
  [COMM_DEEP_DIVE_STATUS_PENDING]     = { "pending",     N_("Pending") },
  [COMM_DEEP_DIVE_STATUS_SCHEDULED]   = { "scheduled",   N_("Scheduled") },
  [COMM_DEEP_DIVE_STATUS_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [COMM_DEEP_DIVE_STATUS_COMPLETE]    = { "complete",    N_("Complete") },
};

/* The index of @text among the codes or (English) labels of @table, ignoring case; 0 if none. */
static int
lookup (const CodeLabel *table,
        guint            n,
        const char      *text)
{
  if (text == NULL)
    return 0;

  for (guint i = 0; i < n; i++)
    if ((table[i].code != NULL && g_ascii_strcasecmp (text, table[i].code) == 0) ||
        g_ascii_strcasecmp (text, table[i].label) == 0)
      return (int) i;

  return 0;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

const char *
comm_judgement_to_code (CommJudgement judgement)
{
  g_return_val_if_fail (judgement < COMM_N_JUDGEMENTS, NULL);
  return judgement_table[judgement].code;
}

CommJudgement
comm_judgement_from_code (const char *code)
{
  return (CommJudgement) lookup (judgement_table, COMM_N_JUDGEMENTS, code);
}

const char *
comm_judgement_to_label (CommJudgement judgement)
{
  g_return_val_if_fail (judgement < COMM_N_JUDGEMENTS, "");
  return g_dgettext (GETTEXT_PACKAGE, judgement_table[judgement].label);
}

const char *
comm_grade_to_code (CommGrade grade)
{
  g_return_val_if_fail (grade < COMM_N_GRADES, NULL);
  return grade_table[grade].code;
}

CommGrade
comm_grade_from_code (const char *code)
{
  return (CommGrade) lookup (grade_table, COMM_N_GRADES, code);
}

const char *
comm_grade_to_label (CommGrade grade)
{
  g_return_val_if_fail (grade < COMM_N_GRADES, "");
  return g_dgettext (GETTEXT_PACKAGE, grade_table[grade].label);
}

const char *
comm_deep_dive_status_to_code (CommDeepDiveStatus status)
{
  g_return_val_if_fail (status < COMM_DEEP_DIVE_N_STATUSES, NULL);
  return status_table[status].code;
}

const char *
comm_deep_dive_status_to_label (CommDeepDiveStatus status)
{
  g_return_val_if_fail (status < COMM_DEEP_DIVE_N_STATUSES, "");
  return g_dgettext (GETTEXT_PACKAGE, status_table[status].label);
}

CommRag
comm_grade_suggested_rag (CommGrade grade)
{
  switch (grade)
    {
    case COMM_GRADE_OUTSTANDING:
    case COMM_GRADE_GOOD:
      return COMM_RAG_GREEN;
    case COMM_GRADE_REQUIRES_IMPROVEMENT:
      return COMM_RAG_AMBER;
    case COMM_GRADE_INADEQUATE:
      return COMM_RAG_RED;
    case COMM_GRADE_NONE:
    case COMM_N_GRADES:
    default:
      return COMM_RAG_NONE;
    }
}

CommDeepDiveStatus
comm_deep_dive_status_compute (const char  *scheduled_on,
                               const char  *started_on,
                               const char  *signed_off_on,
                               const GDate *today)
{
  GDate scheduled;

  g_return_val_if_fail (today != NULL && g_date_valid (today), COMM_DEEP_DIVE_STATUS_PENDING);

  if (is_set (signed_off_on))
    return COMM_DEEP_DIVE_STATUS_COMPLETE;
  if (!is_set (scheduled_on) || !comm_date_parse_iso (scheduled_on, &scheduled))
    return is_set (started_on) ? COMM_DEEP_DIVE_STATUS_IN_PROGRESS : COMM_DEEP_DIVE_STATUS_PENDING;

  if (is_set (started_on))
    return comm_date_days_between (&scheduled, today) > COMM_DEEP_DIVE_OVERDUE_GRACE_DAYS
           ? COMM_DEEP_DIVE_STATUS_OVERDUE : COMM_DEEP_DIVE_STATUS_IN_PROGRESS;

  return g_date_compare (&scheduled, today) < 0
         ? COMM_DEEP_DIVE_STATUS_OVERDUE : COMM_DEEP_DIVE_STATUS_SCHEDULED;
}

CommDeepDiveStatus
comm_deep_dive_get_status (const CommDeepDive *dive,
                           const GDate        *today)
{
  g_return_val_if_fail (dive != NULL, COMM_DEEP_DIVE_STATUS_NONE);

  return comm_deep_dive_status_compute (dive->scheduled_on, dive->started_on, dive->signed_off_on, today);
}

void
comm_deep_dive_get_progress (const CommDeepDive *dive,
                             guint              *judged,
                             guint              *total)
{
  guint n = 0;

  g_return_if_fail (dive != NULL);

  for (guint i = 0; i < dive->areas->len; i++)
    {
      const CommDeepDiveArea *area = g_ptr_array_index (dive->areas, i);

      if (area->judgement != COMM_JUDGEMENT_NONE)
        n++;
    }
  if (judged != NULL)
    *judged = n;
  if (total != NULL)
    *total = dive->areas->len;
}

gboolean
comm_deep_dive_is_read_only (const CommDeepDive *dive)
{
  g_return_val_if_fail (dive != NULL, TRUE);

  return is_set (dive->signed_off_on) || dive->contract_deleted;
}

CommDeepDiveArea *
comm_deep_dive_find_area (const CommDeepDive *dive,
                          gint64              area_id)
{
  g_return_val_if_fail (dive != NULL, NULL);

  for (guint i = 0; i < dive->areas->len; i++)
    {
      CommDeepDiveArea *area = g_ptr_array_index (dive->areas, i);

      if (area->id == area_id)
        return area;
    }

  return NULL;
}

void
comm_evidence_free (CommEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->name);
  g_free (evidence->reference);
  g_free (evidence->sha256);
  g_free (evidence->content_type);
  g_free (evidence->added_at);
  g_free (evidence->added_by);
  g_free (evidence);
}

CommDeepDiveAction *
comm_deep_dive_action_copy (const CommDeepDiveAction *action)
{
  CommDeepDiveAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_new0 (CommDeepDiveAction, 1);
  *copy = *action;
  copy->description = g_strdup (action->description);
  copy->owner = g_strdup (action->owner);
  copy->due_on = g_strdup (action->due_on);
  copy->done_on = g_strdup (action->done_on);

  return copy;
}

void
comm_deep_dive_action_free (CommDeepDiveAction *action)
{
  if (action == NULL)
    return;

  g_free (action->description);
  g_free (action->owner);
  g_free (action->due_on);
  g_free (action->done_on);
  g_free (action);
}

void
comm_deep_dive_area_free (CommDeepDiveArea *area)
{
  if (area == NULL)
    return;

  g_free (area->title);
  g_free (area->guidance);
  g_strfreev (area->prompts);
  g_free (area->notes);
  g_clear_pointer (&area->evidence, g_ptr_array_unref);
  g_clear_pointer (&area->actions, g_ptr_array_unref);
  g_free (area);
}

void
comm_deep_dive_free (CommDeepDive *dive)
{
  if (dive == NULL)
    return;

  g_free (dive->template_name);
  g_free (dive->scheduled_on);
  g_free (dive->lead_reviewer);
  g_free (dive->reviewers);
  g_free (dive->provider_contact);
  g_free (dive->started_on);
  g_free (dive->lessons);
  g_free (dive->variation);
  g_free (dive->signed_off_by);
  g_free (dive->signed_off_on);
  g_free (dive->reopened_on);
  g_free (dive->reopened_by);
  g_free (dive->reopen_reason);
  g_free (dive->contract_reference);
  g_free (dive->contract_title);
  g_free (dive->provider_name);
  g_free (dive->service_area);
  g_free (dive->lead_commissioner);
  g_clear_pointer (&dive->areas, g_ptr_array_unref);
  g_free (dive);
}
