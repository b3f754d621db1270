/* sweep.c: the grid of a sweep, its header, its points as CSV rows or JSON
 * lines, and the scan that lets an interrupted sweep resume (see sweep.h).
 *
 * A point's figures are formatted from its summary by the run's own
 * writers, which loop over the table of figures (models/figure.h):
 * report_csv writes the CSV rows with the point and its values as leading
 * fields, and report_json writes its members after the point's, through a
 * compact emitter, on one line. So a sweep point and a `callsim run` of
 * the same scenario and seed show the same figures, and a figure added to
 * the table appears in sweeps without a change here. */
#include "results/sweep.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "callsim_config.h"
#include "results/emit.h"
#include "results/report_csv.h"
#include "results/report_json.h"
#include "sim/mem.h"

/* ------------------------------------------------------------------ */
/* The grid                                                            */

/* Parses the whole of text as a number in plain decimal (the one rule of
 * the command line: scenario_parse_decimal). */
static bool sweep_number(const char *text, double *out)
{
	return scenario_parse_decimal(text, out) == 1;
}

static void sweep_axis_clear(struct sweep_axis *a)
{
	for (size_t i = 0; i < a->n_values; i++)
		free(a->values[i]);
	free(a->values);
	free(a->spec);
	free(a->path);
	memset(a, 0, sizeof *a);
}

/* Appends a copy of the n bytes at text to the axis's values. */
static bool sweep_axis_push(struct sweep_axis *a, const char *text, size_t n)
{
	char **grown = mem_realloc(a->values, (a->n_values + 1) * sizeof *grown);
	char *copy = mem_malloc(n + 1);

	if (grown != NULL)
		a->values = grown;
	if (grown == NULL || copy == NULL) {
		free(copy);
		return false;
	}
	memcpy(copy, text, n);
	copy[n] = '\0';
	a->values[a->n_values++] = copy;
	return true;
}

/* "from:to:step": the values from, from + step, ... <= to. Each is
 * computed from from and its index, not by adding step again and again,
 * so rounding errors do not pile up along a long range. */
static enum sim_status sweep_range(struct sweep_axis *a, const char *body,
				   struct sim_err *err)
{
	char lo[64], hi[64], st[64], buf[32], extra;
	double from, to, step, count;

	if (sscanf(body, "%63[^:]:%63[^:]:%63[^:]%c", lo, hi, st, &extra) != 3)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: a range is "
				   "from:to:step, three numbers", a->spec);
	if (!sweep_number(lo, &from) || !sweep_number(hi, &to)
	    || !sweep_number(st, &step))
		return sim_err_add(err, SIM_EINVAL, "--vary %s: from, to and "
				   "step must be numbers in plain decimal "
				   "(such as 2, 0.25 or 1e3)", a->spec);
	if (!(step > 0))
		return sim_err_add(err, SIM_EINVAL, "--vary %s: step must be "
				   "above 0, not %s", a->spec, st);
	if (from > to)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: from (%s) is "
				   "above to (%s); give from <= to", a->spec, lo, hi);
	/* The margin keeps `to` in when (to - from) / step is a whole
	 * number that rounding put a hair below it. */
	count = floor((to - from) / step * (1 + 1e-12) + 1e-9) + 1;
	if (count > SWEEP_POINTS_MAX)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: %.0f values; "
				   "at most %d", a->spec, count, SWEEP_POINTS_MAX);
	for (size_t i = 0; i < (size_t)count; i++) {
		/* 15 significant digits: every decimal a planner types comes
		 * back exactly, and 0.1 * 3 still reads 0.3. */
		int n = snprintf(buf, sizeof buf, "%.15g", from + (double)i * step);

		if (!sweep_axis_push(a, buf, (size_t)n))
			return sim_err_add(err, SIM_ENOMEM, "out of memory");
	}
	return SIM_OK;
}

/* "v1,v2,...": the texts between commas, none empty. */
static enum sim_status sweep_list(struct sweep_axis *a, const char *body,
				  struct sim_err *err)
{
	for (const char *p = body;; ) {
		size_t n = strcspn(p, ",");

		if (n == 0)
			return sim_err_add(err, SIM_EINVAL, "--vary %s: empty "
					   "value; give path=v1,v2,... or "
					   "path=from:to:step", a->spec);
		if (!sweep_axis_push(a, p, n))
			return sim_err_add(err, SIM_ENOMEM, "out of memory");
		if (p[n] == '\0')
			return SIM_OK;
		p += n + 1;
	}
}

