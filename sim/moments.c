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
#include <stdbool.h>
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

struct moments_stats moments_stats_gmp(const struct moments *m, size_t k)
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

/* ---- the same quotients in machine integers ----------------------------
 *
 * Most figures' sums are a word or two long (counts, whole seconds, two
 * replications of a time), and dividing them in GMP costs more than the
 * rest of the run's summary. When the numbers fit 128 bits the same
 * correctly rounded quotients are computed with unsigned __int128: the
 * rounding depends on the exact quotient's value only, so the bits are
 * those of moments_stats_gmp (the tests compare the two on many sums). */

__extension__ typedef unsigned __int128 moments_u128;

/* The bits of x > 0. */
static int moments_bits(moments_u128 x)
{
	uint64_t hi = (uint64_t)(x >> 64);

	return hi != 0 ? 128 - __builtin_clzll(hi)
		: 64 - __builtin_clzll((uint64_t)x);
}

/* Stores |z| into *x; returns false when it is 128 bits or more long. */
static bool moments_get_u128(const mpz_t z, moments_u128 *x)
{
	size_t n = mpz_size(z);

	if (n > 128 / GMP_NUMB_BITS)
		return false;
	*x = 0;
	for (size_t i = n; i-- > 0;)
		*x = *x << GMP_NUMB_BITS | mpz_getlimbn(z, (mp_size_t)i);
	return true;
}

/* num 2^e / den, 0 < den < 2^64, as moments_quotient rounds it: num is
 * shifted to 128 bits so the quotient has at least 64, the bits below the
 * 53 kept and the remainder decide the rounding, and ldexp gets the same
 * value (hence gives the same double) as there. */
static double moments_quotient_u128(moments_u128 num, long e, uint64_t den)
{
	const moments_u128 one = 1;
	int s, shift;
	moments_u128 a, q, rest, half;
	uint64_t mant;
	bool sticky;

	if (num == 0)
		return 0.0;
	s = 128 - moments_bits(num);
	a = num << s;
	q = a / den;
	sticky = a % den != 0;
	shift = moments_bits(q) - 53;
	rest = q & ((one << shift) - 1);
	half = one << (shift - 1);
	mant = (uint64_t)(q >> shift);
	if (rest > half || (rest == half && (sticky || (mant & 1))))
		mant++;
	return ldexp((double)mant, (int)((long)shift - s + e));
}

/* n S2 - S1^2 of f (n < 2^64) into *d 2^*e; false when a term does not
 * fit 128 bits. n S2 >= S1^2 once aligned, so when n S2 fits, all do. */
static bool moments_centred_u128(const struct moments_fig *f,
				 moments_u128 *d, long *e)
{
	moments_u128 s2, s1, b;
	long sh;

	if (!moments_get_u128(f->s2, &s2) || !moments_get_u128(f->s1, &s1))
		return false;
	if (s2 == 0) {
		*d = 0;
		*e = 0;
		return true;
	}
	if (moments_bits(s2) + 64 - __builtin_clzll(f->n) > 128
	    || (s1 != 0 && moments_bits(s1) > 64))
		return false;
	*d = s2 * f->n;
	b = s1 * s1;
	*e = f->e2;
	if (b == 0)
		return true;
	sh = f->e2 - 2 * f->e1;
	if (sh > 0) {
		if (sh >= 128 || moments_bits(*d) + sh > 128)
			return false;
		*d <<= sh;
		*e = 2 * f->e1;
	} else if (sh < 0) {
		if (-sh >= 128 || moments_bits(b) - sh > 128)
			return false;
		b <<= -sh;
	}
	assert(*d >= b);
	*d -= b;
	return true;
}

struct moments_stats moments_stats(const struct moments *m, size_t k)
{
	const struct moments_fig *f = &m->fig[k];
	struct moments_stats st = { f->n, NAN, NAN };
	moments_u128 s1, d;
	long e;

	assert(k < m->n_figures);
	if (f->n == 0)
		return st;
	if (!moments_get_u128(f->s1, &s1))
		return moments_stats_gmp(m, k);
	st.mean = moments_quotient_u128(s1, f->e1, f->n);
	if (mpz_sgn(f->s1) < 0)
		st.mean = -st.mean;
	if (f->n < 2)
		return st;
	if (f->n > UINT32_MAX || !moments_centred_u128(f, &d, &e))
		return moments_stats_gmp(m, k);
	st.sd = sqrt(moments_quotient_u128(d, e, f->n * (f->n - 1)));
	return st;
}
