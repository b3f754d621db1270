/* sweep_merge.c: the shards of a sweep checked and joined (see
 * sweep_merge.h).
 *
 * A part's header is parsed with jansson only to read its shard and its
 * number of points and to say which member differs between two parts;
 * whether two parts belong to one sweep is decided on the header's bytes,
 * since the merged file must be those bytes. */
#include "results/sweep_merge.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "results/sweep.h"
#include "results/sweep_shard.h"
#include "sim/mem.h"

/* One part being merged. */
struct sweep_merge_in {
	const char *name;
	FILE *f;
	char *head;                /* the header line, the shard member cut
				      off: the whole sweep's (owned) */
	size_t head_len;
	char *columns;             /* CSV: the column names' line; owned */
	size_t columns_len;        /* 0 in JSON Lines */
	json_t *id;                /* the header, parsed */
	struct sweep_shard shard;
	bool csv;
	size_t points;             /* the grid's */
	long data_at;              /* where the points start */
	uint64_t hash;             /* the stream hash of the bytes read */
	char *row;                 /* the row in hand; owned */
	size_t cap;
	ssize_t len;               /* its bytes; -1 when there is none */
};

/* The shard member of in's header into in->shard, and the header cut
 * to the whole sweep's: the member is the header's last (sweep.c). */
static enum sim_status sweep_merge_shard(struct sweep_merge_in *in,
					 struct sim_err *err)
{
	const char *s = json_string_value(json_object_get(in->id, "shard"));
	char suffix[64], extra;
	unsigned k, n;
	size_t cut;

	if (s == NULL)
		return sim_err_add(err, SIM_EINVAL, "%s: a whole sweep, not a "
				   "shard (its header has no \"shard\"); merge "
				   "joins the files of callsim sweep --shard "
				   "K/N", in->name);
	if (sscanf(s, "%u/%u%c", &k, &n, &extra) != 2 || k < 1 || k > n
	    || n > SWEEP_SHARDS_MAX)
		return sim_err_add(err, SIM_EINVAL, "%s: \"shard\": \"%s\" is "
				   "not K/N with 1 <= K <= N <= %d", in->name,
				   s, SWEEP_SHARDS_MAX);
	in->shard = (struct sweep_shard){ k, n };
	cut = (size_t)snprintf(suffix, sizeof suffix, ",\"shard\":\"%u/%u\"}\n",
			       k, n);
	if (in->head_len < cut
	    || memcmp(in->head + in->head_len - cut, suffix, cut) != 0)
		return sim_err_add(err, SIM_EINVAL, "%s:1: the header does not "
				   "end with its shard, as callsim writes it; "
				   "the file was changed", in->name);
	in->head_len -= cut - 2;
	memcpy(in->head + in->head_len - 2, "}\n", 3);
	return SIM_OK;
}

/* The grid's points, from the header. */
static enum sim_status sweep_merge_points(struct sweep_merge_in *in,
					  struct sim_err *err)
{
	const json_t *p = json_object_get(in->id, "points");
	const char *schema = json_string_value(json_object_get(in->id,
								"schema"));

	if (schema == NULL || strcmp(schema, SWEEP_SCHEMA) != 0)
		return sim_err_add(err, SIM_EINVAL, "%s:1: not a sweep's header "
				   "(\"schema\" is not \"" SWEEP_SCHEMA "\")",
				   in->name);
	if (!json_is_integer(p) || json_integer_value(p) < 1
	    || json_integer_value(p) > SWEEP_POINTS_MAX)
		return sim_err_add(err, SIM_EINVAL, "%s:1: \"points\" must be a "
				   "whole number 1..%d", in->name,
				   SWEEP_POINTS_MAX);
	in->points = (size_t)json_integer_value(p);
	return SIM_OK;
}

/* Reads in's header line (and the column names of a CSV). */
static enum sim_status sweep_merge_head(struct sweep_merge_in *in,
					struct sim_err *err)
{
	size_t cap = 0, skip;
	ssize_t n = getline(&in->head, &cap, in->f);
	json_error_t je;

