/* report_html_spec.h: the Vega-Lite specs of a run report's charts, each
 * one JSON object with its data inline, for results/report_html.c.
 *
 * The layout of each chart is a fixed JSON text; every value taken from
 * the result (names, figures) goes through the JSON emitter in its
 * script-safe mode, so a spec can sit inside a <script> element whatever
 * the scenario's names hold. Figures are copied as the result has them
 * (null stays null), so a spec's data equals the result's figures; docs/
 * report.md lists each spec's fields. */
#ifndef RESULTS_REPORT_HTML_SPEC_H
#define RESULTS_REPORT_HTML_SPEC_H

#include <jansson.h>
#include <stdio.h>

#include "results/emit.h"

/* The axis of a share that does not start at zero (a service level, a
 * share attended within target): its ticks at least 0.1 points apart,
 * each with a decimal, so that no two ticks read the same ('90%', '90%'
 * where a sweep's points lie between 89.6% and 90.6%). */
#define REPORT_HTML_SHARE_AXIS \
	"\"scale\":{\"zero\":false},\"axis\":{\"format\":\".1%\"," \
	"\"tickMinStep\":0.001}"

/* One agreement with a goal: a line's service level, a grade's
 * attendance within target, force-wide, or a stream of deferrable work's
 * share taken within its target. */
struct report_html_agreement {
	const char *kind;          /* "line", "grade" or "deferrable" */
	const json_t *obj;         /* the line, grade or stream of the result */
	const char *figure;        /* "service_level", "attended_within_target",
				      "within_target", or "periods_met" for an
				      agreement judged day by day or week by
				      week */
	const char *mean_key;      /* the figure's mean: "mean", or "share" */
	double goal;               /* the goal its verdict is against */
	char label[320];           /* "999 calls answered within 10 s" */
};

/* Calls fn for each agreement of root that has a verdict: lines, then
 * grades, then streams of deferrable work. */
void report_html_spec_agreements(const json_t *root,
				 void (*fn)(void *ctx,
					    const struct report_html_agreement *),
				 void *ctx);
/* "10 s", "3 min", "1.5 h": a target for people. */
void report_html_spec_duration(double s, char buf[32]);
/* "met", "missed", "uncertain", or "no goal" for a null verdict. */
const char *report_html_spec_verdict(const json_t *obj);

/* Each writes one spec to f. The heat map is of line `line` (its index in
 * root's "lines"); it and the hours chart need the result's intervals. */
void report_html_spec_verdicts(FILE *f, const json_t *root);
void report_html_spec_heatmap(FILE *f, const json_t *root, size_t line);
void report_html_spec_hours(FILE *f, const json_t *root);
void report_html_spec_attendance(FILE *f, const json_t *root);
void report_html_spec_costs(FILE *f, const json_t *root);
/* A figure across the days of the horizon, with its interval band and its
 * goal: line `item`'s service level, or grade `item`'s attendance within
 * target. They need the result's "by_day". */
void report_html_spec_days_line(FILE *f, const json_t *root, size_t item);
void report_html_spec_days_grade(FILE *f, const json_t *root, size_t item);

/* For the specs written in other files: the spec's data, ",\"data\":
 * {\"values\": [rows]}}" with the rows written by fn(w, root, arg) through
 * a script-safe compact emitter, closing the spec; and a figure's mean,
 * ci_low and ci_high as members of the row being written. */
void report_html_spec_data(FILE *f,
			   void (*fn)(struct emit_json *, const json_t *,
				      size_t),
			   const json_t *root, size_t arg);
void report_html_spec_figure(struct emit_json *w, const json_t *obj,
			     const char *key);

#endif
