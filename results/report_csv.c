/* report_csv.c: the summary as tidy CSV rows, or as wide ones (see
 * report_csv.h).
 *
 * One walk names every figure (section, item, metric) and hands it to the
 * writer; tidy CSV makes a row of each, wide CSV a column (or three: the
 * mean and its interval), so the two forms cannot hold different figures
 * or different numbers. */
#include "results/report_csv.h"

#include <inttypes.h>

#include "models/agreement.h"
#include "results/emit.h"

/* What the walk writes: tidy rows, or a wide row's column names or its
 * values. */
enum report_csv_mode {
	REPORT_CSV_TIDY,
	REPORT_CSV_WIDE_NAMES,
	REPORT_CSV_WIDE_VALUES
};

/* The rows being written: where to, the fields each row starts with, and
 * how many rows (wide: columns) so far. */
struct report_csv_out {
	FILE *f;                                  /* borrowed; NULL: count
						     the rows only */
	const struct report_csv_prefix *prefix;   /* NULL: none */
	size_t rows;
	enum report_csv_mode mode;
};

/* The name of a wide column: "line 999:service_level", then ":ci_low" or
 * ":ci_high" for the ends of its interval. */
static void report_csv_wide_name(FILE *f, const char *section,
				 const char *name, const char *metric,
				 const char *end)
{
	/* The longest name a column holds is the scenario's. */
	char col[sizeof((struct scenario *)0)->name + 2 * SCENARIO_NAME_MAX +
		 64];

	snprintf(col, sizeof col, "%s %s:%s%s", section, name, metric, end);
	fputc(',', f);
	emit_csv_field(f, col);
}

/* A figure as wide columns: ncols 3 (mean, ci_low, ci_high) or 1 (an
 * exact value), or their names. */
static void report_csv_wide(struct report_csv_out *w, const char *section,
			    const char *name, const char *metric,
			    const struct ci *c, int ncols)
{
	static const char *const ends[] = { "", ":ci_low", ":ci_high" };
	double x[3] = { c->mean, c->lo, c->hi };

	w->rows++;
	for (int i = 0; w->f != NULL && i < ncols; i++) {
		if (w->mode == REPORT_CSV_WIDE_NAMES) {
			report_csv_wide_name(w->f, section, name, metric, ends[i]);
		} else {
			fputc(',', w->f);
			emit_csv_number(w->f, x[i]);
		}
	}
}

/* A cell of text (a seed, a verdict): a wide column, or a tidy row with
 * the text in all three number fields. */
static void report_csv_text(struct report_csv_out *w, const char *section,
			    const char *name, const char *metric,
			    const char *text);

/* Starts a row: the prefix fields, then section, name and metric. Every
 * row goes through here, so a prefix is a field like any other and a
 * name holding a line break stays inside its quotes. Returns false when
 * rows are only counted: the caller writes nothing more. */
static bool report_csv_key(struct report_csv_out *w, const char *section,
			   const char *name, const char *metric)
{
	w->rows++;
	if (w->f == NULL)
		return false;
	for (size_t i = 0; w->prefix != NULL && i < w->prefix->n; i++) {
		emit_csv_field(w->f, w->prefix->fields[i]);
		fputc(',', w->f);
	}
	emit_csv_key(w->f, section, name, metric);
	return true;
}

static void report_csv_ci(struct report_csv_out *w, const char *section,
			  const char *name, const char *metric,
			  const struct ci *c)
{
	if (w->mode != REPORT_CSV_TIDY)
		report_csv_wide(w, section, name, metric, c, 3);
	else if (report_csv_key(w, section, name, metric))
		emit_csv_ci(w->f, c);
}

static void report_csv_text(struct report_csv_out *w, const char *section,
			    const char *name, const char *metric,
			    const char *text)
{
	if (w->mode == REPORT_CSV_TIDY) {
		if (report_csv_key(w, section, name, metric))
			for (int i = 0; i < 3; i++) {
				fputc(',', w->f);
				emit_csv_field(w->f, text);
			}
		if (w->f != NULL)
			fputc('\n', w->f);
		return;
	}
	w->rows++;
	if (w->f == NULL)
		return;
	if (w->mode == REPORT_CSV_WIDE_NAMES) {
		report_csv_wide_name(w->f, section, name, metric, "");
	} else {
		fputc(',', w->f);
		emit_csv_field(w->f, text);
	}
}

