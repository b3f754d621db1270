/* report_table.c: the summary as fixed-width text (see report_table.h).
 *
 * Numbers are formatted into small buffers first and then padded, so one
 * column width serves counts, percentages and seconds alike. Everything is
 * printed with "%.Nf" in the C locale the command runs in: no thousands
 * separators, which would depend on the user's locale. */
#include "results/report_table.h"

#include <math.h>
#include <inttypes.h>
#include <string.h>

#define RT_LABEL_W 22   /* width of the figure names */
#define RT_VALUE_W 12   /* width of the mean */
#define RT_NUM_MAX 48   /* room for one formatted number */

/* How a figure is shown. */
enum rt_unit {
	RT_COUNT,      /* calls, people: one decimal */
	RT_PERCENT,    /* a fraction shown as a percentage */
	RT_SECONDS     /* seconds, with " s" after the mean */
};

/* The bare number of x in unit u ("96.1", "3.4"), or "-" for NAN. */
static void rt_number(char *buf, size_t n, double x, enum rt_unit u)
{
	if (!isfinite(x))
		snprintf(buf, n, "-");
	else if (u == RT_PERCENT)
		snprintf(buf, n, "%.1f", 100.0 * x);
	else
		snprintf(buf, n, "%.1f", x);
	/* A tiny negative end of an interval would read "-0.0". */
	if (strcmp(buf, "-0.0") == 0)
		snprintf(buf, n, "0.0");
}

/* One figure line: "  name   mean unit  [lo, hi]". */
static void rt_ci_row(FILE *f, const char *name, const struct ci *c,
		      enum rt_unit u)
{
	static const char *const suffix[] = { "", "%", " s" };
	char mean[RT_NUM_MAX], lo[RT_NUM_MAX], hi[RT_NUM_MAX];
	char value[RT_NUM_MAX + 4];

	rt_number(mean, sizeof mean, c->mean, u);
	rt_number(lo, sizeof lo, c->lo, u);
	rt_number(hi, sizeof hi, c->hi, u);
	snprintf(value, sizeof value, "%s%s", mean,
		 isfinite(c->mean) ? suffix[u] : "");
	fprintf(f, "  %-*s %*s", RT_LABEL_W, name, RT_VALUE_W, value);
	if (isfinite(c->mean))
		fprintf(f, "  [%s, %s]", lo, hi);
	fputc('\n', f);
}

/* A line of text in the value column. */
static void rt_text_row(FILE *f, const char *name, const char *value)
{
	fprintf(f, "  %-*s %*s\n", RT_LABEL_W, name, RT_VALUE_W, value);
}

static void rt_head(FILE *f, const struct summary *s)
{
	fprintf(f, "%s\n", s->sc->name);
	fprintf(f, "%u replications of %g days after a %g h warm-up, seed %" PRIu64 "\n",
		s->replications, s->days, s->warmup_s / 3600.0, s->seed);
	fputs("figures: mean over replications [95% confidence interval]\n", f);
}

/* Names and units of the line figures, in enum cc_line_metric order. */
static const char *const rt_line_names[CC_LINE_METRICS] = {
	"offered", "answered", "abandoned", "abandoned within 5 s",
	"repeat calls", "service level", "abandon rate", "ASA", "wait p50",
	"wait p90", "wait p95", "wait p99", "unanswered at end"
};
static const enum rt_unit rt_line_units[CC_LINE_METRICS] = {
	RT_COUNT, RT_COUNT, RT_COUNT, RT_COUNT, RT_COUNT, RT_PERCENT,
	RT_PERCENT, RT_SECONDS, RT_SECONDS, RT_SECONDS, RT_SECONDS, RT_SECONDS,
	RT_COUNT
};

/* The order of the line rows: what became of the calls offered, then how
 * fast they were answered. */
static const enum cc_line_metric rt_line_order[CC_LINE_METRICS] = {
	CC_OFFERED, CC_ANSWERED, CC_ABANDONED, CC_UNANSWERED_END,
	CC_ABANDONED_5S, CC_REPEATS, CC_SERVICE_LEVEL, CC_ABANDON_RATE,
	CC_ASA_S, CC_WAIT_P50_S, CC_WAIT_P90_S, CC_WAIT_P95_S, CC_WAIT_P99_S
};

static void rt_line(FILE *f, const struct summary *s, size_t l)
{
	const struct line_spec *spec = &s->sc->lines[l];
	const struct summary_line *sl = &s->lines[l];
	char goal[RT_NUM_MAX + 1];

	fprintf(f, "\nline %s: answer within %g s\n", spec->name, spec->target_s);
	for (size_t i = 0; i < CC_LINE_METRICS; i++) {
		enum cc_line_metric k = rt_line_order[i];

		rt_ci_row(f, rt_line_names[k], &sl->m[k], rt_line_units[k]);
	}
	if (!sl->has_goal) {
		rt_text_row(f, "goal", "none");
		return;
	}
	snprintf(goal, sizeof goal, "%.1f%%", 100.0 * spec->goal);
	rt_text_row(f, "goal", goal);
	rt_text_row(f, "verdict", ci_verdict_name(sl->verdict));
}

