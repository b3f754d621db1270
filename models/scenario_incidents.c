/* scenario_incidents.c: incident response in a scenario: grades,
 * areas, roles, units and dispatch, and the rules between them
 * (scenario_incidents.h). */
#include "models/scenario_incidents.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/scenario_agreement.h"
#include "models/scenario_record.h"
#include "models/scenario_pools.h"
#include "models/scenario_rota.h"
#include "models/scenario_travel.h"

/* ------------------------------------------------------------------ */
/* Incident response: grades, areas, roles, units, dispatch            */

/* open_item reads names into SCENARIO_NAME_MAX bytes, and the helpers
 * below find a name at the start of each item. */
_Static_assert(RESPONSE_NAME_MAX == SCENARIO_NAME_MAX, "name buffers differ");
_Static_assert(offsetof(struct grade_spec, name) == 0, "name first");
_Static_assert(offsetof(struct area_spec, name) == 0, "name first");
_Static_assert(offsetof(struct role_spec, name) == 0, "name first");

/* The reports name an area's grade "AREA/GRADE": a '/' in a grade could
 * make two areas' rows one key. */
static void check_grade(struct scenario_read *ld, struct yaml_doc_at m,
			void *rec)
{
	const struct grade_spec *g = rec;
	char kp[YAML_DOC_PATH_MAX];

	if (strchr(g->name, '/'))
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, m, "name", kp),
				 "'%s' holds a '/', "
				 "which the reports put between an area and its "
				 "grade; give the grade another name", g->name);
}

/* Without attend the grade has no target. */
static void init_grade(void *rec)
{
	((struct grade_spec *)rec)->target_s = NAN;
}

/* At most RESPONSE_GRADES_MAX, the bits of a role's attends. */
const struct scenario_record_kind scenario_incidents_grade_list = {
	"grade", "a list of incident grades, highest first", NULL,
	RESPONSE_GRADES_MAX, 0, scenario_agreement_hooks,
	1 + offsetof(struct grade_spec, line), init_grade, check_grade, NULL,
	0};

/* grades: highest first. Read before the lines, whose incidents name
 * them. */
void scenario_incidents_grades(struct scenario_read *ld, struct yaml_doc_at top)
{
	char kp[YAML_DOC_PATH_MAX];

	if (!yaml_doc_key(&ld->yd, top, "grades", kp).id)
		return;
	ld->grades_given = 1;
	scenario_record_row(ld, top, scenario_schema_find(scenario_schema_top,
							  "grades"), ld->sc);
}

/* The shares are the probabilities of an incident's area. */
static void check_shares(struct scenario_read *ld, struct yaml_doc_at top,
			 const struct scenario_key *k, void *rec)
{
	const struct scenario *sc = rec;
	char kp[YAML_DOC_PATH_MAX];
	double sum = 0;
	size_t i;

	for (i = 0; i < sc->n_areas; i++)
		sum += sc->areas[i].share;
	if (sc->n_areas && fabs(sum - 1) > 1e-6)
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, top, k->key, kp),
				 "shares sum to %.9g; must sum to 1 (within "
				 "1e-6)", sum);
}

/* areas, then their neighbours, which may name an area listed later. */
const struct scenario_record_kind scenario_incidents_area_list = {
	"area", "a list of areas such as {name: Birmingham, share: 0.39, "
	"neighbours: [Solihull]}", NULL, 0, 0, NULL,
	1 + offsetof(struct area_spec, line), NULL, NULL, check_shares, 1};

/* attends: grade names, each once, as bits of r->attends. */
static void parse_attends(struct scenario_read *ld, struct yaml_doc_at m,
			  const struct scenario_key *k, void *rec)
{
	struct role_spec *r = rec;
	char kp[YAML_DOC_PATH_MAX];
	const char *names[RESPONSE_GRADES_MAX + 1];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, m, k->key, kp);
	int n;

	if (r->neighbourhood) {
		if (s.id)
			yaml_doc_problem(&ld->yd, s,
					 "a neighbourhood role attends only "
					 "when abstracted; leave out attends and "
					 "give abstraction");
		return;
	}
	n = scenario_read_required_list(ld, m, s,
					"a list of grade names, such as [emergency, "
					"priority]");
	scenario_read_grade_names(ld->sc, names);
	if (ld->sc->n_grades > 0)
		r->attends = scenario_read_word_set(ld, s, n, names, "grade",
						    "a grade name");
}

