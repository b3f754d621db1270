/* scenario_schema.c: the keys of a scenario file, record by record
 * (scenario_schema.h). The ranges keep every time the model computes
 * finite and every figure it reports meaningful; products of factors are
 * bounded too, once their keys are read (scenario_calls.c's
 * check_peak_rate, scenario_incidents.c's check_travel). */
#include "models/scenario_schema.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "models/agreement.h"
#include "models/scenario.h"
#include "models/scenario_busyness.h"
#include "models/scenario_deferrable.h"
#include "models/scenario_load.h"
#include "models/scenario_routing.h"
#include "models/scenario_schema_rows.h"
#include "models/week.h"

const struct yaml_doc_rule scenario_schema_seconds_pos = {
	0, SCENARIO_SECONDS_MAX, 1, 0, 0,
	"a positive number of seconds, at most 1e9"};
const struct yaml_doc_rule scenario_schema_seconds = {
	0, SCENARIO_SECONDS_MAX, 0, 0, 0, "a number of seconds from 0 to 1e9"};
static const struct yaml_doc_rule R_SHAPE = {
	0, 1000, 1, 0, 0, "a positive number, at most 1000"};
const struct yaml_doc_rule scenario_schema_profile_factor = {
	0, 1e6, 0, 0, 0, "a factor from 0 to 1e6"};
static const struct yaml_doc_rule R_MONTH_FACTOR = {
	0, 100, 0, 0, 0, "a factor from 0 to 100"};
static const struct yaml_doc_rule R_SURGE_FACTOR = {
	0, 1000, 0, 0, 0, "a factor from 0 to 1000"};
const struct yaml_doc_rule scenario_schema_probability = {
	0, 1, 0, 0, 0, "a probability from 0 to 1"};
const struct yaml_doc_rule scenario_schema_goal = {
	0, 1, 1, 0, 0, "a fraction with 0 < goal <= 1"};
static const struct yaml_doc_rule R_ON_AT_LEAST = {
	0, 1, 1, 0, 0, "a fraction with 0 < on_at_least <= 1"};
static const struct yaml_doc_rule R_SHRINKAGE = {
	0, 1, 0, 1, 0, "a fraction with 0 <= shrinkage < 1"};
/* At least a second: a shift is kept to the second, and a shorter one
 * would become a shift of no time at all. */
const struct yaml_doc_rule scenario_schema_shift_hours = {
	1.0 / 3600, 24, 0, 0, 0,
	"a number of hours from 1/3600 (one second) to 24"};
static const struct yaml_doc_rule R_SURGE_HOURS = {
	0, 168, 1, 0, 0, "a number of hours with 0 < hours <= 168"};
/* From 1: an FTE of a few seconds a week would make a handful of people
 * millions of FTE. */
static const struct yaml_doc_rule R_WEEK_HOURS = {
	1, 168, 0, 0, 0, "a number of hours from 1 to 168"};
static const struct yaml_doc_rule R_STAFF = {
	0, 1e6, 0, 0, 1, "a whole number of people from 0 to 1000000"};
static const struct yaml_doc_rule R_DAYS = {
	0, 36600, 1, 0, 0, "a positive number of days (at most 36600)"};
static const struct yaml_doc_rule R_HOURS = {
	0, 878400, 0, 0, 0, "a number of hours >= 0 (at most 878400, 100 years)"};
static const struct yaml_doc_rule R_REPLICATIONS = {
	2, 1e6, 0, 0, 1,
	"a whole number from 2 (a confidence interval needs two) to 1000000"};
/* Volumes: SCENARIO_MEAN_RATE_MAX calls a second in each unit. */
static const struct yaml_doc_rule R_PER_YEAR = {
	0, SCENARIO_MEAN_RATE_MAX * 365 * 86400, 0, 0, 0,
	"a number of calls a year from 0 to 315360000 (10 a second)"};
static const struct yaml_doc_rule R_PER_DAY = {
	0, SCENARIO_MEAN_RATE_MAX * 86400, 0, 0, 0,
	"a number of calls a day from 0 to 864000 (10 a second)"};
static const struct yaml_doc_rule R_PER_HOUR = {
	0, SCENARIO_MEAN_RATE_MAX * 3600, 0, 0, 0,
	"a number of calls an hour from 0 to 36000 (10 a second)"};
static const struct yaml_doc_rule R_MAX_WAITING = {
	1, SCENARIO_MAX_WAITING_MAX, 0, 0, 1,
	"a whole number from 1 to 100000000"};
static const struct yaml_doc_rule R_REDIAL = {
	0, 1, 0, 1, 0,
	"a probability with 0 <= p < 1 (a caller who always redials never leaves)"};
/* Below 1: a line all of whose calls repeat a report would have no
 * first report, and no calls per incident. */
