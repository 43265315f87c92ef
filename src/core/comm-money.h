/* comm-money.h: money as integer pence - parsing, formatting, exact splitting */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COMM_MONEY_FORMAT_DEFAULT      = 0,       /* "£1,234.50", "-£12.00" */
  COMM_MONEY_FORMAT_WHOLE_POUNDS = 1 << 0,  /* drop ".00" when the amount is whole: "£1,234" */
  COMM_MONEY_FORMAT_NO_SYMBOL    = 1 << 1,  /* "1,234.50" */
  COMM_MONEY_FORMAT_PLAIN        = 1 << 2,  /* machine form for files: "1234.50", no symbol, no separators */
} CommMoneyFormatFlags;

/* Parses "£1,234.56", "1234.5", "1,234", "-£5", " 143000 ", "£1.2m"? no: only plain amounts.
 * Rejects empty text, more than two decimals, misplaced thousands separators ("£143,00",
 * "1,23,456"), a decimal comma ("1.234,56"), letters, and amounts beyond ±£90 trillion, with a
 * message that quotes the text and says what is wrong. Also accepted: "£-5", "GBP 12", and
 * accounting negatives in brackets, "(£5.00)" = -500. */
gboolean  comm_money_parse        (const char            *text,
                                   gint64                *pence,
                                   GError               **error);
char     *comm_money_format       (gint64                 pence);
char     *comm_money_format_full  (gint64                 pence,
                                   CommMoneyFormatFlags   flags);

/* Splits @total pence into @n parts in proportion to the non-negative @weights, by the
 * largest-remainder method, so that the parts add up to @total exactly. Ties go to the earlier
 * part. @out_moved (nullable, n entries) is set TRUE for each part that received a penny more than
 * its rounded-down share. A negative @total is split by its size and each part negated.
 * Fails if @n is 0, a weight is negative, or all weights are 0. */
gboolean  comm_money_split        (gint64                 total,
                                   const gint64          *weights,
                                   guint                  n,
                                   gint64                *out_parts,
                                   gboolean              *out_moved,
                                   GError               **error);

G_END_DECLS
