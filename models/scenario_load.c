/* scenario_load.c: reads a scenario from YAML into the spec structs of
 * demand.h, dist.h, roster.h and response_spec.h, validating every value
 * on the way: the walk from the top, run settings, warnings, and the
 * entry points. The records themselves are read by the parts
 * scenario_load.h lists, with the primitives of scenario_read.c.
 *
 * The text is parsed once into a libyaml document: a tree of numbered nodes
 * that remember their line and column. --set overrides are parsed as YAML
 * too and grafted into that tree, so a value from the command line meets
 * exactly the checks a value from the file meets (its key path is
 * first resolved through the schema, scenario_edit.c). Grafted nodes get ids
 * above those of the file, which is how a problem in them is blamed on
 * "--set key.path=value" instead of a position.
 *
 * The walk never stops at the first problem: it records each one and
 * carries on, so a planner can fix a file in one pass. Only a scenario
 * without any problem is handed out; a half-built one is freed. */
#include "models/scenario.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "models/csv_read.h"
#include "models/file_read.h"
#include "models/scenario_callback.h"
#include "models/scenario_events.h"
#include "models/scenario_edit.h"
#include "models/scenario_load.h"
#include "models/scenario_record.h"
#include "models/week.h"
#include "sim/mem.h"

#define MSG_MAX 1024
/* ------------------------------------------------------------------ */
/* Run settings and the top level                                      */

/* Walks the whole document into sc. Grades come before lines, whose
 * incidents name them; areas, roles and units after, since they name
 * grades and each other. */
static void load_walk(struct scenario_read *ld, struct scenario *sc)
{
	const struct scenario_key *t = scenario_schema_top;
	struct yaml_doc_at top = {1, ""};
	int before;

	scenario_read_keys(ld, top, t);
	scenario_record_row(ld, top, scenario_schema_find(t, "name"), sc);
	scenario_record_row(ld, top, scenario_schema_find(t, "currency"), sc);
	/* The defaults of the top level's maps (run, dispatch) are their
	 * rows'; the run's start date has no row default. */
	scenario_schema_defaults(t, sc);
	sc->run.start = (struct demand_date){2024, 4, 1};
	scenario_record_row(ld, top, scenario_schema_find(t, "run"), sc);
	before = ld->yd.n_problems;
	scenario_incidents_grades(ld, top);
	scenario_record_row(ld, top, scenario_schema_find(t, "lines"), sc);
	scenario_record_row(ld, top, scenario_schema_find(t, "pools"), sc);
	if (ld->yd.n_problems == before && !ld->yd.oom) {
		scenario_pools_check_served(ld, top);
		scenario_callback_check(ld, top);
	}
	scenario_record_row(ld, top, scenario_schema_find(t, "busyness"), sc);
	if (ld->yd.n_problems == before && !ld->yd.oom)
		scenario_record_row(ld, top, scenario_schema_find(t,
							   "deferrable"), sc);
	if (ld->yd.n_problems == before && !ld->yd.oom)
		scenario_events_read(ld, top);
	scenario_incidents_read(ld, top);
	if (ld->yd.n_problems == before && !ld->yd.oom) {
		scenario_incidents_check_reach(ld, top);
		scenario_incidents_check_travel(ld, top);
	}
}

/* ------------------------------------------------------------------ */
/* Warnings: a valid scenario that would measure nothing               */

/* Adds one warning line at node a.id, "WHERE: key.path: warning: ...".
 * Warnings never make a load fail. */