static const struct yaml_doc_rule R_DUPLICATE = {
	0, 1, 0, 1, 0, "a share with 0 <= duplicate < 1"};
static const struct yaml_doc_rule R_COST = {
	0, 1e8, 0, 0, 0, "an annual cost from 0 to 1e8"};
const struct yaml_doc_rule scenario_schema_week = {
	1, 1e6, 0, 0, 1, "a run week number from 1 to 1000000"};
static const struct yaml_doc_rule R_SHARE = {
	0, 1, 0, 0, 0, "a share from 0 to 1"};
static const struct yaml_doc_rule R_CREW = {
	1, 1e3, 0, 0, 1, "a whole number of officers from 1 to 1000"};
static const struct yaml_doc_rule R_MULTI_UNITS = {
	2, RESPONSE_UNITS_MAX, 0, 0, 1, "a whole number of units from 2 to 16"};
static const struct yaml_doc_rule R_TRAVEL_FACTOR = {
	0, 100, 1, 0, 0, "a positive factor, at most 100"};
static const struct yaml_doc_rule R_CV = {
	0, BUSYNESS_CV_MAX, 0, 0, 0,
	"a coefficient of variation from 0 to 1"};
static const struct yaml_doc_rule R_BORDER_FACTOR = {
	1, 100, 0, 0, 0,
	"a factor from 1 to 100 (crossing a border never shortens travel)"};

/* A top-level list of records of type item, kept at field and n_field,
 * read as kind says. */
