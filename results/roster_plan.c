/* roster_plan.c: one pool's candidate shifts, their integer programme and
 * the roster as scenario text (see roster_plan.h). */
#include "results/roster_plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/demand.h"
#include "models/optimise.h"
#include "models/roster_ip.h"
#include "models/week.h"
#include "results/roster_teams.h"
#include "sim/mem.h"

void roster_plan_free(struct roster_plan *p)
{
	if (p == NULL)
		return;
	free(p->shifts);
	free(p->need);
	free(p->cover);
	free(p->short_by);
	free(p->rota_shifts);
	free(p->pattern);
	free(p->block_starts);
	free(p);
}

/* Whether x (seconds) is a whole number of steps. */
static bool roster_plan_on_step(double x, double step_s)
{
	return fabs(x / step_s - round(x / step_s)) < 1e-9;
}

/* Adds v to the set vals[*n] (at most max) unless it is there. */
static void roster_plan_add_value(double *vals, size_t *n, size_t max,
				  double v)
{
	for (size_t i = 0; i < *n; i++)
		if (vals[i] == v)
			return;
	if (*n < max)
		vals[(*n)++] = v;
}

/* The starts (times of day) and lengths the shape allows pool ps, into
 * starts[] and lengths[] (each of room for a day's steps). */
static void roster_plan_values(const struct roster_plan_own *ps,
			       const struct roster_shape *sh, size_t room,
			       double *starts, size_t *n_starts,
			       double *lengths, size_t *n_lengths)
{
	size_t per_day = (size_t)llround(DAY_S / sh->step_s);

	*n_starts = *n_lengths = 0;
	for (size_t i = 0; sh->any_start && i < per_day; i++)
		roster_plan_add_value(starts, n_starts, room, i * sh->step_s);
	for (size_t i = 0; i < sh->n_starts; i++)
		roster_plan_add_value(starts, n_starts, room, sh->starts_s[i]);
	for (size_t i = 0; i < sh->n_lengths; i++)
		roster_plan_add_value(lengths, n_lengths, room,
				      sh->lengths_s[i]);
	for (size_t i = 0; i < ps->n_shifts; i++) {
		if (!sh->any_start && sh->n_starts == 0)
			roster_plan_add_value(starts, n_starts, room,
					      ps->shifts[i].start_s);
		if (sh->n_lengths == 0)
			roster_plan_add_value(lengths, n_lengths, room,
					      ps->shifts[i].duration_s);
	}
}

/* What to do about v, a start or length off the step: a finer step when
 * it would take v, else other values — which --keep-shape cannot take. */
static const char *roster_plan_step_advice(const struct roster_shape *sh,
					   const char *what, double v)
{
	bool fine = sh->step_s <= 900 || !roster_plan_on_step(v, 900);

	if (sh->keep_shape)
		return fine ? "--keep-shape keeps the scenario's own shifts: drop "
			      "it, or move the shift onto the quarter hour"
			    : "give --step 15m";
	if (strcmp(what, "start") == 0)
		return fine ? "give other --starts" : "give --step 15m or other "
						      "--starts";
	return fine ? "give other --lengths" : "give --step 15m or other "
					       "--lengths";
}

/* Checks that every start and length is on the step. */
static enum sim_status roster_plan_steps(const struct roster_plan_own *ps,
					 const struct roster_shape *sh,
					 const double *v, size_t n,
					 const char *what, struct sim_err *err)
{
	for (size_t i = 0; i < n; i++) {
		if (roster_plan_on_step(v[i], sh->step_s) && v[i] < DAY_S + 1)
			continue;
		return sim_err_add(err, SIM_EINVAL, "%s: a shift %s of "
				   "%02d:%02d is not a whole number of %s steps; "
				   "%s", ps->who, what, (int)(v[i] / 3600),
				   (int)fmod(v[i] / 60, 60),
				   sh->step_s == 900 ? "15-minute" : "1-hour",
				   roster_plan_step_advice(sh, what, v[i]));
	}
	return SIM_OK;
}