static void load_warn(struct scenario_read *ld, struct yaml_doc_at a,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void load_warn(struct scenario_read *ld, struct yaml_doc_at a,
		      const char *fmt, ...)
{
	char where[YAML_DOC_WHERE_MAX], msg[MSG_MAX];
	va_list ap;

	if (!ld->warn)
		return;
	yaml_doc_where(&ld->yd, a.id, where, sizeof where);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sim_err_add(ld->warn, SIM_ESCENARIO, "%s: %s: warning: %s", where,
		    a.path[0] ? a.path : "(top level)", msg);
}

/* True when some occurrence of surge sg overlaps [c0, c1): occurrence k
 * (from 0) covers k weeks plus [start, start + duration), and belongs to
 * run week k + 1 (demand.c). */
static int surge_counted(const struct surge_spec *sg, double c0, double c1)
{
	const double week = 7 * 86400.0;
	double k;
	size_t w;

	if (!sg->weeks) {
		k = fmax(0,
			 floor((c0 - sg->start_s - sg->duration_s) / week) + 1);
		return k * week + sg->start_s < c1;
	}
	for (w = 0; w < sg->n_weeks; w++) {
		k = sg->weeks[w] - 1.0;
		if (k * week + sg->start_s < c1 &&
		    k * week + sg->start_s + sg->duration_s > c0)
			return 1;
	}
	return 0;
}

/* Warns of each surge of line l that falls only in the warm-up or after
 * the end: it changes no figure, which the planner surely did not mean. */
static void warn_surges(struct scenario_read *ld, struct yaml_doc_at line,
			size_t l)
{
	const struct scenario *sc = ld->sc;
	const struct demand_spec *dm = &sc->lines[l].demand;
	/* Local times; surges count from the Monday of the start's week. */
	double c0 = sc->run.warmup_s, c1 = c0 + scenario_counted_s(sc);
	double monday = demand_weekday(sc->run.start) * 86400.0;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, line, "surges", kp);
	size_t i;

	for (i = 0; s.id && i < dm->n_surges; i++)
		if (!surge_counted(&dm->surges[i], c0 + monday, c1 + monday))
			load_warn(ld,
				  yaml_doc_item(&ld->yd, s, (int)i, NULL,
						ip), "no "
				  "occurrence of this surge falls in the counted "
				  "period (hour %.6g to hour %.6g of the run); it "
				  "changes no figure", c0 / 3600, c1 / 3600);
}

/* Warns, at the goal of the target `key` (answer, attend) of the record
 * at rec when it gives one, that its agreement cannot be measured: fmt
 * says why, naming the record (name). */
static void warn_goal(struct scenario_read *ld, struct yaml_doc_at rec,
		      const char *key, const char *fmt, const char *name)
{
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at t = yaml_doc_key(&ld->yd, rec, key, kp);

	if (t.id && (t = yaml_doc_key(&ld->yd, t, "goal", gp)).id)
		load_warn(ld, t, fmt, name);
}

/* Warns of a line whose agreement cannot be measured: it has no calls. */
static void warn_line_goal(struct scenario_read *ld, struct yaml_doc_at line,
			   size_t l)
{
	const struct line_spec *ls = &ld->sc->lines[l];

	if (!isnan(ls->goal) && ls->demand.mean_rate_per_s <= 0)
		warn_goal(ld, line, "answer", "line %s has no calls (its volume "
			  "is 0), so its service level cannot be measured; "
			  "--require-slas counts this agreement as missed",
			  ls->name);
}

/* Warns of a grade whose agreement cannot be measured: no line creates
 * its incidents. */
static void warn_grade_goal(struct scenario_read *ld, struct yaml_doc_at grade,
			    size_t g)
{
	const struct scenario *sc = ld->sc;
	double per_s = 0;

	for (size_t l = 0; l < sc->n_lines; l++)
		per_s += sc->lines[l].demand.mean_rate_per_s *
			 sc->lines[l].incident_p[g];
	if (!isnan(sc->grades[g].goal) && !isnan(sc->grades[g].target_s) &&
	    per_s <= 0)
		warn_goal(ld, grade, "attend", "no call creates incidents of "
			  "grade %s, so its attendance cannot be measured; "
			  "--require-slas counts this agreement as missed",
			  sc->grades[g].name);
}

/* Warns when the counted period is too short to expect a single call. */
static void warn_horizon(struct scenario_read *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], dp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at run = yaml_doc_key(&ld->yd, top, "run", kp), days;
	double counted = scenario_counted_s(sc), calls = 0;
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		calls += sc->lines[l].demand.mean_rate_per_s * counted;
	days = run.id && yaml_doc_node(&ld->yd,
				       run.id)->type == YAML_MAPPING_NODE ?
	       yaml_doc_key(&ld->yd, run, "days", dp) : run;
	if (calls < 1 && calls > 0 && days.id)
		load_warn(ld, days, "the counted period is %.3g s, in which "
			  "%.3g calls are expected; nothing may be measured, "
			  "and --require-slas counts an agreement measured in "
			  "fewer than two replications as missed", counted,
			  calls);
}

