/* erlang.h: analytic queueing formulas, the oracles the simulator is tested
 * against and the first guess of the optimiser.
 *
 *   Erlang B   M/M/c/c   blocking probability
 *   Erlang C   M/M/c     infinite patience, FCFS
 *   Erlang A   M/M/c+M   exponential patience (Palm's model), FCFS
 *
 * Rates are per second, times in seconds. Offered load a = lambda / mu
 * (Erlangs). Erlang C requires a < c (returns NAN otherwise); Erlang A is
 * stable for any load. Service level is everywhere the fraction of ALL
 * arrivals answered within t (abandoned callers count against it), the
 * definition DESIGN.md fixes. Pure functions: thread-safe. */
#ifndef MODELS_ERLANG_H
#define MODELS_ERLANG_H

/* Erlang B blocking probability for c servers and load a (stable recursion). */
double erlang_b(int c, double a);
/* Erlang C probability that an arrival waits (a < c). */
double erlang_c(int c, double a);

struct erlang_queue {
	double lambda;     /* arrivals per second, > 0 */
	double mu;         /* service completions per second per server, > 0 */
	int c;             /* servers, >= 1 */
	double theta;      /* abandonment rate per second (1 / mean patience);
			      0 for Erlang C */
};

struct erlang_result {
	double p_wait;          /* probability an arrival waits at all */
	double service_level;   /* P(answered within t) over all arrivals */
	double asa_s;           /* mean wait of answered callers */
	double mean_wait_s;     /* mean wait of all callers (abandoned included) */
	double p_abandon;       /* probability of abandonment (0 for Erlang C) */
	double occupancy;       /* mean busy servers / c */
	double mean_queue;      /* mean callers waiting */
};

/* Steady-state measures with answer target t_s. For theta == 0 this is
 * Erlang C (NAN fields when a >= c); for theta > 0, Erlang A. Returns 0, or
 * -1 on invalid input (non-positive rates, c < 1). */
int erlang_solve(const struct erlang_queue *q, double t_s,
		 struct erlang_result *out);

/* The least c in [1, c_max] whose service level within t_s is >= goal;
 * returns -1 when none is. */
int erlang_required(double lambda, double mu, double theta, double t_s,
		    double goal, int c_max);

#endif