/* Fills p's candidates: each start, length and day, or (keep_shape) the
 * pool's own shifts. Returns SIM_OK, SIM_EINVAL or SIM_ENOMEM. */
static enum sim_status roster_plan_candidates(struct roster_plan *p,
					      const struct roster_plan_own *ps,
					      const struct roster_shape *sh,
					      struct sim_err *err)
{
	size_t room = (size_t)llround(DAY_S / sh->step_s) + ps->n_shifts;
	size_t ns, nl, k = 0;
	double *starts = mem_calloc(2 * room, sizeof *starts);
	double *lengths = starts ? starts + room : NULL;
	enum sim_status st = SIM_ENOMEM;

	if (starts == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	if (sh->keep_shape) {
		ns = nl = 0;
		for (size_t i = 0; i < ps->n_shifts; i++)
			starts[ns++] = ps->shifts[i].start_s,
			lengths[nl++] = ps->shifts[i].duration_s;
	} else {
		roster_plan_values(ps, sh, room, starts, &ns, lengths, &nl);
	}
	st = roster_plan_steps(ps, sh, starts, ns, "start", err);
	if (st == SIM_OK)
		st = roster_plan_steps(ps, sh, lengths, nl, "length", err);
	p->n_shifts = sh->keep_shape ? ps->n_shifts : DAYS_PER_WEEK * ns * nl;
	p->shifts = st == SIM_OK ? mem_calloc(p->n_shifts + 1, sizeof *p->shifts)
		    : NULL;
	if (st == SIM_OK && p->shifts == NULL)
		st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; p->shifts && sh->keep_shape && i < ps->n_shifts; i++)
		p->shifts[i] = (struct roster_plan_shift){
			ps->shifts[i].start_s, ps->shifts[i].duration_s / HOUR_S,
			ps->shifts[i].days, 0, ps->shifts[i].name, -1 };
	for (size_t d = 0; p->shifts && !sh->keep_shape && d < DAYS_PER_WEEK; d++)
		for (size_t i = 0; i < ns; i++)
			for (size_t j = 0; j < nl; j++)
				p->shifts[k++] = (struct roster_plan_shift){
					starts[i], lengths[j] / HOUR_S, 1u << d,
					0, NULL, -1 };
	free(starts);
	return st;
}

/* Reads shape's rota for own into p: a named pattern and its shifts, or
 * own's shift names; checked against the Working Time Regulations. */
static enum sim_status roster_plan_rota_read(struct roster_plan *p,
					     const struct roster_plan_own *own,
					     const struct roster_shape *sh,
					     struct sim_err *err)
{
	const struct rota_named *nm = rota_named_find(sh->rota);
	size_t n = nm ? nm->n_shifts : own->n_shifts;
	struct sim_err e;
	enum sim_status st;

	snprintf(p->rota_text, sizeof p->rota_text, "%s", sh->rota);
	p->rota_shifts = mem_calloc(n + 1, sizeof *p->rota_shifts);
	if (p->rota_shifts == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	p->n_rota_shifts = n;
	for (size_t i = 0; i < n; i++)
		p->rota_shifts[i] = nm ? nm->shifts[i] : (struct rota_shift){
			own->shifts[i].name, own->shifts[i].start_s,
			own->shifts[i].duration_s };
	sim_err_clear(&e);
	st = rota_pattern_parse(nm ? nm->pattern : sh->rota, p->rota_shifts, n,
				&p->pattern, &p->n_days, &e);
	if (st == SIM_EINVAL)
		return sim_err_add(err, st, "%s: --rota %s: %.*s; give a named "
				   "pattern (%s) or the pool's own shift names "
				   "and R by commas", p->who, sh->rota,
				   (int)strcspn(e.text, "\n"), e.text,
				   rota_named_list);
	if (st == SIM_OK)
		st = rota_wtr_check(p->rota_shifts, p->pattern, p->n_days, &e);
	if (st != SIM_OK)
		return sim_err_add(err, st, "%s: --rota %s: %.*s", p->who,
				   sh->rota, (int)strcspn(e.text, "\n"), e.text);
	return SIM_OK;
}

/* How messages name p's pattern: the option's, or the scenario's rota. */
static const char *roster_plan_rota_word(const struct roster_plan *p)
{
	return p->own_pattern ? "its rota" : "--rota";
}

/* The length every shift of p's pattern lasts, checked to be one and on
 * the step with the starts; -1 (err filled) when not. */
static double roster_plan_rota_length(const struct roster_plan *p,
				      struct sim_err *err)
{
	double len = -1;