/* The checks of a parsed axis against the grid it joins. */
static enum sim_status sweep_axis_fits(const struct sweep_grid *g,
				       const struct sweep_axis *a,
				       struct sim_err *err)
{
	if (strcmp(a->path, "run.seed") == 0
	    || strcmp(a->path, "run.replications") == 0)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: every point runs "
				   "with the same seed and replications; give "
				   "--seed or --replications instead", a->spec);
	if (strcmp(a->path, SWEEP_SCENARIO_PATH) == 0
	    && a->n_values > SWEEP_SCENARIOS_MAX)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: %zu scenario "
				   "files; at most %d", a->spec, a->n_values,
				   SWEEP_SCENARIOS_MAX);
	for (size_t i = 0; i < g->n_axes; i++)
		if (strcmp(g->axes[i].path, a->path) == 0)
			return sim_err_add(err, SIM_EINVAL, "--vary %s: %s is "
					   "already varied", a->spec, a->path);
	if (g->n_axes == SWEEP_AXES_MAX)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: at most %d "
				   "--vary options", a->spec, SWEEP_AXES_MAX);
	if ((double)g->n_points * (double)a->n_values > SWEEP_POINTS_MAX)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: the grid would "
				   "have %.0f points; at most %d", a->spec,
				   (double)g->n_points * (double)a->n_values,
				   SWEEP_POINTS_MAX);
	return SIM_OK;
}

/* Parses spec into a (zeroed by the caller). */
static enum sim_status sweep_axis_parse(struct sweep_axis *a, const char *spec,
					struct sim_err *err)
{
	const char *eq = strchr(spec, '=');
	const char *body = eq ? eq + 1 : NULL;

	a->spec = mem_strdup(spec);
	a->path = eq ? mem_strndup(spec, (size_t)(eq - spec)) : NULL;
	if (a->spec == NULL || (eq && a->path == NULL))
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	if (eq == NULL || eq == spec)
		return sim_err_add(err, SIM_EINVAL, "--vary %s: expected "
				   "path=from:to:step or path=v1,v2,...", spec);
	if (*body == '\0')
		return sim_err_add(err, SIM_EINVAL, "--vary %s: no values after "
				   "'='", spec);
	if (strchr(body, ',') == NULL && strchr(body, ':') != NULL
	    && strcmp(a->path, SWEEP_SCENARIO_PATH) != 0)
		return sweep_range(a, body, err);
	return sweep_list(a, body, err);
}

enum sim_status sweep_grid_add(struct sweep_grid *g, const char *spec,
			       struct sim_err *err)
{
	struct sweep_axis a = { 0 };
	struct sweep_axis *grown;
	enum sim_status st = sweep_axis_parse(&a, spec, err);

	if (st == SIM_OK)
		st = sweep_axis_fits(g, &a, err);
	if (st == SIM_OK) {
		grown = mem_realloc(g->axes, (g->n_axes + 1) * sizeof *grown);
		if (grown == NULL)
			st = sim_err_add(err, SIM_ENOMEM, "out of memory");
		else
			g->axes = grown;
	}
	if (st != SIM_OK) {
		sweep_axis_clear(&a);
		return st;
	}
	if (g->n_axes == 0)
		g->n_points = 1;
	g->axes[g->n_axes++] = a;
	g->n_points *= a.n_values;
	return SIM_OK;
}

void sweep_grid_clear(struct sweep_grid *g)
{
	for (size_t i = 0; i < g->n_axes; i++)
		sweep_axis_clear(&g->axes[i]);
	free(g->axes);
	*g = (struct sweep_grid){ .n_points = 1 };
}

/* Mixed radix, the last axis the fastest digit. */
size_t sweep_grid_index(const struct sweep_grid *g, size_t point,
			size_t axis)
{
	assert(point < g->n_points && axis < g->n_axes);
	for (size_t i = g->n_axes; i-- > axis + 1; )
		point /= g->axes[i].n_values;
	return point % g->axes[axis].n_values;
}

