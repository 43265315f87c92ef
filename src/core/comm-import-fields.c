/* comm-import-fields.c: the fields an import fills, and how CSV headers name them
 *
 * Headers are compared after dropping case, spaces and punctuation ("Contract value (£)" becomes
 * "contractvalue"), against the field's name, its label and a list of the words people use.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-import.h"

typedef struct {
  const char *name;
  const char *label;      /* N_() */
  const char *synonyms;   /* normalised, separated by '|' */
} FieldInfo;

static const FieldInfo fields[COMM_IMPORT_N_FIELDS] = {
  [COMM_IMPORT_FIELD_REFERENCE] = { "reference", N_("Reference"),
    "reference|ref|contractref|contractreference|contractno|contractnumber|contractid|referencenumber|ourref" },
  [COMM_IMPORT_FIELD_TITLE] = { "title", N_("Title"),
    "title|contracttitle|contractname|name|service|servicename|servicetitle" },
  [COMM_IMPORT_FIELD_PROVIDER] = { "provider", N_("Provider"),
    "provider|providername|supplier|suppliername|organisation|organisationname|contractor|vendor" },
  [COMM_IMPORT_FIELD_SERVICE_AREA] = { "service-area", N_("Service area"),
    "servicearea|area|serviceareas|category|servicecategory|theme" },
  [COMM_IMPORT_FIELD_DESCRIPTION] = { "description", N_("Description"),
    "description|details|summary|notes" },
  [COMM_IMPORT_FIELD_LEAD_COMMISSIONER] = { "lead-commissioner", N_("Lead commissioner"),
    "leadcommissioner|commissioner|lead|contractmanager|leadofficer|owner" },
  [COMM_IMPORT_FIELD_GEOGRAPHY] = { "geography", N_("Geography"),
    "geography|locality|district|coverage" },
  [COMM_IMPORT_FIELD_PROCUREMENT_ROUTE] = { "procurement-route", N_("Procurement route"),
    "procurementroute|route|procurement|procurementmethod|awardroute" },
  [COMM_IMPORT_FIELD_START_DATE] = { "start-date", N_("Start date"),
    "startdate|start|from|contractstart|commencement|commencementdate|startson" },
  [COMM_IMPORT_FIELD_END_DATE] = { "end-date", N_("End date"),
    "enddate|end|to|contractend|expiry|expirydate|endson|until" },
  [COMM_IMPORT_FIELD_NOTICE_MONTHS] = { "notice-months", N_("Notice period (months)"),
    "noticemonths|notice|noticeperiod|noticeperiodmonths" },
  [COMM_IMPORT_FIELD_REVIEW_DATE] = { "review-date", N_("Review date"),
    "reviewdate|review|nextreview" },
  [COMM_IMPORT_FIELD_EXTENSION_OPTIONS] = { "extension-options", N_("Extension options"),
    "extensionoptions|extensions|extension|optiontoextend" },
  [COMM_IMPORT_FIELD_VALUE] = { "value", N_("Value"),
    "value|annualvalue|contractvalue|amount|annualamount|funding|fundingstreams|fundinglines|"
    "valueperyear|yearlyvalue|cost|annualcost|budget" },
  [COMM_IMPORT_FIELD_STREAM] = { "stream", N_("Funding stream"),
    "stream|fundingstream|fundingsource|source|grant" },
  [COMM_IMPORT_FIELD_YEAR] = { "year", N_("Financial year"),
    "year|financialyear|fy|fundingyear" },
};

/* Lower-case ASCII letters and digits only; other letters kept, lower-cased. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *out = g_string_new ("");

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char *list,
         const char *word)
{
  gsize len = strlen (word);

  for (const char *p = list; p != NULL && *p != '\0'; )
    {
      const char *bar = strchr (p, '|');
      gsize n = bar != NULL ? (gsize) (bar - p) : strlen (p);

      if (n == len && strncmp (p, word, n) == 0)
        return TRUE;
      p = bar != NULL ? bar + 1 : NULL;
    }
  return FALSE;
}

const char *
comm_import_field_name (CommImportField field)
{
  g_return_val_if_fail (field < COMM_IMPORT_N_FIELDS, NULL);
  return fields[field].name;
}

const char *
comm_import_field_label (CommImportField field)
{
  g_return_val_if_fail (field < COMM_IMPORT_N_FIELDS, NULL);
  return _(fields[field].label);
}

int
comm_import_field_lookup (const char *text)
{
  g_autofree char *word = normalise (text);

  for (int i = 0; i < COMM_IMPORT_N_FIELDS; i++)
    {
      g_autofree char *name = normalise (fields[i].name);
      g_autofree char *label = normalise (_(fields[i].label));

      if (g_str_equal (word, name) || g_str_equal (word, label))
        return i;
    }
  return -1;
}

int
comm_import_field_for_header (const char *header)
{
  g_autofree char *word = normalise (header);
  int field;

  if (*word == '\0')
    return -1;
  if ((field = comm_import_field_lookup (header)) >= 0)
    return field;
  for (int i = 0; i < COMM_IMPORT_N_FIELDS; i++)
    if (in_list (fields[i].synonyms, word))
      return i;
  return -1;
}

const char *
comm_import_encoding_label (CommImportEncoding encoding)
{
  switch (encoding)
    {
    case COMM_IMPORT_ENCODING_UTF8:
      return _("UTF-8");
    case COMM_IMPORT_ENCODING_UTF8_BOM:
      return _("UTF-8 with byte order mark");
    case COMM_IMPORT_ENCODING_WINDOWS_1252:
      return _("Windows-1252");
    case COMM_IMPORT_ENCODING_AUTO:
    default:
      return _("Detect automatically");
    }
}

const char *
comm_import_separator_label (char separator)
{
  switch (separator)
    {
    case ',':
      return _("Comma");
    case ';':
      return _("Semicolon");
    case '\t':
      return _("Tab");
    default:
      return _("Detect automatically");
    }
}
