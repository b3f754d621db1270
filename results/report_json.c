/* report_json.c: the summary as JSON, through the emitter of emit.h, which
 * pretty-prints with two-space indents so a diff of two runs reads line by
 * line. */
#include "results/report_json.h"

#include <inttypes.h>
#include <math.h>

#include "callsim_config.h"
#include "models/agreement.h"
#include "results/emit.h"

/* The figures of one item of block b (m: in the block's list order). */
static void report_json_figures(struct emit_json *w, enum figure_block b,
				const struct ci *m)
{
	const struct figure_block_def *bd = figure_block(b);

	for (size_t k = 0; k < bd->n; k++)
		emit_json_key_figure(w, bd->defs[k].name, &m[k],
				     bd->defs[k].interval);
}

/* "per", "on_at_least" and "periods_met" of an agreement met period by
 * period (models/agreement.h); nothing for one judged over the horizon. */
static void report_json_periods(struct emit_json *w, int per,
				double on_at_least, const struct ci *periods_met)
{
	if (per == AGREEMENT_HORIZON)
		return;
	emit_json_key_string(w, "per", agreement_word(per));
	emit_json_key_number(w, "on_at_least", on_at_least);
	report_json_figures(w, FIGURE_BLOCK_ALINE, periods_met);
}

static void report_json_line(struct emit_json *w, const struct summary *s,
			     size_t l)
{
	const struct line_spec *spec = &s->sc->lines[l];
	const struct summary_line *sl = &s->lines[l];

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", spec->name);
	emit_json_key_number(w, "target_s", spec->target_s);
	emit_json_key_number(w, "goal", spec->goal);   /* NAN (none) prints null */
	emit_json_key_string_or_null(w, "verdict", sl->has_goal
				     ? ci_verdict_name(sl->verdict) : NULL);
	report_json_periods(w, spec->per, spec->on_at_least, &sl->periods_met);
	report_json_figures(w, FIGURE_BLOCK_LINE, sl->m);
	if (s->predicts) {
		emit_json_key(w, "one_period");
		emit_json_open(w, '{');
		report_json_figures(w, FIGURE_BLOCK_PLINE, s->period_line +
				    l * CC_PERIOD_LINE_METRICS);
		emit_json_close(w, '}');
	}
	if (s->callbacks && spec->callback.probability > 0) {
		emit_json_key(w, "callbacks");
		emit_json_open(w, '{');
		report_json_figures(w, FIGURE_BLOCK_CBLINE, s->callback_line +
				    l * CB_LINE_METRICS);
		emit_json_close(w, '}');
	}
	emit_json_close(w, '}');
}

static void report_json_pool(struct emit_json *w, const struct summary *s,
			     size_t p)
{
	const struct summary_pool *sp = &s->pools[p];

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", s->sc->pools[p].name);
	report_json_figures(w, FIGURE_BLOCK_POOL, sp->m);
	emit_json_key_number(w, "fte", sp->fte);
	emit_json_key_number(w, "annual_cost", sp->annual_cost);
	emit_json_close(w, '}');
}

void report_json_stream_head(struct emit_json *w, const struct summary *s,
			     size_t i)
{
	const struct deferrable_spec *spec = &s->sc->deferrable[i];
	const struct summary_deferrable *sd = &s->deferrable[i];

	emit_json_key_string(w, "name", spec->work.name);
	emit_json_key_string(w, "pool", s->sc->pools[spec->pool].name);
	emit_json_key_number(w, "target_h", spec->work.target_s / 3600.0);
	emit_json_key_number(w, "goal", spec->work.goal);
	emit_json_key_string_or_null(w, "verdict", sd->has_goal
				     ? ci_verdict_name(sd->verdict) : NULL);
}

/* "deferrable": [...], each stream's settings, verdict and figures; left
 * out without deferrable work. */
