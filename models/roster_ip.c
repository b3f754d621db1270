/* roster_ip.c: the set-covering integer programme of rosters, solved with
 * GLPK (see roster_ip.h).
 *
 * GLPK's interface is one-based: row t + 1 is slot t, column j + 1 is
 * candidate j; in the elastic programme (the fallback when no headcounts
 * cover every slot) column n_shifts + t + 1 is the shortfall of slot t,
 * and rows n_slots + t + 1 hold the cap on slot t's cover apart from it. */
#include "models/roster_ip.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "sim/mem.h"

void roster_ip_clear(struct roster_ip_result *r)
{
	free(r->staff);
	free(r->short_by);
	*r = (struct roster_ip_result){ 0 };
}

/* The blocks candidate sh covers: 1, or one a day worked. */
static unsigned roster_ip_blocks(const struct roster_ip_shift *sh)
{
	if (sh->n_starts > 0)
		return (unsigned)sh->n_starts;
	return sh->days ? (unsigned)__builtin_popcount(sh->days) : 1;
}

/* Slot i (0 <= i < length * blocks) of the slots candidate sh covers. */
static size_t roster_ip_slot(const struct roster_ip_spec *s,
			     const struct roster_ip_shift *sh, size_t i)
{
	size_t block = i / sh->length, start = sh->start, d = 0;

	if (sh->n_starts > 0)
		return (sh->starts[block] + i % sh->length) % s->n_slots;
	if (sh->days) {
		/* The block-th day worked. */
		while (!((sh->days >> d) & 1u) || block-- > 0)
			d++;
		start += d * (s->n_slots / 7);
	}
	return (start + i % sh->length) % s->n_slots;
}

/* Whether candidate sh fits a week of n slots. */
static bool roster_ip_shift_ok(const struct roster_ip_shift *sh, size_t n)
{
	for (size_t k = 0; k < sh->n_starts; k++)
		if (sh->starts[k] >= n)
			return false;
	if (sh->days != 0 && (n % 7 != 0 || sh->days > 0x7fu
			      || sh->start >= n / 7 || sh->length > n / 7))
		return false;
	return sh->start < n && sh->length > 0 && sh->length <= n
	       && sh->cost >= 0 && isfinite(sh->cost);
}

/* The spec's own problems: sizes and values outside the bounds. */
static enum sim_status roster_ip_check(const struct roster_ip_spec *s,
				       struct sim_err *err)
{
	size_t covers = 0;

	if (s->n_slots == 0 || s->n_slots > ROSTER_IP_SLOTS_MAX
	    || s->n_shifts == 0 || s->n_shifts > ROSTER_IP_SHIFTS_MAX
	    || s->max_cover < 0 || s->max_cover > ROSTER_IP_NEED_MAX
	    || !(s->time_limit_s > 0) || s->time_limit_s > 86400)
		return sim_err_add(err, SIM_EINVAL, "roster programme of %zu slots "
				   "and %zu shifts: must be 1..%d slots, 1..%d "
				   "shifts, a cap of 0..%d and a time limit of "
				   "0..86400 s", s->n_slots, s->n_shifts,
				   ROSTER_IP_SLOTS_MAX, ROSTER_IP_SHIFTS_MAX,
				   ROSTER_IP_NEED_MAX);
	for (size_t t = 0; t < s->n_slots; t++)
		if (s->need[t] < 0 || s->need[t] > ROSTER_IP_NEED_MAX)
			return sim_err_add(err, SIM_EINVAL, "slot %zu needs %d: "
					   "must be 0..%d", t, s->need[t],
					   ROSTER_IP_NEED_MAX);
	for (size_t j = 0; j < s->n_shifts; j++) {
		const struct roster_ip_shift *sh = &s->shifts[j];

		covers += sh->length * roster_ip_blocks(sh);
		if (!roster_ip_shift_ok(sh, s->n_slots)
		    || covers > ROSTER_IP_COVERS_MAX)
			return sim_err_add(err, SIM_EINVAL, "candidate shift %zu "
					   "(start %zu, length %zu, cost %g) is "
					   "outside the week of %zu slots, or the "
					   "candidates cover more than %d slots in "
					   "all", j, sh->start, sh->length, sh->cost,
					   s->n_slots, ROSTER_IP_COVERS_MAX);
	}
	return SIM_OK;
}

/* The bounds of slot t's row: its need, and its cap when there is one
 * (in the elastic programme the cap has a row of its own). */