#define KEPT(field, item, kind) AT(scenario, field), \
	.count = offsetof(struct scenario, n_##field), \
	.size = sizeof(struct item), .items = &kind
/* A row of incident response, which means nothing without grades: the
 * loader reads these rows after the grades and refuses them without any
 * (scenario_incidents_read finds them by this mark), and check writes
 * them only with grades. */
#define RESPONSE SHOWN(scenario, n_grades), .shown_if = SCENARIO_SHOWN_COUNT
/* 168 travel factors by hour of the week (a hook reads them), kept as a
 * struct travel_week. */
#define TRAVEL(rec, ...) \
	{.key = "travel_by_hour", .kind = SCENARIO_LIST, \
	 AT(rec, travel_by_hour), .scale = 1, \
	 GIVEN(rec, travel_by_hour.given), .form = SCENARIO_FORM_FACTORS, \
	 .note = "   # travel factors by hour from Monday 00:00", \
	 .doc = __VA_ARGS__}
/* A roster, in one of two forms: a list of weekly shifts, or teams on a
 * rotating pattern kept behind a pointer; check writes the one held. The
 * examples a message gives name staff a shift and per_team people. */
#define ROTA_SUCH(per_team) \
	"{pattern: 6on4off, teams: 5, per_team: " per_team "}"
#define SHIFTS(rec, staff, per_team, ...) \
	RECORDS("shifts", scenario_schema_shift, scenario_pools_shifts, rec, \
		shifts, n_shifts, shift_spec, __VA_ARGS__, \
		NOT_HELD(rec, rota), .other = "rota", .required = 1, \
		.give = "the roster: a list of shifts such as {name: early, " \
		"start: \"07:00\", hours: 10, staff: " staff "}, or a rota: " \
		ROTA_SUCH(per_team))
#define ROTA(rec, per_team, ...) \
	{.key = "rota", .kind = SCENARIO_MAP, .scale = 1, \
	 .sub = scenario_schema_rota, AT(rec, rota), HELD(rec, rota), \
	 .other = "shifts", .form = SCENARIO_FORM_POINTER, \
	 .shape = "a mapping such as " ROTA_SUCH(per_team), .doc = __VA_ARGS__}

/* Times of day: a shift starts within the day. */
const struct yaml_doc_rule scenario_schema_clock = {
	0, 86399, 0, 0, 0, "\"HH:MM\" from \"00:00\" to \"23:59\""};

const char *const scenario_schema_days[] = {WEEK_DAY_KEYS, NULL};
static const char *const W_PER[] = {AGREEMENT_WORDS};
static const char *const W_PER_DAYS[] = {AGREEMENT_WORDS_DAYS};
static const char *const W_POLICY[] = {"never", "emergency_only", NULL};
/* As enum currency_code orders them (models/currency.h). */
static const char *const W_CURRENCY[CURRENCIES + 1] = {"GBP", "EUR", "USD",
	NULL};
/* As enum dist_kind orders them. */
static const char *const W_DIST[] = {"exponential", "lognormal", "gamma",
	"weibull", "deterministic", "uniform", "empirical", NULL};

#define FTE_HOURS "   # contracted hours of one FTE"
#define A_YEAR "   # a year"

const struct scenario_key scenario_schema_top[] = {
	TEXT("name", 1, scenario, name, "the scenario's title",
	     .give = "the scenario's name"),
	WORD("currency", W_CURRENCY, "currency", scenario, currency,
	     "the currency of costs", .give = CURRENCY_ALLOWED,
	     SHOWN(scenario, currency), .shown_if = SCENARIO_SHOWN_SET),
	MAP("run", 0, scenario_schema_run, scenario, run, "run settings",
	    .shape = "a mapping such as {days: 28, replications: 10}"),
	NESTED("lines", SCENARIO_LIST, 1, scenario_schema_line,
	       "the contact lines",
	       KEPT(lines, line_spec, scenario_calls_lines)),
	NESTED("pools", SCENARIO_LIST, 1, scenario_schema_pool,
	       "the call handler pools",
	       KEPT(pools, pool_spec, scenario_pools_list)),
	NESTED("busyness", SCENARIO_LIST, 0, scenario_schema_busyness,
	       "lines sharing a random factor a day",
	       KEPT(busyness, busyness_spec, scenario_busyness_groups)),
	NESTED("deferrable", SCENARIO_LIST, 0, scenario_schema_deferrable,
	       "work taken when no call waits",
	       KEPT(deferrable, deferrable_spec, scenario_deferrable_streams)),
	TEXT("events", 0, scenario, events, "dated events: a CSV file",
	     .give = "the name of an events CSV file"),
	NESTED("grades", SCENARIO_LIST, 0, scenario_schema_grade,
	       "incident grades, highest first",
	       KEPT(grades, grade_spec, scenario_incidents_grade_list), RESPONSE,
	       .note = "   # highest first"),
	NESTED("areas", SCENARIO_LIST, 0, scenario_schema_area,
	       "the areas incidents happen in",
	       KEPT(areas, area_spec, scenario_incidents_area_list), RESPONSE),
	NESTED("roles", SCENARIO_LIST, 0, scenario_schema_role,
	       "officer roles",
	       KEPT(roles, role_spec, scenario_incidents_role_list), RESPONSE),
	NESTED("units", SCENARIO_LIST, 0, scenario_schema_unit,
	       "unit rosters",
	       KEPT(units, unit_spec, scenario_incidents_unit_list), RESPONSE),
	MAP("dispatch", 0, scenario_schema_dispatch, scenario, dispatch,
	    "dispatch rules",
	    .shape = "a mapping such as {cross_border_after_s: 300}",
	    RESPONSE),
	END};

const struct scenario_key scenario_schema_run[] = {
	OPTIONAL("days", R_DAYS, run_spec, days, D, 1, 28,
		 "the counted period"),
	OPTIONAL("warmup_hours", R_HOURS, run_spec, warmup_s, D, 3600,
		 24 * 3600, "simulated first and not counted"),
	OPTIONAL("replications", R_REPLICATIONS, run_spec, replications,
		 SCENARIO_UNSIGNED, 1, 10, "independent runs"),
	{.key = "seed", .kind = SCENARIO_SEED, AT(run_spec, seed), .scale = 1,
	 .def = 1, .doc = "the master seed",
	 .give = "a whole number from 0 to 18446744073709551615"},
	DATE("start_date", run_spec, start,
	     "the date of time 0 (00:00 local time), any day",
	     .note = "   # time 0: 00:00 local time"),
	OPTIONAL("max_waiting", R_MAX_WAITING, run_spec, max_waiting,
		 SCENARIO_SIZE, 1, SCENARIO_MAX_WAITING_DEFAULT,
		 "the most callers, or incidents, waiting at once"),
	END};

const struct scenario_key scenario_schema_line[] = {
	NAME("unique among lines"),
	NESTED("volume", SCENARIO_MAP, 1, scenario_schema_volume,
	       "calls a year, a day or an hour", AT(line_spec, demand),
	       .form = SCENARIO_FORM_ONE_OF),
	PROFILE(line_spec, "the weekly shape of demand"),
	MAP("months", 0, scenario_schema_months, line_spec, demand,
	    "a factor a calendar month", .flow = 1,
	    .shape = "a mapping of month (jan..dec) to factor"),
	RECORDS("surges", scenario_schema_surge, scenario_calls_surges,
		line_spec, demand.surges, demand.n_surges, surge_spec,
		"windows of extra demand",
		.absent = "    surges: []\n"),
	DIST("patience", 0, line_spec, patience, "how long a caller waits",
	     GIVEN(line_spec, has_patience),
	     .absent = "    # no patience: callers never abandon\n"),
	INNER("redial", 0, scenario_schema_redial,
	    "callers who call again",
	    .shape = "a mapping such as {probability: 0.3, delay: "
	    "{dist: exponential, mean: 60}}"),
	DIST("handle", 1, line_spec, handle, "talk time",
	     .give = "the talk time, such as "
	     "{dist: lognormal, mean: 240, sd: 180}"),
	DIST("wrap", 0, line_spec, wrap, "after-call work",
	     GIVEN(line_spec, has_wrap),
	     .absent = "    # no wrap: no after-call work\n"),
	INNER("answer", 1, scenario_schema_answer,
	    "the service level target", .flow = 1,
	    .give = "the service level target, such as "
	    "{within_s: 10, goal: 0.90}",
	    .shape = "a mapping such as {within_s: 10, goal: 0.90}"),
	OTHER("incidents", SCENARIO_MAP, 0, "incidents a call creates",
	      AT(line_spec, incident_p), .of = &scenario_of_grades,
	      .form = SCENARIO_FORM_BY_NAME),
	OPTIONAL("duplicate", R_DUPLICATE, line_spec, duplicate, D, 1, 0,
		 "share of answered calls about an incident already reported",
		 SHOWN(line_spec, duplicate),
		 .note = "   # of answered calls: no new incident"),
	DIST("connection", 0, line_spec, connection,
	     "999 connection before the force's queue",
	     GIVEN(line_spec, has_connection), .absent = "",
	     .give = "the connection time, such as "
	     "{dist: lognormal, mean: 6, sd: 3}"),
	MAP("callback", 0, scenario_schema_callback, line_spec, callback,
	    "call-backs of abandoned callers",
	    SHOWN(line_spec, callback.probability),
	    .shape = "a mapping such as {probability: 0.5, target_s: 3600, "
	    "handle: {dist: exponential, mean: 180}, pool: \"emergency\"}"),
	END};

/* Read by the loader: exactly one is given. */
const struct scenario_key scenario_schema_volume[] = {
	OPTIONAL("per_year", R_PER_YEAR, demand_spec, mean_rate_per_s, D,
		 1.0 / (365 * 86400.0), 0, "calls a year of 365 days"),
	OPTIONAL("per_day", R_PER_DAY, demand_spec, mean_rate_per_s, D,
		 1.0 / 86400.0, 0, "calls a day"),
	OPTIONAL("per_hour", R_PER_HOUR, demand_spec, mean_rate_per_s, D,
		 1.0 / 3600.0, 0, "calls an hour"),
	END};

#define MONTH(key, i) OPTIONAL(key, R_MONTH_FACTOR, demand_spec, \
			       month_factor[i], D, 1, 1, "a factor")
