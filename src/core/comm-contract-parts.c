/* comm-contract-parts.c: the rows a contract owns - funding lines, RAG ratings, meetings */
#include "config.h"

#include "comm-contract.h"

CommFundingLine *
comm_funding_line_new (const char *stream,
                       int         year,
                       gint64      amount)
{
  CommFundingLine *line = g_new0 (CommFundingLine, 1);

  line->stream = g_strdup (stream != NULL ? stream : "");
  line->year = year;
  line->amount = amount;

  return line;
}

CommFundingLine *
comm_funding_line_copy (const CommFundingLine *line)
{
  CommFundingLine *copy = comm_funding_line_new (line->stream, line->year, line->amount);

  copy->id = line->id;
  return copy;
}

void
comm_funding_line_free (CommFundingLine *line)
{
  if (line == NULL)
    return;

  g_free (line->stream);
  g_free (line);
}

CommRagEntry *
comm_rag_entry_new (const char    *rated_on,
                    CommRag        rag,
                    CommKpiRating  kpi,
                    const char    *comment)
{
  CommRagEntry *entry = g_new0 (CommRagEntry, 1);

  entry->rated_on = g_strdup (rated_on != NULL ? rated_on : "");
  entry->rag = rag;
  entry->kpi = kpi;
  entry->comment = g_strdup (comment != NULL ? comment : "");

  return entry;
}

CommRagEntry *
comm_rag_entry_copy (const CommRagEntry *entry)
{
  CommRagEntry *copy = comm_rag_entry_new (entry->rated_on, entry->rag, entry->kpi, entry->comment);

  copy->id = entry->id;
  return copy;
}

void
comm_rag_entry_free (CommRagEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->rated_on);
  g_free (entry->comment);
  g_free (entry);
}

CommMeeting *
comm_meeting_new (const char *held_on,
                  const char *note)
{
  CommMeeting *meeting = g_new0 (CommMeeting, 1);

  meeting->held_on = g_strdup (held_on != NULL ? held_on : "");
  meeting->note = g_strdup (note != NULL ? note : "");

  return meeting;
}

CommMeeting *
comm_meeting_copy (const CommMeeting *meeting)
{
  CommMeeting *copy = comm_meeting_new (meeting->held_on, meeting->note);

  copy->id = meeting->id;
  return copy;
}

void
comm_meeting_free (CommMeeting *meeting)
{
  if (meeting == NULL)
    return;

  g_free (meeting->held_on);
  g_free (meeting->note);
  g_free (meeting);
}