const char *sweep_grid_value(const struct sweep_grid *g, size_t point,
			     size_t axis)
{
	return g->axes[axis].values[sweep_grid_index(g, point, axis)];
}

size_t sweep_grid_scenario_axis(const struct sweep_grid *g)
{
	size_t i = 0;

	while (i < g->n_axes && strcmp(g->axes[i].path, SWEEP_SCENARIO_PATH) != 0)
		i++;
	return i;
}

/* ------------------------------------------------------------------ */
/* Text helpers                                                        */

/* A value in JSON: a number when the text is one (printed %.15g, since
 * JSON refuses forms such as "+5" or ".5"), else a string. */
static void sweep_json_value(FILE *f, const char *text)
{
	double x;

	if (sweep_number(text, &x))
		fprintf(f, "%.15g", x);
	else
		emit_json_string(f, text);
}

/* ------------------------------------------------------------------ */
/* Header                                                              */

void sweep_content_add(struct sweep_id *id, uint64_t point_content)
{
	id->content_fnv1a = scenario_fnv1a(id->content_fnv1a, &point_content,
					   sizeof point_content);
}

/* A JSON array of strings. */
static void sweep_json_strings(FILE *f, const char *const *s, size_t n)
{
	fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', f);
		emit_json_string(f, s[i]);
	}
	fputc(']', f);
}

/* An empty summary of sc (every figure nothing measured): what the CSV
 * rows and columns of sc are does not depend on the figures. NULL when
 * out of memory; free *res with replication_result_free. */
static struct summary *sweep_empty_summary(const struct scenario *sc,
					   struct replication_result **res)
{
	struct sim_err err;

	sim_err_clear(&err);
	*res = replication_result_new(sc);
	if (*res == NULL)
		return NULL;
	return summary_new(sc, (const struct replication_result *const *)res,
			   1, &err);
}

/* The wide CSV's column names after the axes, and the line end. */
static enum sim_status sweep_wide_names(FILE *f, const struct scenario *sc,
					struct sim_err *err)
{
	struct replication_result *res;
	struct summary *s = sweep_empty_summary(sc, &res);

	if (s != NULL) {
		report_csv_wide_names(f, s);
		fputc('\n', f);
	}
	summary_free(s);
	replication_result_free(res);
	return s != NULL ? SIM_OK
		: sim_err_add(err, SIM_ENOMEM, "out of memory");
}

/* The identity as one JSON object, without a line end. */
static void sweep_id_json(FILE *f, const struct sweep_id *id)
{
	const struct sweep_grid *g = id->grid;

	fputs("{\"callsim_sweep\":1,\"name\":", f);
	emit_json_string(f, id->name);
	/* %.17g: a resumed sweep must run the very same days. */
	fprintf(f, ",\"content_fnv1a\":\"%016" PRIx64 "\",\"seed\":%" PRIu64
		",\"replications\":%u,\"days\":%.17g,\"warmup_hours\":%.17g"
		",\"points\":%zu,\"vary\":[", id->content_fnv1a, id->seed,
		id->replications, id->days, id->warmup_hours, g->n_points);
	for (size_t i = 0; i < g->n_axes; i++) {
		if (i > 0)
			fputc(',', f);
		emit_json_string(f, g->axes[i].spec);
	}
	fputs("],\"set\":", f);
	sweep_json_strings(f, id->sets, id->n_sets);
	/* Only when wide, so the headers of other sweeps stay as they were. */
	if (id->format == SWEEP_CSV_WIDE)
		fputs(",\"wide\":true", f);
	/* What the file is, for `callsim report` (results/result_read.h). */
	fputs(",\"schema\":\"" SWEEP_SCHEMA "\",\"schema_version\":", f);
	fprintf(f, "%d,\"callsim_version\":", SWEEP_SCHEMA_VERSION);
	emit_json_string(f, CALLSIM_VERSION);
	/* Last, so a merge gets the whole sweep's header by cutting it off. */
	sweep_shard_member(f, &id->shard);
	fputc('}', f);
}