static void rt_pool(FILE *f, const struct summary *s, size_t p)
{
	const struct pool_spec *spec = &s->sc->pools[p];

	fprintf(f, "\npool %s: serves", spec->name);
	for (size_t i = 0; i < spec->n_serves; i++)
		fprintf(f, "%s %s", i ? "," : "", s->sc->lines[spec->serves[i]].name);
	fputc('\n', f);
	rt_ci_row(f, "occupancy", &s->pools[p].m[CC_OCCUPANCY], RT_PERCENT);
	rt_ci_row(f, "staff on duty", &s->pools[p].m[CC_STAFF_ON_DUTY], RT_COUNT);
}

/* Names and units of the grade figures, in enum rsp_grade_metric order. */
static const char *const rt_grade_names[RSP_GRADE_METRICS] = {
	"incidents", "attended", "attended within target", "attendance mean",
	"attendance p50", "attendance p90", "attendance p95", "backlog",
	"cross-border", "preempted", "unattended at end"
};
static const enum rt_unit rt_grade_units[RSP_GRADE_METRICS] = {
	RT_COUNT, RT_COUNT, RT_PERCENT, RT_SECONDS, RT_SECONDS, RT_SECONDS,
	RT_SECONDS, RT_COUNT, RT_COUNT, RT_COUNT, RT_COUNT
};

/* The order of the grade rows: what became of the incidents, then how
 * fast they were attended. */
static const enum rsp_grade_metric rt_grade_order[RSP_GRADE_METRICS] = {
	RSP_INCIDENTS, RSP_ATTENDED, RSP_UNATTENDED_END, RSP_WITHIN_TARGET,
	RSP_ATTEND_MEAN_S, RSP_ATTEND_P50_S, RSP_ATTEND_P90_S, RSP_ATTEND_P95_S,
	RSP_BACKLOG, RSP_CROSS_BORDER, RSP_PREEMPTED
};

static void rt_grade(FILE *f, const struct summary *s, size_t g)
{
	const struct grade_spec *spec = &s->sc->grades[g];
	const struct summary_grade *sg = &s->grades[g];
	char goal[RT_NUM_MAX + 1];

	if (isnan(spec->target_s))
		fprintf(f, "\ngrade %s: no attendance target\n", spec->name);
	else
		fprintf(f, "\ngrade %s: attend within %g s\n", spec->name,
			spec->target_s);
	for (size_t i = 0; i < RSP_GRADE_METRICS; i++) {
		enum rsp_grade_metric k = rt_grade_order[i];

		rt_ci_row(f, rt_grade_names[k], &sg->m[k], rt_grade_units[k]);
	}
	if (!sg->has_goal) {
		rt_text_row(f, "goal", "none");
		return;
	}
	snprintf(goal, sizeof goal, "%.1f%%", 100.0 * spec->goal);
	rt_text_row(f, "goal", goal);
	rt_text_row(f, "verdict", ci_verdict_name(sg->verdict));
}

/* A cell of the area table: "91.2 [90.1, 92.3]", or "-". */
#define RT_CELL_W 20
static void rt_cell(FILE *f, const struct ci *c, enum rt_unit u)
{
	char mean[RT_NUM_MAX], lo[RT_NUM_MAX], hi[RT_NUM_MAX];
	char cell[3 * RT_NUM_MAX + 8];

	rt_number(mean, sizeof mean, c->mean, u);
	rt_number(lo, sizeof lo, c->lo, u);
	rt_number(hi, sizeof hi, c->hi, u);
	if (isfinite(c->mean))
		snprintf(cell, sizeof cell, "%s [%s, %s]", mean, lo, hi);
	else
		snprintf(cell, sizeof cell, "-");
	fprintf(f, "  %*s", RT_CELL_W, cell);
}

/* The area table: a row per area, a column per grade with a target
 * (attended within target), then utilisation and abstractions. */
static void rt_areas(FILE *f, const struct summary *s)
{
	fputs("\nareas (mean [95% confidence interval]; within target and "
	      "utilisation in %)\n", f);
	fprintf(f, "  %-*s", RT_LABEL_W - 6, "area");
	for (size_t g = 0; g < s->n_grades; g++)
		if (!isnan(s->sc->grades[g].target_s))
			fprintf(f, "  %*s", RT_CELL_W, s->sc->grades[g].name);
	fprintf(f, "  %*s  %*s\n", RT_CELL_W, "utilisation", RT_CELL_W,
		"abstractions");
	for (size_t a = 0; a < s->n_areas; a++) {
		fprintf(f, "  %-*s", RT_LABEL_W - 6, s->sc->areas[a].name);
		for (size_t g = 0; g < s->n_grades; g++)
			if (!isnan(s->sc->grades[g].target_s))
				rt_cell(f, &summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET],
					RT_PERCENT);
		rt_cell(f, &s->areas[a].m[RSP_UTILISATION], RT_PERCENT);
		rt_cell(f, &s->areas[a].m[RSP_ABSTRACTIONS], RT_COUNT);
		fputc('\n', f);
	}
}

