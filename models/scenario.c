/* scenario.c: what a loaded scenario answers once it is in memory — lookups
 * by name, the horizon in seconds, the FTE and cost its rosters imply — and
 * its release. Loading and validation live in scenario_load.c. */
#include "models/scenario.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "models/local_clock.h"
#include "models/scenario_rota.h"

/* Releases what one line owns: its distributions (its call-back's
 * too) and its surge windows. */
static void scenario_line_clear(struct line_spec *l)
{
	size_t i;

	dist_clear(&l->patience);
	dist_clear(&l->redial_delay);
	dist_clear(&l->handle);
	dist_clear(&l->wrap);
	dist_clear(&l->connection);
	dist_clear(&l->callback.handle);
	for (i = 0; i < l->demand.n_surges; i++)
		free(l->demand.surges[i].weeks);
	free(l->demand.surges);
	free(l->demand.windows);
	l->demand.windows = NULL;
	l->demand.n_windows = 0;
	l->demand.surges = NULL;
	l->demand.n_surges = 0;
}

/* Releases what the incident-response part owns: the grades'
 * distributions, the areas' neighbour lists, the units' shifts, and the
 * arrays themselves. */
static void scenario_response_clear(struct scenario *sc)
{
	size_t i;

	for (i = 0; i < sc->n_grades && sc->grades; i++) {
		dist_clear(&sc->grades[i].delay);
		dist_clear(&sc->grades[i].travel);
		dist_clear(&sc->grades[i].on_scene);
	}
	free(sc->grades);
	for (i = 0; i < sc->n_areas && sc->areas; i++)
		free(sc->areas[i].neighbours);
	free(sc->areas);
	free(sc->roles);
	for (i = 0; i < sc->n_units && sc->units; i++) {
		free(sc->units[i].shifts);
		scenario_rota_free(sc->units[i].rota);
	}
	free(sc->units);
}

/* Frees everything the scenario owns. The loader hands out only complete
 * scenarios, but it also frees half-built ones with this function, so every
 * array may be NULL here. */
void scenario_free(struct scenario *sc)
{
	size_t i;

	if (!sc)
		return;
	for (i = 0; i < sc->n_lines; i++)
		scenario_line_clear(&sc->lines[i]);
	free(sc->lines);
	for (i = 0; i < sc->n_pools; i++) {
		free(sc->pools[i].serves);
		free(sc->pools[i].shifts);
		free(sc->pools[i].overflow);
		free(sc->pools[i].reserve);
		scenario_rota_free(sc->pools[i].rota);
	}
	free(sc->pools);
	for (i = 0; sc->deferrable && i < sc->n_deferrable; i++)
		scenario_line_clear(&sc->deferrable[i].work);
	free(sc->deferrable);
	for (i = 0; sc->busyness && i < sc->n_busyness; i++)
		free(sc->busyness[i].lines);
	free(sc->busyness);
	scenario_response_clear(sc);
	free(sc->csvs);
	free(sc);
}

enum sim_status scenario_csv_apart(const struct scenario *sc, const char *opt,
				   const char *out, const char *whose,
				   struct sim_err *err)
{
	struct stat o, c;

	/* By identity, not by name: "./p.csv", "../d/p.csv" and a link are
	 * the one file the scenario read. */
	if (out == NULL || stat(out, &o) != 0)
		return SIM_OK;
	for (size_t i = 0; i < sc->n_csvs; i++)
		if (stat(sc->csvs[i].path, &c) == 0 && c.st_dev == o.st_dev &&
		    c.st_ino == o.st_ino)
			return sim_err_add(err, SIM_EINVAL, "%s %s is a CSV file "
					   "%s reads (%s: %s): give %s a file "
					   "of its own", opt, out, whose,
					   sc->csvs[i].key, sc->csvs[i].path,
					   opt);
	return SIM_OK;
}

/* Linear search: a force has a handful of lines, and lookups happen while
 * a run is set up, never per event. */
uint64_t scenario_fnv1a_stream(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211u;   /* the FNV prime */
	return h;
}

uint64_t scenario_fnv1a(uint64_t h, const void *p, size_t n)
{
	unsigned char len[8];

	for (unsigned i = 0; i < 8; i++)
		len[i] = (unsigned char)((uint64_t)n >> (8 * i));
	return scenario_fnv1a_stream(scenario_fnv1a_stream(h, len, 8), p, n);
}

