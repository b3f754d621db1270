/* report_backtest.c: the writers of a back-test (report_backtest.h). */
#include "results/report_backtest.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "callsim_config.h"
#include "models/local_time.h"
#include "results/emit.h"

static const char *const rb_days[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

void report_backtest_hour(size_t h, char buf[16])
{
	snprintf(buf, 16, "%s %02zu:00", rb_days[(h / 24) % 7], h % 24);
}

/* What the flag of c is called: below, above, inside, or "" when the
 * cell was not compared. */
static const char *rb_flag(const struct backtest_cell *c)
{
	if (!c->compared)
		return "";
	return c->flag < 0 ? "below" : c->flag > 0 ? "above" : "inside";
}

/* x of metric m for the table, with nd decimals for a percentage or
 * seconds: a count, a percentage or seconds. */
static void rb_value(char *buf, size_t n, double x, int m, int nd)
{
	if (!isfinite(x))
		snprintf(buf, n, "-");
	else if (m == BACKTEST_OFFERED)
		snprintf(buf, n, "%.0f", x);
	else if (m == BACKTEST_ASA)
		snprintf(buf, n, "%.*f s", nd, x);
	else
		snprintf(buf, n, "%.*f%%", nd, 100 * x);
}

/* The decimals of a row: one, or as many more (up to four) as a flagged
 * value needs to read apart from the end of the band it lies beyond (an
 * ASA of 0.04 s above a band ending at 0.03 s would read 0.0 s above
 * 0.0 s). */
static int rb_decimals(const struct backtest_cell *c, int m)
{
	char obs[32], edge[32];
	int nd = 1;

	if (!c->flag)
		return nd;
	for (; nd < 4; nd++) {
		rb_value(obs, sizeof obs, c->observed, m, nd);
		rb_value(edge, sizeof edge, c->flag < 0 ? c->lo : c->hi, m, nd);
		if (strcmp(obs, edge) != 0)
			break;
	}
	return nd;
}

/* One row of the table: a figure observed, simulated and its band. */
static void rb_row(FILE *f, const char *head, const struct backtest_cell *c,
		   int m)
{
	char obs[32], med[32], lo[32], hi[32];
	int nd = rb_decimals(c, m);

	rb_value(obs, sizeof obs, c->observed, m, nd);
	rb_value(med, sizeof med, c->median, m, nd);
	rb_value(lo, sizeof lo, c->lo, m, nd);
	rb_value(hi, sizeof hi, c->hi, m, nd);
	/* No flag, no padding after the band: no line ends in a space. */
	if (c->flag)
		fprintf(f, "  %-24s %10s %10s %10s - %-10s %s\n", head, obs, med,
			lo, hi, rb_flag(c));
	else
		fprintf(f, "  %-24s %10s %10s %10s - %s\n", head, obs, med, lo,
			hi);
}

/* The instant scenario second t of b as local ISO 8601, minutes. */
static void rb_when(const struct backtest *b, double t, char buf[32])
{
	char iso[LOCAL_TIME_ISO_MAX];

	local_time_iso((int64_t)llround((b->period.origin_utc + t) * 1000), iso);
	snprintf(buf, 32, "%.16s", iso);
}

static void rb_head(FILE *f, const struct backtest *b,
		    const struct report_backtest_source *src)
{
	char from[32], to[32];
	size_t k = (size_t)floor(BACKTEST_TAIL * (b->replications + 1.0));

	rb_when(b, b->period.from_s, from);
	rb_when(b, b->period.to_s, to);
	fprintf(f, "backtest: %s against %s\n", src->scenario, src->log_path);
	fprintf(f, "period: %s to %s local time, %.2f days, %zu calls", from,
		to, b->period.days, b->n_rows);
	if (b->n_skipped || b->n_gaps)
		fprintf(f, "; %zu row%s skipped as bad, %zu gap%s left out",
			b->n_skipped, b->n_skipped == 1 ? "" : "s", b->n_gaps,
			b->n_gaps == 1 ? "" : "s");
	fputc('\n', f);
	fprintf(f, "run: from Monday %04d-%02d-%02d 00:00, warm-up %.0f h, %u "
		"replications, seed %llu\n", b->period.start.year,
		b->period.start.month, b->period.start.mday,
		b->period.warmup_hours, b->replications, b->seed);
	fprintf(f, "band: %.1f%% prediction interval of one period, the %zu%s "
		"smallest to the %zu%s largest of the replications' values\n",
		100 * (1 - b->nominal), k, k == 1 ? "st" : k == 2 ? "nd" :
		k == 3 ? "rd" : "th", k, k == 1 ? "st" : k == 2 ? "nd" :
		k == 3 ? "rd" : "th");
}

/* A line's whole period, then its flagged hours. */
static void rb_line(FILE *f, struct backtest *b, size_t l)
{
	char head[48];
	size_t shown = 0;

	fprintf(f, "\nline %s, whole period\n  %-24s %10s %10s %23s\n",
		b->names[l], "figure", "observed", "median", "band");
	for (int m = 0; m < BACKTEST_METRICS; m++)
		rb_row(f, backtest_metric_labels[m],
		       backtest_cell_at(b, l, BACKTEST_ALL, m), m);
	for (size_t h = 0; h < BACKTEST_HOURS; h++)
		for (int m = 0; m < BACKTEST_METRICS; m++) {
			const struct backtest_cell *c = backtest_cell_at(b, l, h, m);
			char hour[16];

			if (!c->flag)
				continue;
			if (shown++ == 0)
				fprintf(f, "line %s, hours of the week outside "
					"their band\n", b->names[l]);
			report_backtest_hour(h, hour);
			snprintf(head, sizeof head, "%s %s", hour,
				 backtest_metric_labels[m]);
			rb_row(f, head, c, m);
		}
	if (shown == 0)
		fprintf(f, "line %s: no hour of the week outside its band\n",
			b->names[l]);
}

int report_backtest_table(FILE *f, struct backtest *b,
			  const struct report_backtest_source *src)
{
	double e = b->expected_flagged, sd = b->expected_sd;
	double n = b->n_compared > 0 ? (double)b->n_compared : 1;

	rb_head(f, b, src);
	for (size_t l = 0; l < b->n_lines; l++)
		rb_line(f, b, l);
	fprintf(f, "\nflagged: %zu of %zu cells compared (%.1f%%); a scenario "
		"that describes the log flags %.1f (%.1f%%) on average, 95%% of "
		"the time %.0f to %.0f (the replications' own counts, each set "
		"against the others)\n",
		b->n_flagged, b->n_compared, 100 * (double)b->n_flagged / n, e,
		100 * e / n, fmax(0, ceil(e - 1.96 * sd)), floor(e + 1.96 * sd));
	return ferror(f) ? -1 : 0;
}

int report_backtest_csv(FILE *f, struct backtest *b)
{
	fputs("line,hour,figure,observed,median,pi_low,pi_high,replications,"
	      "flag,p_flag\n", f);
	for (size_t l = 0; l < b->n_lines; l++)
		for (size_t h = 0; h < BACKTEST_SLOTS; h++)
			for (int m = 0; m < BACKTEST_METRICS; m++) {
				const struct backtest_cell *c =
					backtest_cell_at(b, l, h, m);

				emit_csv_field(f, b->names[l]);
				if (h == BACKTEST_ALL)
					fputs(",all,", f);
				else
					fprintf(f, ",%zu,", h);
				fprintf(f, "%s,", backtest_metric_names[m]);
				emit_csv_number(f, c->observed);
				fputc(',', f);
				emit_csv_number(f, c->median);
				fputc(',', f);
				emit_csv_number(f, c->lo);
				fputc(',', f);
				emit_csv_number(f, c->hi);
				fprintf(f, ",%zu,%s,", c->n, rb_flag(c));
				emit_csv_number(f, c->p_flag);
				fputc('\n', f);
			}
	return ferror(f) ? -1 : 0;
}

/* A cell: {"observed", "median", "pi_low", "pi_high", "replications",
 * "flag", "p_flag"}, on one line. */
static void rb_json_cell(struct emit_json *w, const char *key,
			 const struct backtest_cell *c)
{
	emit_json_key(w, key);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "observed", c->observed);
	emit_json_key_number(w, "median", c->median);
	emit_json_key_number(w, "pi_low", c->lo);
	emit_json_key_number(w, "pi_high", c->hi);
	emit_json_key_number(w, "replications", (double)c->n);
	if (c->compared)
		emit_json_key_string(w, "flag", rb_flag(c));
	else
		emit_json_key_string_or_null(w, "flag", NULL);
	emit_json_key_number(w, "p_flag", c->p_flag);
	emit_json_close(w, '}');
}

