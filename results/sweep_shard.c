/* sweep_shard.c: which points a shard runs, and its header member and end
 * line (see sweep_shard.h). */
#include "results/sweep_shard.h"

#include <assert.h>
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

/* The end line into buf (cap bytes, enough for the longest); its length. */
static size_t sweep_shard_end_text(char *buf, size_t cap,
				   const struct sweep_shard *s,
				   size_t n_points, bool csv)
{
	int n = snprintf(buf, cap, "%s{\"end_of_shard\":\"%u/%u\",\"points\":"
			 "%zu}\n", csv ? "# " : "", s->k,
			 s->n, n_points);

	assert(n > 0 && (size_t)n < cap);
	return (size_t)n;
}

void sweep_shard_end_write(FILE *f, const struct sweep_shard *s,
			   size_t n_points, bool csv)
{
	char buf[96];
	size_t n = sweep_shard_end_text(buf, sizeof buf, s, n_points, csv);

	assert(s->n > 0);
	fwrite(buf, 1, n, f);
}

bool sweep_shard_is_end(const char *text, size_t len,
			const struct sweep_shard *s, size_t n_points,
			bool csv)
{
	char buf[96];
	size_t n;

	if (s->n == 0)
		return false;
	n = sweep_shard_end_text(buf, sizeof buf, s, n_points, csv);
	return n == len && memcmp(buf, text, n) == 0;
}