/* The figures of one item of block b (m: in the block's list order), a
 * row each. A prediction interval or a goal share goes in the same
 * columns as a confidence interval: the metric says which it is. */
static void report_csv_figures(struct report_csv_out *w, const char *section,
			       const char *name, enum figure_block b,
			       const struct ci *m)
{
	const struct figure_block_def *bd = figure_block(b);

	for (size_t k = 0; k < bd->n; k++)
		report_csv_ci(w, section, name, bd->defs[k].name, &m[k]);
}

/* An exact figure: the interval is the value itself. */
static void report_csv_exact(struct report_csv_out *w, const char *section,
			     const char *name, const char *metric, double x)
{
	struct ci c = { .mean = x, .lo = x, .hi = x, .n = 1 };

	if (w->mode != REPORT_CSV_TIDY)
		report_csv_wide(w, section, name, metric, &c, 1);
	else if (report_csv_key(w, section, name, metric))
		emit_csv_exact(w->f, x);
}

static void report_csv_run(struct report_csv_out *w, const struct summary *s)
{
	const char *name = s->sc->name;

	char seed[24];

	report_csv_exact(w, "run", name, "replications", s->replications);
	/* The seed is printed whole: %.10g would round a large one. */
	snprintf(seed, sizeof seed, "%" PRIu64, s->seed);
	report_csv_text(w, "run", name, "seed", seed);
	report_csv_exact(w, "run", name, "days", s->days);
	report_csv_exact(w, "run", name, "warmup_hours", s->warmup_s / 3600.0);
}

/* An agreement met period by period (models/agreement.h): its period,
 * the share of periods to meet it on, and the share met; nothing for one
 * judged over the horizon, so such rows are as they always were. */
static void report_csv_periods(struct report_csv_out *w, const char *section,
			       const char *name, int per, double on_at_least,
			       const struct ci *periods_met)
{
	if (per == AGREEMENT_HORIZON)
		return;
	report_csv_text(w, section, name, "per", agreement_word(per));
	report_csv_exact(w, section, name, "on_at_least", on_at_least);
	report_csv_figures(w, section, name, FIGURE_BLOCK_ALINE, periods_met);
}

static void report_csv_lines_pools(struct report_csv_out *w, const struct summary *s)
{
	for (size_t l = 0; l < s->n_lines; l++) {
		const struct line_spec *spec = &s->sc->lines[l];

		report_csv_exact(w, "line", spec->name, "target_s", spec->target_s);
		report_csv_exact(w, "line", spec->name, "goal", spec->goal);
		report_csv_figures(w, "line", spec->name, FIGURE_BLOCK_LINE,
				   s->lines[l].m);
		if (s->predicts)
			report_csv_figures(w, "line_period", spec->name,
					   FIGURE_BLOCK_PLINE, s->period_line +
					   l * CC_PERIOD_LINE_METRICS);
		if (s->callbacks && spec->callback.probability > 0)
			report_csv_figures(w, "line_callback", spec->name,
					   FIGURE_BLOCK_CBLINE, s->callback_line +
					   l * CB_LINE_METRICS);
		report_csv_periods(w, "line", spec->name, spec->per,
				   spec->on_at_least, &s->lines[l].periods_met);
	}
	for (size_t p = 0; p < s->n_pools; p++)
		report_csv_figures(w, "pool", s->sc->pools[p].name,
				   FIGURE_BLOCK_POOL, s->pools[p].m);
}

/* Each stream of deferrable work: its target in hours, its goal, its
 * figures; nothing without deferrable work. */
static void report_csv_deferrable(struct report_csv_out *w,
				  const struct summary *s)
{
	for (size_t i = 0; i < s->n_deferrable; i++) {
		const struct line_spec *spec = &s->sc->deferrable[i].work;

		report_csv_exact(w, "deferrable", spec->name, "target_h",
				 spec->target_s / 3600.0);
		report_csv_exact(w, "deferrable", spec->name, "goal",
				 spec->goal);
		report_csv_figures(w, "deferrable", spec->name,
				   FIGURE_BLOCK_DEFER, s->deferrable[i].m);
	}
}

/* A grade's target, goal and figures under `name` ("emergency", or
 * "Birmingham/emergency" for one area). */