static void rt_cost_row(FILE *f, const char *name, double fte, double cost)
{
	fprintf(f, "  %-*s %*.1f %*.0f\n", RT_LABEL_W, name, RT_VALUE_W, fte,
		RT_VALUE_W + 2, cost);
}

/* Call handlers by pool, officers by role, and the total of both. */
static void rt_costs(FILE *f, const struct summary *s)
{
	fprintf(f, "\ncosts\n  %-*s %*s %*s\n", RT_LABEL_W, "pool", RT_VALUE_W,
		"FTE", RT_VALUE_W + 2, "annual cost");
	for (size_t p = 0; p < s->n_pools; p++)
		rt_cost_row(f, s->sc->pools[p].name, s->pools[p].fte,
			    s->pools[p].annual_cost);
	if (s->n_roles > 0)
		fputs("  role\n", f);
	for (size_t r = 0; r < s->n_roles; r++)
		rt_cost_row(f, s->sc->roles[r].name, s->roles[r].fte,
			    s->roles[r].annual_cost);
	rt_cost_row(f, "total", s->total_fte, s->total_annual_cost);
}

/* Column c of the hour-of-week table: two per line (offered, service
 * level), then two per pool (staff, occupancy). Fills its heading and, for
 * hour h, its mean and unit. */
static void rt_column(const struct summary *s, size_t c, size_t h,
		      char head[RT_NUM_MAX + SCENARIO_NAME_MAX], double *x,
		      enum rt_unit *u)
{
	static const char *const line_heads[] = { "offered", "SL" };
	static const char *const pool_heads[] = { "staff", "occ" };
	size_t n = RT_NUM_MAX + SCENARIO_NAME_MAX;

	if (c < 2 * s->n_lines) {
		size_t l = c / 2;
		int sl = c % 2;

		snprintf(head, n, "%s %s", s->sc->lines[l].name, line_heads[sl]);
		*x = summary_iline(s, h, l, sl ? CC_I_SERVICE_LEVEL : CC_I_OFFERED)->mean;
		*u = sl ? RT_PERCENT : RT_COUNT;
	} else {
		size_t p = (c - 2 * s->n_lines) / 2;
		int occ = (c - 2 * s->n_lines) % 2;

		snprintf(head, n, "%s %s", s->sc->pools[p].name, pool_heads[occ]);
		*x = summary_ipool(s, h, p, occ ? CC_I_OCCUPANCY : CC_I_STAFF)->mean;
		*u = occ ? RT_PERCENT : RT_COUNT;
	}
}

/* One row of the hour-of-week table; the heading row when header is true. */
static void rt_interval_row(FILE *f, const struct summary *s, size_t h,
			    bool header)
{
	size_t n_cols = 2 * (s->n_lines + s->n_pools);
	char head[RT_NUM_MAX + SCENARIO_NAME_MAX], cell[RT_NUM_MAX];
	char label[SUMMARY_HOUR_LABEL_MAX];
	double x;
	enum rt_unit u;

	summary_hour_label(h, label);
	fprintf(f, "  %-9s", header ? "hour" : label);
	for (size_t c = 0; c < n_cols; c++) {
		int w;

		rt_column(s, c, h, head, &x, &u);
		w = strlen(head) > 7 ? (int)strlen(head) : 7;
		rt_number(cell, sizeof cell, x, u);
		fprintf(f, "  %*s", w, header ? head : cell);
	}
	fputc('\n', f);
}

static void rt_intervals(FILE *f, const struct summary *s)
{
	fputs("\nhour of the week (means; SL and occ in %)\n", f);
	rt_interval_row(f, s, 0, true);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		rt_interval_row(f, s, h, false);
}

enum sim_status report_table_write(FILE *f, const struct summary *s,
				   bool intervals, struct sim_err *err)
{
	rt_head(f, s);
	for (size_t l = 0; l < s->n_lines; l++)
		rt_line(f, s, l);
	for (size_t p = 0; p < s->n_pools; p++)
		rt_pool(f, s, p);
	for (size_t g = 0; g < s->n_grades; g++)
		rt_grade(f, s, g);
	if (s->n_areas > 0)
		rt_areas(f, s);
	rt_costs(f, s);
	if (intervals)
		rt_intervals(f, s);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the report failed");
	return SIM_OK;
}