const struct scenario_key scenario_schema_months[] = {
	MONTH("jan", 0), MONTH("feb", 1), MONTH("mar", 2), MONTH("apr", 3),
	MONTH("may", 4), MONTH("jun", 5), MONTH("jul", 6), MONTH("aug", 7),
	MONTH("sep", 8), MONTH("oct", 9), MONTH("nov", 10), MONTH("dec", 11),
	END};

const struct scenario_key scenario_schema_surge[] = {
	{.key = "start", .kind = SCENARIO_WHEN, AT(surge_spec, start_s),
	 .scale = 1, .required = 1, .doc = "a day and time, \"sat 22:00\"",
	 .give = "a day and time such as \"sat 22:00\"",
	 .words = scenario_schema_days},
	NEEDED("hours", R_SURGE_HOURS, surge_spec, duration_s, D, 3600,
	       "how long it lasts"),
	NEEDED("factor", R_SURGE_FACTOR, surge_spec, factor, D, 1,
	       "multiplies the rate"),
	VALUES("weeks", scenario_schema_week, SCENARIO_UNSIGNED, surge_spec,
	       weeks, "run weeks; every week if absent",
	       .shape = "a list of run weeks from 1, such as [2, 5]",
	       .give = "run weeks from 1, or leave weeks out for every week"),
	END};

/* Means, sds and scales are durations and must be positive; a fixed
 * value or a bound may be 0. Each kind takes some of them, in the order
 * check writes them. */
const struct scenario_key scenario_schema_dist[] = {
	WORD("dist", W_DIST, "distribution", dist, kind,
	     "the kind of distribution", .required = 1,
	     .give = "exponential, lognormal, gamma, weibull, deterministic, "
	     "uniform, empirical"),
	NEEDED("mean", scenario_schema_seconds_pos, dist, mean, D, 1,
	       "seconds"),
	NEEDED("sd", scenario_schema_seconds_pos, dist, sd, D, 1, "seconds"),
	NEEDED("shape", R_SHAPE, dist, shape, D, 1, "Weibull shape"),
	NEEDED("scale", scenario_schema_seconds_pos, dist, scale, D, 1,
	       "seconds"),
	NEEDED("value", scenario_schema_seconds, dist, value, D, 1, "seconds"),
	NEEDED("min", scenario_schema_seconds, dist, min, D, 1, "seconds"),
	NEEDED("max", scenario_schema_seconds, dist, max, D, 1, "seconds"),
	OTHER("values", SCENARIO_LIST, 1, "samples, or {csv, column}"),
	END};

