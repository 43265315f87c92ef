/* test-text.c: folding text for search, and matching folded text */
#include "config.h"

#include "comm-text.h"

static void
test_fold (void)
{
  static const struct { const char *text; const char *folded; } cases[] = {
    { "Café", "cafe" },
    { "Cafe\xCC\x81", "cafe" },                /* already decomposed */
    { "CAFÉ", "cafe" },
    { "Straße", "strasse" },
    { "STRASSE", "strasse" },
    { "УМСА", "ymca" },                          /* Cyrillic look-alikes */
    { "YМCA", "ymca" },                          /* one Cyrillic letter among Latin ones */
    { "АВЕКМНОРСТХУ", "abekmhopctxy" },
    { "аеорсух іјѕ", "aeopcyx ijs" },
    { "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx" },      /* Greek look-alikes */
    { "ο", "o" },
    { "Barnardo’s", "barnardos" },
    { "Barnardo's", "barnardos" },
    { "BARNARDOS", "barnardos" },
    { "Barnardo‘s", "barnardos" },
    { "  Action   for\tChildren \n", "action for children" },
    { "Action\xC2\xA0" "for Children", "action for children" },  /* no-break space */
    { "Home–Start", "home-start" },             /* en dash */
    { "Home—Start", "home-start" },             /* em dash */
    { "Home-Start", "home-start" },
    { "ﬁnance", "finance" },                     /* ligature */
    { "Ｗide", "wide" },                          /* full-width letter */
    { "soft\xC2\xADhyphen", "softhyphen" },      /* soft hyphen dropped */
    { "zero\xE2\x80\x8Bwidth", "zerowidth" },    /* zero-width space dropped */
    { "Zoë Brontë", "zoe bronte" },
    { "Øystein", "øystein" },                    /* a letter of its own, not an accent */
    { "İstanbul", "istanbul" },
    { "NSPCC", "nspcc" },
    { "", "" },
    { "   ", "" },
    { "£1,234 – Plymouth", "£1,234 - plymouth" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = comm_text_fold (cases[i].text);

      g_test_message ("folding “%s”", cases[i].text);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  {
    g_autofree char *folded = comm_text_fold (NULL);

    g_assert_cmpstr (folded, ==, "");
  }
}

static void
test_fold_invalid_utf8 (void)
{
  g_autofree char *folded = comm_text_fold ("Caf\xC3 au lait \xFF");

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_nonnull (g_strstr_len (folded, -1, "au lait"));
}

static void
test_fold_idempotent (void)
{
  static const char *texts[] = {
    "Barnardo’s Young Carers – Plymouth", "УМСА Straße", "Café ﬁnance", "Ὀδυσσεύς",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *once = comm_text_fold (texts[i]);
      g_autofree char *twice = comm_text_fold (once);

      g_assert_cmpstr (once, ==, twice);
    }
}

static void
test_matches (void)
{
  static const struct { const char *haystack; const char *needle; gboolean match; } cases[] = {
    { "ymca plymouth", "ymca", TRUE },
    { "ymca plymouth", "УМСА", TRUE },
    { "ymca plymouth", "plym ymca", TRUE },          /* words in any order */
    { "ymca plymouth", "ymca derby", FALSE },        /* every word must match */
    { "ymca plymouth", "", TRUE },
    { "ymca plymouth", "   ", TRUE },
    { "ymca plymouth", "  ymca   plym  ", TRUE },
    { "barnardos young carers", "Barnardo's", TRUE },
    { "barnardos young carers", "barnardo’s carers", TRUE },
    { "cafe society", "Café", TRUE },
    { "strasse", "Straße", TRUE },
    { "", "x", FALSE },
    { "", "", TRUE },
    { "family support", "family  support", TRUE },
    { "family support", "family support x", FALSE },
    { "abc", "abcd", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *haystack = comm_text_fold (cases[i].haystack);
      g_autofree char *needle = comm_text_fold (cases[i].needle);

      g_test_message ("“%s” in “%s”", cases[i].needle, cases[i].haystack);
      g_assert_cmpint (comm_text_matches (haystack, needle), ==, cases[i].match);
    }

  g_assert_true (comm_text_matches ("abc", NULL));
  g_assert_false (comm_text_matches (NULL, "abc"));
  g_assert_true (comm_text_matches (NULL, ""));
}

/* Not a benchmark (nothing fails on a slow machine): it only shows the work done per keystroke
 * is a plain scan, by matching 10,000 keys a hundred times. */
static void
test_matches_many (void)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  guint hits = 0;

  for (guint i = 0; i < 10000; i++)
    g_ptr_array_add (keys, comm_text_fold (i % 10 == 0 ? "C-0042 Young Carers Barnardo’s Plymouth"
                                                       : "C-0001 Family Support Action for Children"));
  for (guint round = 0; round < 100; round++)
    for (guint i = 0; i < keys->len; i++)
      hits += comm_text_matches (keys->pdata[i], "carers barnardos");

  g_assert_cmpuint (hits, ==, 100 * 1000);
  g_ptr_array_unref (keys);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/fold-invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/text/fold-idempotent", test_fold_idempotent);
  g_test_add_func ("/text/matches", test_matches);
  g_test_add_func ("/text/matches-many", test_matches_many);

  return g_test_run ();
}
