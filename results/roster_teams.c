/* roster_teams.c: a rota's roster in teams of one size, written back as
 * the scenario's rota (see roster_teams.h). */
#include "results/roster_teams.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/week.h"
#include "sim/mem.h"

/* Less time than this left of a solve's limit tries no more team
 * sizes: GLPK counts its limit in milliseconds, and stops a little
 * before it. */
#define ROSTER_TEAMS_TIME_MIN_S 0.01

enum sim_status roster_teams_own(struct roster_plan *p,
				 const struct scenario_rota *own,
				 struct sim_err *err)
{
	size_t n = own->spec.n_days;

	snprintf(p->rota_text, sizeof p->rota_text, "%s", own->pattern);
	p->rota_shifts = mem_calloc(own->n_shifts + 1, sizeof *p->rota_shifts);
	p->pattern = mem_calloc(n + 1, sizeof *p->pattern);
	if (p->rota_shifts == NULL || p->pattern == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	memcpy(p->rota_shifts, own->rshifts, own->n_shifts * sizeof *own->rshifts);
	memcpy(p->pattern, own->days, n * sizeof *own->days);
	p->n_rota_shifts = own->n_shifts;
	p->n_days = n;
	p->own_pattern = true;
	roster_teams_start(p, own);
	return SIM_OK;
}

void roster_teams_start(struct roster_plan *p, const struct scenario_rota *own)
{
	p->teams = true;
	p->own = own;
	/* No rota of its own: the cycle starts with the run. */
	p->start_day = own ? own->spec.start_day : 0;
	p->start[0] = '\0';
	if (own && own->start.year != 0)
		snprintf(p->start, sizeof p->start, "%04d-%02d-%02d",
			 own->start.year, own->start.month, own->start.mday);
}

/* The plan's candidate (a day of the cycle from the run's day 0) of the
 * scenario's offset o, and back. */
static size_t roster_teams_candidate(const struct roster_plan *p, size_t o)
{
	long n = (long)p->n_days, c = ((long)o - p->start_day) % n;

	return (size_t)(c < 0 ? c + n : c);
}

static size_t roster_teams_offset(const struct roster_plan *p, size_t c)
{
	long n = (long)p->n_days, o = ((long)c + p->start_day) % n;

	return (size_t)(o < 0 ? o + n : o);
}

/* The scenario's own teams and their offsets (an even stagger when it
 * gives none) into p. */
static void roster_teams_own_offsets(struct roster_plan *p)
{
	const struct rota_spec *r = &p->own->spec;

	p->n_teams = r->n_teams;
	for (size_t t = 0; t < r->n_teams; t++)
		p->team_offset[t] = r->offset ? r->offset[t]
				    : t * (r->n_days / r->n_teams);
}

enum sim_status roster_teams_kept(struct roster_plan *p, struct sim_err *err)
{
	size_t per = p->blocks, *blocks;

	roster_teams_own_offsets(p);
	blocks = mem_calloc(p->n_teams * per + 1, sizeof *blocks);
	if (blocks == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t t = 0; t < p->n_teams; t++)
		memcpy(blocks + t * per, p->block_starts
		       + roster_teams_candidate(p, p->team_offset[t]) * per,
		       per * sizeof *blocks);
	free(p->block_starts);
	p->block_starts = blocks;
	p->blocks = p->n_teams * per;
	p->n_shifts = 1;
	p->shifts[0].offset = -1;
	return SIM_OK;
}

/* The teams of one size per_team, for spec's requirement in people: the
 * requirement in teams rounded up, the cap in teams rounded down. */
static enum sim_status roster_teams_try(const struct roster_ip_spec *spec,
					int per_team, int *need,
					struct roster_ip_result *r,
					struct sim_err *err)
{
	struct roster_ip_spec s = *spec;

