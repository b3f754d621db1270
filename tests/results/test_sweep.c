/* test_sweep.c: the grid of a sweep (ranges, lists, order, every refusal),
 * its header, its points as the run report's rows with a prefix, and the
 * scan that finds where an interrupted sweep file's complete points end. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callsim_config.h"
#include "results/report_csv.h"
#include "results/report_json.h"
#include "results/sweep.h"
#include "test_fixture.h"

static struct sweep_grid sw_grid(void)
{
	return (struct sweep_grid){ .n_points = 1 };
}

static void sw_expect_values(const struct sweep_axis *a, const char *const *v,
			     size_t n)
{
	assert_int_equal(a->n_values, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(a->values[i], v[i]);
}

/* Values come from from + i * step, so 0.1 steps do not drift to
 * 0.30000000000000004, and `to` is kept though (to - from) / step rounds
 * a hair below a whole number. */
static void test_sweep_range_values(void **state)
{
	static const char *const tenths[] = { "0.1", "0.2", "0.3", "0.4", "0.5" };
	static const char *const odd[] = { "2.385", "4.77", "7.155", "9.54" };
	struct sweep_grid g = sw_grid();
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(&g, "lines.999.answer.goal=0.1:0.5:0.1",
					&err), SIM_OK);
	sw_expect_values(&g.axes[0], tenths, 5);
	assert_string_equal(g.axes[0].path, "lines.999.answer.goal");
	assert_string_equal(g.axes[0].spec, "lines.999.answer.goal=0.1:0.5:0.1");
	assert_int_equal(sweep_grid_add(&g, "a.b=2.385:9.6:2.385", &err), SIM_OK);
	sw_expect_values(&g.axes[1], odd, 4);
	assert_int_equal(g.n_points, 20);
	sweep_grid_clear(&g);
	assert_int_equal(g.n_axes, 0);
	assert_int_equal(g.n_points, 1);
}

/* A ',' makes a list even when values hold ':' (times of day); one value
 * alone is a list of one. */
static void test_sweep_lists(void **state)
{
	static const char *const times[] = { "07:00", "08:30" };
	static const char *const one[] = { "lognormal" };
	static const char *const neg[] = { "-2.385", "1e3", "x y" };
	struct sweep_grid g = sw_grid();
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(&g, "pools.e.shifts.early.start=07:00,08:30",
					&err), SIM_OK);
	assert_int_equal(sweep_grid_add(&g, "lines.999.handle.dist=lognormal", &err),
			 SIM_OK);
	assert_int_equal(sweep_grid_add(&g, "x=-2.385,1e3,x y", &err), SIM_OK);
	sw_expect_values(&g.axes[0], times, 2);
	sw_expect_values(&g.axes[1], one, 1);
	sw_expect_values(&g.axes[2], neg, 3);
	assert_int_equal(g.n_points, 6);
	sweep_grid_clear(&g);
}

/* Points count in mixed radix, the first axis slowest. */
static void test_sweep_grid_order(void **state)
{
	struct sweep_grid g = sw_grid();
	struct sim_err err;
	static const char *const want[6][2] = {
		{ "1", "a" }, { "1", "b" }, { "2", "a" }, { "2", "b" },
		{ "3", "a" }, { "3", "b" }
	};

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(&g, "p=1:3:1", &err), SIM_OK);
	assert_int_equal(sweep_grid_add(&g, "q=a,b", &err), SIM_OK);
	assert_int_equal(g.n_points, 6);
	for (size_t k = 0; k < 6; k++) {
		assert_string_equal(sweep_grid_value(&g, k, 0), want[k][0]);
		assert_string_equal(sweep_grid_value(&g, k, 1), want[k][1]);
	}
	sweep_grid_clear(&g);
}

/* Adds spec to g and expects SIM_EINVAL with `words` in the message and
 * the grid unchanged. */
static void sw_refused(struct sweep_grid *g, const char *spec, const char *words)
{
	struct sim_err err;
	size_t axes = g->n_axes, points = g->n_points;

	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(g, spec, &err), SIM_EINVAL);
	if (strstr(err.text, words) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", spec, err.text, words);
	assert_int_equal(err.n_lines, 1);
	assert_int_equal(g->n_axes, axes);
	assert_int_equal(g->n_points, points);
}