/* The keys each kind of distribution accepts, "dist" first. */
const char *const scenario_schema_dist_keys[][4] = {
	[DIST_EXPONENTIAL] = {"dist", "mean", NULL, NULL},
	[DIST_LOGNORMAL] = {"dist", "mean", "sd", NULL},
	[DIST_GAMMA] = {"dist", "mean", "sd", NULL},
	[DIST_WEIBULL] = {"dist", "shape", "scale", NULL},
	[DIST_DETERMINISTIC] = {"dist", "value", NULL, NULL},
	[DIST_UNIFORM] = {"dist", "min", "max", NULL},
	[DIST_EMPIRICAL] = {"dist", "values", NULL, NULL},
};

/* delay is needed only when some callers redial (the line's hook). */
const struct scenario_key scenario_schema_redial[] = {
	NEEDED("probability", R_REDIAL, line_spec, redial_probability, D, 1,
	       "the share of callers who abandon and call again"),
	DIST("delay", 0, line_spec, redial_delay,
	     "the time before calling again",
	     .needed = 1 + offsetof(struct line_spec, redial_probability),
	     .give = "the time before a redial, such as {dist: exponential, "
	     "mean: 60}"),
	END};

const struct scenario_key scenario_schema_answer[] = {
	NEEDED("within_s", scenario_schema_seconds, line_spec, target_s, D, 1,
	       "answer within"),
	OPTIONAL("goal", scenario_schema_goal, line_spec, goal, D, 1, NAN,
		 "the share to answer within it", NO_GOAL),
	WORD("per", W_PER, "value", line_spec, per, "the period the goal is "
	     "judged over: horizon, day, week or hour", .give = "horizon, "
	     "day, week or hour", SHOWN(line_spec, per),
	     .shown_if = SCENARIO_SHOWN_SET),
	OPTIONAL("on_at_least", R_ON_AT_LEAST, line_spec, on_at_least, D, 1,
		 NAN, "with per: day, week or hour, the share of periods to "
		 "meet the goal on"),
	END};

const struct scenario_key scenario_schema_pool[] = {
	NAME("unique among pools"),
	REFS("serves", 1, lines, pool_spec, serves,
	     "line names, highest priority first",
	     .give = "a list of line names, highest priority first",
	     .note = "   # in priority order"),
	RECORDS("overflow", scenario_schema_overflow,
		scenario_routing_overflow, pool_spec, overflow, n_overflow,
		overflow_spec,
		"other lines, taken when under pressure"),
	RECORDS("reserve", scenario_schema_reserve,
		scenario_routing_reserve, pool_spec, reserve,
		n_reserve, reserve_spec, "handlers kept free for higher lines"),
	OPTIONAL("shrinkage", R_SHRINKAGE, pool_spec, shrinkage, D, 1, 0,
		 "the share of rostered time not on calls"),
	OPTIONAL("hours_per_week", R_WEEK_HOURS, pool_spec, hours_per_week, D,
		 1, 37.5, "contracted hours of one FTE", .note = FTE_HOURS),
	OPTIONAL("cost_per_fte", R_COST, pool_spec, cost_per_fte, D, 1, 0,
		 "annual", .note = A_YEAR),
	SHIFTS(pool_spec, "24", "6", "the roster; or rota"),
	ROTA(pool_spec, "6", "teams on a rotating pattern; or shifts"),
	END};

/* An overflow rule needs queue or wait_s or both (scenario_routing.c);
 * NAN stands for the one not given. */
static const struct yaml_doc_rule R_QUEUE = {
	1, 1e6, 0, 0, 1, "a whole number of callers from 1 to 1000000"};
static const struct yaml_doc_rule R_KEEP = {
	0, 1e6, 0, 0, 1, "a whole number of handlers from 0 to 1000000"};
const char *const scenario_schema_ahead[] = {"after_own", "before_own",
	NULL};

const struct scenario_key scenario_schema_overflow[] = {
	REF("line", lines, overflow_spec, line,
	    "a line the pool does not serve",
	    .give = "the name of a line the pool does not serve"),
	OPTIONAL("queue", R_QUEUE, overflow_spec, queue, D, 1, NAN,
		 "callers waiting on the line"),
	OPTIONAL("wait_s", scenario_schema_seconds, overflow_spec, wait_s, D,
		 1, NAN, "the line's oldest caller's wait"),
	WORD("priority", scenario_schema_ahead, "value", overflow_spec, ahead,
	     "after_own or before_own", .give = "after_own or before_own"),
	END};

const struct scenario_key scenario_schema_reserve[] = {
	REF("line", lines, reserve_spec, line, "a lower line of the pool",
	    .give = "the name of a line the pool serves after its first, or "
	    "overflows to"),
	NEEDED("keep", R_KEEP, reserve_spec, keep, SCENARIO_INT, 1,
	       "handlers kept free"),
	END};