	for (size_t d = 0; d < p->n_days; d++) {
		const struct rota_shift *r;

		if (p->pattern[d] == ROTA_REST)
			continue;
		r = &p->rota_shifts[p->pattern[d]];
		if (!roster_plan_on_step(r->start_s, p->step_s)
		    || !roster_plan_on_step(r->duration_s, p->step_s)) {
			sim_err_add(err, SIM_EINVAL, "%s: %s %s: shift %s is "
				    "off the %s step; give --step 15m", p->who,
				    roster_plan_rota_word(p), p->rota_text, r->name,
				    p->step_s == 900 ? "15-minute" : "1-hour");
			return -1;
		}
		if (len >= 0 && r->duration_s != len) {
			sim_err_add(err, SIM_EINVAL, "%s: %s %s: its shifts "
				    "last %g h and %g h; a rota is rostered on "
				    "shifts of one length", p->who,
				    roster_plan_rota_word(p), p->rota_text,
				    len / HOUR_S, r->duration_s / HOUR_S);
			return -1;
		}
		len = r->duration_s;
	}
	if (len < 0)
		sim_err_add(err, SIM_EINVAL, "%s: %s %s: the pattern works no "
			    "shift", p->who, roster_plan_rota_word(p),
			    p->rota_text);
	return len;
}

/* The rota of shape for p: pattern, length and the cycle of slots, a
 * whole number of weeks and of the pattern's cycles. */
static enum sim_status roster_plan_rota(struct roster_plan *p,
					const struct roster_plan_own *own,
					const struct roster_shape *sh,
					struct sim_err *err)
{
	size_t per_day = (size_t)llround(DAY_S / sh->step_s), a, b;
	/* A rota of the scenario's own is searched on its own pattern, or
	 * on --rota's; either way as teams. */
	enum sim_status st = own->rota && sh->rota == NULL
		? roster_teams_own(p, own->rota, err)
		: roster_plan_rota_read(p, own, sh, err);

	if (st != SIM_OK)
		return st;
	if (sh->rota != NULL)
		roster_teams_start(p, own->rota);
	if (roster_plan_rota_length(p, err) < 0)
		return SIM_EINVAL;
	for (a = p->n_days, b = DAYS_PER_WEEK; b != 0;) {   /* gcd */
		size_t t = a % b;

		a = b, b = t;
	}
	p->cycle_days = p->n_days / a * DAYS_PER_WEEK;
	if (p->cycle_days * per_day > ROSTER_IP_SLOTS_MAX)
		return sim_err_add(err, SIM_EINVAL, "%s: %s %s: a cycle of %zu "
				   "days meets the week again after %zu days, "
				   "more than the programme's %d slots; give "
				   "--step 1h or a shorter pattern", p->who,
				   roster_plan_rota_word(p), p->rota_text, p->n_days,
				   p->cycle_days, ROSTER_IP_SLOTS_MAX);
	p->n_slots = p->cycle_days * per_day;
	return SIM_OK;
}

/* The rota's candidates: people starting the pattern on each day of it,
 * each with the slots of every shift they work over the cycle. */
static enum sim_status roster_plan_rota_candidates(struct roster_plan *p,
						   struct sim_err *err)
{
	size_t per_day = p->n_slots / p->cycle_days, work = 0;
	double len = roster_plan_rota_length(p, err);