static void roster_ip_row_bounds(glp_prob *lp, const struct roster_ip_spec *s,
				 size_t t, bool elastic)
{
	int row = (int)t + 1;
	double need = s->need[t], cap = s->max_cover;

	if (elastic) {
		glp_set_row_bnds(lp, row, GLP_LO, need, 0);
		if (s->max_cover > 0)
			glp_set_row_bnds(lp, (int)(s->n_slots + t) + 1, GLP_UP,
					 0, cap);
	} else if (s->max_cover == 0) {
		glp_set_row_bnds(lp, row, GLP_LO, need, 0);
	} else if (need < cap) {
		glp_set_row_bnds(lp, row, GLP_DB, need, cap);
	} else {
		/* need == cap (a need above the cap goes straight to the
		 * elastic programme: see roster_ip_solve). */
		glp_set_row_bnds(lp, row, GLP_FX, need, 0);
	}
}

/* Candidate j's entries from k + 1 on: a 1 in every slot it covers, or
 * more where its blocks overlap (a candidate of several people, such as
 * a rota's teams, one working the early and another the late) — at[t]
 * is slot t's entry in this column, when seen[t] is j + 1. Returns the
 * last entry. */
static size_t roster_ip_column(const struct roster_ip_spec *s, size_t j,
			       bool caps, size_t k, int *ia, int *ja, double *ar,
			       size_t *at, size_t *seen)
{
	const struct roster_ip_shift *sh = &s->shifts[j];

	for (size_t i = 0; i < sh->length * roster_ip_blocks(sh); i++) {
		size_t t = roster_ip_slot(s, sh, i);

		if (seen[t] == j + 1) {
			ar[at[t]] += 1;
			if (caps)
				ar[at[t] + 1] += 1;
			continue;
		}
		seen[t] = j + 1, at[t] = k + 1;
		k++, ia[k] = (int)t + 1, ja[k] = (int)j + 1, ar[k] = 1;
		if (caps)
			k++, ia[k] = (int)(s->n_slots + t) + 1,
			ja[k] = (int)j + 1, ar[k] = 1;
	}
	return k;
}

/* The constraint matrix: candidate j's column has a 1 in every slot it
 * covers (twice in the elastic programme: need row and cap row), each
 * shortfall column a 1 in its slot's need row. Returns 0, or -1 when out
 * of memory. */
static int roster_ip_matrix(glp_prob *lp, const struct roster_ip_spec *s,
			    bool elastic)
{
	size_t covers = 0, k = 0, *at, *seen;
	int *ia, *ja;
	double *ar;
	bool caps = elastic && s->max_cover > 0, ok;

	for (size_t j = 0; j < s->n_shifts; j++)
		covers += s->shifts[j].length * roster_ip_blocks(&s->shifts[j]);
	covers = covers * (caps ? 2 : 1) + (elastic ? s->n_slots : 0);
	ia = mem_malloc((covers + 1) * sizeof *ia);
	ja = mem_malloc((covers + 1) * sizeof *ja);
	ar = mem_malloc((covers + 1) * sizeof *ar);
	at = mem_calloc(2 * s->n_slots + 1, sizeof *at);
	seen = at ? at + s->n_slots : NULL;
	ok = ia && ja && ar && at;
	for (size_t j = 0; ok && j < s->n_shifts; j++)
		k = roster_ip_column(s, j, caps, k, ia, ja, ar, at, seen);
	for (size_t t = 0; ok && elastic && t < s->n_slots; t++)
		k++, ia[k] = (int)t + 1, ja[k] = (int)(s->n_shifts + t) + 1,
		ar[k] = 1;
	if (ok)
		glp_load_matrix(lp, (int)k, ia, ja, ar);
	free(ia), free(ja), free(ar), free(at);
	return ok ? 0 : -1;
}

/* The programme: least cost, or (elastic) least total shortfall. Returns
 * a new problem, or NULL when out of memory. */
static glp_prob *roster_ip_build(const struct roster_ip_spec *s, bool elastic)
{
	glp_prob *lp = glp_create_prob();
	size_t rows = s->n_slots * (elastic && s->max_cover > 0 ? 2 : 1);
	size_t cols = s->n_shifts + (elastic ? s->n_slots : 0);

	glp_set_obj_dir(lp, GLP_MIN);
	glp_add_rows(lp, (int)rows);
	glp_add_cols(lp, (int)cols);
	for (size_t t = 0; t < s->n_slots; t++)
		roster_ip_row_bounds(lp, s, t, elastic);
	/* Only headcounts are integer: a shortfall is a need (whole) less a
	 * cover (whole once the headcounts are), so it is whole at any
	 * optimum of the headcounts anyway, and branching on a thousand
	 * shortfalls as well (a rota's cycle of 1,680 hours) kept GLPK's
	 * branch and bound from ending, or from reaching its time limit
	 * between nodes, for minutes. */
	for (size_t j = 0; j < cols; j++) {
		glp_set_col_bnds(lp, (int)j + 1, GLP_LO, 0, 0);
		if (j < s->n_shifts)
			glp_set_col_kind(lp, (int)j + 1, GLP_IV);
		glp_set_obj_coef(lp, (int)j + 1, j >= s->n_shifts ? 1.0
				 : elastic ? 0.0 : s->shifts[j].cost);
	}
	if (roster_ip_matrix(lp, s, elastic) != 0) {
		glp_delete_prob(lp);
		return NULL;
	}
	return lp;
}

