/* moments.c: exact sums of values and squares (see moments.h).
 *
 * A finite double is M 2^E with M an integer of at most 53 bits, so its
 * square is M^2 2^(2E) exactly, and a sum of such terms is an integer
 * times 2^e, where e is the smallest exponent added so far. Each sum is
 * kept that way, as a GMP integer and e: adding a term with a smaller
 * exponent shifts the sum up first. Trailing zero bits are taken off each
 * term, so counts and whole seconds are summed at exponent 0 and the
 * integers stay a word or two long. Nothing is ever rounded, which is what
 * makes the sums independent of order and grouping; only the final
 * quotients (mean, variance) are rounded, once, from exact integers.
 *
 * Why not a compensated or pairwise sum: those are accurate but their last
 * bit still depends on the order of the additions, and replications finish
 * in an order the thread count decides. */
#include "sim/moments.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <gmp.h>
#include "sim/mem.h"

/* Bits a quotient is computed to beyond its numerator, so an integer
 * quotient has many more bits than the 53 a double keeps. */
#define MOMENTS_QUOTIENT_BITS 128

/* One figure: sum of x = s1 2^e1, sum of x^2 = s2 2^e2 (e1, e2 are
 * meaningless while their sum is zero), n finite values. */
struct moments_fig {
	mpz_t s1, s2;
	long e1, e2;
	uint64_t n;
};

struct moments {
	size_t n_figures;
	struct moments_fig *fig;
	mpz_t t, t2;             /* scratch for one term and its square */
};

/* Returns a new accumulator of n_figures empty figures, or NULL when out
 * of memory. GMP's mpz_init allocates nothing until a value is stored. */
struct moments *moments_new(size_t n_figures)
{
	struct moments *m = mem_calloc(1, sizeof *m);

	if (m == NULL)
		return NULL;
	m->fig = mem_calloc(n_figures + 1, sizeof *m->fig);
	if (m->fig == NULL) {
		free(m);
		return NULL;
	}
	m->n_figures = n_figures;
	for (size_t k = 0; k < n_figures; k++) {
		mpz_init(m->fig[k].s1);
		mpz_init(m->fig[k].s2);
	}
	mpz_init(m->t);
	mpz_init(m->t2);
	return m;
}

/* NULL is a no-op. */
void moments_free(struct moments *m)
{
	if (m == NULL)
		return;
	for (size_t k = 0; k < m->n_figures; k++) {
		mpz_clear(m->fig[k].s1);
		mpz_clear(m->fig[k].s2);
	}
	mpz_clear(m->t);
	mpz_clear(m->t2);
	free(m->fig);
	free(m);
}

size_t moments_figures(const struct moments *m)
{
	return m->n_figures;
}

/* s 2^*es += t 2^et, exactly; t is scratch (it may be shifted). */
static void moments_acc(mpz_t s, long *es, mpz_t t, long et)
{
	if (mpz_sgn(s) == 0) {
		mpz_set(s, t);
		*es = et;
		return;
	}
	if (et < *es) {
		mpz_mul_2exp(s, s, (mp_bitcnt_t)(*es - et));
		*es = et;
	} else if (et > *es) {
		mpz_mul_2exp(t, t, (mp_bitcnt_t)(et - *es));
	}
	mpz_add(s, s, t);
}

/* Adds one finite, non-zero x to figure f: x = t 2^e with t odd. */
static void moments_add_one(struct moments *m, struct moments_fig *f, double x)
{
	int e2;
	double frac = frexp(x, &e2);
	long e = (long)e2 - 53;
	mp_bitcnt_t tz;

	/* frac has at most 53 significant bits: frac 2^53 is an integer,
	 * which mpz_set_d stores exactly. */
	mpz_set_d(m->t, ldexp(frac, 53));
	tz = mpz_scan1(m->t, 0);
	mpz_tdiv_q_2exp(m->t, m->t, tz);
	e += (long)tz;
	mpz_mul(m->t2, m->t, m->t);
	moments_acc(f->s2, &f->e2, m->t2, 2 * e);
	moments_acc(f->s1, &f->e1, m->t, e);
}