	for (size_t d = 0; d < p->n_days; d++)
		work += p->pattern[d] != ROTA_REST;
	p->blocks = work * (p->cycle_days / p->n_days);
	p->n_shifts = p->n_days;
	p->shifts = mem_calloc(p->n_days + 1, sizeof *p->shifts);
	p->block_starts = mem_calloc(p->n_days * p->blocks + 1,
				     sizeof *p->block_starts);
	if (p->shifts == NULL || p->block_starts == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t o = 0; o < p->n_days; o++) {
		size_t k = 0;

		p->shifts[o] = (struct roster_plan_shift){ 0, len / HOUR_S, 0, 0,
							   NULL, (int)o };
		for (size_t d = 0; d < p->cycle_days; d++) {
			int sh = p->pattern[(d + o) % p->n_days];

			/* Slot 0 is a Monday, as the requirement's hours of
			 * the week are; day d of the run is day d + weekday
			 * of the span (which is whole weeks). */
			if (sh != ROTA_REST)
				p->block_starts[o * p->blocks + k++] =
					(d + (size_t)p->weekday) % p->cycle_days
					* per_day
					+ (size_t)llround(p->rota_shifts[sh].start_s
							  / p->step_s);
		}
	}
	return SIM_OK;
}

enum sim_status roster_plan_new_own(const struct roster_plan_own *own,
				    const struct roster_shape *shape,
				    int max_on_duty, struct roster_plan **out,
				    struct sim_err *err)
{
	struct roster_plan *p = mem_calloc(1, sizeof *p);
	enum sim_status st;

	*out = NULL;
	if (p == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	snprintf(p->who, sizeof p->who, "%s", own->who);
	snprintf(p->key, sizeof p->key, "%s", own->key);
	p->shrinkage = own->shrinkage;
	p->weekday = own->weekday;
	p->step_s = shape->step_s;
	p->n_slots = (size_t)llround(WEEK_S / shape->step_s);
	/* The most rostered whose on-duty count stays within the cap. */
	p->cap = optimise_rostered(max_on_duty + 1, own->shrinkage) - 1;
	p->keep = own->rota && shape->keep_shape && shape->rota == NULL;
	st = shape->rota || own->rota ? roster_plan_rota(p, own, shape, err)
		: SIM_OK;
	p->need = mem_calloc(p->n_slots, sizeof *p->need);
	p->cover = mem_calloc(p->n_slots, sizeof *p->cover);
	p->short_by = mem_calloc(p->n_slots, sizeof *p->short_by);
	if (st == SIM_OK)
		st = p->need && p->cover && p->short_by
			? shape->rota || own->rota
			? roster_plan_rota_candidates(p, err)
			: roster_plan_candidates(p, own, shape, err)
			: sim_err_add(err, SIM_ENOMEM, "out of memory");
	if (st == SIM_OK && p->keep)
		st = roster_teams_kept(p, err);
	if (st != SIM_OK) {
		roster_plan_free(p);
		return st;
	}
	*out = p;
	return SIM_OK;
}

enum sim_status roster_plan_new(const struct scenario *sc, size_t pool,
				const struct roster_shape *shape,
				int max_on_duty, struct roster_plan **out,
				struct sim_err *err)
{
	const struct pool_spec *ps = &sc->pools[pool];
	struct roster_plan_own own = { "", "",
		ps->rota ? ps->rota->shifts : ps->shifts,
		ps->rota ? ps->rota->n_shifts : ps->n_shifts, ps->shrinkage,
		ps->rota, demand_weekday(sc->run.start) };
	enum sim_status st;