/* What a GLPK return code means, for messages. */
static const char *roster_ip_glpk_error(int rc)
{
	switch (rc) {
	case GLP_ETMLIM: return "the time limit was reached";
	case GLP_EITLIM: return "the iteration limit was reached";
	case GLP_ESING: case GLP_ECOND: case GLP_EINSTAB:
		return "the matrix is numerically unstable";
	case GLP_EBOUND: return "a bound is invalid";
	case GLP_EROOT: return "the LP relaxation has no optimum";
	default: return "the solver failed";
	}
}

/* GLPK's time limit, in whole milliseconds (at least 1), for what is
 * left of limit_s after t0_ms (glp_time's clock). */
static int roster_ip_tm_lim(double limit_s, double t0_ms)
{
	double left = limit_s * 1000 - (glp_time() - t0_ms);

	return left < 1 ? 1 : (int)ceil(left);
}

/* Solves the LP relaxation of lp within tm_lim ms. Returns 1 when it has
 * an optimum (*cost set), 0 when it has no feasible solution, -1 on a
 * failure (err filled). */
static int roster_ip_relax(glp_prob *lp, int tm_lim, double *cost,
			   struct sim_err *err)
{
	glp_smcp parm;
	int rc, status;

	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	parm.tm_lim = tm_lim;
	rc = glp_simplex(lp, &parm);
	status = glp_get_status(lp);
	if (rc == 0 && status == GLP_OPT) {
		*cost = glp_get_obj_val(lp);
		return 1;
	}
	if (rc == 0 && status == GLP_NOFEAS)
		return 0;
	if (rc == GLP_ETMLIM)
		sim_err_add(err, SIM_ERUNTIME, "roster programme: its LP "
			    "relaxation was not solved within the time limit");
	else
		sim_err_add(err, SIM_ERUNTIME, "roster programme: GLPK's simplex "
			    "stopped: %s (code %d, status %d)", rc == 0
			    ? "no optimum" : roster_ip_glpk_error(rc), rc, status);
	return -1;
}

/* Branch and bound from the relaxation's optimum, within tm_lim ms.
 * Returns 1 with an integer solution (*optimal whether proven least: at
 * the time limit, the best found), 0 when none exists, 2 when none was
 * found in time, -1 on a failure (err filled). */
static int roster_ip_branch(glp_prob *lp, int tm_lim, bool *optimal,
			    struct sim_err *err)
{
	glp_iocp parm;
	int rc, status;

	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	parm.tm_lim = tm_lim;
	rc = glp_intopt(lp, &parm);
	status = glp_mip_status(lp);
	*optimal = status == GLP_OPT;
	if ((rc == 0 || rc == GLP_ETMLIM || rc == GLP_EMIPGAP)
	    && (status == GLP_OPT || status == GLP_FEAS))
		return 1;
	if (rc == 0 && status == GLP_NOFEAS)
		return 0;
	if (rc == GLP_ETMLIM)
		return 2;
	sim_err_add(err, SIM_ERUNTIME, "roster programme: no roster found: "
		    "%s (GLPK code %d, status %d)", rc == 0 ? "no solution"
		    : roster_ip_glpk_error(rc), rc, status);
	return -1;
}

/* The relaxation's headcounts of lp, rounded: up, which covers every
 * need, or in the elastic programme down, which keeps every cap (and
 * leaves the rest short). Into out->staff. */
static void roster_ip_round(glp_prob *lp, const struct roster_ip_spec *s,
			    bool elastic, struct roster_ip_result *out)
{
	for (size_t j = 0; j < s->n_shifts; j++) {
		double x = glp_get_col_prim(lp, (int)j + 1);

		out->staff[j] = (int)(elastic ? floor(x + 1e-9) : ceil(x - 1e-9));
	}
}

/* When branch and bound found nothing in time: the rounded relaxation
 * in out->staff as the roster (not proven least), with its cost,
 * cover and shortfalls. Returns 1, or -1 when it breaks a cap (err
 * filled). */
static int roster_ip_rounded(const struct roster_ip_spec *s, double lp_cost,
			     struct roster_ip_result *out, struct sim_err *err)
{
	int *cover = mem_calloc(s->n_slots, sizeof *cover);
	bool capped = false;