void moments_add(struct moments *m, size_t first, const double *x,
		 size_t stride, size_t count)
{
	assert(first + count <= m->n_figures);
	for (size_t i = 0; i < count; i++) {
		struct moments_fig *f = &m->fig[first + i];
		double v = x[i * stride];

		if (!isfinite(v))
			continue;
		f->n++;
		if (v != 0.0)
			moments_add_one(m, f, v);
	}
}

void moments_merge(struct moments *dst, const struct moments *src)
{
	assert(dst->n_figures == src->n_figures);
	for (size_t k = 0; k < src->n_figures; k++) {
		const struct moments_fig *s = &src->fig[k];
		struct moments_fig *d = &dst->fig[k];

		d->n += s->n;
		if (mpz_sgn(s->s1) != 0) {
			mpz_set(dst->t, s->s1);
			moments_acc(d->s1, &d->e1, dst->t, s->e1);
		}
		if (mpz_sgn(s->s2) != 0) {
			mpz_set(dst->t, s->s2);
			moments_acc(d->s2, &d->e2, dst->t, s->e2);
		}
	}
}

/* num 2^e / den as a double, correctly rounded (to nearest, ties to even)
 * from the exact quotient, so the result depends on the value num 2^e
 * only, not on how it is split between num and e. num is scratch. */
static double moments_quotient(mpz_t num, long e, const mpz_t den)
{
	mpz_t r, rest, half;
	int neg, cmp;
	size_t shift;
	double d;

	if (mpz_sgn(num) == 0)
		return 0.0;
	neg = mpz_sgn(num) < 0;
	mpz_inits(r, rest, half, NULL);
	mpz_abs(num, num);
	/* The quotient keeps MOMENTS_QUOTIENT_BITS more bits than num, far
	 * more than a double's 53 (den is below 2^64): its low bits and the
	 * remainder r decide the rounding. */
	mpz_mul_2exp(num, num, MOMENTS_QUOTIENT_BITS);
	mpz_tdiv_qr(num, r, num, den);
	shift = mpz_sizeinbase(num, 2) - 53;
	assert(shift >= 1);
	mpz_tdiv_r_2exp(rest, num, shift);
	mpz_tdiv_q_2exp(num, num, shift);
	mpz_setbit(half, shift - 1);
	cmp = mpz_cmp(rest, half);
	if (cmp > 0 || (cmp == 0 && (mpz_sgn(r) != 0 || mpz_odd_p(num))))
		mpz_add_ui(num, num, 1);
	/* num now has at most 54 bits: mpz_get_d is exact. */
	d = ldexp(mpz_get_d(num), (int)((long)shift + e - MOMENTS_QUOTIENT_BITS));
	mpz_clears(r, rest, half, NULL);
	return neg ? -d : d;
}

/* n S2 - S1^2 (n times the sum of squared deviations, >= 0) into d, as
 * d 2^*e. */
static void moments_centred(const struct moments_fig *f, mpz_t d, long *e)
{
	mpz_t b;

	mpz_init(b);
	mpz_mul_ui(d, f->s2, (unsigned long)f->n);
	*e = f->e2;
	if (mpz_sgn(f->s1) != 0) {
		mpz_mul(b, f->s1, f->s1);
		mpz_neg(b, b);
		moments_acc(d, e, b, 2 * f->e1);
	}
	mpz_clear(b);
	assert(mpz_sgn(d) >= 0);
}

struct moments_stats moments_stats(const struct moments *m, size_t k)
{
	const struct moments_fig *f = &m->fig[k];
	struct moments_stats st = { f->n, NAN, NAN };
	mpz_t num, den;
	long e;

	assert(k < m->n_figures);
	if (f->n == 0)
		return st;
	mpz_init_set(num, f->s1);
	mpz_init_set_ui(den, (unsigned long)f->n);
	st.mean = moments_quotient(num, f->e1, den);
	if (f->n >= 2) {
		/* variance = (n S2 - S1^2) / (n (n - 1)) */
		moments_centred(f, num, &e);
		mpz_mul_ui(den, den, (unsigned long)(f->n - 1));
		st.sd = sqrt(moments_quotient(num, e, den));
	}
	mpz_clear(num);
	mpz_clear(den);
	return st;
}
