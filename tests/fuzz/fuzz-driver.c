/* fuzz-driver.c: a small mutation fuzzer for machines without libFuzzer
 *
 *   fuzz-csv-import-standalone CORPUS_DIR [SECONDS]
 *
 * Runs every seed in CORPUS_DIR through LLVMFuzzerTestOneInput(), then, until SECONDS (default 20,
 * or $COMM_FUZZ_SECONDS) have passed, mutated copies: flipped, inserted, deleted and repeated
 * bytes, and splices of two seeds. The seed of the random generator is printed so that a failure
 * can be repeated ($COMM_FUZZ_SEED). Sanitizers come from the build (make check-asan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char interesting[] = { ',', ';', '\t', '"', '\n', '\r', '\0', '\xA3', '\xC2', '\xEF', '\xBB', '\xBF', '/', '-', ' ' };

static GPtrArray *
load_seeds (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents;
      gsize len;

      if (g_file_get_contents (path, &contents, &len, NULL))
        g_ptr_array_add (seeds, g_bytes_new_take (contents, len));
    }
  if (seeds->len == 0)
    g_ptr_array_add (seeds, g_bytes_new_static ("a,b\n1,2\n", 8));
  return seeds;
}

static void
insert_bytes (GByteArray   *buf,
              guint         pos,
              const guint8 *bytes,
              guint         n)
{
  guint old_len = buf->len;

  g_byte_array_set_size (buf, old_len + n);
  memmove (buf->data + pos + n, buf->data + pos, old_len - pos);
  memcpy (buf->data + pos, bytes, n);
}

static void
mutate_once (GByteArray *buf,
             GRand      *rand,
             GBytes     *other)
{
  guint len = buf->len;
  guint pos = len > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) len) : 0;
  guint span = (guint) g_rand_int_range (rand, 1, 64);  /* not inside MIN (): evaluated once */
  guint8 byte = g_rand_boolean (rand) ? (guint8) g_rand_int_range (rand, 0, 256)
                                      : (guint8) interesting[g_rand_int_range (rand, 0, sizeof interesting)];

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      if (len > 0)
        buf->data[pos] = byte;
      break;
    case 1:
      insert_bytes (buf, pos, &byte, 1);
      break;
    case 2:
      if (len > 0)
        g_byte_array_remove_range (buf, pos, MIN (len - pos, span % 8 + 1));
      break;
    case 3:
      if (len > 0 && len < 65536)
        {
          guint n = MIN (len - pos, span);
          g_autofree guint8 *copy = g_memdup2 (buf->data + pos, n);

          insert_bytes (buf, pos, copy, n);
        }
      break;
    default:
      {
        gsize other_len;
        const guint8 *o = g_bytes_get_data (other, &other_len);

        g_byte_array_set_size (buf, pos);
        if (other_len > 0)
          {
            guint from = (guint) g_rand_int_range (rand, 0, (gint32) other_len);

            g_byte_array_append (buf, o + from, (guint) (other_len - from));
          }
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) seeds = load_seeds (argc > 1 ? argv[1] : "corpus");
  const char *env_seconds = g_getenv ("COMM_FUZZ_SECONDS");
  const char *env_seed = g_getenv ("COMM_FUZZ_SEED");
  double seconds = argc > 2 ? atof (argv[2]) : env_seconds != NULL ? atof (env_seconds) : 20;
  guint32 seed = env_seed != NULL ? (guint32) atol (env_seed) : (guint32) g_get_real_time ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint64 runs = 0;

  printf ("fuzz: %u seeds, %.0f s, COMM_FUZZ_SEED=%u\n", seeds->len, seconds, seed);
  for (guint i = 0; i < seeds->len; i++)
    LLVMFuzzerTestOneInput (g_bytes_get_data (seeds->pdata[i], NULL), g_bytes_get_size (seeds->pdata[i]));

  while (g_get_monotonic_time () < end)
    {
      GBytes *seed_bytes = seeds->pdata[g_rand_int_range (rand, 0, (gint32) seeds->len)];
      g_autoptr(GByteArray) buf = g_byte_array_new ();
      guint n = (guint) g_rand_int_range (rand, 1, 8);

      g_byte_array_append (buf, g_bytes_get_data (seed_bytes, NULL), (guint) g_bytes_get_size (seed_bytes));
      for (guint m = 0; m < n; m++)
        mutate_once (buf, rand, seeds->pdata[g_rand_int_range (rand, 0, (gint32) seeds->len)]);
      LLVMFuzzerTestOneInput (buf->data, buf->len);
      runs++;
    }
  printf ("fuzz: %" G_GUINT64_FORMAT " runs, no crash\n", runs);
  return 0;
}
