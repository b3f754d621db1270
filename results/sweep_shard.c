/* sweep_shard.c: which points a shard runs, and its header member and end
 * line (see sweep_shard.h). */
#include "results/sweep_shard.h"

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The whole number of digits at *p (no sign, no spaces: plain decimal, as
 * every number on the command line), moving *p past them; 0 when there
 * are no digits or the number is above SWEEP_SHARDS_MAX. */
static unsigned long sweep_shard_number(const char **p)
{
	unsigned long v = 0;
	size_t n = strspn(*p, "0123456789");

	if (n == 0 || n > 6)
		return 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned long)((*p)[i] - '0');
	*p += n;
	return v <= SWEEP_SHARDS_MAX ? v : 0;
}

enum sim_status sweep_shard_parse(const char *text, struct sweep_shard *out,
				  struct sim_err *err)
{
	const char *p = text;
	unsigned long k = sweep_shard_number(&p), n = 0;

	if (k > 0 && *p == '/') {
		p++;
		n = sweep_shard_number(&p);
	}
	if (k == 0 || n == 0 || *p != '\0')
		return sim_err_add(err, SIM_EINVAL, "--shard %s: expected K/N, "
				   "two whole numbers with 1 <= K <= N <= %d "
				   "(shard K of N, such as 2/8)", text,
				   SWEEP_SHARDS_MAX);
	if (k > n)
		return sim_err_add(err, SIM_EINVAL, "--shard %s: K (%lu) is "
				   "above N (%lu); the shards of a sweep split "
				   "in N are 1/N .. N/N", text, k, n);
	*out = (struct sweep_shard){ (unsigned)k, (unsigned)n };
	return SIM_OK;
}

size_t sweep_shard_count(const struct sweep_shard *s, size_t n_points)
{
	if (s->n == 0)
		return n_points;
	if (n_points < s->k)
		return 0;
	return (n_points - s->k) / s->n + 1;
}

size_t sweep_shard_point(const struct sweep_shard *s, size_t j)
{
	if (s->n == 0)
		return j;
	return (size_t)(s->k - 1) + j * s->n;
}

void sweep_shard_member(FILE *f, const struct sweep_shard *s)
{
	if (s->n > 0)
		fprintf(f, ",\"shard\":\"%u/%u\"", s->k, s->n);
}

/* The end line into buf (cap bytes, enough for the longest); its length.
 * The hash is its last 16 characters but 3 ("}\n). */
static size_t sweep_shard_end_text(char *buf, size_t cap,
				   const struct sweep_shard *s,
				   size_t n_points, uint64_t hash, bool csv)
{
	int n = snprintf(buf, cap, "%s{\"end_of_shard\":\"%u/%u\",\"points\":"
			 "%zu,\"fnv1a\":\"%016" PRIx64 "\"}\n",
			 csv ? "# " : "", s->k, s->n, n_points, hash);

	assert(n > 0 && (size_t)n < cap);
	return (size_t)n;
}

void sweep_shard_end_write(FILE *f, const struct sweep_shard *s,
			   size_t n_points, uint64_t hash, bool csv)
{
	char buf[128];
	size_t n = sweep_shard_end_text(buf, sizeof buf, s, n_points, hash,
					csv);

	assert(s->n > 0);
	fwrite(buf, 1, n, f);
}

/* SWEEP_SHARD_END_EARLIER when text (len bytes) is the end line an
 * earlier callsim wrote, without the hash; else SWEEP_SHARD_ROW. */
static enum sweep_shard_line sweep_shard_earlier(const char *text,
						 size_t len,
						 const struct sweep_shard *s,
						 size_t n_points, bool csv)
{
	char buf[128];
	int n = snprintf(buf, sizeof buf, "%s{\"end_of_shard\":\"%u/%u\","
			 "\"points\":%zu}\n", csv ? "# " : "", s->k, s->n,
			 n_points);

	return n > 0 && (size_t)n == len && memcmp(buf, text, len) == 0
		? SWEEP_SHARD_END_EARLIER : SWEEP_SHARD_ROW;
}

enum sweep_shard_line sweep_shard_line_of(const char *text, size_t len,
					  const struct sweep_shard *s,
					  size_t n_points, uint64_t hash,
					  bool csv)
{
	char buf[128];
	size_t n, at;

	if (s->n == 0)
		return SWEEP_SHARD_ROW;
	n = sweep_shard_end_text(buf, sizeof buf, s, n_points, hash, csv);
	if (n != len)
		return sweep_shard_earlier(text, len, s, n_points, csv);
	if (memcmp(buf, text, n) == 0)
		return SWEEP_SHARD_END;
	at = n - 3 - 16;
	if (memcmp(buf, text, at) == 0 && memcmp(buf + n - 3, text + n - 3, 3)
	    == 0 && strspn(text + at, "0123456789abcdef") >= 16)
		return SWEEP_SHARD_END_CHANGED;
	return sweep_shard_earlier(text, len, s, n_points, csv);
}