/* The four figures of line l in slot h. */
static void rb_json_figures(struct emit_json *w, struct backtest *b, size_t l,
			    size_t h)
{
	for (int m = 0; m < BACKTEST_METRICS; m++)
		rb_json_cell(w, backtest_metric_names[m],
			     backtest_cell_at(b, l, h, m));
}

static void rb_json_line(struct emit_json *w, struct backtest *b, size_t l)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", b->names[l]);
	emit_json_key_number(w, "target_s", b->target_s[l]);
	emit_json_key(w, "period");
	emit_json_open(w, '{');
	rb_json_figures(w, b, l, BACKTEST_ALL);
	emit_json_close(w, '}');
	emit_json_key(w, "hours");
	emit_json_open(w, '[');
	for (size_t h = 0; h < BACKTEST_HOURS; h++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "hour", (double)h);
		rb_json_figures(w, b, l, h);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

static void rb_json_period(struct emit_json *w, const struct backtest *b,
			   const struct report_backtest_source *src)
{
	char from[32], to[32], date[16];

	rb_when(b, b->period.from_s, from);
	rb_when(b, b->period.to_s, to);
	snprintf(date, sizeof date, "%04d-%02d-%02d", b->period.start.year % 10000,
		 b->period.start.month % 100, b->period.start.mday % 100);
	emit_json_key(w, "content_fnv1a");
	fprintf(w->f, "\"%016llx\"", src->content_fnv1a);
	emit_json_key(w, "command");
	if (src->command == NULL) {
		fputs("null", w->f);
	} else {
		emit_json_open_flat(w, '[');
		emit_json_next(w);
		emit_json_string(w->f, "callsim");
		for (size_t i = 0; i < src->n_command; i++) {
			emit_json_next(w);
			emit_json_string(w->f, src->command[i]);
		}
		emit_json_close(w, ']');
	}
	emit_json_key_string(w, "scenario", src->scenario);
	emit_json_key_string(w, "scenario_path", src->scenario_path);
	emit_json_key_string(w, "calls_log", src->log_path);
	emit_json_key(w, "period");
	emit_json_open(w, '{');
	emit_json_key_string(w, "from", from);
	emit_json_key_string(w, "to", to);
	emit_json_key_number(w, "days", b->period.days);
	emit_json_key_number(w, "calls", (double)b->n_rows);
	emit_json_key_number(w, "rows_skipped", (double)b->n_skipped);
	emit_json_key_number(w, "gaps", (double)b->n_gaps);
	emit_json_key_string(w, "start_date", date);
	emit_json_key_number(w, "warmup_hours", b->period.warmup_hours);
	emit_json_close(w, '}');
}

