/* report_json.c: a small hand-written JSON emitter and the summary in it.
 *
 * The emitter only knows objects, arrays, strings and numbers, which is all
 * the report needs; it pretty-prints with two-space indents so a diff of
 * two runs reads line by line. It keeps its nesting state in a struct on
 * the caller's stack, never in statics. */
#include "results/report_json.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>

#define JW_DEPTH_MAX 8

struct jw {
	FILE *f;
	int depth;
	bool first[JW_DEPTH_MAX];   /* nothing written yet at that depth */
};

/* A JSON string: quotes, backslashes and control characters escaped; other
 * bytes (UTF-8 from the scenario file) pass through unchanged. */
static void jw_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\b': fputs("\\b", f); break;
		case '\f': fputs("\\f", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* A number; JSON has no NaN or infinity, so those are null. */
static void jw_number(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.10g", x);
	else
		fputs("null", f);
}

/* Starts a member or element at the current depth: a comma after the
 * previous one, a new line, the indent. */
static void jw_next(struct jw *w)
{
	if (!w->first[w->depth])
		fputc(',', w->f);
	w->first[w->depth] = false;
	fprintf(w->f, "\n%*s", 2 * w->depth, "");
}

static void jw_key(struct jw *w, const char *key)
{
	jw_next(w);
	jw_string(w->f, key);
	fputs(": ", w->f);
}

static void jw_open(struct jw *w, char bracket)
{
	assert(w->depth + 1 < JW_DEPTH_MAX);
	fputc(bracket, w->f);
	w->first[++w->depth] = true;
}

static void jw_close(struct jw *w, char bracket)
{
	bool empty = w->first[w->depth--];

	if (!empty)
		fprintf(w->f, "\n%*s", 2 * w->depth, "");
	fputc(bracket, w->f);
}

static void jw_key_number(struct jw *w, const char *key, double x)
{
	jw_key(w, key);
	jw_number(w->f, x);
}

static void jw_key_string(struct jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_string(w->f, s);
}

/* A measured figure, on one line. */
static void jw_key_ci(struct jw *w, const char *key, const struct ci *c)
{
	jw_key(w, key);
	fputs("{\"mean\": ", w->f);
	jw_number(w->f, c->mean);
	fputs(", \"ci_low\": ", w->f);
	jw_number(w->f, c->lo);
	fputs(", \"ci_high\": ", w->f);
	jw_number(w->f, c->hi);
	fputc('}', w->f);
}

static void report_json_line(struct jw *w, const struct summary *s, size_t l)
{
	const struct line_spec *spec = &s->sc->lines[l];
	const struct summary_line *sl = &s->lines[l];

	jw_next(w);
	jw_open(w, '{');
	jw_key_string(w, "name", spec->name);
	jw_key_number(w, "target_s", spec->target_s);
	jw_key_number(w, "goal", spec->goal);   /* NAN (none) prints null */
	jw_key(w, "verdict");
	if (sl->has_goal)
		jw_string(w->f, ci_verdict_name(sl->verdict));
	else
		fputs("null", w->f);
	for (size_t k = 0; k < CC_LINE_METRICS; k++)
		jw_key_ci(w, summary_line_metric_name(k), &sl->m[k]);
	jw_close(w, '}');
}

static void report_json_pool(struct jw *w, const struct summary *s, size_t p)
{
	const struct summary_pool *sp = &s->pools[p];

	jw_next(w);
	jw_open(w, '{');
	jw_key_string(w, "name", s->sc->pools[p].name);
	for (size_t k = 0; k < CC_POOL_METRICS; k++)
		jw_key_ci(w, summary_pool_metric_name(k), &sp->m[k]);
	jw_key_number(w, "fte", sp->fte);
	jw_key_number(w, "annual_cost", sp->annual_cost);
	jw_close(w, '}');
}

/* A grade's settings, verdict and figures, force-wide or in one area. */
static void report_json_grade(struct jw *w, const struct summary *s,
			      size_t g, const struct summary_grade *sg)
{
	const struct grade_spec *spec = &s->sc->grades[g];

	jw_next(w);
	jw_open(w, '{');
	jw_key_string(w, "name", spec->name);
	jw_key_number(w, "target_s", spec->target_s);   /* NAN prints null */
	jw_key_number(w, "goal", spec->goal);
	jw_key(w, "verdict");
	if (sg->has_goal)
		jw_string(w->f, ci_verdict_name(sg->verdict));
	else
		fputs("null", w->f);
	for (size_t k = 0; k < RSP_GRADE_METRICS; k++)
		jw_key_ci(w, summary_grade_metric_name(k), &sg->m[k]);
	jw_close(w, '}');
}

static void report_json_area(struct jw *w, const struct summary *s, size_t a)
{
	jw_next(w);
	jw_open(w, '{');
	jw_key_string(w, "name", s->sc->areas[a].name);
	for (size_t k = 0; k < RSP_AREA_METRICS; k++)
		jw_key_ci(w, summary_area_metric_name(k), &s->areas[a].m[k]);
	jw_key(w, "grades");
	jw_open(w, '[');
	for (size_t g = 0; g < s->n_grades; g++)
		report_json_grade(w, s, g, summary_area_grade(s, a, g));
	jw_close(w, ']');
	jw_close(w, '}');
}

/* "grades": [...], "areas": [...]; empty for a calls-only scenario. */
static void report_json_response(struct jw *w, const struct summary *s)
{
	jw_key(w, "grades");
	jw_open(w, '[');
	for (size_t g = 0; g < s->n_grades; g++)
		report_json_grade(w, s, g, &s->grades[g]);
	jw_close(w, ']');
	jw_key(w, "areas");
	jw_open(w, '[');
	for (size_t a = 0; a < s->n_areas; a++)
		report_json_area(w, s, a);
	jw_close(w, ']');
}

/* One {name, fte, annual_cost} of the costs' pools or roles. */
static void report_json_staff(struct jw *w, const char *name, double fte,
			      double annual_cost)
{
	jw_next(w);
	jw_open(w, '{');
	jw_key_string(w, "name", name);
	jw_key_number(w, "fte", fte);
	jw_key_number(w, "annual_cost", annual_cost);
	jw_close(w, '}');
}

/* "costs": the call handlers (fte, annual_cost: the keys costs had before
 * officers were costed), each pool, each role, and everyone. */
static void report_json_costs(struct jw *w, const struct summary *s)
{
	jw_key(w, "costs");
	jw_open(w, '{');
	jw_key_number(w, "fte", s->pools_fte);
	jw_key_number(w, "annual_cost", s->pools_annual_cost);
	jw_key(w, "pools");
	jw_open(w, '[');
	for (size_t p = 0; p < s->n_pools; p++)
		report_json_staff(w, s->sc->pools[p].name, s->pools[p].fte,
				  s->pools[p].annual_cost);
	jw_close(w, ']');
	jw_key(w, "roles");
	jw_open(w, '[');
	for (size_t r = 0; r < s->n_roles; r++)
		report_json_staff(w, s->sc->roles[r].name, s->roles[r].fte,
				  s->roles[r].annual_cost);
	jw_close(w, ']');
	jw_key_number(w, "total_fte", s->total_fte);
	jw_key_number(w, "total_annual_cost", s->total_annual_cost);
	jw_close(w, '}');
}

/* The lines and pools of one hour of the week. */
static void report_json_hour_members(struct jw *w, const struct summary *s,
				     size_t h)
{
	jw_key(w, "lines");
	jw_open(w, '[');
	for (size_t l = 0; l < s->n_lines; l++) {
		jw_next(w);
		jw_open(w, '{');
		jw_key_string(w, "name", s->sc->lines[l].name);
		for (size_t k = 0; k < CC_INTERVAL_LINE_METRICS; k++)
			jw_key_ci(w, summary_iline_metric_name(k),
				  summary_iline(s, h, l, k));
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_key(w, "pools");
	jw_open(w, '[');
	for (size_t p = 0; p < s->n_pools; p++) {
		jw_next(w);
		jw_open(w, '{');
		jw_key_string(w, "name", s->sc->pools[p].name);
		for (size_t k = 0; k < CC_INTERVAL_POOL_METRICS; k++)
			jw_key_ci(w, summary_ipool_metric_name(k),
				  summary_ipool(s, h, p, k));
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void report_json_intervals(struct jw *w, const struct summary *s)
{
	char label[SUMMARY_HOUR_LABEL_MAX];

	jw_key(w, "intervals");
	jw_open(w, '[');
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		summary_hour_label(h, label);
		jw_next(w);
		jw_open(w, '{');
		jw_key_number(w, "hour", (double)h);
		jw_key_string(w, "label", label);
		report_json_hour_members(w, s, h);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

/* The run settings that identify the numbers. */
static void report_json_head(struct jw *w, const struct summary *s)
{
	jw_key_string(w, "scenario", s->sc->name);
	jw_key(w, "seed");
	fprintf(w->f, "%" PRIu64, s->seed);   /* exact, beyond %.10g */
	jw_key_number(w, "replications", s->replications);
	jw_key_number(w, "days", s->days);
	jw_key_number(w, "warmup_hours", s->warmup_s / 3600.0);
}

enum sim_status report_json_write(FILE *f, const struct summary *s,
				  bool intervals, struct sim_err *err)
{
	struct jw w = { .f = f, .depth = 0 };

	jw_open(&w, '{');
	report_json_head(&w, s);
	jw_key(&w, "lines");
	jw_open(&w, '[');
	for (size_t l = 0; l < s->n_lines; l++)
		report_json_line(&w, s, l);
	jw_close(&w, ']');
	jw_key(&w, "pools");
	jw_open(&w, '[');
	for (size_t p = 0; p < s->n_pools; p++)
		report_json_pool(&w, s, p);
	jw_close(&w, ']');
	report_json_response(&w, s);
	report_json_costs(&w, s);
	if (intervals)
		report_json_intervals(&w, s);
	jw_close(&w, '}');
	fputc('\n', f);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the JSON report failed");
	return SIM_OK;
}