	if (n <= 1 || in->head[n - 1] != '\n')
		return sim_err_add(err, SIM_EINVAL, "%s:1: no sweep header; "
				   "merge joins the files of callsim sweep "
				   "--shard K/N", in->name);
	in->head_len = (size_t)n;
	in->hash = scenario_fnv1a_stream(SCENARIO_FNV1A_INIT, in->head,
					 (size_t)n);
	in->csv = strncmp(in->head, "# ", 2) == 0;
	skip = in->csv ? 2 : 0;
	in->id = json_loadb(in->head + skip, (size_t)n - 1 - skip,
			    JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(in->id))
		return sim_err_add(err, SIM_EINVAL, "%s:1:%d: not a sweep's "
				   "header: %s", in->name, je.column + (int)skip,
				   in->id ? "not an object" : je.text);
	if (sweep_merge_points(in, err) != SIM_OK
	    || sweep_merge_shard(in, err) != SIM_OK)
		return err->status;
	cap = 0;
	n = in->csv ? getline(&in->columns, &cap, in->f) : 0;
	if (in->csv && (n <= 0 || in->columns[n - 1] != '\n'))
		return sim_err_add(err, SIM_EINVAL, "%s:2: no column names",
				   in->name);
	in->columns_len = (size_t)n;
	in->hash = scenario_fnv1a_stream(in->hash, in->columns, in->columns_len);
	in->data_at = ftell(in->f);
	return SIM_OK;
}