static void rb_json_summary(struct emit_json *w, const struct backtest *b)
{
	emit_json_key_number(w, "replications", b->replications);
	emit_json_key(w, "seed");
	fprintf(w->f, "%llu", b->seed);
	emit_json_key(w, "summary");
	emit_json_open(w, '{');
	emit_json_key_number(w, "level", 1 - b->nominal);
	emit_json_key_number(w, "cells_compared", (double)b->n_compared);
	emit_json_key_number(w, "cells_flagged", (double)b->n_flagged);
	emit_json_key_number(w, "expected_flagged", b->expected_flagged);
	emit_json_key_number(w, "expected_flagged_sd", b->expected_sd);
	emit_json_close(w, '}');
}

int report_backtest_json(FILE *f, struct backtest *b,
			 const struct report_backtest_source *src)
{
	struct emit_json w = { .f = f };

	emit_json_open(&w, '{');
	emit_json_key_string(&w, "schema", REPORT_BACKTEST_SCHEMA);
	emit_json_key_number(&w, "schema_version",
			     REPORT_BACKTEST_SCHEMA_VERSION);
	emit_json_key_string(&w, "callsim_version", CALLSIM_VERSION);
	rb_json_period(&w, b, src);
	rb_json_summary(&w, b);
	emit_json_key(&w, "lines");
	emit_json_open(&w, '[');
	for (size_t l = 0; l < b->n_lines; l++)
		rb_json_line(&w, b, l);
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	fputc('\n', f);
	return ferror(f) ? -1 : 0;
}
