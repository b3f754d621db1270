/* erlang.c: Erlang B, C and A (M/M/c+M) in closed or semi-closed form.
 *
 * Erlang A has no formula as short as Erlang C's, so it is computed from
 * its stationary distribution, with the waiting time of a caller who finds
 * every handler busy given exactly by an incomplete beta function (see
 * erlang_a_reach_prob). */
#include "models/erlang.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "sim/mem.h"

/* States of the Erlang A chain beyond which erlang_solve gives up (NAN):
 * only a nearly infinite patience with an overloaded queue needs more. */
#define ERLANG_A_MAX_STATES (1u << 22)
/* Relative weight below which the tail of the distribution is dropped. */
#define ERLANG_A_TAIL 1e-16

/* B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): every term stays in [0, 1],
 * unlike the textbook ratio of a^c / c! to a partial exponential sum. */
double erlang_b(int c, double a)
{
	double b = 1;

	for (int k = 1; k <= c; k++)
		b = a * b / (k + a * b);
	return b;
}

/* C = c B / (c - a (1 - B)), the standard identity tying the two. */
double erlang_c(int c, double a)
{
	double b;

	if (!(a < c))
		return NAN;
	b = erlang_b(c, a);
	return c * b / (c - a * (1 - b));
}

static int erlang_invalid(const struct erlang_queue *q, double t_s)
{
	return !(isfinite(q->lambda) && q->lambda > 0) ||
	       !(isfinite(q->mu) && q->mu > 0) || q->c < 1 ||
	       !(isfinite(q->theta) && q->theta >= 0) ||
	       !(t_s >= 0) || isnan(t_s);
}

/* Erlang C: an arrival waits with probability C, and a waiting caller's
 * wait is exponential with rate c mu - lambda, so
 *   P(W > t) = C exp(-(c mu - lambda) t),  E[W] = C / (c mu - lambda).
 * Every caller is answered, so ASA and the mean wait coincide. */
static void erlang_solve_c(const struct erlang_queue *q, double t_s,
			   struct erlang_result *out)
{
	double a = q->lambda / q->mu;
	double drain = q->c * q->mu - q->lambda;
	double pc = erlang_c(q->c, a);

	out->p_abandon = 0;
	if (isnan(pc)) {
		out->p_wait = out->service_level = out->asa_s = NAN;
		out->mean_wait_s = out->occupancy = out->mean_queue = NAN;
		return;
	}
	out->p_wait = pc;
	out->service_level = 1 - pc * exp(-drain * t_s);
	out->asa_s = pc / drain;
	out->mean_wait_s = out->asa_s;
	out->occupancy = a / q->c;
	out->mean_queue = pc * a / (q->c - a);
}

/* The stationary distribution pi[0..n-1] of the number in an M/M/c+M
 * system: a birth-death chain with birth rate lambda and death rate
 * d_n = min(n, c) mu + max(n - c, 0) theta, so pi_n is proportional to
 * prod_{k<=n} lambda / d_k. The products overflow for large c (a^c / c!),
 * so they are summed as logarithms and scaled by the largest before
 * exponentiation. Past c the ratio lambda / d_n falls with n; once it is
 * r < 1 the tail beyond n weighs at most w_n r / (1 - r), and the chain is
 * cut where that is below ERLANG_A_TAIL of the peak. Returns a new array
 * (the caller frees it), or NULL when out of memory or out of states. */
static double *erlang_a_pi(const struct erlang_queue *q, size_t *n_states)
{
	size_t cap = (size_t)q->c + 1024, n = 0, c = (size_t)q->c;
	double *lw = mem_malloc(cap * sizeof *lw), peak = 0, sum = 0;
	int cut = 0;

	if (lw == NULL)
		return NULL;
	lw[0] = 0;
	while (!cut) {
		double d, r, *grown;

		if (++n == cap) {
			grown = cap < ERLANG_A_MAX_STATES ?
				mem_realloc(lw, 2 * cap * sizeof *lw) : NULL;
			if (grown == NULL) {
				free(lw);
				return NULL;
			}
			lw = grown;
			cap *= 2;
		}
		d = (double)(n < c ? n : c) * q->mu +
		    (n > c ? (double)(n - c) * q->theta : 0);
		r = q->lambda / d;
		lw[n] = lw[n - 1] + log(r);
		peak = fmax(peak, lw[n]);
		cut = n > c && r < 1 &&
		      lw[n] + log(r) - log1p(-r) < peak + log(ERLANG_A_TAIL);
	}
	*n_states = n + 1;
	for (size_t i = 0; i <= n; i++)
		sum += lw[i] = exp(lw[i] - peak);
	for (size_t i = 0; i <= n; i++)
		lw[i] /= sum;
	return lw;
}