	if (cover == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory"), -1;
	out->cost = 0;
	for (size_t j = 0; j < s->n_shifts; j++) {
		const struct roster_ip_shift *sh = &s->shifts[j];

		out->cost += out->staff[j] * sh->cost;
		for (size_t i = 0; i < sh->length * roster_ip_blocks(sh); i++)
			cover[roster_ip_slot(s, sh, i)] += out->staff[j];
	}
	out->met = true;
	for (size_t t = 0; t < s->n_slots; t++) {
		out->short_by[t] = cover[t] < s->need[t] ? s->need[t] - cover[t] : 0;
		out->met = out->met && out->short_by[t] == 0;
		capped = capped || (s->max_cover > 0 && cover[t] > s->max_cover);
	}
	free(cover);
	out->optimal = false;
	if (!capped)
		return 1;
	sim_err_add(err, SIM_ERUNTIME, "roster programme: no roster found "
		    "within the time limit (the LP bound is %g)", lp_cost);
	return -1;
}

/* Reads the integer solution of lp into out. */
static void roster_ip_read(glp_prob *lp, const struct roster_ip_spec *s,
			   bool elastic, struct roster_ip_result *out)
{
	out->cost = 0;
	out->met = true;
	for (size_t j = 0; j < s->n_shifts; j++) {
		out->staff[j] = (int)lround(glp_mip_col_val(lp, (int)j + 1));
		out->cost += out->staff[j] * s->shifts[j].cost;
	}
	for (size_t t = 0; t < s->n_slots; t++) {
		out->short_by[t] = elastic ? (int)lround(glp_mip_col_val(
					lp, (int)(s->n_shifts + t) + 1)) : 0;
		out->met = out->met && out->short_by[t] == 0;
	}
}

/* Builds and solves one programme within what is left of the time limit
 * after t0_ms. Returns 1 solved (out filled), 0 no solution, -1 failed
 * (err filled). */
static int roster_ip_run(const struct roster_ip_spec *s, bool elastic,
			 double t0_ms, struct roster_ip_result *out,
			 struct sim_err *err)
{
	glp_prob *lp = roster_ip_build(s, elastic);
	double lp_cost = NAN, limit = s->time_limit_s;
	int rc;

	if (lp == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory building the roster "
			    "programme");
		return -1;
	}
	rc = roster_ip_relax(lp, roster_ip_tm_lim(limit, t0_ms), &lp_cost, err);
	if (rc == 1)
		roster_ip_round(lp, s, elastic, out);
	if (rc == 1)
		rc = roster_ip_branch(lp, roster_ip_tm_lim(limit, t0_ms),
				      &out->optimal, err);
	if (rc == 1)
		roster_ip_read(lp, s, elastic, out);
	else if (rc == 2)
		rc = roster_ip_rounded(s, lp_cost, out, err);
	if (rc == 1)
		out->lp_cost = elastic ? NAN : lp_cost;
	glp_delete_prob(lp);
	return rc;
}

/* Whether some slot needs more than the cap allows: no headcounts can
 * meet it. */
static bool roster_ip_above_cap(const struct roster_ip_spec *s)
{
	for (size_t t = 0; s->max_cover > 0 && t < s->n_slots; t++)
		if (s->need[t] > s->max_cover)
			return true;
	return false;
}

enum sim_status roster_ip_solve(const struct roster_ip_spec *spec,
				struct roster_ip_result *out,
				struct sim_err *err)
{
	enum sim_status st = roster_ip_check(spec, err);
	double t0;
	int was, rc = -1;

	*out = (struct roster_ip_result){ 0 };
	if (st != SIM_OK)
		return st;
	out->staff = mem_calloc(spec->n_shifts, sizeof *out->staff);
	out->short_by = mem_calloc(spec->n_slots, sizeof *out->short_by);
	if (out->staff == NULL || out->short_by == NULL) {
		roster_ip_clear(out);
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	}
	/* GLPK writes to the terminal unless told not to: the library layers
	 * never print, so its output is off while it works. */
	was = glp_term_out(GLP_OFF);
	t0 = glp_time();
	rc = roster_ip_above_cap(spec) ? 0
		: roster_ip_run(spec, false, t0, out, err);
	if (rc == 0)
		rc = roster_ip_run(spec, true, t0, out, err);
	glp_term_out(was);
	t0 = (glp_time() - t0) / 1000;
	if (rc != 1)
		roster_ip_clear(out);
	out->seconds = t0;   /* failed or not, the time it took */
	if (rc == 1)
		return SIM_OK;
	if (rc == 0)   /* the elastic programme always has a solution */
		return sim_err_add(err, SIM_ERUNTIME, "roster programme: no "
				   "solution even with shortfalls allowed");
	return err->status != SIM_OK ? err->status : SIM_ERUNTIME;
}