/* abstraction: {allowed: never | emergency_only, after_s}. after_s is
 * required with emergency_only and ignored with never, so a sweep may
 * switch the policy off without removing it. */
static void parse_abstraction(struct scenario_read *ld, struct yaml_doc_at m,
			      const struct scenario_key *k, void *rec)
{
	struct role_spec *r = rec;
	char kp[YAML_DOC_PATH_MAX], pp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = scenario_record_map(ld, m, k, rec, kp), p;

	if (!a.id || r->abstraction != ABSTRACTION_EMERGENCY_ONLY)
		return;
	p = yaml_doc_key(&ld->yd, a, "allowed", pp);
	if (!r->neighbourhood)
		yaml_doc_problem(&ld->yd, p,
				 "only a neighbourhood role is abstracted; "
				 "set neighbourhood: true, or allowed: never");
}

static const struct scenario_record_hook role_hooks[] = {
	{"attends", parse_attends}, {"abstraction", parse_abstraction},
	{NULL, NULL}};

/* Without abstraction a role is never abstracted, after 0 s: its
 * after_s has no default only for an abstraction given without it. */
static void init_role(void *rec)
{
	((struct role_spec *)rec)->abstract_after_s = 0;
}

const struct scenario_record_kind scenario_incidents_role_list = {
	"role", "a list of officer roles such as {name: response, attends: "
	"[emergency]}", NULL, 0, 0, role_hooks,
	1 + offsetof(struct role_spec, line), init_role, NULL, NULL, 0};

static const struct scenario_record_hook unit_hooks[] = {
	{"rota", scenario_rota_parse}, {NULL, NULL}};

/* units: no names, so a key path or --set selects one by its index. */
const struct scenario_record_kind scenario_incidents_unit_list = {
	"unit", "a list of unit rosters such as {area: Birmingham, role: "
	"response, crew: 2, shifts: [...]}", "a mapping such as {area: "
	"Birmingham, role: response, shifts: [...]}", 0, 0, unit_hooks,
	1 + offsetof(struct unit_spec, line), NULL, NULL, NULL, 0};

/* Does unit roster u ever put a unit on duty? */
static int unit_has_staff(const struct unit_spec *u)
{
	size_t i;

	if (u->rota)
		return scenario_rota_people(u->rota) > 0;
	for (i = 0; i < u->n_shifts; i++)
		if (u->shifts[i].staff > 0)
			return 1;
	return 0;
}

/* Can area a's own units attend grade g: a role that attends it, or, for
 * the top grade and when `abstract` allows it, neighbourhood officers who
 * may be abstracted (never across a border, as response.h says). */
static int area_covers(const struct scenario *sc, size_t a, size_t g,
		       int abstract)
{
	size_t i;

	for (i = 0; i < sc->n_units; i++) {
		const struct unit_spec *u = &sc->units[i];
		const struct role_spec *r = &sc->roles[u->role];

		if (u->area != a || !unit_has_staff(u))
			continue;
		if (!r->neighbourhood && (r->attends >> g & 1u))
			return 1;
		if (abstract && g == 0 && r->neighbourhood &&
		    r->abstraction == ABSTRACTION_EMERGENCY_ONLY)
			return 1;
	}
	return 0;
}

/* Does some line create incidents of grade g? */
static int grade_created(const struct scenario *sc, size_t g)
{
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		if (sc->lines[l].incident_p[g] > 0)
			return 1;
	return 0;
}

/* Area a can have incidents of grade g attended, by its own units or a
 * neighbour's; else reports it at the area. */