const struct scenario_key scenario_schema_shift[] = {
	NAME("unique within the roster"),
	CLOCK("start", scenario_schema_clock, shift_spec, start_s, "\"HH:MM\""),
	{.key = "hours", .kind = SCENARIO_SPAN, .doc = "the length; or end",
	 IN_HOURS(shift_spec)},
	OTHER("end", SCENARIO_SPAN, 0, "\"HH:MM\" up to \"48:00\"; or hours"),
	OTHER("days", SCENARIO_LIST, 0, "days worked; every day if absent",
	      AT(shift_spec, days), .words = scenario_schema_days,
	      .form = SCENARIO_FORM_BITS),
	NEEDED("staff", R_STAFF, shift_spec, staff, SCENARIO_INT, 1,
	       "people on the shift"),
	END};

/* A line is in one group at most (scenario_busyness.c). */
const struct scenario_key scenario_schema_busyness[] = {
	NAME("unique among busyness groups"),
	NEEDED("cv", R_CV, busyness_spec, cv, D, 1,
	       "coefficient of variation of the day factor",
	       .note = "   # of a day's factor, mean 1"),
	REFS("lines", 1, lines, busyness_spec, lines,
	     "line names sharing the factor",
	     .give = "a list of line names, such as [\"999\", \"101\"]"),
	END};

const struct scenario_key scenario_schema_grade[] = {
	NAME("unique among grades"),
	INNER("attend", 0, scenario_schema_attend,
	    "the attendance target", .flow = 1, SHOWN(grade_spec, target_s),
	    .shown_if = SCENARIO_SHOWN_NUMBER,
	    .absent = "    # no attend: no attendance target\n",
	    .shape = "a mapping such as {within_s: 900, goal: 0.90}"),
	DIST("delay", 0, grade_spec, delay, "grading delay",
	     GIVEN(grade_spec, has_delay),
	     .absent = "    # no delay: a unit is sought at once\n"),
	DIST("travel", 1, grade_spec, travel, "travel time to the scene",
	     .give = "the travel time to the scene, such as "
	     "{dist: lognormal, mean: 480, sd: 300}"),
	DIST("on_scene", 1, grade_spec, on_scene, "time at the scene",
	     .give = "the time at the scene, such as "
	     "{dist: lognormal, mean: 5400, sd: 3600}"),
	FLAG("preemptible", grade_spec, preemptible,
	     "an Emergency may take its unit"),
	INNER("multi_unit", 0, scenario_schema_multi_unit,
	      "incidents that need more than one unit", .flow = 1,
	      SHOWN(grade_spec, multi_share),
	      .shape = "a mapping such as {share: 0.1, units: 2}"),
	END};

const struct scenario_key scenario_schema_multi_unit[] = {
	NEEDED("share", R_SHARE, grade_spec, multi_share, D, 1,
	       "of the grade's incidents"),
	OPTIONAL("units", R_MULTI_UNITS, grade_spec, multi_units, SCENARIO_INT,
		 1, 2, "units each of them needs"),
	END};

const struct scenario_key scenario_schema_attend[] = {
	NEEDED("within_s", scenario_schema_seconds, grade_spec, target_s, D, 1,
	       "attend within"),
	OPTIONAL("goal", scenario_schema_goal, grade_spec, goal, D, 1, NAN,
		 "the share to attend within it", NO_GOAL),
	WORD("per", W_PER_DAYS, "value", grade_spec, per, "the period the "
	     "goal is judged over: horizon, day or week",
	     .give = "horizon, day or week", SHOWN(grade_spec, per),
	     .shown_if = SCENARIO_SHOWN_SET),
	OPTIONAL("on_at_least", R_ON_AT_LEAST, grade_spec, on_at_least, D, 1,
		 NAN, "with per: day or week, the share of periods to meet "
		 "the goal on"),
	END};

const struct scenario_key scenario_schema_area[] = {
	NAME("unique among areas"),
	NEEDED("share", R_SHARE, area_spec, share, D, 1, "of incidents"),
	REFS("neighbours", 0, areas, area_spec, neighbours,
	     "area names, nearest first", .late = 1,
	     .give = "a list of area names, nearest first",
	     .note = "   # nearest first"),
	OPTIONAL("travel_factor", R_TRAVEL_FACTOR, area_spec, travel_factor, D,
		 1, 1, "scales travel inside the area"),
	TRAVEL(area_spec,
	       "168 travel factors by hour of the week; or dispatch's"),
	END};