static void test_sweep_refuses_bad_specs(void **state)
{
	struct sweep_grid g = sw_grid();
	struct sim_err err;

	(void)state;
	sw_refused(&g, "lines.999.volume.per_hour", "expected path=");
	sw_refused(&g, "=1:2:1", "expected path=");
	sw_refused(&g, "a=", "no values");
	sw_refused(&g, "a=1:5:0", "step must be above 0");
	sw_refused(&g, "a=1:5:-2.385", "step must be above 0");
	sw_refused(&g, "a=9:5:1", "from (9) is above to (5)");
	sw_refused(&g, "a=one:5:1", "must be numbers");
	sw_refused(&g, "a=1:5:1:2", "three numbers");
	sw_refused(&g, "a=1:5", "three numbers");
	sw_refused(&g, "a=1,,2", "empty value");
	sw_refused(&g, "a=1,2,", "empty value");
	sw_refused(&g, "a=1:inf:1", "must be numbers");
	sw_refused(&g, "a=0:100000:1", "100001 values");
	sw_refused(&g, "run.seed=1,2", "same seed");
	sw_refused(&g, "run.replications=2:4:1", "same seed");
	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(&g, "a=1:1000:1", &err), SIM_OK);
	sw_refused(&g, "a=5,6", "already varied");
	sw_refused(&g, "b=1:101:1", "101000 points");
	sweep_grid_clear(&g);
}

static void test_sweep_refuses_too_many_axes(void **state)
{
	struct sweep_grid g = sw_grid();
	struct sim_err err;
	char spec[32];

	(void)state;
	sim_err_clear(&err);
	for (int i = 0; i < SWEEP_AXES_MAX; i++) {
		snprintf(spec, sizeof spec, "k%d=2.385", i);
		assert_int_equal(sweep_grid_add(&g, spec, &err), SIM_OK);
	}
	sw_refused(&g, "one.more=1", "at most 16");
	sweep_grid_clear(&g);
}

/* The grid of the point tests: a=0.3 (a range) and "b,c"=x"y (a list). */
static void sw_two_axes(struct sweep_grid *g)
{
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(g, "a=0.1:0.3:0.1", &err), SIM_OK);
	assert_int_equal(sweep_grid_add(g, "b,c=w,x\"y", &err), SIM_OK);
}

/* What a run report writer puts out for s, through a temporary file. */
static char *sw_capture(enum sim_status (*write)(FILE *, const struct summary *,
						 bool, struct sim_err *),
			const struct summary *s)
{
	FILE *f = tmpfile();
	struct sim_err err;
	char *buf;
	long len;

	sim_err_clear(&err);
	assert_non_null(f);
	assert_int_equal(write(f, s, false, &err), SIM_OK);
	len = ftell(f);
	buf = calloc((size_t)len + 1, 1);
	rewind(f);
	assert_int_equal(fread(buf, 1, (size_t)len, f), len);
	fclose(f);
	return buf;
}

static char *sw_point(const struct sweep_grid *g, size_t point,
		      const struct summary *s, enum sweep_format format)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct sim_err err;

	sim_err_clear(&err);
	assert_non_null(f);
	assert_int_equal(sweep_point_write(f, g, point, s, format, &err), SIM_OK);
	fclose(f);
	/* A copy: GCC at -O3 takes the memstream's buffer for one that
	 * points into this frame (its address went to open_memstream). */
	char *text = strdup(buf);
	free(buf);
	return text;
}

/* Each CSV row is "point,a,b," and then, byte for byte, a row of the run
 * report: a sweep point shows what `callsim run` shows. */
static void test_sweep_csv_point_is_the_run_report(void **state)
{
	struct fixture *fx = fx_new();
	struct sweep_grid g = sw_grid();
	struct sim_err err;
	struct summary *s;
	char *rows, *report, *r, *p;
	static const char prefix[] = "5,0.3,\"x\"\"y\",";

	(void)state;
	sim_err_clear(&err);
	sw_two_axes(&g);
	s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	rows = sw_point(&g, 5, s, SWEEP_CSV);
	report = sw_capture(report_csv_write, s);
	/* A point leaves out the run's rows by day, which come last. */
	assert_non_null(r = strstr(report, "\nline_day,"));
	r[1] = '\0';
	r = strchr(report, '\n') + 1;
	for (p = rows; *p; ) {
		size_t n = strcspn(r, "\n");

		assert_memory_equal(p, prefix, sizeof prefix - 1);
		p += sizeof prefix - 1;
		assert_memory_equal(p, r, n + 1);
		p += n + 1;
		r += n + 1;
	}
	assert_int_equal(*r, '\0');
	assert_int_equal(fx_count(rows, "\n"), sweep_point_lines(&fx->sc, SWEEP_CSV));
	assert_int_equal(sweep_point_lines(&fx->sc, SWEEP_CSV), 52);
	assert_int_equal(sweep_point_lines(&fx->sc, SWEEP_JSONL), 1);
	free(rows);
	free(report);
	summary_free(s);
	sweep_grid_clear(&g);
	free(fx);
}