static void report_csv_grade(struct report_csv_out *w, const char *section, const char *name,
			     const struct grade_spec *spec,
			     const struct summary_grade *sg)
{
	report_csv_exact(w, section, name, "target_s", spec->target_s);
	report_csv_exact(w, section, name, "goal", spec->goal);
	report_csv_figures(w, section, name, FIGURE_BLOCK_GRADE, sg->m);
}

static void report_csv_response(struct report_csv_out *w, const struct summary *s)
{
	char name[2 * RESPONSE_NAME_MAX + 1];

	for (size_t g = 0; g < s->n_grades; g++) {
		const struct grade_spec *spec = &s->sc->grades[g];

		report_csv_grade(w, "grade", spec->name, spec, &s->grades[g]);
		report_csv_periods(w, "grade", spec->name, spec->per,
				   spec->on_at_least, &s->grades[g].periods_met);
	}
	for (size_t a = 0; a < s->n_areas; a++) {
		const char *area = s->sc->areas[a].name;

		report_csv_figures(w, "area", area, FIGURE_BLOCK_AREA, s->areas[a].m);
		for (size_t g = 0; g < s->n_grades; g++) {
			snprintf(name, sizeof name, "%s/%s", area,
				 s->sc->grades[g].name);
			report_csv_grade(w, "area", name, &s->sc->grades[g],
					 summary_area_grade(s, a, g));
		}
	}
}

/* Pools under `cost` (named as before officers were costed), roles under
 * `role`, so a pool and a role of the same name never clash, and the
 * total of both. */
static void report_csv_costs(struct report_csv_out *w, const struct summary *s)
{
	for (size_t p = 0; p < s->n_pools; p++) {
		const char *name = s->sc->pools[p].name;

		report_csv_exact(w, "cost", name, "fte", s->pools[p].fte);
		report_csv_exact(w, "cost", name, "annual_cost",
				 s->pools[p].annual_cost);
	}
	for (size_t r = 0; r < s->n_roles; r++) {
		const char *name = s->sc->roles[r].name;

		report_csv_exact(w, "role", name, "fte", s->roles[r].fte);
		report_csv_exact(w, "role", name, "annual_cost",
				 s->roles[r].annual_cost);
	}
	report_csv_exact(w, "cost", "total", "fte", s->total_fte);
	report_csv_exact(w, "cost", "total", "annual_cost", s->total_annual_cost);
}

/* An item's name in an hour's rows: "999@Mon 18:00", or "999" with no
 * hour (wide columns). */
static void report_csv_item(char *buf, size_t size, const char *item,
			    const char *at)
{
	snprintf(buf, size, at ? "%s@%s" : "%s", item, at ? at : "");
}

/* The rows of one hour of the week, named "LINE@Mon 18:00". */
static void report_csv_hour(struct report_csv_out *w, const struct summary *s, size_t h)
{
	char label[SUMMARY_HOUR_LABEL_MAX];
	char name[SCENARIO_NAME_MAX + SUMMARY_HOUR_LABEL_MAX + 1];
	const char *at;

	summary_hour_label(h, label);
	/* Wide columns name the item alone: the row is the hour. */
	at = w->mode == REPORT_CSV_TIDY ? label : NULL;
	for (size_t l = 0; l < s->n_lines; l++) {
		report_csv_item(name, sizeof name, s->sc->lines[l].name, at);
		report_csv_figures(w, "interval", name, FIGURE_BLOCK_ILINE,
				   summary_iline(s, h, l, 0));
	}
	for (size_t p = 0; p < s->n_pools; p++) {
		report_csv_item(name, sizeof name, s->sc->pools[p].name, at);
		report_csv_figures(w, "interval", name, FIGURE_BLOCK_IPOOL,
				   summary_ipool(s, h, p, 0));
	}
}

/* The rows of counted day d (from 0), named "LINE@day 3", "GRADE@day 3". */
static void report_csv_day(struct report_csv_out *w, const struct summary *s,
			   size_t d)
{
	char name[SCENARIO_NAME_MAX + 32];

	for (size_t l = 0; l < s->n_lines; l++) {
		snprintf(name, sizeof name, "%s@day %zu", s->sc->lines[l].name,
			 d + 1);
		report_csv_figures(w, "line_day", name, FIGURE_BLOCK_DLINE,
				   summary_dline(s, d, l, 0));
	}
	for (size_t g = 0; g < s->n_grades; g++) {
		snprintf(name, sizeof name, "%s@day %zu", s->sc->grades[g].name,
			 d + 1);
		report_csv_figures(w, "grade_day", name, FIGURE_BLOCK_DGRADE,
				   summary_dgrade(s, d, g, 0));
	}
	for (size_t a = 0; a < s->n_areas; a++) {
		snprintf(name, sizeof name, "%s@day %zu", s->sc->areas[a].name,
			 d + 1);
		report_csv_figures(w, "area_day", name, FIGURE_BLOCK_DAREA,
				   summary_darea(s, d, a, 0));
	}
}