/* neighbourhood before attends, which it rules out. */
const struct scenario_key scenario_schema_role[] = {
	NAME("unique among roles"),
	FLAG("neighbourhood", role_spec, neighbourhood, "ring-fenced officers"),
	OTHER("attends", SCENARIO_LIST, 0, "grade names",
	      AT(role_spec, attends), .of = &scenario_of_grades,
	      .form = SCENARIO_FORM_BITS, SHOWN(role_spec, neighbourhood),
	      .shown_if = SCENARIO_SHOWN_UNSET),
	INNER("abstraction", 0, scenario_schema_abstraction,
	    "when they may be taken", .flow = 1,
	    SHOWN(role_spec, neighbourhood), .shown_if = SCENARIO_SHOWN_SET,
	    .shape = "a mapping such as {allowed: emergency_only, after_s: 600}"),
	OPTIONAL("cost_per_fte", R_COST, role_spec, cost_per_fte, D, 1, 0,
		 "annual", .note = A_YEAR),
	OPTIONAL("hours_per_week", R_WEEK_HOURS, role_spec, hours_per_week, D,
		 1, 40, "contracted hours of one FTE", .note = FTE_HOURS),
	END};

/* after_s is required with allowed: emergency_only (the role's hook), and
 * has no default: hence NAN. */
const struct scenario_key scenario_schema_abstraction[] = {
	WORD("allowed", W_POLICY, "value", role_spec, abstraction,
	     "never or emergency_only", .give = "never or emergency_only"),
	OPTIONAL("after_s", scenario_schema_seconds, role_spec,
		 abstract_after_s, D, 1, NAN, "Emergency wait before abstraction",
		 .needed = 1 + offsetof(struct role_spec, abstraction),
		 .needed_if = SCENARIO_SHOWN_SET),
	END};

const struct scenario_key scenario_schema_unit[] = {
	REF("area", areas, unit_spec, area, "an area's name",
	    .give = "the name of one of the areas"),
	REF("role", roles, unit_spec, role, "a role's name",
	    .give = "the name of one of the roles"),
	OPTIONAL("crew", R_CREW, unit_spec, crew, SCENARIO_INT, 1, 1,
		 "officers a unit", .note = "   # officers a unit"),
	OPTIONAL("shrinkage", R_SHRINKAGE, unit_spec, shrinkage, D, 1, 0,
		 "the share of rostered units not available"),
	SHIFTS(unit_spec, "4", "2", "the roster, in units; or rota",
	       .note = "   # staff = units on the shift"),
	ROTA(unit_spec, "2", "teams of units on a rotating pattern; or shifts"),
	END};

const struct scenario_key scenario_schema_dispatch[] = {
	OPTIONAL("cross_border_after_s", scenario_schema_seconds,
		 dispatch_spec, cross_border_after_s, D, 1, 300,
		 "wait before a neighbour's unit"),
	OPTIONAL("cross_border_factor", R_BORDER_FACTOR, dispatch_spec,
		 cross_border_factor, D, 1, 1.5, "travel across a border"),
	FLAG("preempt_scheduled", dispatch_spec, preempt_scheduled,
	     "an Emergency may take a unit off preemptible work"),
	TRAVEL(dispatch_spec,
	       "168 travel factors by hour of the week, every area"),
	END};

const struct scenario_record scenario_schema[] = {
	{"Top level", 1, scenario_schema_top},
	{"run", 1, scenario_schema_run},
	{"lines", 1, scenario_schema_line},
	{"volume", 1, scenario_schema_volume},
	{"months", 1, scenario_schema_months},
	{"surges", 1, scenario_schema_surge},
	{"Distributions", 0, scenario_schema_dist},
	{"redial", 1, scenario_schema_redial},
	{"answer", 1, scenario_schema_answer},
	{"callback", 1, scenario_schema_callback},
	{"pools", 1, scenario_schema_pool},
	{"overflow", 1, scenario_schema_overflow},
	{"reserve", 1, scenario_schema_reserve},
	{"shifts", 1, scenario_schema_shift},
	{"rota", 1, scenario_schema_rota},
	{"rota", 2, scenario_schema_rota_shift},
	{"busyness", 1, scenario_schema_busyness},
	{"deferrable", 1, scenario_schema_deferrable},
	{"deferrable", 2, scenario_schema_deferrable_answer},
	{"grades", 1, scenario_schema_grade},
	{"grades", 2, scenario_schema_attend},
	{"grades", 3, scenario_schema_multi_unit},
	{"areas", 1, scenario_schema_area},
	{"roles", 1, scenario_schema_role},
	{"roles", 2, scenario_schema_abstraction},
	{"units", 1, scenario_schema_unit},
	{"dispatch", 1, scenario_schema_dispatch},
	{NULL, 0, NULL}};

const char *scenario_schema_noun(const struct scenario_key *t)
{
	return t == scenario_schema_months ? "month" : "key";
}

const struct scenario_key *scenario_schema_find(const struct scenario_key *t,
						const char *key)
{
	/* The first letter first: rows are looked up on every load. */
	for (; t->key; t++)
		if (t->key[0] == key[0] && strcmp(t->key, key) == 0)
			return t;
	return NULL;
}

