/* fit_scenario_incidents.c: the incident response of a fitted scenario
 * (fit_scenario.h): each line's grade mix, and the grades, areas, roles
 * and units fitted from an incident log (models/fit_incidents.h). */
#include "results/fit_scenario.h"

#include <math.h>

void fit_scenario_incidents_line(FILE *f, const struct fit_scenario_opts *o,
				 int line)
{
	const struct fit_incidents *fi = o->incidents;
	size_t answered = fi->line_answered[line], linked = 0;
	const char *sep = "";

	if (!fi->linked) {
		fputs("    # incidents: not fitted: the logs do not link "
		      "incidents to calls (call_id in\n    #   both, or a call "
		      "log of one line)\n", f);
		return;
	}
	for (int g = 0; g < fi->n_grades; g++)
		linked += fi->line_grade[line][fi->grades[g].src];
	if (answered == 0 || linked == 0)
		return;
	fputs("    # fitted: the incidents of each grade made by the line's ", f);
	fit_scenario_count(f, (double)answered);
	fputs(o->has_duplicate ? " answered calls not duplicates,\n    #   "
	      "over them (" : " answered calls,\n    #   over them (", f);
	fit_scenario_count(f, (double)linked);
	fputs(" incidents)\n    incidents: {", f);
	for (int g = 0; g < fi->n_grades; g++) {
		size_t k = fi->line_grade[line][fi->grades[g].src];

		if (k == 0)
			continue;
		fputs(sep, f);
		fit_scenario_name(f, o->ilog->grades[fi->grades[g].src]);
		fprintf(f, ": %.9f", (double)k / (double)answered);
		sep = ", ";
	}
	fputs("}\n", f);
}

/* A required duration of a grade (travel, on_scene): fitted, else 0 with
 * a comment saying why. */
static void fit_scenario_incidents_required(FILE *f, const char *key,
					    const struct fit_duration *d)
{
	if (d->best >= 0 || d->empirical) {
		fit_scenario_duration(f, key, d, "incidents");
		return;
	}
	fprintf(f, "    %s: {dist: deterministic, value: 0}   # not fitted: "
		"%zu incident%s with %s\n", key, d->n, d->n == 1 ? "" : "s",
		d->all_zero && d->n ? "every time 0" : "both times, fewer than 2");
}

/* One grade. */
static void fit_scenario_incidents_grade(FILE *f,
					 const struct fit_scenario_opts *o,
					 const struct fit_incident_grade *g)
{
	fputs("  - name: ", f);
	fit_scenario_name(f, o->ilog->grades[g->src]);
	fputs("   # fitted: n = ", f);
	fit_scenario_count(f, (double)g->n);
	if (isnan(g->mean_attend_s))
		fputs(" incidents, none attended\n", f);
	else
		fprintf(f, " incidents, attended in %.1f s on average\n",
			g->mean_attend_s);
	if (g->delay.n > 0 && !g->delay.all_zero)
		fputs("    # delay: created to dispatched, so any wait for a "
		      "free unit is in it: the\n    #   model's delay where "
		      "units were free, longer where they were not\n", f);
	fit_scenario_duration(f, "delay", &g->delay, "incidents");
	fputs("    # travel: dispatched to arrived, units of the incident's "
	      "own area\n", f);
	fit_scenario_incidents_required(f, "travel", &g->travel);
	fit_scenario_incidents_required(f, "on_scene", &g->on_scene);
}

/* The areas whose units were sent to area a, most often first. */
static void fit_scenario_incidents_neighbours(FILE *f,
					      const struct fit_scenario_opts *o,
					      int a)
{
	const struct fit_incidents *fi = o->incidents;
	int done[INCIDENT_LOG_NAMES_MAX] = { 0 }, any = 0;

	for (;;) {
		int best = -1;

		for (int b = 0; b < fi->n_areas; b++)
			if (!done[b] && fi->border[a][b] > 0 && (best < 0
			    || fi->border[a][b] > fi->border[a][best]))
				best = b;
		if (best < 0)
			break;
		fputs(any ? ", " : "    neighbours: [", f);
		fit_scenario_name(f, o->ilog->areas[best]);
		done[best] = any = 1;
	}
	if (any)
		fputs("]   # fitted: the areas whose units were sent here, most "
		      "often first\n", f);
}

static void fit_scenario_incidents_areas(FILE *f,
					 const struct fit_scenario_opts *o)
{
	const struct fit_incidents *fi = o->incidents;
	size_t total = 0;

	for (int a = 0; a < fi->n_areas; a++)
		total += fi->area_n[a];
	fputs("areas:\n", f);
	for (int a = 0; a < fi->n_areas; a++) {
		fputs("  - name: ", f);
		fit_scenario_name(f, o->ilog->areas[a]);
		fprintf(f, "\n    share: %.9f   # fitted: ", total
			? (double)fi->area_n[a] / (double)total : 0.0);
		fit_scenario_count(f, (double)fi->area_n[a]);
		fputs(" of ", f);
		fit_scenario_count(f, (double)total);
		fputs(" incidents with an area\n", f);
		fit_scenario_incidents_neighbours(f, o, a);
	}
}

/* Roles and the units of each area and role. */
static void fit_scenario_incidents_units(FILE *f,
					 const struct fit_scenario_opts *o)
{
	const struct fit_incidents *fi = o->incidents;

	fputs("roles:\n", f);
	for (int r = 0; r < fi->n_roles; r++) {
		const char *sep = "";

		fputs("  - name: ", f);
		fit_scenario_name(f, o->ilog->roles[r]);
		fputs("\n    attends: [", f);
		for (int g = 0; g < fi->n_grades; g++)
			if (fi->attends[r] & (1u << g)) {
				fputs(sep, f);
				fit_scenario_name(f, o->ilog->grades[fi->grades[g].src]);
				sep = ", ";
			}
		fputs("]   # fitted: the grades its units were sent to\n", f);
	}
	fputs("units:   # fitted: the highest unit number of each area and "
	      "role seen sent, all day\n         # (the log shows units sent, "
	      "not the roster behind them)\n", f);
	for (int a = 0; a < fi->n_areas; a++)
		for (int r = 0; r < fi->n_roles; r++) {
			if (fi->units[a][r] == 0)
				continue;
			fputs("  - {area: ", f);
			fit_scenario_name(f, o->ilog->areas[a]);
			fputs(", role: ", f);
			fit_scenario_name(f, o->ilog->roles[r]);
			fprintf(f, ", shifts: [{name: all, start: \"00:00\", "
				"hours: 24, staff: %lld}]}\n", fi->units[a][r]);
		}
}

void fit_scenario_incidents_write(FILE *f, const struct fit_scenario_opts *o)
{
	const struct fit_incidents *fi = o->incidents;

	fputs("# Incident response, fitted from ", f);
	fputs(o->ilog_source, f);
	fputs(": ", f);
	fit_scenario_count(f, (double)fi->n);
	fputs(" incidents; grades ordered quickest attended first\n"
	      "grades:\n", f);
	for (int g = 0; g < fi->n_grades; g++)
		fit_scenario_incidents_grade(f, o, &fi->grades[g]);
	fit_scenario_incidents_areas(f, o);
	fit_scenario_incidents_units(f, o);
}
