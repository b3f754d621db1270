/* scenario_calls.c: the contact lines of a scenario: demand (volume,
 * weekly profile, months, surges), redial, answer and incidents
 * (scenario_calls.h). */
#include "models/scenario_calls.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/demand.h"
#include "models/local_time.h"
#include "models/scenario_agreement.h"
#include "models/scenario_record.h"

/* ------------------------------------------------------------------ */
/* Demand: volume, weekly profile, months, surges                      */

#define VOLUME_KEYS "exactly one of per_year, per_day, per_hour"

/* Reads the volume keys in the order written, so that of two volumes the
 * second is the one blamed. Returns how many were given. */
static int read_volumes(struct scenario_read *ld, struct yaml_doc_at v,
			struct demand_spec *dm)
{
	const yaml_node_t *map = yaml_doc_node(&ld->yd, v.id);
	const yaml_node_pair_t *p;
	int given = 0;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_doc_node(&ld->yd, p->key);
		char cp[YAML_DOC_PATH_MAX];
		struct yaml_doc_at c = {p->value, cp};
		const struct scenario_key *row = k->type == YAML_SCALAR_NODE ?
			scenario_schema_find(scenario_schema_volume,
					     yaml_doc_text(k)) : NULL;
		double x;

		if (!row)
			continue;
		yaml_doc_path_join(cp, v.path, row->key);
		if (given++) {
			c.id = p->key;
			yaml_doc_problem(&ld->yd, c, "a second volume; give "
					 VOLUME_KEYS);
		} else if (yaml_doc_number(&ld->yd, c, row->rule, &x)) {
			scenario_schema_store(row, dm, x);
		}
	}
	return given;
}

/* volume: calls a year (of 365 days), a day or an hour, as calls a second
 * averaged over the week. The line's demand is checked as a whole once
 * volume, profile, months and surges are read: ld->mark counts the
 * problems before them. */
void scenario_calls_volume(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec)
{
	struct demand_spec *dm = &((struct line_spec *)rec)->demand;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at v = yaml_doc_key(&ld->yd, m, k->key, kp);

	ld->mark = ld->yd.n_problems;
	if (!v.id) {
		yaml_doc_missing(&ld->yd, m, "volume", VOLUME_KEYS ", such as "
				 "{per_year: 732440}");
		return;
	}
	if (!yaml_doc_expect(&ld->yd, v, YAML_MAPPING_NODE, "a mapping with "
			     VOLUME_KEYS))
		return;
	scenario_read_keys(ld, v, scenario_schema_volume);
	if (read_volumes(ld, v, dm) == 0)
		yaml_doc_problem(&ld->yd, v, "no volume; give " VOLUME_KEYS);
}

/* A weekly profile has one factor an hour or one a quarter-hour. */
static void check_profile(struct scenario_read *ld, struct yaml_doc_at a,
			  size_t n,
			  const struct demand_spec *dm)
{
	size_t i;

	if (n != 168 && n != 672) {
		yaml_doc_problem(&ld->yd, a,
				 "has %zu factors; must have 168 (one an hour, "
				 "Monday 00:00 first) or 672 (one a quarter-hour)",
				 n);
		return;
	}
	for (i = 0; i < n; i++)
		if (dm->profile[i] > 0)
			return;
	yaml_doc_problem(&ld->yd, a,
			 "every factor is 0; at least one must be positive");
}

/* profile: omitted (flat), a CSV file name, or an inline list. */
void scenario_calls_profile(struct scenario_read *ld, struct yaml_doc_at m,
			    const struct scenario_key *k, void *rec)
{
	struct demand_spec *dm = &((struct line_spec *)rec)->demand;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at p = yaml_doc_key(&ld->yd, m, k->key, kp);
	int i, before = ld->yd.n_problems;
	long n;

	for (i = 0; i < 168; i++)
		dm->profile[i] = 1.0;
	dm->n_slots = 168;
	n = p.id ? scenario_read_factor_list(ld, p, "a profile CSV",
		"a CSV file name or a list of 168 or 672 factors",
		&scenario_schema_profile_factor, dm->profile,
		DEMAND_SLOTS_MAX) : -1;
	if (n < 0)
		return;
	if (ld->yd.n_problems == before)
		check_profile(ld, p, (size_t)n, dm);
	dm->n_slots = (size_t)n;
}

/* The highest rate a line reaches in the run is at most
 * SCENARIO_PEAK_RATE_MAX: beyond it arrivals would crowd the clock and
 * waiting callers the memory. A product of factors each within its range
 * can pass it, where they meet. The rate is the line's own rate plan's
 * (models/demand.h), the one the simulation draws its arrivals from: its
 * volume, profile, month and surges, over the run's dates, so factors
 * that never meet (a surge away from the profile's peak, a month the run
 * does not reach) are never multiplied. Events from a file are bounded
 * where the file is read (scenario_events.c); a replication's busyness,
 * drawn at random, is in neither. Called once the demand keys read
 * cleanly, so the profile has a positive factor; what names the demand's units: "calls" of a line, "items"
 * of a deferrable stream. */