enum sim_status sweep_header_write(FILE *f, const struct sweep_id *id,
				   struct sim_err *err)
{
	if (id->format != SWEEP_JSONL)
		fputs("# ", f);
	sweep_id_json(f, id);
	fputc('\n', f);
	if (id->format != SWEEP_JSONL) {
		fputs("point", f);
		for (size_t i = 0; i < id->grid->n_axes; i++) {
			fputc(',', f);
			emit_csv_field(f, id->grid->axes[i].path);
		}
	}
	if (id->format == SWEEP_CSV)
		fputs(",section,name,metric,mean,ci_low,ci_high\n", f);
	if (id->format == SWEEP_CSV_WIDE &&
	    sweep_wide_names(f, id->sc, err) != SIM_OK)
		return err->status;
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the sweep header failed");
	return SIM_OK;
}

/* ------------------------------------------------------------------ */
/* Points                                                              */

/* The CSV rows of the run report, each starting with the point and its
 * values as fields; *n_rows gets their number. */
static enum sim_status sweep_csv_rows(FILE *f, const struct sweep_grid *g,
				      size_t point, const struct summary *s,
				      size_t *n_rows, struct sim_err *err)
{
	const char *fields[SWEEP_AXES_MAX + 1];
	char number[24];
	struct report_csv_prefix prefix = { fields, g->n_axes + 1 };

	snprintf(number, sizeof number, "%zu", point);
	fields[0] = number;
	for (size_t i = 0; i < g->n_axes; i++)
		fields[i + 1] = sweep_grid_value(g, point, i);
	return report_csv_rows(f, s, &prefix, n_rows, err);
}

/* The point as one wide CSV row: its number and values, then a column a
 * figure. */
static enum sim_status sweep_wide_row(FILE *f, const struct sweep_grid *g,
				      size_t point, const struct summary *s,
				      struct sim_err *err)
{
	const char *fields[SWEEP_AXES_MAX + 1];
	char number[24];
	struct report_csv_prefix prefix = { fields, g->n_axes + 1 };

	snprintf(number, sizeof number, "%zu", point);
	fields[0] = number;
	for (size_t i = 0; i < g->n_axes; i++)
		fields[i + 1] = sweep_grid_value(g, point, i);
	return report_csv_wide_row(f, s, &prefix, err);
}

/* {"point":k,"values":{...}, then the run report's members, written by
 * report_json itself with a compact emitter: one line, no whitespace. */
static void sweep_json_line(FILE *f, const struct sweep_grid *g, size_t point,
			    const struct summary *s)
{
	struct emit_json w = { .f = f, .compact = true };

	emit_json_open(&w, '{');
	emit_json_key(&w, "point");
	fprintf(f, "%zu", point);
	emit_json_key(&w, "values");
	emit_json_open(&w, '{');
	for (size_t i = 0; i < g->n_axes; i++) {
		emit_json_key(&w, g->axes[i].path);
		sweep_json_value(f, sweep_grid_value(g, point, i));
	}
	emit_json_close(&w, '}');
	report_json_members(&w, s, false);
	emit_json_close(&w, '}');
	fputc('\n', f);
}

enum sim_status sweep_point_write(FILE *f, const struct sweep_grid *g,
				  size_t point, const struct summary *s,
				  enum sweep_format format, struct sim_err *err)
{
	size_t rows;

	if (format == SWEEP_CSV) {
		if (sweep_csv_rows(f, g, point, s, &rows, err) != SIM_OK)
			return err->status;
	} else if (format == SWEEP_CSV_WIDE) {
		if (sweep_wide_row(f, g, point, s, err) != SIM_OK)
			return err->status;
	} else {
		sweep_json_line(f, g, point, s);
	}
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing point %zu failed", point);
	return SIM_OK;
}

/* Counts the rows of a CSV point of sc: report_csv's rows of an empty
 * summary of sc (how many there are depends on its lines, pools, grades,
 * areas and roles, never on the figures). */
size_t sweep_point_lines(const struct scenario *sc, enum sweep_format format)
{
	struct replication_result *res;
	struct summary *s;
	size_t rows = 0;

	if (format != SWEEP_CSV)
		return 1;
	s = sweep_empty_summary(sc, &res);
	if (s != NULL)
		rows = report_csv_count(s);
	summary_free(s);
	replication_result_free(res);
	return rows;
}