/* The response's rows of hour h of the week, named "GRADE@Mon 18:00" and
 * "AREA@Mon 18:00". */
static void report_csv_response_hour(struct report_csv_out *w,
				     const struct summary *s, size_t h)
{
	char label[SUMMARY_HOUR_LABEL_MAX];
	char name[SCENARIO_NAME_MAX + SUMMARY_HOUR_LABEL_MAX + 1];
	const char *at;

	summary_hour_label(h, label);
	/* Wide columns name the item alone: the row is the hour. */
	at = w->mode == REPORT_CSV_TIDY ? label : NULL;
	for (size_t g = 0; g < s->n_grades; g++) {
		report_csv_item(name, sizeof name, s->sc->grades[g].name, at);
		report_csv_figures(w, "grade_hour", name, FIGURE_BLOCK_IGRADE,
				   summary_igrade(s, h, g, 0));
	}
	for (size_t a = 0; a < s->n_areas; a++) {
		report_csv_item(name, sizeof name, s->sc->areas[a].name, at);
		report_csv_figures(w, "area_hour", name, FIGURE_BLOCK_IAREA,
				   summary_iarea(s, h, a, 0));
	}
}

/* Each line's wait distribution, named "LINE@10-20 s" ("LINE@3600+ s"
 * for the last bin, which has no end). */
static void report_csv_waits(struct report_csv_out *w,
			     const struct summary *s)
{
	static const int edges[FIGURE_WAIT_BINS] = { FIGURE_WAIT_EDGES };
	char name[SCENARIO_NAME_MAX + 32];

	for (size_t l = 0; l < s->n_lines; l++)
		for (size_t b = 0; b < FIGURE_WAIT_BINS; b++) {
			if (b + 1 < FIGURE_WAIT_BINS)
				snprintf(name, sizeof name, "%s@%d-%d s",
					 s->sc->lines[l].name, edges[b],
					 edges[b + 1]);
			else
				snprintf(name, sizeof name, "%s@%d+ s",
					 s->sc->lines[l].name, edges[b]);
			report_csv_figures(w, "line_wait", name,
					   FIGURE_BLOCK_WLINE,
					   summary_wline(s, b, l, 0));
		}
}

/* Every row of s, in the order report_csv.h lists the sections. */
static void report_csv_all(struct report_csv_out *w, const struct summary *s,
			   bool intervals)
{
	report_csv_run(w, s);
	report_csv_lines_pools(w, s);
	report_csv_deferrable(w, s);
	report_csv_response(w, s);
	report_csv_costs(w, s);
	if (intervals)
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			report_csv_hour(w, s, h);
}

enum sim_status report_csv_write(FILE *f, const struct summary *s,
				 bool intervals, struct sim_err *err)
{
	struct report_csv_out w = { .f = f };

	fputs("section,name,metric,mean,ci_low,ci_high\n", f);
	report_csv_all(&w, s, intervals);
	for (size_t d = 0; d < s->n_days; d++)
		report_csv_day(&w, s, d);
	for (size_t h = 0; s->n_grades > 0 && h < HOURS_PER_WEEK; h++)
		report_csv_response_hour(&w, s, h);
	report_csv_waits(&w, s);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the CSV report failed");
	return SIM_OK;
}

enum sim_status report_csv_rows(FILE *f, const struct summary *s,
				const struct report_csv_prefix *prefix,
				size_t *n_rows, struct sim_err *err)
{
	struct report_csv_out w = { .f = f, .prefix = prefix };

	report_csv_all(&w, s, false);
	*n_rows = w.rows;
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the CSV rows failed");
	return SIM_OK;
}

size_t report_csv_count(const struct summary *s)
{
	struct report_csv_out w = { .f = NULL };

	report_csv_all(&w, s, false);
	return w.rows;
}