static void check_peak_rate(struct scenario_read *ld, struct yaml_doc_at m,
			    const struct demand_spec *dm, const char *what)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], when[LOCAL_TIME_MINUTE_MAX];
	struct sim_err err;
	struct demand_plan *plan;
	double at, local_s, peak;   /* at: scenario time; local_s: local
					 seconds from 1970 */

	sim_err_clear(&err);
	plan = demand_plan_new(dm, sc->run.start, scenario_horizon_s(sc), &err);
	if (!plan) {
		/* Out of memory; a profile of zeros was reported already. */
		if (err.status == SIM_ENOMEM)
			ld->yd.oom = 1;
		return;
	}
	peak = demand_plan_peak(plan, &at);
	local_s = (double)demand_day_number(sc->run.start) * DAY_S +
		  demand_plan_local_s(plan, at);
	demand_plan_free(plan);
	if (peak <= SCENARIO_PEAK_RATE_MAX)
		return;
	local_time_minute_text(local_s, when);
	yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, m, "volume", kp),
			 "at its peak, from %s, the %s has %.4g %s a second: "
			 "%.4g on average x %.4g (its profile, month and "
			 "surges then); must be at most %g %s a second", when,
			 what[0] == 'c' ? "line" : "stream", peak, what,
			 dm->mean_rate_per_s, peak / dm->mean_rate_per_s,
			 SCENARIO_PEAK_RATE_MAX, what);
}

/* After the surges, the line's peak rate, once its demand read
 * cleanly. */
static void check_surges(struct scenario_read *ld, struct yaml_doc_at m,
			 const struct scenario_key *k, void *rec)
{
	(void)k;
	if (ld->yd.n_problems == ld->mark && !ld->yd.oom)
		check_peak_rate(ld, m, &((struct line_spec *)rec)->demand,
				"calls");
}

/* Surge windows {start, hours, factor, weeks}. */
const struct scenario_record_kind scenario_calls_surges = {
	"surge", "a list of surge windows", "a mapping such as "
	"{start: \"sat 22:00\", hours: 4, factor: 1.5}", 0, 1, NULL, 0,
	NULL, NULL, check_surges, 0};

/* ------------------------------------------------------------------ */
/* Lines                                                               */

/* incidents: {GRADE: probability, ...}; grades not given create none, and
 * what the probabilities leave is resolved on the call, so they may sum
 * to less than 1 but never more. */
static void parse_incidents(struct scenario_read *ld, struct yaml_doc_at m,
			    const struct scenario_key *k, void *rec)
{
	struct line_spec *l = rec;
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, k->key, kp);
	const char *names[RESPONSE_GRADES_MAX + 1];
	int before = ld->yd.n_problems;
	double sum = 0;
	size_t g;

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE,
				      "a mapping of "
				      "grade to probability, such as {emergency: "
				      "0.20, priority: 0.25}"))
		return;
	if (!ld->grades_given) {
		yaml_doc_problem(&ld->yd, a,
				 "no grades are defined; give a grades list "
				 "(with areas, roles and units), or leave out "
				 "incidents");
		return;
	}
	if (ld->sc->n_grades == 0)
		return;              /* the grades themselves were refused */
	scenario_read_grade_names(ld->sc, names);
	yaml_doc_check_keys(&ld->yd, a, names, "grade");
	for (g = 0; g < ld->sc->n_grades; g++) {
		struct yaml_doc_at c = yaml_doc_key(&ld->yd, a, names[g], gp);

		if (c.id)
			yaml_doc_number(&ld->yd, c,
					&scenario_schema_probability,
					&l->incident_p[g]);
		sum += l->incident_p[g];
	}
	if (ld->yd.n_problems == before && sum > 1 + 1e-9)
		yaml_doc_problem(&ld->yd, a,
				 "probabilities sum to %.9g; must sum to at "
				 "most 1 (the rest are resolved on the call)", sum);
}

/* duplicate: a share read by its row's rule; a duplicate call is one that
 * creates no new incident, so a share above 0 needs grades. */
static void parse_duplicate(struct scenario_read *ld, struct yaml_doc_at m,
			    const struct scenario_key *k, void *rec)
{
	struct line_spec *l = rec;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, k->key, kp);

	if (!a.id || !yaml_doc_number(&ld->yd, a, k->rule, &l->duplicate))
		return;
	if (l->duplicate > 0 && !ld->grades_given)
		yaml_doc_problem(&ld->yd, a,
				 "no grades are defined, so no call creates "
				 "an incident and none can repeat one; give "
				 "a grades list (with areas, roles and "
				 "units), or leave out duplicate");
}

static const struct scenario_record_hook line_hooks[] = {
	{"volume", scenario_calls_volume}, {"profile", scenario_calls_profile},
	{"incidents", parse_incidents}, {"duplicate", parse_duplicate},
	{"answer", scenario_agreement_read}, {NULL, NULL}};

const struct scenario_record_kind scenario_calls_lines = {
	"line", "a list of contact lines", NULL, 0, 0, line_hooks,
	1 + offsetof(struct line_spec, pos), NULL, NULL, NULL, 0};

void scenario_calls_check_peak(struct scenario_read *ld, struct yaml_doc_at m,
			       const struct line_spec *l)
{
	check_peak_rate(ld, m, &l->demand, "items");
}