/* One line of err saying that member key of the headers differs. */
static enum sim_status sweep_merge_member(const struct sweep_merge_in *a,
					  const struct sweep_merge_in *b,
					  const char *key, struct sim_err *err)
{
	const json_t *va = json_object_get(a->id, key);
	const json_t *vb = json_object_get(b->id, key);
	char *ta = va ? json_dumps(va, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
	char *tb = vb ? json_dumps(vb, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;

	sim_err_add(err, SIM_EINVAL, "%s and %s are shards of different "
		    "sweeps: \"%s\" is %.200s in %s and %.200s in %s", a->name,
		    b->name, key, ta ? ta : "absent", a->name,
		    tb ? tb : "absent", b->name);
	free(ta);
	free(tb);
	return SIM_EINVAL;
}

/* Says which member differs between the headers of a and b. */
static enum sim_status sweep_merge_differs(const struct sweep_merge_in *a,
					   const struct sweep_merge_in *b,
					   struct sim_err *err)
{
	const char *key;
	json_t *v;

	json_object_foreach(a->id, key, v)
		if (strcmp(key, "shard") != 0
		    && !json_equal(v, json_object_get(b->id, key)))
			return sweep_merge_member(a, b, key, err);
	json_object_foreach(b->id, key, v)
		if (json_object_get(a->id, key) == NULL)
			return sweep_merge_member(a, b, key, err);
	return sim_err_add(err, SIM_EINVAL, "%s and %s are shards of "
			   "different sweeps: their headers differ", a->name,
			   b->name);
}

/* Whether b is a shard of a's split of a's sweep; says why not. */
static enum sim_status sweep_merge_alike(const struct sweep_merge_in *a,
					 const struct sweep_merge_in *b,
					 struct sim_err *err)
{
	if (a->csv != b->csv)
		return sim_err_add(err, SIM_EINVAL, "%s is %s and %s is %s: "
				   "shards of one sweep share its format",
				   a->name, a->csv ? "CSV" : "JSON Lines",
				   b->name, b->csv ? "CSV" : "JSON Lines");
	if (a->head_len != b->head_len
	    || memcmp(a->head, b->head, a->head_len) != 0)
		return sweep_merge_differs(a, b, err);
	if (a->shard.n != b->shard.n)
		return sim_err_add(err, SIM_EINVAL, "%s is shard %u/%u and %s "
				   "shard %u/%u: shards of different splits "
				   "overlap; give the %u shards of one split",
				   a->name, a->shard.k, a->shard.n, b->name,
				   b->shard.k, b->shard.n, a->shard.n);
	if (a->columns_len != b->columns_len || (a->columns_len > 0
	    && memcmp(a->columns, b->columns, a->columns_len) != 0))
		return sim_err_add(err, SIM_EINVAL, "%s and %s have different "
				   "column names (line 2); the file was "
				   "changed", a->name, b->name);
	return SIM_OK;
}

/* Says that shard k of shards (from 0) is missing, with the points it
 * holds of the grid's: k, k + shards, and so on, only those there are. */
static void sweep_merge_missing(unsigned k, unsigned shards, size_t points,
				struct sim_err *err)
{
	char held[64] = "none";
	size_t second = (size_t)k + shards;

	if (second + shards < points)
		snprintf(held, sizeof held, "%u, %zu, ...", k, second);
	else if (second < points)
		snprintf(held, sizeof held, "%u, %zu", k, second);
	else if (k < points)
		snprintf(held, sizeof held, "%u", k);
	sim_err_add(err, SIM_EINVAL, "shard %u/%u is missing: no part holds "
		    "its points (%s)", k + 1, shards, held);
}

/* by_k[k - 1] = the part holding shard k; every shard of the split given
 * once. */
static enum sim_status sweep_merge_cover(const struct sweep_merge_in *ins,
					 size_t n, size_t *by_k,
					 struct sim_err *err)
{
	unsigned shards = ins[0].shard.n;

	for (unsigned k = 0; k < shards; k++)
		by_k[k] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t *at = &by_k[ins[i].shard.k - 1];

		if (*at != SIZE_MAX)
			sim_err_add(err, SIM_EINVAL, "%s and %s are both shard "
				    "%u/%u; give each shard once",
				    ins[*at].name, ins[i].name, ins[i].shard.k,
				    shards);
		else
			*at = i;
	}
	for (unsigned k = 0; k < shards; k++)
		if (by_k[k] == SIZE_MAX)
			sweep_merge_missing(k, shards, ins[0].points, err);
	return sim_err_failed(err) ? SIM_EINVAL : SIM_OK;
}

/* Whether row (len bytes) of in, at byte at, carries on: a further row
 * of the point in hand *current, or the first of the next point expected
 * (counted in *done). */
static enum sim_status sweep_merge_row(const struct sweep_merge_in *in,
				       long at, long *current, size_t *done,
				       struct sim_err *err)
{
	long p = sweep_row_point(in->row);
	size_t count = sweep_shard_count(&in->shard, in->points);
	size_t want = sweep_shard_point(&in->shard, *done);

	if (p >= 0 && p == *current)
		return SIM_OK;
	if (*done < count && p == (long)want) {
		*current = p;
		(*done)++;
		return SIM_OK;
	}
	if (*done < count)
		return sim_err_add(err, SIM_EINVAL, "%s: a row of point %zu was "
				   "expected at byte %ld; the file was changed",
				   in->name, want, at);
	return sim_err_add(err, SIM_EINVAL, "%s: the end line was expected "
			   "at byte %ld, after the shard's last point; the "
			   "file was changed", in->name, at);
}

/* What row (n bytes, at byte at) of in is once done of its points are
 * read: its end line, or a row (false); an end line vouching for other
 * bytes than those read is refused (err filled, false). */
static bool sweep_merge_ends(const struct sweep_merge_in *in, size_t n,
			     size_t done, long at, struct sim_err *err)
{
	enum sweep_shard_line kind = sweep_shard_line_of(in->row, n,
		&in->shard, in->points, in->hash, in->csv);

	if (done != sweep_shard_count(&in->shard, in->points))
		return false;
	if (kind == SWEEP_SHARD_END_CHANGED)
		sim_err_add(err, SIM_EINVAL, "%s: the end line at byte %ld "
			    "vouches for other bytes (its fnv1a is not the "
			    "hash of the bytes before it): the file was "
			    "changed after shard %u/%u was written, a row "
			    "edited, lost or doubled; run the shard again",
			    in->name, at, in->shard.k, in->shard.n);
	if (kind == SWEEP_SHARD_END_EARLIER)
		sim_err_add(err, SIM_EINVAL, "%s: the end line at byte %ld is "
			    "one an earlier callsim wrote, without the fnv1a "
			    "hash of the bytes before it, so nothing vouches "
			    "for shard %u/%u's rows; run the shard again with "
			    "this callsim", in->name, at, in->shard.k,
			    in->shard.n);
	return kind == SWEEP_SHARD_END;
}

/* The first pass over in's points: in order, each of the shard's once,
 * then the end line vouching for the bytes before it, then nothing; the
 * file is left where its points start. */
static enum sim_status sweep_merge_check(struct sweep_merge_in *in,
					 struct sim_err *err)
{
	size_t done = 0, count = sweep_shard_count(&in->shard, in->points);
	long current = -1, at = in->data_at;
	bool ended = false;
	ssize_t n;

	while ((n = sweep_row_read(in->f, in->csv, &in->row, &in->cap)) > 0) {
		if (ended)
			return sim_err_add(err, SIM_EINVAL, "%s: rows after the "
					   "end line at byte %ld; the file was "
					   "changed", in->name, at);
		ended = sweep_merge_ends(in, (size_t)n, done, at, err);
		if (sim_err_failed(err))
			return err->status;
		if (!ended && sweep_merge_row(in, at, &current, &done, err)
			      != SIM_OK)
			return err->status;
		in->hash = scenario_fnv1a_stream(in->hash, in->row, (size_t)n);
		at += n;
	}
	if (ferror(in->f) || fseek(in->f, in->data_at, SEEK_SET) != 0)
		return sim_err_add(err, SIM_EIO, "%s: read error", in->name);
	if (!ended)
		return sim_err_add(err, SIM_EINVAL, "%s: shard %u/%u is "
				   "unfinished (%zu of its %zu points begun, no "
				   "end line); finish it: run its sweep again "
				   "with --resume", in->name, in->shard.k,
				   in->shard.n, done, count);
	return SIM_OK;
}

/* The second pass: the header, then each point from its shard. */
static enum sim_status sweep_merge_write(struct sweep_merge_in *ins,
					 const size_t *by_k, FILE *out,
					 struct sim_err *err)
{
	const struct sweep_merge_in *first = &ins[by_k[0]];
	unsigned shards = first->shard.n;

	fwrite(first->head, 1, first->head_len, out);
	if (first->columns_len > 0)
		fwrite(first->columns, 1, first->columns_len, out);
	for (unsigned k = 0; k < shards; k++) {
		struct sweep_merge_in *in = &ins[by_k[k]];

		in->len = sweep_row_read(in->f, in->csv, &in->row, &in->cap);
	}
	for (size_t i = 0; i < first->points; i++) {
		struct sweep_merge_in *in = &ins[by_k[i % shards]];

		while (in->len > 0 && sweep_row_point(in->row) == (long)i) {
			fwrite(in->row, 1, (size_t)in->len, out);
			in->len = sweep_row_read(in->f, in->csv, &in->row,
						 &in->cap);
		}
	}
	if (fflush(out) != 0 || ferror(out))
		return sim_err_add(err, SIM_EIO, "writing the merged sweep "
				   "failed");
	return SIM_OK;
}

/* Every check of the parts, in turn; by_k[shards] filled. */
static enum sim_status sweep_merge_checks(struct sweep_merge_in *ins,
					  size_t n, size_t *by_k,
					  struct sim_err *err)
{
	for (size_t i = 0; i < n; i++)
		sweep_merge_head(&ins[i], err);
	for (size_t i = 1; i < n && !sim_err_failed(err); i++)
		sweep_merge_alike(&ins[0], &ins[i], err);
	if (!sim_err_failed(err))
		sweep_merge_cover(ins, n, by_k, err);
	for (size_t i = 0; i < n && !sim_err_failed(err); i++)
		sweep_merge_check(&ins[i], err);
	return err->status;
}

enum sim_status sweep_merge(const struct sweep_merge_part *parts, size_t n,
			    FILE *out, struct sim_err *err)
{
	struct sweep_merge_in *ins = mem_calloc(n, sizeof *ins);
	size_t *by_k = mem_calloc(SWEEP_SHARDS_MAX, sizeof *by_k);
	enum sim_status st = SIM_ENOMEM;

	if (ins == NULL || by_k == NULL)
		sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; ins != NULL && i < n; i++)
		ins[i] = (struct sweep_merge_in){ .name = parts[i].name,
						  .f = parts[i].f, .len = -1 };
	if (ins != NULL && by_k != NULL) {
		st = sweep_merge_checks(ins, n, by_k, err);
		if (st == SIM_OK)
			st = sweep_merge_write(ins, by_k, out, err);
	}
	for (size_t i = 0; ins != NULL && i < n; i++) {
		free(ins[i].head);
		free(ins[i].columns);
		free(ins[i].row);
		json_decref(ins[i].id);
	}
	free(ins);
	free(by_k);
	return st;
}