	for (size_t t = 0; t < spec->n_slots; t++)
		need[t] = (spec->need[t] + per_team - 1) / per_team;
	s.need = need;
	s.max_cover = spec->max_cover / per_team;
	return roster_ip_solve(&s, r, err);
}

/* A copy of r (a solve of spec) into *to: SIM_OK, or SIM_ENOMEM with
 * *to left empty. */
static enum sim_status roster_teams_copy(struct roster_ip_result *to,
					 const struct roster_ip_result *r,
					 const struct roster_ip_spec *spec)
{
	*to = *r;
	to->staff = mem_calloc(spec->n_shifts, sizeof *to->staff);
	to->short_by = mem_calloc(spec->n_slots, sizeof *to->short_by);
	if (to->staff == NULL || to->short_by == NULL) {
		roster_ip_clear(to);
		return SIM_ENOMEM;
	}
	memcpy(to->staff, r->staff, spec->n_shifts * sizeof *to->staff);
	memcpy(to->short_by, r->short_by, spec->n_slots * sizeof *to->short_by);
	return SIM_OK;
}

/* Teams in r (whole teams on each candidate). */
static int roster_teams_count(const struct roster_ip_result *r, size_t n)
{
	int teams = 0;

	for (size_t j = 0; j < n; j++)
		teams += r->staff[j];
	return teams;
}

/* Whether r, of teams of per_team, beats the best so far (cost, then the
 * fewest teams) within the scenario's teams. */
static bool roster_teams_better(const struct roster_ip_result *r, int per_team,
				size_t n, const struct roster_ip_result *best,
				int best_per_team)
{
	int teams = roster_teams_count(r, n);
	double cost = r->cost * per_team, was;

	if (!r->met || teams > ROTA_TEAMS_MAX)
		return false;
	if (best->staff == NULL)
		return true;
	was = best->cost * best_per_team;
	return cost < was - 1e-9 || (cost < was + 1e-9
		&& teams < roster_teams_count(best, n));
}

/* Tries teams of per_team within spec's time limit, less what it took
 * from spec->time_limit_s. Returns SIM_OK (r filled; r->staff NULL when
 * the time ran out before any headcounts were found) or the failure
 * (err filled). */
static enum sim_status roster_teams_timed(struct roster_ip_spec *spec,
					  int per_team, int *need,
					  struct roster_ip_result *r,
					  struct sim_err *err)
{
	struct sim_err e;
	enum sim_status st;

	sim_err_clear(&e);
	st = roster_teams_try(spec, per_team, need, r, &e);
	spec->time_limit_s -= r->seconds;
	if (st == SIM_ERUNTIME && spec->time_limit_s < ROSTER_TEAMS_TIME_MIN_S)
		return SIM_OK;
	if (st != SIM_OK)
		sim_err_add(err, st, "%.*s", (int)e.len - 1, e.text);
	return st;
}

/* The team sizes 2 .. the largest requirement, the best kept in *best
 * (teams) and *per_team; all proven least unless *optimal is cleared.
 * The sizes share what is left of spec's time limit: when it runs out,
 * the best so far is kept and *optimal cleared. */
static enum sim_status roster_teams_sizes(struct roster_ip_spec spec,
					  struct roster_ip_result *best,
					  int *per_team, bool *optimal,
					  struct sim_err *err)
{
	int most = 1, *need = mem_calloc(spec.n_slots + 1, sizeof *need);
	enum sim_status st = need ? SIM_OK
		: sim_err_add(err, SIM_ENOMEM, "out of memory");