static void report_json_deferrable(struct emit_json *w,
				   const struct summary *s)
{
	if (s->n_deferrable == 0)
		return;
	emit_json_key(w, "deferrable");
	emit_json_open(w, '[');
	for (size_t i = 0; i < s->n_deferrable; i++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		report_json_stream_head(w, s, i);
		report_json_figures(w, FIGURE_BLOCK_DEFER, s->deferrable[i].m);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* A grade's settings, verdict and figures, force-wide or in one area. */
static void report_json_grade(struct emit_json *w, const struct summary *s,
			      size_t g, const struct summary_grade *sg)
{
	const struct grade_spec *spec = &s->sc->grades[g];

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", spec->name);
	emit_json_key_number(w, "target_s", spec->target_s);   /* NAN prints null */
	emit_json_key_number(w, "goal", spec->goal);
	emit_json_key_string_or_null(w, "verdict", sg->has_goal
				     ? ci_verdict_name(sg->verdict) : NULL);
	/* In an area the verdict is the horizon's, whatever the force's. */
	if (sg == &s->grades[g])
		report_json_periods(w, spec->per, spec->on_at_least,
				    &sg->periods_met);
	report_json_figures(w, FIGURE_BLOCK_GRADE, sg->m);
	emit_json_close(w, '}');
}

static void report_json_area(struct emit_json *w, const struct summary *s,
			     size_t a)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", s->sc->areas[a].name);
	report_json_figures(w, FIGURE_BLOCK_AREA, s->areas[a].m);
	emit_json_key(w, "grades");
	emit_json_open(w, '[');
	for (size_t g = 0; g < s->n_grades; g++)
		report_json_grade(w, s, g, summary_area_grade(s, a, g));
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* "grades": [...], "areas": [...]; empty for a calls-only scenario. */
static void report_json_response(struct emit_json *w, const struct summary *s)
{
	emit_json_key(w, "grades");
	emit_json_open(w, '[');
	for (size_t g = 0; g < s->n_grades; g++)
		report_json_grade(w, s, g, &s->grades[g]);
	emit_json_close(w, ']');
	emit_json_key(w, "areas");
	emit_json_open(w, '[');
	for (size_t a = 0; a < s->n_areas; a++)
		report_json_area(w, s, a);
	emit_json_close(w, ']');
}

/* One {name, fte, annual_cost} of the costs' pools or roles. */
static void report_json_staff(struct emit_json *w, const char *name, double fte,
			      double annual_cost)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", name);
	emit_json_key_number(w, "fte", fte);
	emit_json_key_number(w, "annual_cost", annual_cost);
	emit_json_close(w, '}');
}

/* "costs": the call handlers (fte, annual_cost: the keys costs had before
 * officers were costed), each pool, each role, and everyone. */
static void report_json_costs(struct emit_json *w, const struct summary *s)
{
	emit_json_key(w, "costs");
	emit_json_open(w, '{');
	emit_json_key_number(w, "fte", s->pools_fte);
	emit_json_key_number(w, "annual_cost", s->pools_annual_cost);
	emit_json_key(w, "pools");
	emit_json_open(w, '[');
	for (size_t p = 0; p < s->n_pools; p++)
		report_json_staff(w, s->sc->pools[p].name, s->pools[p].fte,
				  s->pools[p].annual_cost);
	emit_json_close(w, ']');
	emit_json_key(w, "roles");
	emit_json_open(w, '[');
	for (size_t r = 0; r < s->n_roles; r++)
		report_json_staff(w, s->sc->roles[r].name, s->roles[r].fte,
				  s->roles[r].annual_cost);
	emit_json_close(w, ']');
	emit_json_key_number(w, "total_fte", s->total_fte);
	emit_json_key_number(w, "total_annual_cost", s->total_annual_cost);
	emit_json_close(w, '}');
}

/* The lines and pools of one hour of the week. */
static void report_json_hour_members(struct emit_json *w,
				     const struct summary *s,
				     size_t h)
{
	emit_json_key(w, "lines");
	emit_json_open(w, '[');
	for (size_t l = 0; l < s->n_lines; l++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", s->sc->lines[l].name);
		report_json_figures(w, FIGURE_BLOCK_ILINE,
				    summary_iline(s, h, l, 0));
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_key(w, "pools");
	emit_json_open(w, '[');
	for (size_t p = 0; p < s->n_pools; p++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", s->sc->pools[p].name);
		report_json_figures(w, FIGURE_BLOCK_IPOOL,
				    summary_ipool(s, h, p, 0));
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

static void report_json_intervals(struct emit_json *w, const struct summary *s)
{
	char label[SUMMARY_HOUR_LABEL_MAX];

	emit_json_key(w, "intervals");
	emit_json_open(w, '[');
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		summary_hour_label(h, label);
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "hour", (double)h);
		emit_json_key_string(w, "label", label);
		report_json_hour_members(w, s, h);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* One {name, figures...} of a day's lines or grades. */
static void report_json_day_item(struct emit_json *w, const char *name,
				 enum figure_block b, const struct ci *m)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", name);
	report_json_figures(w, b, m);
	emit_json_close(w, '}');
}

/* "by_day": each counted day (numbered from 1), its lines and grades. */
static void report_json_by_day(struct emit_json *w, const struct summary *s)
{
	emit_json_key(w, "by_day");
	emit_json_open(w, '[');
	for (size_t d = 0; d < s->n_days; d++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "day", (double)(d + 1));
		emit_json_key(w, "lines");
		emit_json_open(w, '[');
		for (size_t l = 0; l < s->n_lines; l++)
			report_json_day_item(w, s->sc->lines[l].name,
					     FIGURE_BLOCK_DLINE,
					     summary_dline(s, d, l, 0));
		emit_json_close(w, ']');
		emit_json_key(w, "grades");
		emit_json_open(w, '[');
		for (size_t g = 0; g < s->n_grades; g++)
			report_json_day_item(w, s->sc->grades[g].name,
					     FIGURE_BLOCK_DGRADE,
					     summary_dgrade(s, d, g, 0));
		emit_json_close(w, ']');
		emit_json_key(w, "areas");
		emit_json_open(w, '[');
		for (size_t a = 0; a < s->n_areas; a++)
			report_json_day_item(w, s->sc->areas[a].name,
					     FIGURE_BLOCK_DAREA,
					     summary_darea(s, d, a, 0));
		emit_json_close(w, ']');
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* "by_hour": each hour of the week of the response (none for a
 * calls-only scenario), its grades and areas, by the hour incidents were
 * created. */
static void report_json_by_hour(struct emit_json *w, const struct summary *s)
{
	char label[SUMMARY_HOUR_LABEL_MAX];

	emit_json_key(w, "by_hour");
	emit_json_open(w, '[');
	for (size_t h = 0; s->n_grades > 0 && h < HOURS_PER_WEEK; h++) {
		summary_hour_label(h, label);
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "hour", (double)h);
		emit_json_key_string(w, "label", label);
		emit_json_key(w, "grades");
		emit_json_open(w, '[');
		for (size_t g = 0; g < s->n_grades; g++)
			report_json_day_item(w, s->sc->grades[g].name,
					     FIGURE_BLOCK_IGRADE,
					     summary_igrade(s, h, g, 0));
		emit_json_close(w, ']');
		emit_json_key(w, "areas");
		emit_json_open(w, '[');
		for (size_t a = 0; a < s->n_areas; a++)
			report_json_day_item(w, s->sc->areas[a].name,
					     FIGURE_BLOCK_IAREA,
					     summary_iarea(s, h, a, 0));
		emit_json_close(w, ']');
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* One bin of a line's wait distribution: its edges (to_s null for the
 * last, which has no end) and the answered calls in it. */
static void report_json_wait_bin(struct emit_json *w, const struct summary *s,
				 size_t b, size_t l)
{
	static const double edges[FIGURE_WAIT_BINS] = { FIGURE_WAIT_EDGES };

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_number(w, "from_s", edges[b]);
	emit_json_key_number(w, "to_s", b + 1 < FIGURE_WAIT_BINS
			     ? edges[b + 1] : NAN);
	report_json_figures(w, FIGURE_BLOCK_WLINE, summary_wline(s, b, l, 0));
	emit_json_close(w, '}');
}

/* "wait_distribution": each line's answered calls by how long they
 * waited, in the fixed bins of FIGURE_WAIT_EDGES. */
static void report_json_waits(struct emit_json *w, const struct summary *s)
{
	emit_json_key(w, "wait_distribution");
	emit_json_open(w, '[');
	for (size_t l = 0; l < s->n_lines; l++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", s->sc->lines[l].name);
		emit_json_key(w, "bins");
		emit_json_open(w, '[');
		for (size_t b = 0; b < FIGURE_WAIT_BINS; b++)
			report_json_wait_bin(w, s, b, l);
		emit_json_close(w, ']');
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* What the result is and what made it: the schema the report reader
 * checks, the version, the scenario's content fingerprint (as a sweep's
 * header gives it), and the command line ("callsim" and the
 * subcommand's argv, so the bytes do not depend on where the program
 * lies), or null. */
static void report_json_provenance(struct emit_json *w,
				   const struct summary *s,
				   const char *const *command, size_t n)
{
	emit_json_key_string(w, "schema", REPORT_JSON_SCHEMA);
	emit_json_key_number(w, "schema_version", REPORT_JSON_SCHEMA_VERSION);
	emit_json_key_string(w, "callsim_version", CALLSIM_VERSION);
	emit_json_key(w, "content_fnv1a");   /* of the file and its CSVs */
	fprintf(w->f, "\"%016" PRIx64 "\"", s->sc->content_fnv1a);
	emit_json_key(w, "command");
	if (command == NULL) {
		fputs("null", w->f);
		return;
	}
	emit_json_open_flat(w, '[');
	emit_json_next(w);
	emit_json_string(w->f, "callsim");
	for (size_t i = 0; i < n; i++) {
		emit_json_next(w);
		emit_json_string(w->f, command[i]);
	}
	emit_json_close(w, ']');
}

/* The run settings that identify the numbers. */
static void report_json_head(struct emit_json *w, const struct summary *s)
{
	emit_json_key_string(w, "scenario", s->sc->name);
	emit_json_key(w, "seed");
	fprintf(w->f, "%" PRIu64, s->seed);   /* exact, beyond %.10g */
	emit_json_key_number(w, "replications", s->replications);
	emit_json_key_number(w, "days", s->days);
	emit_json_key_number(w, "warmup_hours", s->warmup_s / 3600.0);
}

void report_json_members(struct emit_json *w, const struct summary *s,
			 bool intervals)
{
	report_json_head(w, s);
	emit_json_key(w, "lines");
	emit_json_open(w, '[');
	for (size_t l = 0; l < s->n_lines; l++)
		report_json_line(w, s, l);
	emit_json_close(w, ']');
	emit_json_key(w, "pools");
	emit_json_open(w, '[');
	for (size_t p = 0; p < s->n_pools; p++)
		report_json_pool(w, s, p);
	emit_json_close(w, ']');
	report_json_deferrable(w, s);
	report_json_response(w, s);
	report_json_costs(w, s);
	if (intervals)
		report_json_intervals(w, s);
}

enum sim_status report_json_write(FILE *f, const struct summary *s,
				  bool intervals, struct sim_err *err)
{
	return report_json_write_run(f, s, intervals, NULL, 0, err);
}

enum sim_status report_json_write_run(FILE *f, const struct summary *s,
				      bool intervals,
				      const char *const *command, size_t n,
				      struct sim_err *err)
{
	struct emit_json w = { .f = f, .depth = 0 };

	emit_json_open(&w, '{');
	report_json_provenance(&w, s, command, n);
	report_json_members(&w, s, intervals);
	report_json_by_day(&w, s);
	report_json_by_hour(&w, s);
	report_json_waits(&w, s);
	emit_json_close(&w, '}');
	fputc('\n', f);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the JSON report failed");
	return SIM_OK;
}