uint64_t sweep_point_columns(const struct scenario *sc)
{
	struct sim_err err;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	enum sim_status st = SIM_ENOMEM;
	uint64_t h = 0;

	sim_err_clear(&err);
	if (mem != NULL) {
		st = sweep_wide_names(mem, sc, &err);
		if (fclose(mem) != 0)
			st = SIM_ENOMEM;
	}
	if (st == SIM_OK)
		h = scenario_fnv1a(SCENARIO_FNV1A_INIT, buf, len);
	free(buf);
	return h;
}

/* ------------------------------------------------------------------ */
/* Resume                                                              */

long sweep_row_point(const char *row)
{
	static const char json_key[] = "{\"point\":";
	char *end;
	long k;

	if (strncmp(row, json_key, sizeof json_key - 1) == 0)
		row += sizeof json_key - 1;
	if (*row < '0' || *row > '9')
		return -1;
	k = strtol(row, &end, 10);
	return *end == ',' ? k : -1;
}

/* Checks the file starts with the header. Returns SIM_OK with *matched
 * set when it does, or when it holds a part of it only (*matched false). */
static enum sim_status sweep_resume_header(FILE *f, const char *name,
					   const char *header, size_t len,
					   bool *matched, struct sim_err *err)
{
	char *got = mem_malloc(len + 1);
	size_t n = got ? fread(got, 1, len, f) : 0;
	size_t first = strcspn(header, "\n");
	enum sim_status st = SIM_OK;

	if (got == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	got[n] = '\0';
	*matched = n == len && memcmp(got, header, len) == 0;
	if (!*matched && (n == len || memcmp(got, header, n) != 0)) {
		sim_err_add(err, SIM_EINVAL, "%s holds a different sweep; "
			    "refusing to resume it (give another --out, or "
			    "remove the file)", name);
		sim_err_add(err, SIM_EINVAL, "  the file:   %.*s", (int)strcspn(got, "\n"),
			    got);
		st = sim_err_add(err, SIM_EINVAL, "  this sweep: %.*s", (int)first,
				 header);
	}
	free(got);
	return st;
}

/* The quotes in the n bytes at s. */
static size_t sweep_quotes(const char *s, size_t n)
{
	size_t q = 0;

	for (size_t i = 0; i < n; i++)
		q += s[i] == '"';
	return q;
}

/* Appends the n bytes at more to the row of *len bytes in *row. */
static bool sweep_row_append(char **row, size_t *cap, size_t *len,
			     const char *more, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t want = 2 * (*len + n + 1);
		char *grown = mem_realloc(*row, want);

		if (grown == NULL)
			return false;
		*row = grown;
		*cap = want;
	}
	memcpy(*row + *len, more, n + 1);
	*len += n;
	return true;
}

/* RFC 4180 doubles a quote inside a field, so an odd count of quotes so
 * far shows a quoted field still open at the line break. */
ssize_t sweep_row_read(FILE *f, bool csv, char **row, size_t *cap)
{
	ssize_t n = getline(row, cap, f), m = 0;
	size_t len = n > 0 ? (size_t)n : 0, quotes, rest_cap = 0;
	char *rest = NULL;

	if (n <= 0 || (*row)[n - 1] != '\n')
		return -1;
	quotes = csv ? sweep_quotes(*row, len) : 0;
	while (quotes % 2 == 1) {
		m = getline(&rest, &rest_cap, f);
		if (m <= 0 || rest[m - 1] != '\n'
		    || !sweep_row_append(row, cap, &len, rest, (size_t)m))
			break;
		quotes += sweep_quotes(rest, (size_t)m);
	}
	free(rest);
	return quotes % 2 == 1 ? -1 : (ssize_t)len;
}

/* Whether the row at byte `at` (n bytes) is the next row expected of the
 * point in hand; otherwise the file was changed (err filled). */