	snprintf(own.who, sizeof own.who, "pool %s", ps->name);
	snprintf(own.key, sizeof own.key, "pools.%s", ps->name);
	st = roster_plan_new_own(&own, shape, max_on_duty, out, err);
	if (st == SIM_OK)
		(*out)->pool = pool;
	return st;
}

/* The programme's candidates for p, into ip[n_shifts]. */
static void roster_plan_ip_shifts(const struct roster_plan *p,
				  struct roster_ip_shift *ip)
{
	for (size_t j = 0; j < p->n_shifts; j++) {
		const struct roster_plan_shift *sh = &p->shifts[j];
		size_t start = (size_t)llround(sh->start_s / p->step_s);
		unsigned n_days = (unsigned)__builtin_popcount(sh->days);

		if (p->pattern != NULL) {
			/* Cost: paid hours a week, over the cycle's weeks. */
			ip[j] = (struct roster_ip_shift){ 0,
				(size_t)llround(sh->hours * HOUR_S / p->step_s),
				p->blocks * sh->hours * DAYS_PER_WEEK
				/ (double)p->cycle_days, 0,
				p->block_starts + j * p->blocks, p->blocks };
			continue;
		}
		ip[j].length = (size_t)llround(sh->hours * HOUR_S / p->step_s);
		ip[j].cost = sh->hours * n_days;
		/* A shift of one day is one block from its day's start; the
		 * pool's own shifts repeat on their days. */
		ip[j].days = n_days == 1 ? 0 : sh->days;
		ip[j].start = n_days == 1
			? start + (size_t)__builtin_ctz(sh->days)
			  * (p->n_slots / DAYS_PER_WEEK)
			: start;
	}
}

/* Reads the programme's result into p. */
static void roster_plan_read(struct roster_plan *p,
			     const struct roster_ip_shift *ip,
			     const struct roster_ip_result *r)
{
	memset(p->cover, 0, p->n_slots * sizeof *p->cover);
	for (size_t j = 0; j < p->n_shifts; j++) {
		unsigned blocks = ip[j].n_starts ? (unsigned)ip[j].n_starts
			: ip[j].days ? (unsigned)__builtin_popcount(ip[j].days) : 1;

		p->shifts[j].staff = r->staff[j];
		for (size_t d = 0, b = 0; b < blocks; d++) {
			size_t start = ip[j].n_starts ? ip[j].starts[b] : ip[j].start;

			if (!ip[j].n_starts && ip[j].days
			    && !((ip[j].days >> d) & 1u))
				continue;
			if (!ip[j].n_starts && ip[j].days)
				start += d * (p->n_slots / DAYS_PER_WEEK);
			for (size_t i = 0; i < ip[j].length; i++)
				p->cover[(start + i) % p->n_slots] += r->staff[j];
			b++;
		}
	}
	memcpy(p->short_by, r->short_by, p->n_slots * sizeof *p->short_by);
	p->hours = r->cost;
	p->lp_hours = r->lp_cost;
	p->met = r->met;
	p->optimal = r->optimal;
}

enum sim_status roster_plan_solve(struct roster_plan *p, const int *on_duty,
				  double time_limit_s, struct sim_err *err)
{
	double shrinkage = p->shrinkage;
	size_t per_hour = (size_t)llround(HOUR_S / p->step_s);
	struct roster_ip_shift *ip = mem_calloc(p->n_shifts + 1, sizeof *ip);
	struct roster_ip_spec spec = { p->n_slots, p->need, p->cap, ip,
				       p->n_shifts, time_limit_s };
	struct roster_ip_result r;
	enum sim_status st;

	if (ip == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t t = 0; t < p->n_slots; t++)
		p->need[t] = optimise_rostered(on_duty[t / per_hour
						       % HOURS_PER_WEEK], shrinkage);
	roster_plan_ip_shifts(p, ip);
	r = (struct roster_ip_result){ 0 };
	p->time_limit_s = time_limit_s;
	st = p->teams ? roster_teams_solve(p, &spec, &r, err)
		: roster_ip_solve(&spec, &r, err);
	if (st == SIM_OK)
		roster_plan_read(p, ip, &r);
	else if (st == SIM_ERUNTIME && r.seconds >= time_limit_s - 0.01)
		sim_err_add(err, st, "%s: no roster found within --time-limit "
			    "%g s: give it longer, or allow fewer shifts", p->who,
			    time_limit_s);
	roster_ip_clear(&r);
	free(ip);
	return st;
}

/* The least rostered in slot s of the week over the weeks p's slots
 * span (one, or a rota's cycle). */
static int roster_plan_least(const struct roster_plan *p, size_t s)
{
	size_t week = (size_t)llround(WEEK_S / p->step_s);
	int least = p->cover[s];

	for (size_t t = s + week; t < p->n_slots; t += week)
		if (p->cover[t] < least)
			least = p->cover[t];
	return least;
}

int roster_plan_on_duty(const struct roster_plan *p, size_t h)
{
	double shrinkage = p->shrinkage;
	size_t per_hour = (size_t)llround(HOUR_S / p->step_s);
	int least = roster_plan_least(p, h * per_hour), k = 0;

	for (size_t i = 1; i < per_hour; i++)
		if (roster_plan_least(p, h * per_hour + i) < least)
			least = roster_plan_least(p, h * per_hour + i);
	/* On duty is rostered after shrinkage, rounded as roster.h rounds:
	 * the most k whose roster fits in the cover. */
	while (optimise_rostered(k + 1, shrinkage) <= least)
		k++;
	return k;
}

size_t roster_plan_short_hours(const struct roster_plan *p,
			       int most[HOURS_PER_WEEK],
			       int need[HOURS_PER_WEEK])
{
	size_t per_hour = (size_t)llround(HOUR_S / p->step_s), hours = 0;

	memset(most, 0, HOURS_PER_WEEK * sizeof *most);
	memset(need, 0, HOURS_PER_WEEK * sizeof *need);
	/* Slot 0 is 00:00 on a Monday, whatever the start date; a rota's
	 * slots span weeks, and any of them may be the short one. */
	for (size_t t = 0; t < p->n_slots; t++) {
		size_t h = t / per_hour % HOURS_PER_WEEK;

		if (p->short_by[t] > most[h])
			most[h] = p->short_by[t], need[h] = p->need[t];
	}
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		hours += most[h] > 0;
	return hours;
}

void roster_plan_quote(FILE *f, const char *text)
{
	fputc('"', f);
	for (const unsigned char *c = (const unsigned char *)text; *c; c++)
		if (*c == '"' || *c == '\\')
			fprintf(f, "\\%c", *c);
		else if (*c < 0x20 || *c == 0x7f)
			fprintf(f, "\\x%02x", *c);
		else
			fputc(*c, f);
	fputc('"', f);
}

/* Writes days mask as the scenario spells it: all, or a list. */
static void roster_plan_days(FILE *f, unsigned days)
{
	static const char *const keys[DAYS_PER_WEEK] = { WEEK_DAY_KEYS };
	bool first = true;

	if (days == 0x7fu) {
		fputs("all", f);
		return;
	}
	fputc('[', f);
	for (size_t d = 0; d < DAYS_PER_WEEK; d++)
		if ((days >> d) & 1u) {
			fprintf(f, "%s%s", first ? "" : ", ", keys[d]);
			first = false;
		}
	fputc(']', f);
}

/* The days of the entry that starts at candidate j: every candidate with
 * its start, length and headcount, each marked used. */
static unsigned roster_plan_group(const struct roster_plan *p, size_t j,
				  bool *used)
{
	const struct roster_plan_shift *a = &p->shifts[j];
	unsigned days = 0;

	for (size_t i = j; i < p->n_shifts; i++) {
		const struct roster_plan_shift *b = &p->shifts[i];

		if (used[i] || b->start_s != a->start_s || b->hours != a->hours
		    || b->staff != a->staff || b->name != NULL)
			continue;
		used[i] = true;
		days |= b->days;
	}
	return days;
}

/* One entry: the pool's own shift, or "HHMM-Lh" numbered when the same
 * start and length has several headcounts. Returns 1. */
static size_t roster_plan_entry(FILE *f, const struct roster_plan *p,
				size_t j, unsigned days, size_t n, int seq)
{
	const struct roster_plan_shift *sh = &p->shifts[j];
	int hh = (int)(sh->start_s / 3600), mm = (int)fmod(sh->start_s / 60, 60);

	fputs(n ? ", {name: " : "{name: ", f);
	if (sh->name != NULL)
		roster_plan_quote(f, sh->name);
	else
		/* Names take no '.': 8.25 hours is "8h15". */
		fprintf(f, "%02d%02d-%dh%.0d%s%.0d", hh, mm, (int)sh->hours,
			(int)lround(fmod(sh->hours, 1) * 60), seq > 1 ? "-" : "",
			seq > 1 ? seq : 0);
	fprintf(f, ", start: \"%02d:%02d\", hours: %g, days: ", hh, mm,
		sh->hours);
	roster_plan_days(f, days);
	fprintf(f, ", staff: %d}", sh->staff);
	return 1;
}

/* How many entries before candidate j share its start and length. */
static int roster_plan_seq(const struct roster_plan *p, const bool *first,
			   size_t j)
{
	int seq = 1;

	for (size_t i = 0; i < j; i++)
		seq += first[i] && p->shifts[i].start_s == p->shifts[j].start_s
		       && p->shifts[i].hours == p->shifts[j].hours;
	return seq;
}

char *roster_plan_override(const struct roster_plan *p)
{
	bool *used = mem_calloc(2 * p->n_shifts + 1, sizeof *used);
	bool *first = used ? used + p->n_shifts : NULL;
	char *buf = NULL;
	size_t len = 0, n = 0;
	FILE *f = used ? open_memstream(&buf, &len) : NULL;

	if (f == NULL) {
		free(used);
		return NULL;
	}
	if (p->teams)   /* a rota: written back as the rota itself */
		roster_teams_override(f, p);
	else
		fprintf(f, "%s.shifts=[", p->key);
	for (size_t j = 0; !p->teams && j < p->n_shifts; j++) {
		unsigned days;

		if (used[j] || p->shifts[j].staff == 0)
			continue;
		days = p->shifts[j].name ? p->shifts[j].days
		       : roster_plan_group(p, j, used);
		first[j] = true;
		n += roster_plan_entry(f, p, j, days, n, roster_plan_seq(p, first, j));
	}
	/* A roster with nobody at all still needs one shift to be valid. */
	if (!p->teams && n == 0)
		fputs("{name: none, start: \"00:00\", hours: 1, days: [mon], "
		      "staff: 0}", f);
	if (!p->teams)
		fputc(']', f);
	free(used);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

int roster_plan_people(const struct roster_plan *p)
{
	int people = 0;

	if (p->teams)
		return (int)p->n_teams * p->per_team;
	for (size_t j = 0; p->pattern != NULL && j < p->n_shifts; j++)
		people += p->shifts[j].staff;
	return p->pattern != NULL ? people : -1;
}

double roster_plan_fte(const struct roster_plan *p, double hours_per_week,
		       bool lp)
{
	/* One person's paid hours a week on the rota: every candidate works
	 * the same blocks (kept: each team's). */
	double person = p->pattern == NULL ? 0 : (double)p->blocks
		/ (p->keep ? p->n_teams : 1) * p->shifts[0].hours
		* DAYS_PER_WEEK / (double)p->cycle_days;

	if (p->pattern != NULL && !lp)
		return roster_plan_people(p);
	if (p->pattern != NULL)
		return person > 0 ? p->lp_hours / person : 0;
	return (lp ? p->lp_hours : p->hours) / hours_per_week;
}

void roster_plan_within(const struct roster_plan *p, int max_staff, char *buf,
			size_t n)
{
	if (p->optimal)
		snprintf(buf, n, "the allowed shifts within --max-staff %d",
			 max_staff);
	else
		snprintf(buf, n, "the best of the allowed shifts within "
			 "--max-staff %d found in --time-limit %g s", max_staff,
			 p->time_limit_s);
}

double roster_plan_gap(const struct roster_plan *p)
{
	if (!(p->lp_hours > 0))
		return NAN;
	return (p->hours - p->lp_hours) / p->lp_hours;
}

void roster_plan_limit_note(FILE *f, const struct roster_plan *p)
{
	double gap = roster_plan_gap(p);

	if (p->optimal)
		return;
	fprintf(f, " (the best found in --time-limit %g s", p->time_limit_s);
	if (isnan(gap))
		fputs(")", f);
	else
		fprintf(f, ": at most %.1f%% above the least, by the LP "
			"bound)", 100 * gap);
}