/* The run report's JSON without the whitespace between tokens: spaces and
 * escapes inside strings (the scenario's name) stay as they were. */
static char *sw_squeeze(const char *json)
{
	char *out = malloc(strlen(json) + 1), *o = out;
	bool in = false, esc = false;

	for (const char *p = json; *p; p++) {
		if (!in && (*p == ' ' || *p == '\n'))
			continue;
		if (in && !esc && *p == '"')
			in = false;
		else if (!in && *p == '"')
			in = true;
		esc = in && !esc && *p == '\\';
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

static void test_sweep_jsonl_point_is_one_line(void **state)
{
	struct fixture *fx = fx_new();
	struct sweep_grid g = sw_grid();
	struct sim_err err;
	struct summary *s;
	char *line, *report, *squeezed;
	static const char head[] =
		"{\"point\":5,\"values\":{\"a\":0.3,\"b,c\":\"x\\\"y\"},";

	(void)state;
	sim_err_clear(&err);
	sw_two_axes(&g);
	s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	line = sw_point(&g, 5, s, SWEEP_JSONL);
	report = sw_capture(report_json_write, s);
	squeezed = sw_squeeze(report);
	assert_int_equal(fx_count(line, "\n"), 1);
	assert_int_equal(line[strlen(line) - 1], '\n');
	line[strlen(line) - 1] = '\0';
	assert_memory_equal(line, head, sizeof head - 1);
	/* The rest is the report's members: its text from "scenario" on
	 * (the schema, version and command that head a run's own JSON are
	 * the sweep header's business, not a point's), up to its figures by
	 * day, which a point leaves out. */
	assert_non_null(strstr(squeezed, "{\"schema\":\"callsim.run\","));
	assert_non_null(strstr(squeezed, ",\"by_day\":["));
	strcpy(strstr(squeezed, ",\"by_day\":["), "}");
	assert_string_equal(line + sizeof head - 1,
			    strstr(squeezed, "\"scenario\":"));
	assert_non_null(strstr(line, "\"Tiny \\\"test\\\" force\\\\north\\t1\""));
	free(line);
	free(report);
	free(squeezed);
	summary_free(s);
	sweep_grid_clear(&g);
	free(fx);
}

static char *sw_header(const struct sweep_grid *g, enum sweep_format format)
{
	static const char *const sets[] = { "lines.999.answer.goal=0.95" };
	struct sweep_id id = { .name = "scen \"a\"\nnorth",
		.content_fnv1a = 0xe71fa2190541574bu, .seed = 18446744073709551557u,
		.replications = 7, .days = 2.385, .warmup_hours = 0.1, .grid = g,
		.sets = sets, .n_sets = 1, .format = format };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(sweep_header_write(f, &id, &err), SIM_OK);
	fclose(f);
	return buf;
}

static void test_sweep_header(void **state)
{
	struct sweep_grid g = sw_grid();
	char *csv, *jsonl;
	static const char meta[] =
		"{\"callsim_sweep\":1,\"name\":\"scen \\\"a\\\"\\nnorth\","
		"\"content_fnv1a\":\"e71fa2190541574b\",\"seed\":18446744073709551557,"
		"\"replications\":7,\"days\":2.3849999999999998,"
		"\"warmup_hours\":0.10000000000000001,\"points\":6,"
		"\"vary\":[\"a=0.1:0.3:0.1\","
		"\"b,c=w,x\\\"y\"],\"set\":[\"lines.999.answer.goal=0.95\"],"
		"\"schema\":\"callsim.sweep\",\"schema_version\":1,"
		"\"callsim_version\":\"" CALLSIM_VERSION "\"}\n";

	(void)state;
	sw_two_axes(&g);
	csv = sw_header(&g, SWEEP_CSV);
	jsonl = sw_header(&g, SWEEP_JSONL);
	assert_string_equal(jsonl, meta);
	assert_memory_equal(csv, "# ", 2);
	assert_memory_equal(csv + 2, meta, sizeof meta - 1);
	assert_string_equal(csv + 2 + sizeof meta - 1,
			    "point,a,\"b,c\",section,name,metric,mean,ci_low,ci_high\n");
	free(csv);
	free(jsonl);
	sweep_grid_clear(&g);
}

/* The identity holds what every point read, in point order: the same
 * content gives the same hash, another content or order another. */
static void test_sweep_content_add(void **state)
{
	const uint64_t a = 0x2385u, b = 7;
	struct sweep_id ab = { .content_fnv1a = SCENARIO_FNV1A_INIT };
	struct sweep_id ba = ab, ab2 = ab;

	(void)state;
	sweep_content_add(&ab, a);
	sweep_content_add(&ab, b);
	sweep_content_add(&ba, b);
	sweep_content_add(&ba, a);
	sweep_content_add(&ab2, a);
	sweep_content_add(&ab2, b);
	assert_true(ab.content_fnv1a == ab2.content_fnv1a);
	assert_true(ab.content_fnv1a != ba.content_fnv1a);
	assert_true(ab.content_fnv1a != SCENARIO_FNV1A_INIT);
}

/* Scans text as a sweep file of shard sh whose header is "# H\nhead\n",
 * every point point_lines rows. */
static enum sim_status sw_scan_shard(const char *text, size_t point_lines,
				     size_t n_points, struct sweep_shard sh,
				     struct sweep_resume *res,
				     struct sim_err *err)
{
	static const char header[] = "# H\nhead\n";
	size_t rows[16];
	struct sweep_scan scan = { .name = "out.csv", .header = header,
		.header_len = sizeof header - 1, .point_rows = rows,
		.n_points = n_points, .shard = sh,
		.format = strchr(text, '{') && !strstr(text, "# {")
			  ? SWEEP_JSONL : SWEEP_CSV };
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	enum sim_status st;

	assert_true(n_points <= 16);
	for (size_t k = 0; k < n_points; k++)
		rows[k] = point_lines;
	sim_err_clear(err);
	if (*text == '\0')   /* fmemopen refuses an empty buffer */
		f = fopen("/dev/null", "r");
	st = sweep_resume_scan(f, &scan, res, err);
	fclose(f);
	return st;
}

/* Scans text as a whole sweep's file. */
static enum sim_status sw_scan(const char *text, size_t point_lines,
			       size_t n_points, struct sweep_resume *res,
			       struct sim_err *err)
{
	return sw_scan_shard(text, point_lines, n_points,
			     (struct sweep_shard){ 0, 0 }, res, err);
}

/* A shard's file holds its points only (2/3 of 7: 1, 4), and its end
 * line after the last is not kept (the sweep writes it again, with the
 * hash of the bytes kept); the end line before the last point, one
 * vouching for other bytes, or a point of another shard, is refused. */
static void test_sweep_resume_shard(void **state)
{
	static const char done[] = "# H\nhead\n1,a\n1,b\n4,a\n4,b\n"
		"# {\"end_of_shard\":\"2/3\",\"points\":7,\"fnv1a\":"
		"\"e53704b6d2ad6074\"}\n";
	/* done with a row edited: every row in place, the hash not theirs. */
	static const char edited[] = "# H\nhead\n1,a\n1,B\n4,a\n4,b\n"
		"# {\"end_of_shard\":\"2/3\",\"points\":7,\"fnv1a\":"
		"\"e53704b6d2ad6074\"}\n";
	struct sweep_shard sh = { 2, 3 };
	struct sweep_resume res;
	struct sim_err err;

	(void)state;
	assert_int_equal(sw_scan_shard(done, 2, 7, sh, &res, &err), SIM_OK);
	assert_int_equal(res.points_done, 2);
	assert_int_equal(res.keep_bytes, strstr(done, "# {") - done);
	assert_true(res.hash == 0xe53704b6d2ad6074u);
	assert_int_equal(sw_scan_shard("# H\nhead\n1,a\n1,b\n4,a\n", 2, 7,
				       sh, &res, &err), SIM_OK);
	assert_int_equal(res.points_done, 1);
	assert_int_equal(sw_scan_shard("# H\nhead\n1,a\n1,b\n"
				       "# {\"end_of_shard\":\"2/3\",\"points\":7,"
				       "\"fnv1a\":\"25b4ec72ca914597\"}\n", 2, 7,
				       sh, &res, &err), SIM_EINVAL);
	assert_int_equal(sw_scan_shard(edited, 2, 7, sh, &res, &err),
			 SIM_EINVAL);
	assert_non_null(strstr(err.text, "end line's fnv1a is not the hash"));
	assert_int_equal(sw_scan_shard("# H\nhead\n0,a\n0,b\n", 2, 7, sh,
				       &res, &err), SIM_EINVAL);
	assert_non_null(strstr(err.text, "a row of point 1 was expected"));
}

/* Whole points are kept; the partial point after them (a short point, or a
 * line without its '\n') is cut. */
static void test_sweep_resume_keeps_whole_points(void **state)
{
	static const char file[] = "# H\nhead\n0,a\n0,b\n0,c\n1,a\n1,b\n1,c\n"
				   "2,a\n2,b\n2,c\n3,a\n3,b\n3,";
	static const char jsonl[] = "# H\nhead\n{\"point\":0,\"x\":1}\n"
				    "{\"point\":1,\"x\":2}\n{\"poi";
	struct sweep_resume res;
	struct sim_err err;

	(void)state;
	assert_int_equal(sw_scan(file, 3, 10, &res, &err), SIM_OK);
	assert_true(res.has_header);
	assert_int_equal(res.points_done, 3);
	assert_int_equal(res.keep_bytes, strstr(file, "3,a") - file);
	/* One line a point, as JSON Lines. */
	assert_int_equal(sw_scan(jsonl, 1, 5, &res, &err), SIM_OK);
	assert_int_equal(res.points_done, 2);
	assert_int_equal(res.keep_bytes, strrchr(jsonl, '\n') + 1 - jsonl);
	/* Just the header: nothing done, everything kept. */
	assert_int_equal(sw_scan("# H\nhead\n", 3, 10, &res, &err), SIM_OK);
	assert_true(res.has_header);
	assert_int_equal(res.points_done, 0);
	assert_int_equal(res.keep_bytes, 9);
}

/* A CSV row whose quoted name holds a line break is one row over two
 * lines: points are counted in rows, and a row cut inside its quotes is
 * the partial point. */
static void test_sweep_resume_rows_span_lines(void **state)
{
	static const char file[] = "# H\nhead\n0,\"a\nb\",x\n0,c\n"
				   "1,\"a\nb\",x\n1,\"\"\"q\"\n2,\"a\n";
	struct sweep_resume res;
	struct sim_err err;

	(void)state;
	assert_int_equal(sw_scan(file, 2, 10, &res, &err), SIM_OK);
	assert_int_equal(res.points_done, 2);
	assert_int_equal(res.keep_bytes, strstr(file, "2,") - file);
	/* Counted by lines, the second line of point 0 would be out of order. */
	assert_int_equal(sw_scan("# H\nhead\n0,\"a\nb\"\n", 1, 10, &res, &err),
			 SIM_OK);
	assert_int_equal(res.points_done, 1);
}

/* A file holding part of the header (killed while writing it) or nothing
 * is started again; another sweep's file, or an edited one, is refused. */
static void test_sweep_resume_refusals(void **state)
{
	struct sweep_resume res;
	struct sim_err err;

	(void)state;
	assert_int_equal(sw_scan("# H\nhe", 3, 10, &res, &err), SIM_OK);
	assert_false(res.has_header);
	assert_int_equal(sw_scan("", 3, 10, &res, &err), SIM_OK);
	assert_false(res.has_header);
	assert_int_equal(sw_scan("# G\nhead\n0,a\n", 1, 10, &res, &err), SIM_EINVAL);
	assert_non_null(strstr(err.text, "out.csv holds a different sweep"));
	assert_non_null(strstr(err.text, "the file:   # G"));
	assert_non_null(strstr(err.text, "this sweep: # H"));
	assert_int_equal(sw_scan("# Hx", 1, 10, &res, &err), SIM_EINVAL);
	assert_int_equal(sw_scan("# H\nhead\n0,a\n2,a\n", 1, 10, &res, &err),
			 SIM_EINVAL);
	assert_non_null(strstr(err.text, "a row of point 1 was expected at byte 13"));
	assert_int_equal(sw_scan("# H\nhead\n0,a\n1,a\n", 1, 1, &res, &err),
			 SIM_EINVAL);
	assert_int_equal(sw_scan("# H\nhead\nx,a\n", 1, 3, &res, &err), SIM_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_range_values),
		cmocka_unit_test(test_sweep_lists),
		cmocka_unit_test(test_sweep_grid_order),
		cmocka_unit_test(test_sweep_refuses_bad_specs),
		cmocka_unit_test(test_sweep_refuses_too_many_axes),
		cmocka_unit_test(test_sweep_csv_point_is_the_run_report),
		cmocka_unit_test(test_sweep_jsonl_point_is_one_line),
		cmocka_unit_test(test_sweep_header),
		cmocka_unit_test(test_sweep_content_add),
		cmocka_unit_test(test_sweep_resume_rows_span_lines),
		cmocka_unit_test(test_sweep_resume_keeps_whole_points),
		cmocka_unit_test(test_sweep_resume_refusals),
		cmocka_unit_test(test_sweep_resume_shard),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
