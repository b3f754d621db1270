/* scenario_agreement.c: an agreement's target and the rules of its form
 * (scenario_agreement.h). */
#include "models/scenario_agreement.h"

#include <math.h>
#include <string.h>

#include "models/agreement.h"
#include "models/agreement_hours.h"
#include "models/scenario.h"

/* The value of the row `key` of target k in rec. */
static double agreement_value(const struct scenario_key *k, const void *rec,
			      const char *key)
{
	return scenario_schema_get(scenario_schema_find(k->sub, key), rec);
}

/* per: day, week or hour needs a goal and on_at_least, and a counted
 * horizon of one whole period at least. */
static void agreement_periodic(struct scenario_read *ld, struct yaml_doc_at a,
			       enum agreement_per per, double goal,
			       double on_at_least, double target_s)
{
	char pp[YAML_DOC_PATH_MAX], wp[YAML_DOC_PATH_MAX];
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
	if (per == AGREEMENT_HOUR && target_s > AGREEMENT_HOURS_TARGET_MAX_S)
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, a, "within_s",
				 wp), "per: hour needs within_s of at "
				 "most 86400 (a day), and it is %g; judge a "
				 "longer target per day or week", target_s);
	if (at.id && agreement_periods(per, days) == 0)
		yaml_doc_problem(&ld->yd, at, "per: %s needs a whole %s "
				 "counted, and run.days is %g; give run.days "
				 "of at least %s, or another per",
				 agreement_word(per), agreement_word(per),
				 days, per == AGREEMENT_HOUR ? "0.0417 (an hour)"
				 : per == AGREEMENT_WEEK ? "7" : "1");
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
				   on_at_least,
				   agreement_value(k, rec, "within_s"));
	else if (!isnan(on_at_least))
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, a,
				 "on_at_least", op), "on_at_least needs per: "
				 "%s, the period whose share it sets; "
				 "without per the goal is judged over the "
				 "whole horizon", strcmp(k->key, "answer") == 0
				 ? "day, week or hour" : "day or week");
}

const struct scenario_record_hook scenario_agreement_hooks[] = {
	{"attend", scenario_agreement_read}, {NULL, NULL}};
