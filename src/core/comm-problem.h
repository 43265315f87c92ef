/* comm-problem.h: one validation problem - which field, and what is wrong, in words for the user */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *field;    /* property name ("end-date"), or "funding-line:2" for the third funding line */
  char *message;  /* translated, complete sentence: "The end date is before the start date." */
} CommProblem;

CommProblem *comm_problem_new  (const char *field, const char *message);
void         comm_problem_free (CommProblem *problem);
/* An empty array that frees its CommProblems. */
GPtrArray   *comm_problems_new (void);
/* The first problem for @field, or NULL. */
const CommProblem *comm_problems_find (GPtrArray *problems, const char *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommProblem, comm_problem_free)

G_END_DECLS