static enum sim_status sweep_resume_expect(const struct sweep_scan *scan,
					   const char *row, size_t done,
					   long at, struct sim_err *err)
{
	size_t count = sweep_shard_count(&scan->shard, scan->n_points);
	long k = sweep_row_point(row);
	size_t want = sweep_shard_point(&scan->shard, done);

	if (done < count && k == (long)want)
		return SIM_OK;
	if (done < count)
		return sim_err_add(err, SIM_EINVAL, "%s: a row of point %zu was "
				   "expected at byte %ld; the file was changed, "
				   "refusing to resume it", scan->name, want, at);
	return sim_err_add(err, SIM_EINVAL, "%s: nothing was expected after "
			   "the last point at byte %ld; the file was changed, "
			   "refusing to resume it", scan->name, at);
}

/* What row (n bytes) is: the end line after the shard's last point
 * (out->hash being that of the bytes before it), an end line there
 * vouching for other bytes (the points were changed: err filled, since a
 * resumed file would vouch for them), or a row. */
static enum sweep_shard_line sweep_resume_end(const struct sweep_scan *scan,
					      const char *row, size_t n,
					      const struct sweep_resume *out,
					      struct sim_err *err)
{
	bool csv = scan->format != SWEEP_JSONL;
	enum sweep_shard_line kind = sweep_shard_line_of(row, n, &scan->shard,
		scan->n_points, out->hash, csv);

	if (out->points_done != sweep_shard_count(&scan->shard, scan->n_points))
		return SWEEP_SHARD_ROW;
	if (kind == SWEEP_SHARD_END_CHANGED)
		sim_err_add(err, SIM_EINVAL, "%s: its end line's fnv1a is not "
			    "the hash of the bytes before it: the file was "
			    "changed after shard %u/%u was written; refusing "
			    "to resume it (remove it and run the shard again)",
			    scan->name, scan->shard.k, scan->shard.n);
	if (kind == SWEEP_SHARD_END_EARLIER)
		sim_err_add(err, SIM_EINVAL, "%s: its end line is one an "
			    "earlier callsim wrote, without the fnv1a hash of "
			    "the bytes before it; refusing to resume it "
			    "(remove it and run shard %u/%u again with this "
			    "callsim)", scan->name, scan->shard.k,
			    scan->shard.n);
	return kind;
}

/* Counts the complete points after the header (and stops at a shard's end
 * line after the last of them), hashing the bytes kept. */
static enum sim_status sweep_resume_points(FILE *f,
					   const struct sweep_scan *scan,
					   struct sweep_resume *out,
					   struct sim_err *err)
{
	bool csv = scan->format != SWEEP_JSONL;
	size_t cap = 0, in_point = 0;
	char *row = NULL;
	long at = ftell(f);
	uint64_t h = out->hash;
	ssize_t n;
	enum sim_status st = SIM_OK;

	while (st == SIM_OK && (n = sweep_row_read(f, csv, &row, &cap)) > 0) {
		enum sweep_shard_line kind = in_point > 0 ? SWEEP_SHARD_ROW
			: sweep_resume_end(scan, row, (size_t)n, out, err);

		if (kind != SWEEP_SHARD_ROW) {
			st = kind == SWEEP_SHARD_END ? SIM_OK : SIM_EINVAL;
			break;
		}
		st = sweep_resume_expect(scan, row, out->points_done, at, err);
		at += n;
		h = scenario_fnv1a_stream(h, row, (size_t)n);
		if (st == SIM_OK && ++in_point == scan->point_rows[
			    sweep_shard_point(&scan->shard, out->points_done)]) {
			out->points_done++;
			out->keep_bytes = at;
			out->hash = h;
			in_point = 0;
		}
	}
	free(row);
	if (st == SIM_OK && ferror(f))
		st = sim_err_add(err, SIM_EIO, "%s: read error", scan->name);
	return st;
}

enum sim_status sweep_resume_scan(FILE *f, const struct sweep_scan *scan,
				  struct sweep_resume *out,
				  struct sim_err *err)
{
	enum sim_status st;

	*out = (struct sweep_resume){ 0 };
	st = sweep_resume_header(f, scan->name, scan->header, scan->header_len,
				 &out->has_header, err);
	if (st != SIM_OK || !out->has_header)
		return st;
	out->keep_bytes = (long)scan->header_len;
	out->hash = scenario_fnv1a_stream(SCENARIO_FNV1A_INIT, scan->header,
					  scan->header_len);
	return sweep_resume_points(f, scan, out, err);
}
