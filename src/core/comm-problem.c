/* comm-problem.c: one validation problem - a field and a sentence for the user */
#include "config.h"

#include "comm-problem.h"

CommProblem *
comm_problem_new (const char *field,
                  const char *message)
{
  CommProblem *problem;

  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (CommProblem, 1);
  problem->field = g_strdup (field != NULL ? field : "");
  problem->message = g_strdup (message);

  return problem;
}

void
comm_problem_free (CommProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
comm_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) comm_problem_free);
}

const CommProblem *
comm_problems_find (GPtrArray  *problems,
                    const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (problems == NULL)
    return NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const CommProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, field) == 0)
        return problem;
    }

  return NULL;
}