	for (size_t t = 0; t < spec.n_slots; t++)
		most = spec.need[t] > most ? spec.need[t] : most;
	for (int k = 2; st == SIM_OK && k <= most; k++) {
		struct roster_ip_result r = { 0 };

		if (spec.max_cover > 0 && spec.max_cover < k)
			break;       /* one team would be over the cap */
		if (spec.time_limit_s < ROSTER_TEAMS_TIME_MIN_S) {
			*optimal = false;   /* sizes left untried */
			break;
		}
		st = roster_teams_timed(&spec, k, need, &r, err);
		*optimal = *optimal && (st != SIM_OK || r.optimal);
		if (st == SIM_OK && r.staff != NULL && roster_teams_better(
			    &r, k, spec.n_shifts, best, *per_team)) {
			roster_ip_clear(best);
			*best = r, *per_team = k;
			continue;
		}
		roster_ip_clear(&r);
	}
	free(need);
	return st;
}

/* The teams of best (teams of per_team on each candidate) into p, and
 * best into people. */
static void roster_teams_read(struct roster_plan *p, int per_team,
			      struct roster_ip_result *best)
{
	p->per_team = per_team;
	p->n_teams = 0;
	for (size_t j = 0; j < p->n_shifts; j++) {
		for (int k = 0; k < best->staff[j]
		     && p->n_teams < ROTA_TEAMS_MAX; k++)
			p->team_offset[p->n_teams++] = roster_teams_offset(p, j);
		best->staff[j] *= per_team;
	}
	best->cost *= per_team;
}

/* No team size found: out of time (not all tried), or none within the
 * scenario's teams. Returns the failure, err filled. */
static enum sim_status roster_teams_none(const struct roster_plan *p,
					 const struct roster_ip_spec *spec,
					 bool all_tried, struct sim_err *err)
{
	if (!all_tried)
		return sim_err_add(err, SIM_ERUNTIME, "%s: no team size found "
				   "within --time-limit %g s: give it longer",
				   p->who, spec->time_limit_s);
	return sim_err_add(err, SIM_EINVAL, "%s: no team size puts the people "
			   "this rota needs in at most %d teams", p->who,
			   ROTA_TEAMS_MAX);
}

enum sim_status roster_teams_solve(struct roster_plan *p,
				   const struct roster_ip_spec *spec,
				   struct roster_ip_result *out,
				   struct sim_err *err)
{
	struct roster_ip_result best = { 0 };
	struct roster_ip_spec left;
	enum sim_status st = roster_ip_solve(spec, out, err);
	bool optimal;
	int per_team = 1;

	if (p->keep && st == SIM_OK) {
		roster_teams_own_offsets(p);
		p->per_team = out->staff[0];
	}
	if (p->keep || st != SIM_OK || !out->met)
		return st;   /* single people fall short: their short_by */
	left = *spec;
	left.time_limit_s -= out->seconds;
	optimal = out->optimal;
	/* Teams of 1 are the single people just solved. */
	if (roster_teams_better(out, 1, spec->n_shifts, &best, 0)
	    && roster_teams_copy(&best, out, spec) != SIM_OK)
		st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	if (st == SIM_OK)
		st = roster_teams_sizes(left, &best, &per_team, &optimal, err);
	if (st == SIM_OK && best.staff == NULL) {
		st = roster_teams_none(p, spec, optimal, err);
		out->seconds = 0;   /* this says what ran out, not the solve */
	}
	if (st != SIM_OK) {
		roster_ip_clear(&best);
		return st;
	}
	roster_teams_read(p, per_team, &best);
	best.lp_cost = out->lp_cost;   /* single people: the true bound */
	best.optimal = optimal;
	roster_ip_clear(out);
	*out = best;
	return SIM_OK;
}

/* Writes the rota's shifts as the scenario spells them. */
static void roster_teams_shifts(FILE *f, const struct roster_plan *p)
{
	fputs("shifts: [", f);
	for (size_t i = 0; i < p->n_rota_shifts; i++) {
		const struct rota_shift *r = &p->rota_shifts[i];

		fputs(i ? ", {name: " : "{name: ", f);
		roster_plan_quote(f, r->name);
		fprintf(f, ", start: \"%02d:%02d\", hours: %g}",
			(int)(r->start_s / 3600), (int)fmod(r->start_s / 60, 60),
			r->duration_s / HOUR_S);
	}
	fputs("]", f);
}

void roster_teams_override(FILE *f, const struct roster_plan *p)
{
	/* A rota has at least one team: nobody needed is a team of 0. */
	size_t teams = p->n_teams ? p->n_teams : 1;

	fprintf(f, "%s.rota={pattern: ", p->key);
	roster_plan_quote(f, p->rota_text);
	fputs(", ", f);
	roster_teams_shifts(f, p);
	fprintf(f, ", teams: %zu, per_team: %d, offsets: [", teams,
		p->n_teams ? p->per_team : 0);
	for (size_t t = 0; t < teams; t++)
		fprintf(f, "%s%zu", t ? ", " : "",
			p->n_teams ? p->team_offset[t] : 0);
	fputc(']', f);
	if (p->start[0] != '\0')
		fprintf(f, ", start: \"%s\"", p->start);
	fputc('}', f);
}