static void check_area_reach(struct scenario_read *ld, struct yaml_doc_at s,
			     size_t a,
			     size_t g)
{
	const struct scenario *sc = ld->sc;
	const struct area_spec *as = &sc->areas[a];
	char ip[YAML_DOC_PATH_MAX];
	size_t k;

	if (as->share <= 0 || area_covers(sc, a, g, 1))
		return;
	for (k = 0; k < as->n_neighbours; k++)
		if (area_covers(sc, as->neighbours[k], g, 0))
			return;
	yaml_doc_problem(&ld->yd,
			 yaml_doc_item(&ld->yd, s, (int)a, as->name,
				       ip), "area %s has no "
			 "unit that can attend %s and no neighbour to borrow from; "
			 "give it units of a role that attends %s, or a neighbour "
			 "that has them", as->name, sc->grades[g].name,
			 sc->grades[g].name);
}

/* Every incident a line can create must find a unit some day, or it
 * would wait for ever and the run would never settle. Checked only once
 * everything read cleanly. */
void scenario_incidents_check_reach(struct scenario_read *ld,
				    struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "areas", kp);
	size_t g, a;

	for (g = 0; g < sc->n_grades; g++)
		for (a = 0; a < sc->n_areas && grade_created(sc, g); a++)
			check_area_reach(ld, s, a, g);
}

/* A grade's longest mean travel, its travel's mean x the largest
 * travel_factor of an area x its highest travel_by_hour factor x
 * cross_border_factor where that area has
 * neighbours to borrow from, is at most SCENARIO_SECONDS_MAX, the bound of any
 * one duration. Checked only once everything read cleanly. */
void scenario_incidents_check_travel(struct scenario_read *ld,
				     struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX], tp[YAML_DOC_PATH_MAX];
	char hour[64];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "grades", kp), t;
	double f = 0, fa, mean;
	size_t g, a, worst = 0;

	for (a = 0; a < sc->n_areas; a++) {
		fa = sc->areas[a].travel_factor *
			scenario_travel_peak(sc, a) *
			(sc->areas[a].n_neighbours ?
			 sc->dispatch.cross_border_factor : 1);
		if (fa > f) {
			f = fa;
			worst = a;
		}
	}
	for (g = 0; g < sc->n_grades && sc->n_areas; g++) {
		mean = dist_mean(&sc->grades[g].travel);
		if (mean * f <= SCENARIO_SECONDS_MAX)
			continue;
		t = yaml_doc_key(&ld->yd,
				 yaml_doc_item(&ld->yd, s, (int)g,
					       sc->grades[g].name, ip),
				 "travel", tp);
		snprintf(hour, sizeof hour, " x highest travel_by_hour %g",
			 scenario_travel_peak(sc, worst));
		yaml_doc_problem(&ld->yd, t,
				 "a mean of %g s x %g (travel_factor %g of "
				 "area %s%s%s) is %.4g s; must be at most 1e9 s",
				 mean, f, sc->areas[worst].travel_factor,
				 sc->areas[worst].name,
				 scenario_travel_of(sc, worst) ? hour : "",
				 sc->areas[worst].n_neighbours ? " x cross_border_"
				 "factor across a border" : "", mean * f);
	}
}

/* The response sections: all optional as a whole, but grades bring the
 * need for areas, roles and units, and those mean nothing without grades:
 * the top table's rows that check writes only with grades (RESPONSE),
 * after the grades themselves. */
void scenario_incidents_read(struct scenario_read *ld, struct yaml_doc_at top)
{
	const struct scenario_key *k = scenario_schema_find(scenario_schema_top,
							    "grades");
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a;

	for (k++; k->key; k++) {
		if (k->shown != 1 + offsetof(struct scenario, n_grades))
			continue;
		a = yaml_doc_key(&ld->yd, top, k->key, kp);
		if (ld->grades_given)
			scenario_record_row(ld, top, k, ld->sc);
		else if (a.id)
			yaml_doc_problem(&ld->yd, a, "incident response needs "
					 "grades; give a grades list, or leave "
					 "out %s", k->key);
	}
}