/* Wide rows only: each line's, each grade's and each deferrable stream's
 * verdict ("met", "missed", "uncertain"; empty without a goal), after its
 * goal and agreement figure (and, met day by day, its share of days met)
 * when `figures` (a sweep's row has them already). */
static void report_csv_verdicts(struct report_csv_out *w,
				const struct summary *s, bool figures)
{
	for (size_t l = 0; l < s->n_lines; l++) {
		const struct summary_line *sl = &s->lines[l];
		const char *name = s->sc->lines[l].name;

		if (figures) {
			report_csv_exact(w, "line", name, "goal", s->sc->lines[l].goal);
			report_csv_ci(w, "line", name, figure_def(FIGURE_BLOCK_LINE,
				      CC_SERVICE_LEVEL)->name,
				      &sl->m[CC_SERVICE_LEVEL]);
			report_csv_periods(w, "line", name, s->sc->lines[l].per,
					   s->sc->lines[l].on_at_least,
					   &sl->periods_met);
		}
		report_csv_text(w, "line", name, "verdict", sl->has_goal
				? ci_verdict_name(sl->verdict) : "");
	}
	for (size_t g = 0; g < s->n_grades; g++) {
		const struct summary_grade *sg = &s->grades[g];
		const char *name = s->sc->grades[g].name;

		if (figures) {
			report_csv_exact(w, "grade", name, "goal",
					 s->sc->grades[g].goal);
			report_csv_ci(w, "grade", name, figure_def(FIGURE_BLOCK_GRADE,
				      RSP_WITHIN_TARGET)->name,
				      &sg->m[RSP_WITHIN_TARGET]);
			report_csv_periods(w, "grade", name,
					   s->sc->grades[g].per,
					   s->sc->grades[g].on_at_least,
					   &sg->periods_met);
		}
		report_csv_text(w, "grade", name, "verdict", sg->has_goal
				? ci_verdict_name(sg->verdict) : "");
	}
	for (size_t i = 0; i < s->n_deferrable; i++) {
		const struct summary_deferrable *sd = &s->deferrable[i];
		const char *name = s->sc->deferrable[i].work.name;

		if (figures) {
			report_csv_exact(w, "deferrable", name, "goal",
					 s->sc->deferrable[i].work.goal);
			report_csv_ci(w, "deferrable", name,
				      figure_def(FIGURE_BLOCK_DEFER,
						 DF_WITHIN_TARGET)->name,
				      &sd->m[DF_WITHIN_TARGET]);
		}
		report_csv_text(w, "deferrable", name, "verdict", sd->has_goal
				? ci_verdict_name(sd->verdict) : "");
	}
}

enum sim_status report_csv_write_wide(FILE *f, const struct summary *s,
				      struct sim_err *err)
{
	struct report_csv_out w = { .f = f, .mode = REPORT_CSV_WIDE_NAMES };
	char label[SUMMARY_HOUR_LABEL_MAX];

	fputs("hour,hour_label", f);
	report_csv_hour(&w, s, 0);
	report_csv_response_hour(&w, s, 0);
	report_csv_verdicts(&w, s, true);
	fputc('\n', f);
	w.mode = REPORT_CSV_WIDE_VALUES;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		summary_hour_label(h, label);
		fprintf(f, "%zu,%s", h, label);
		report_csv_hour(&w, s, h);
		report_csv_response_hour(&w, s, h);
		report_csv_verdicts(&w, s, true);
		fputc('\n', f);
	}
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the CSV report failed");
	return SIM_OK;
}

void report_csv_wide_names(FILE *f, const struct summary *s)
{
	struct report_csv_out w = { .f = f, .mode = REPORT_CSV_WIDE_NAMES };

	report_csv_all(&w, s, false);
	report_csv_verdicts(&w, s, false);
}

enum sim_status report_csv_wide_row(FILE *f, const struct summary *s,
				    const struct report_csv_prefix *prefix,
				    struct sim_err *err)
{
	struct report_csv_out w = { .f = f, .mode = REPORT_CSV_WIDE_VALUES };

	for (size_t i = 0; i < prefix->n; i++) {
		if (i > 0)
			fputc(',', f);
		emit_csv_field(f, prefix->fields[i]);
	}
	report_csv_all(&w, s, false);
	report_csv_verdicts(&w, s, false);
	fputc('\n', f);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the CSV row failed");
	return SIM_OK;
}