/* Warns of what a valid scenario would fail to measure. */
static void load_warn_all(struct scenario_read *ld)
{
	struct yaml_doc_at top = {1, ""}, s, it;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	size_t i;

	warn_horizon(ld, top);
	s = yaml_doc_key(&ld->yd, top, "lines", kp);
	for (i = 0; i < ld->sc->n_lines; i++) {
		it = yaml_doc_item(&ld->yd, s, (int)i, ld->sc->lines[i].name,
				   ip);
		warn_surges(ld, it, i);
		warn_line_goal(ld, it, i);
	}
	s = yaml_doc_key(&ld->yd, top, "grades", kp);
	for (i = 0; s.id && i < ld->sc->n_grades; i++)
		warn_grade_goal(ld, yaml_doc_item(&ld->yd, s, (int)i,
						  ld->sc->grades[i].name, ip), i);
}

/* ------------------------------------------------------------------ */
/* The entry points                                                    */

/* Walks the document into a new scenario; NULL on any problem. */
static struct scenario *load_build(struct scenario_read *ld)
{
	struct scenario *sc = scenario_read_calloc(ld, 1, sizeof *sc);

	if (!sc)
		return NULL;
	ld->sc = sc;
	if (ld->doc->from_file)
		snprintf(sc->path, sizeof sc->path, "%s", ld->doc->file);
	load_walk(ld, sc);
	sc->content_fnv1a = ld->content_fnv1a;
	if (ld->yd.n_problems || ld->yd.oom) {
		scenario_free(sc);
		return NULL;
	}
	load_warn_all(ld);
	return sc;
}

/* Applies the edits to a copy of d's document, which *own then holds
 * (to delete), or to d's own when no other build follows; without edits
 * the walk reads d's own document, which it never changes. Returns 0
 * when memory ran out. */
static int load_edit(struct scenario_read *ld,
		     const struct scenario_edit *edits,
		     size_t n, yaml_document_t *own)
{
	if (n == 0)
		return 1;
	if (!ld->doc->one_build) {
		if (!yaml_doc_copy(own, &ld->doc->doc))
			return 0;
		ld->yd.doc = own;
	}
	scenario_edit_apply_all(&ld->yd, edits, n);
	return 1;
}

enum sim_status scenario_load_bytes(const struct scenario_bytes *d,
				    const struct scenario_edit *edits,
				    size_t n_edits, struct sim_err *warnings,
				    struct scenario **out, struct sim_err *err)
{
	struct scenario_read ld;
	yaml_document_t own;
	int copied;

	assert(d && out && err && (edits || n_edits == 0));
	*out = NULL;
	memset(&ld, 0, sizeof ld);
	/* d is written only while scenario_doc_read fills it, before it is
	 * handed out; builds only read it. */
	ld.doc = (struct scenario_bytes *)d;
	ld.yd.file = d->file;
	ld.yd.doc = &ld.doc->doc;
	ld.yd.n_file_nodes = d->n_nodes;
	ld.yd.err = err;
	ld.warn = warnings;
	ld.content_fnv1a = d->text_fnv1a;
	copied = load_edit(&ld, edits, n_edits, &own);
	ld.yd.oom |= !copied;
	if (copied)
		*out = load_build(&ld);
	if (ld.yd.oom)
		sim_err_add(err, SIM_ENOMEM, "%s: out of memory while loading "
			    "the scenario", d->file);
	if (copied && n_edits && !d->one_build)
		yaml_document_delete(&own);
	yaml_doc_release(&ld.yd);
	return *out ? SIM_OK : ld.yd.oom ? SIM_ENOMEM : SIM_ESCENARIO;
}

/* src's overrides as edits, in a new array (NULL when out of memory). */
static struct scenario_edit *load_edits(const struct scenario_source *src)
{
	struct scenario_edit *e = mem_calloc(src->n_overrides + 1, sizeof *e);
	size_t i;

	for (i = 0; e && i < src->n_overrides; i++)
		if (scenario_edit_parse(src->overrides[i], &e[i]) != 0)
			e[i] = (struct scenario_edit){src->overrides[i], NULL,
						      NAN, "--set"};
	return e;
}

enum sim_status scenario_load(const struct scenario_source *src,
			      struct scenario **out, struct sim_err *err)
{
	struct scenario_bytes *d;
	struct scenario_edit *edits;
	enum sim_status st;

	assert(src && out && err);
	*out = NULL;
	st = scenario_bytes_open(src, &d, err);
	if (st != SIM_OK)
		return st;
	d->one_build = 1;
	edits = load_edits(src);
	if (edits)
		st = scenario_load_bytes(d, edits, src->n_overrides,
				       src->warnings, out, err);
	else
		st = sim_err_add(err, SIM_ENOMEM, "%s: out of memory while "
				 "loading the scenario", d->file);
	free(edits);
	scenario_bytes_free(d);
	return st;
}