/* P(a caller who arrives to find k - 1 others waiting is answered within
 * t), for k >= 1, with m = c mu / theta and p = 1 - exp(-theta t).
 *
 * Derivation. With every handler busy the caller at queue position j moves
 * up at rate r_j = c mu + (j - 1) theta (a service completion, or one of
 * the j - 1 callers ahead abandoning) and is served on leaving position 1.
 * So its wait for service is S = X_k + ... + X_1 with independent
 * X_j ~ Exp(r_j), and its own patience P ~ Exp(theta) is independent of S.
 * It is answered within t iff S <= t and S < P:
 *   P(S <= t, S < P) = int_0^t f_S(s) e^{-theta s} ds.
 * Writing e^{-theta s} = prod_j e^{-theta x_j} inside the convolution,
 *   f_S(s) e^{-theta s} = prod_j r_j / (r_j + theta) * f_T(s),
 * where T = sum_j Exp(r_j + theta) = sum_{j=1..k} Exp(theta (m + j)).
 * The product telescopes, since r_j + theta = r_{j+1}:
 *   prod_{j=1..k} r_j / (r_j + theta) = c mu / (c mu + k theta),
 * the probability of being answered at all. And T has the law of
 * -ln(1 - B) / theta with B ~ Beta(k, m + 1): both have Laplace transform
 *   B(k, m + 1 + s/theta) / B(k, m + 1) = prod_{j=1..k} (m+j) / (m+j+s/theta)
 * (for integer m, T is the k-th smallest of m + k Exp(theta) lifetimes).
 * Hence P(T <= t) = I_p(k, m + 1), the regularised incomplete beta, which
 * GSL evaluates stably for any k, where the alternating sums of the
 * hypoexponential distribution lose every digit. */
static double erlang_a_reach_prob(size_t k, double m, double p)
{
	double answered = m / (m + (double)k);

	return answered * gsl_cdf_beta_P(p, (double)k, m + 1);
}

/* Accumulates the Erlang A measures over the stationary distribution.
 * Immediate answers count as waits of 0; a caller at position k who is
 * answered waits E[T] = sum_{j<=k} 1 / (c mu + j theta) on average (the
 * same factorisation as above, applied to s f_S(s) e^{-theta s}). */
static void erlang_a_measures(const struct erlang_queue *q, double t_s,
			      const double *pi, size_t n_states,
			      struct erlang_result *out)
{
	double cmu = q->c * q->mu, m = cmu / q->theta;
	double p = -expm1(-q->theta * t_s);
	double sl = 0, answered = 0, answered_wait = 0, queue = 0, busy = 0;
	double p_wait = 0, mean_t = 0;

	for (size_t n = 0; n < n_states; n++) {
		size_t k;
		double ans_k;

		if (n < (size_t)q->c) {
			sl += pi[n];
			answered += pi[n];
			busy += pi[n] * (double)n;
			continue;
		}
		k = n - (size_t)q->c + 1;
		ans_k = cmu / (cmu + (double)k * q->theta);
		mean_t += 1 / (cmu + (double)k * q->theta);
		sl += pi[n] * erlang_a_reach_prob(k, m, p);
		answered += pi[n] * ans_k;
		answered_wait += pi[n] * ans_k * mean_t;
		queue += pi[n] * (double)(k - 1);
		busy += pi[n] * q->c;
		p_wait += pi[n];
	}
	out->p_wait = p_wait;
	out->service_level = sl;
	out->asa_s = answered_wait / answered;
	/* Little's law on the queue: every caller, answered or not. */
	out->mean_wait_s = queue / q->lambda;
	/* Abandonments happen at rate theta per waiting caller. */
	out->p_abandon = q->theta * queue / q->lambda;
	out->occupancy = busy / q->c;
	out->mean_queue = queue;
}

/* Erlang A. Out of memory, or a chain too long to hold (patience so long
 * and load so high that the queue runs to millions), gives NAN fields. */
static void erlang_solve_a(const struct erlang_queue *q, double t_s,
			   struct erlang_result *out)
{
	size_t n_states = 0;
	double *pi = erlang_a_pi(q, &n_states);

	if (pi == NULL) {
		out->p_wait = out->service_level = out->asa_s = NAN;
		out->mean_wait_s = out->p_abandon = NAN;
		out->occupancy = out->mean_queue = NAN;
		return;
	}
	erlang_a_measures(q, t_s, pi, n_states, out);
	free(pi);
}

int erlang_solve(const struct erlang_queue *q, double t_s,
		 struct erlang_result *out)
{
	if (erlang_invalid(q, t_s))
		return -1;
	if (q->theta == 0)
		erlang_solve_c(q, t_s, out);
	else
		erlang_solve_a(q, t_s, out);
	return 0;
}

/* Whether c servers meet the goal; NAN (an unstable Erlang C queue) does
 * not. */
static int erlang_meets(struct erlang_queue q, int c, double t_s, double goal)
{
	struct erlang_result r;

	q.c = c;
	/* Without abandonment a queue with as many Erlangs as servers never
	 * settles, whatever a formula gives at the boundary; a relative margin
	 * keeps rounding (540 calls an hour of 300 s is 45 Erlangs, computed
	 * as 44.99999999999999) from calling it stable. */
	if (q.theta == 0 && (double)c <= q.lambda / q.mu * (1 + 1e-9))
		return 0;
	return erlang_solve(&q, t_s, &r) == 0 && r.service_level >= goal;
}

/* The service level rises with c, so the least c is found by bisection:
 * a dozen solves for hundreds of servers, and few of them at the
 * overloaded low end, where Erlang A's chain is longest. */
int erlang_required(double lambda, double mu, double theta, double t_s,
		    double goal, int c_max)
{
	struct erlang_queue q = {lambda, mu, 1, theta};
	int lo = 0, hi = c_max;   /* lo fails (or is 0), hi meets */

	if (c_max < 1 || erlang_invalid(&q, t_s) ||
	    !erlang_meets(q, c_max, t_s, goal))
		return -1;
	while (hi - lo > 1) {
		int mid = lo + (hi - lo) / 2;

		if (erlang_meets(q, mid, t_s, goal))
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}
