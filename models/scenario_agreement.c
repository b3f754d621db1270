/* scenario_agreement.c: an agreement's target and the rules of its form
 * (scenario_agreement.h). */
#include "models/scenario_agreement.h"

#include <math.h>

#include "models/agreement.h"
#include "models/scenario.h"

/* The value of the row `key` of target k in rec. */
static double agreement_value(const struct scenario_key *k, const void *rec,
			      const char *key)
{
	return scenario_schema_get(scenario_schema_find(k->sub, key), rec);
}

/* per: day or week needs a goal and on_at_least, and a counted horizon of
 * one whole period at least. */
static void agreement_periodic(struct scenario_read *ld, struct yaml_doc_at a,
			       enum agreement_per per, double goal,
			       double on_at_least)
{
	char pp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at at = yaml_doc_key(&ld->yd, a, "per", pp);
	double days = ld->sc->run.days;

	if (isnan(goal))
		yaml_doc_missing(&ld->yd, a, "goal", "the share a period's "
				 "calls or incidents must reach, such as 0.90 "
				 "(per sets the period)");
	if (isnan(on_at_least))
		yaml_doc_missing(&ld->yd, a, "on_at_least", "the share of "
				 "periods the goal must be met on, such as "
				 "0.95");
	if (at.id && agreement_periods(per, days) == 0)
		yaml_doc_problem(&ld->yd, at, "per: %s needs a whole %s "
				 "counted, and run.days is %g; give run.days "
				 "of at least %zu, or another per",
				 agreement_word(per), agreement_word(per),
				 days, agreement_period_days(per));
}

void scenario_agreement_read(struct scenario_read *ld, struct yaml_doc_at m,
			     const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX], op[YAML_DOC_PATH_MAX];
	int before = ld->yd.n_problems;
	struct yaml_doc_at a = scenario_record_map(ld, m, k, rec, kp);
	enum agreement_per per;
	double on_at_least;

	if (!a.id || ld->yd.n_problems != before)
		return;
	per = (enum agreement_per)agreement_value(k, rec, "per");
	on_at_least = agreement_value(k, rec, "on_at_least");
	if (per != AGREEMENT_HORIZON)
		agreement_periodic(ld, a, per, agreement_value(k, rec, "goal"),
				   on_at_least);
	else if (!isnan(on_at_least))
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, a,
				 "on_at_least", op), "on_at_least needs per: "
				 "day or week, the period whose share it sets; "
				 "without per the goal is judged over the "
				 "whole horizon");
}

const struct scenario_record_hook scenario_agreement_hooks[] = {
	{"attend", scenario_agreement_read}, {NULL, NULL}};
