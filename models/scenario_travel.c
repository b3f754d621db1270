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

#include "models/scenario_schema.h"

static const struct yaml_doc_rule R_HOUR_FACTOR = {
	0.1, 10, 0, 0, 0, "a factor from 0.1 to 10"};

/* The table a row of rec keeps. */
static struct travel_week *travel_at(const struct scenario_key *k, void *rec)
{
	return (struct travel_week *)((char *)rec + k->offset);
}

/* A table must have one factor for each hour of the week. */
static void travel_count(struct scenario_read *ld, struct yaml_doc_at a,
			 size_t n)
{
	if (n != HOURS_PER_WEEK)
		yaml_doc_problem(&ld->yd, a, "has %zu factors; must have 168 "
				 "(one an hour, Monday 00:00 first)", n);
}

/* A CSV of factors, one a line, as a line's profile is written (a first
 * line that is not a number is a header). */
static void travel_from_csv(struct scenario_read *ld, struct yaml_doc_at a,
			    struct travel_week *t)
{
	int before = ld->yd.n_problems;
	size_t n = scenario_read_factors(ld, a, "a travel-by-hour CSV",
					 &R_HOUR_FACTOR, t->factor,
					 HOURS_PER_WEEK);

	if (ld->yd.n_problems == before)
		travel_count(ld, a, n);
}

void scenario_travel_parse(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct travel_week *t = travel_at(k, rec);
	struct yaml_doc_at p = yaml_doc_key(&ld->yd, m, k->key, kp);
	const yaml_node_t *n;

	for (size_t i = 0; i < HOURS_PER_WEEK; i++)
		t->factor[i] = 1.0;
	t->given = 0;
	if (!p.id)
		return;
	t->given = 1;
	n = yaml_doc_node(&ld->yd, p.id);
	if (yaml_doc_is_string(n)) {
		travel_from_csv(ld, p, t);
		return;
	}
	if (!yaml_doc_expect(&ld->yd, p, YAML_SEQUENCE_NODE, "a CSV file "
			     "name or a list of 168 factors from 0.1 to 10"))
		return;
	for (int i = 0; i < yaml_doc_seq_len(n) && i < HOURS_PER_WEEK; i++)
		yaml_doc_number(&ld->yd, yaml_doc_item(&ld->yd, p, i, NULL, ip),
				&R_HOUR_FACTOR, &t->factor[i]);
	travel_count(ld, p, (size_t)yaml_doc_seq_len(n));
}

void scenario_travel_dispatch(struct scenario_read *ld, struct yaml_doc_at top)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at d = yaml_doc_key(&ld->yd, top, "dispatch", kp);

	/* A dispatch that is not a mapping was reported by its walk. */
	if (d.id && yaml_doc_node(&ld->yd, d.id)->type == YAML_MAPPING_NODE)
		scenario_travel_parse(ld, d, scenario_schema_find(
			scenario_schema_dispatch, "travel_by_hour"),
			&ld->sc->dispatch);
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
