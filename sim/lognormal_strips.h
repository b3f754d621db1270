/* lognormal_strips.h: exact lognormal draws without an exp per draw, on
 * any GSL generator with 64-bit outputs.
 *
 * The lognormal exp(zeta + sigma Z) is cut into 256 strips of equal
 * probability at its quantiles. A draw picks a strip from the low 8 bits
 * of one 64-bit output and a 53-bit uniform from its top bits; in the
 * rectangle under the density's lowest point across the strip (97.7% to
 * 97.9% of draws for sigma up to 1, 96.8% at 2.5) the uniform gives the
 * draw with one multiply-add. The rest come from the cap above that
 * rectangle (an exact rejection test, with log and exp) and from the two
 * end strips (GSL's Gaussian tail, then exp). The tables depend on zeta
 * and sigma, so each prepared distribution builds its own (10 KB), once.
 * Generators with fewer than 64 bits an output draw exp(zeta + sigma Z)
 * with GSL's ziggurat instead: the same distribution, other numbers. */
#ifndef SIM_LOGNORMAL_STRIPS_H
#define SIM_LOGNORMAL_STRIPS_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

#define LOGNORMAL_STRIPS 256

/* Strip i spans [q, next strip's q); a uniform j < k (of 2^53) gives
 * q + j w, uniform across it. k is 0 in the two end strips. */
struct lognormal_strip {
	double q, w;
	uint64_t k;
};

struct lognormal_strips {
	double zeta, sigma;
	double z_end;    /* the end strips lie beyond -z_end and z_end */
	struct lognormal_strip strip[LOGNORMAL_STRIPS];
	/* The lowest and highest density across each strip but the ends:
	 * the box of the cap's rejection test. */
	double lo[LOGNORMAL_STRIPS], hi[LOGNORMAL_STRIPS];
};

/* Builds t for exp(zeta + sigma Z), sigma > 0. Returns 0, or -1 when the
 * strips cannot be represented in doubles (a sigma so small that
 * neighbouring quantiles coincide, or so large that they overflow) or
 * their caps would take over 1000 tries a draw (sigma above about 35): the
 * caller then draws exp(zeta + sigma Z) itself. */
int lognormal_strips_init(struct lognormal_strips *t, double zeta,
			  double sigma);
/* A draw of exp(zeta + sigma Z). */
double lognormal_strips_draw(const struct lognormal_strips *t, gsl_rng *r);

#endif