void scenario_schema_names(const struct scenario_key *t,
			   const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1])
{
	size_t i;

	for (i = 0; t[i].key && i < SCENARIO_SCHEMA_KEYS_MAX; i++)
		names[i] = t[i].key;
	names[i] = NULL;
}

/* Keeps v, already in the record's units, at row k's place. */
static void keep(const struct scenario_key *k, void *rec, double v)
{
	char *at = (char *)rec + k->offset;

	if (k->store == SCENARIO_INT)
		*(int *)(void *)at = (int)v;
	else if (k->store == SCENARIO_UNSIGNED)
		*(unsigned *)(void *)at = (unsigned)v;
	else if (k->store == SCENARIO_SIZE)
		*(size_t *)(void *)at = (size_t)v;
	else
		*(double *)(void *)at = v;
}

void scenario_schema_store(const struct scenario_key *k, void *rec, double v)
{
	keep(k, rec, v * k->scale);
}

int scenario_schema_holds(enum scenario_shown how, size_t at,
			  const void *rec)
{
	const void *v = (const char *)rec + at - 1;

	switch (how) {
	case SCENARIO_SHOWN_POSITIVE: return *(const double *)v > 0;
	case SCENARIO_SHOWN_NUMBER: return !isnan(*(const double *)v);
	case SCENARIO_SHOWN_SET: return *(const int *)v != 0;
	case SCENARIO_SHOWN_UNSET: return *(const int *)v == 0;
	case SCENARIO_SHOWN_HELD: return *(const void *const *)v != NULL;
	case SCENARIO_SHOWN_NOT_HELD: return *(const void *const *)v == NULL;
	default: return *(const size_t *)v != 0;
	}
}

double scenario_schema_get(const struct scenario_key *k, const void *rec)
{
	const char *at = (const char *)rec + k->offset;
	double v;

	if (k->store == SCENARIO_INT)
		v = *(const int *)(const void *)at;
	else if (k->store == SCENARIO_UNSIGNED)
		v = *(const unsigned *)(const void *)at;
	else if (k->store == SCENARIO_SIZE)
		v = (double)*(const size_t *)(const void *)at;
	else
		v = *(const double *)(const void *)at;
	return v / k->scale;
}

_Static_assert(offsetof(struct line_spec, name) == 0, "name first");
_Static_assert(offsetof(struct pool_spec, name) == 0, "name first");
_Static_assert(offsetof(struct area_spec, name) == 0, "name first");
_Static_assert(offsetof(struct role_spec, name) == 0, "name first");
_Static_assert(offsetof(struct grade_spec, name) == 0, "name first");
#define OF(f, rec, noun) \
	{noun, #f, offsetof(struct scenario, f), \
	 offsetof(struct scenario, n_##f), sizeof(struct rec)}
const struct scenario_of scenario_of_lines = OF(lines, line_spec, "line"),
	scenario_of_pools = OF(pools, pool_spec, "pool"),
	scenario_of_areas = OF(areas, area_spec, "area"),
	scenario_of_roles = OF(roles, role_spec, "role"),
	scenario_of_grades = OF(grades, grade_spec, "grade");

const char *scenario_schema_ref_name(const void *sc,
				     const struct scenario_of *of, size_t i)
{
	const char *items = *(char *const *)(const void *)
		((const char *)sc + of->list);

	return items + i * of->stride;
}

size_t scenario_schema_size(enum scenario_store s)
{
	return s == SCENARIO_INT ? sizeof(int) : s == SCENARIO_UNSIGNED ?
	       sizeof(unsigned) : s == SCENARIO_SIZE ? sizeof(size_t) :
	       sizeof(double);
}

/* Row k's number, but at item i of items. */
static struct scenario_key item_row(const struct scenario_key *k, size_t i)
{
	return (struct scenario_key){.key = k->key, .kind = SCENARIO_NUMBER,
		.store = k->store, .offset = i * scenario_schema_size(k->store),
		.scale = k->scale};
}

double scenario_schema_item(const struct scenario_key *k, const void *items,
			    size_t i)
{
	struct scenario_key row = item_row(k, i);

	return scenario_schema_get(&row, items);
}

void scenario_schema_store_item(const struct scenario_key *k, void *items,
				size_t i, double v)
{
	struct scenario_key row = item_row(k, i);

	scenario_schema_store(&row, items, v);
}

void scenario_schema_defaults(const struct scenario_key *t, void *rec)
{
	for (; t->key; t++)
		if (t->kind == SCENARIO_NUMBER && !t->required)
			keep(t, rec, t->def);
		else if (t->kind == SCENARIO_SEED)
			*(uint64_t *)(void *)((char *)rec + t->offset) =
				(uint64_t)t->def;
		else if (t->kind == SCENARIO_MAP && t->sub &&
			 t->form != SCENARIO_FORM_POINTER)
			scenario_schema_defaults(t->sub, (char *)rec + t->offset);
}
