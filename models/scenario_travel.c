/* scenario_travel.c: travel_by_hour, travel that depends on the hour of the
 * week (scenario_travel.h). Rush hours slow units down and the small hours
 * speed them up: a factor for each of the 168 hours, by the hour a unit is
 * sent, multiplies the grade's travel time, after the area's
 * travel_factor and before a border's factor.
 *
 * Unlike a line's profile, the factors are absolute (1 is travel as the
 * grade's distribution gives it) and are not rescaled: a planner writes
 * "18:00 is 1.4 times slower", not a shape. They are bounded, 0.1 to 10,
 * so a typo (14 for 1.4) is refused, and the product with the other
 * factors is bounded with them (scenario_incidents.c's check_travel). */
#include "models/scenario_travel.h"

#include <stdlib.h>

static const struct yaml_doc_rule R_HOUR_FACTOR = {
	0.1, 10, 0, 0, 0, "a factor from 0.1 to 10"};

/* Inline or a CSV of factors, one a line, as a line's profile is
 * written, one for each hour of the week; a CSV's count is judged once
 * its lines read cleanly. */
void scenario_travel_parse(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX];
	struct travel_week *t = (struct travel_week *)((char *)rec + k->offset);
	struct yaml_doc_at p = yaml_doc_key(&ld->yd, m, k->key, kp);
	int before = ld->yd.n_problems;
	long n;

	for (size_t i = 0; i < HOURS_PER_WEEK; i++)
		t->factor[i] = 1.0;
	t->given = p.id != 0;
	n = p.id ? scenario_read_factor_list(ld, p, "a travel-by-hour CSV",
		"a CSV file name or a list of 168 factors from 0.1 to 10",
		&R_HOUR_FACTOR, t->factor, HOURS_PER_WEEK) : -1;
	if (n >= 0 && n != HOURS_PER_WEEK && (ld->yd.n_problems == before ||
		       !yaml_doc_is_string(yaml_doc_node(&ld->yd, p.id))))
		yaml_doc_problem(&ld->yd, p, "has %ld factors; must have 168 "
				 "(one an hour, Monday 00:00 first)", n);
}

const struct travel_week *scenario_travel_of(const struct scenario *sc,
					     size_t area)
{
	const struct travel_week *t = &sc->areas[area].travel_by_hour;

	if (t->given)
		return t;
	return sc->dispatch.travel_by_hour.given ? &sc->dispatch.travel_by_hour
						 : NULL;
}

double scenario_travel_peak(const struct scenario *sc, size_t area)
{
	const struct travel_week *t = scenario_travel_of(sc, area);
	double top = 1;

	for (size_t h = 0; t && h < HOURS_PER_WEEK; h++)
		top = h == 0 || t->factor[h] > top ? t->factor[h] : top;
	return top;
}