int scenario_parse_decimal(const char *text, double *out)
{
	static const char digits[] = "0123456789";
	const char *p = text + (*text == '+' || *text == '-');
	size_t whole = strspn(p, digits), frac = 0, exp;
	char *end;
	double x;

	p += whole;
	if (*p == '.') {
		frac = strspn(p + 1, digits);
		p += 1 + frac;
	}
	if (whole + frac == 0)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p += 1 + (p[1] == '+' || p[1] == '-');
		exp = strspn(p, digits);
		if (exp == 0)
			return 0;
		p += exp;
	}
	if (*p != '\0')
		return 0;
	/* The text is plain decimal: strtod reads it all, and only its
	 * range can fail (a huge exponent). */
	errno = 0;
	x = strtod(text, &end);
	if (errno == ERANGE && fabs(x) > 1.0)
		return 0;
	*out = x;
	return 1;
}

/* The index of the record named name among n records of the given
 * stride from first (each beginning with its name), or -1. */
static long scenario_index(const void *first, size_t stride, size_t n,
			   const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp((const char *)first + i * stride, name) == 0)
			return (long)i;
	return -1;
}

long scenario_line_index(const struct scenario *sc, const char *name)
{
	assert(sc && name);
	return scenario_index(sc->lines, sizeof *sc->lines, sc->n_lines, name);
}

/* As scenario_line_index, for pools. */
long scenario_pool_index(const struct scenario *sc, const char *name)
{
	assert(sc && name);
	return scenario_index(sc->pools, sizeof *sc->pools, sc->n_pools, name);
}

/* The counted period: run.days whole or fractional days. */
double scenario_counted_s(const struct scenario *sc)
{
	assert(sc);
	return sc->run.days * 86400.0;
}

/* Warm-up plus counted period: the time the arrival plans must cover.
 * Both are read on the local clock (models/local_clock.h): a run of whole
 * days ends at a local midnight, so a counted period holding a clock
 * change is an hour shorter or longer in scenario time. */
double scenario_horizon_s(const struct scenario *sc)
{
	struct local_clock c;

	assert(sc);
	local_clock_init(&c, sc->run.start);
	return local_clock_elapsed(&c, sc->run.warmup_s +
				   scenario_counted_s(sc));
}

double scenario_warmup_end_s(const struct scenario *sc)
{
	struct local_clock c;

	assert(sc);
	local_clock_init(&c, sc->run.start);
	return local_clock_elapsed(&c, sc->run.warmup_s);
}

/* Days a shift is worked in one week (bits 0..6 of the mask). */
static int scenario_days_worked(unsigned days)
{
	int n = 0;

	for (int d = 0; d < 7; d++)
		n += (days >> d) & 1u;
	return n;
}

/* Staff hours a week that n shifts roster, each person counted crew
 * times: staff x crew x shift hours x days worked. */
static double scenario_shift_hours(const struct shift_spec *s, size_t n,
				   int crew)
{
	double hours = 0.0;

	for (size_t i = 0; i < n; i++)
		hours += s[i].staff * crew * (s[i].duration_s / 3600.0) *
			 scenario_days_worked(s[i].days);
	return hours;
}

/* Rostered hours a week over contracted hours of one FTE. Shrinkage is not
 * grossed up: the people it takes off duty are already in the headcount
 * (see roster.h). */
double scenario_pool_fte(const struct pool_spec *p)
{
	assert(p && p->hours_per_week > 0.0);
	if (p->rota)
		return scenario_rota_people(p->rota);
	return scenario_shift_hours(p->shifts, p->n_shifts, 1) /
	       p->hours_per_week;
}

/* Annual cost of the FTE the pool's roster implies. */
double scenario_pool_cost(const struct pool_spec *p)
{
	return scenario_pool_fte(p) * p->cost_per_fte;
}

/* Officer hours a week the unit roster implies (units x crew x shift hours
 * x days worked) over the contracted hours of one FTE of the unit's role;
 * on a rota, the officers in post (units in post x crew). As for pools,
 * shrinkage is not grossed up: see roster.h. */
double scenario_unit_fte(const struct scenario *sc, const struct unit_spec *u)
{
	const struct role_spec *role;

	assert(sc && u && u->role < sc->n_roles);
	role = &sc->roles[u->role];
	assert(role->hours_per_week > 0.0 && u->crew >= 1);
	if (u->rota)
		return scenario_rota_people(u->rota) * u->crew;
	return scenario_shift_hours(u->shifts, u->n_shifts, u->crew) /
	       role->hours_per_week;
}

/* Annual cost of the officers the unit roster implies, at its role's cost
 * per FTE. */
double scenario_unit_cost(const struct scenario *sc, const struct unit_spec *u)
{
	return scenario_unit_fte(sc, u) * sc->roles[u->role].cost_per_fte;
}
