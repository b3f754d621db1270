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
 * Most sums are short (counts, whole seconds, two replications of a time),
 * and GMP's calls and allocations would cost more than the rest of a
 * run's summary: a figure keeps its sums in machine integers (128 bits,
 * the same integer times 2^e) while they fit, and moves them into GMP for
 * good the first time one would not. Both forms hold the same exact
 * values, so the results do not depend on which one a figure is in.
 *
 * Why not a compensated or pairwise sum: those are accurate but their last
 * bit still depends on the order of the additions, and replications finish
 * in an order the thread count decides. */
#include "sim/moments.h"

#include <assert.h>
#include <stdbool.h>
#include <string.h>
#include <math.h>
#include <stdlib.h>
#include <gmp.h>
#include "sim/mem.h"

/* Bits a quotient is computed to beyond its numerator, so an integer
 * quotient has many more bits than the 53 a double keeps. */
#define MOMENTS_QUOTIENT_BITS 128
/* The most bits a machine sum of x (signed) or x^2 may have: adding two
 * such never overflows 128 bits. */
#define MOMENTS_S1_BITS 126
#define MOMENTS_S2_BITS 127

__extension__ typedef unsigned __int128 moments_u128;
__extension__ typedef __int128 moments_i128;

/* One figure: sum of x = s1 2^e1, sum of x^2 = s2 2^e2 (e1, e2 are
 * meaningless while their sum is zero), n finite values. The sums are
 * machine integers (s1.i, s2.u) until `big`, GMP integers (.z) from then
 * on. */
struct moments_fig {
	union {
		mpz_t z;
		moments_i128 i;
	} s1;
	union {
		mpz_t z;
		moments_u128 u;
	} s2;
	long e1, e2;
	uint64_t n;
	bool big;
};

struct moments {
	size_t n_figures;
	struct moments_fig *fig;
	mpz_t t, t2;             /* scratch for one term and its square */
};

/* Returns a new accumulator of n_figures empty figures (machine sums of
 * zero), or NULL when out of memory. */
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
	mpz_init(m->t);
	mpz_init(m->t2);
	return m;
}

/* Moves f's sums from machine integers into GMP, for good. */
static void moments_go_big(struct moments_fig *f);

struct moments *moments_new_gmp(size_t n_figures)
{
	struct moments *m = moments_new(n_figures);

	for (size_t k = 0; m != NULL && k < n_figures; k++)
		moments_go_big(&m->fig[k]);
	return m;
}

/* NULL is a no-op. */
void moments_free(struct moments *m)
{
	if (m == NULL)
		return;
	for (size_t k = 0; k < m->n_figures; k++)
		if (m->fig[k].big) {
			mpz_clear(m->fig[k].s1.z);
			mpz_clear(m->fig[k].s2.z);
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

/* The bits of x > 0. */
static int moments_bits(moments_u128 x)
{
	uint64_t hi = (uint64_t)(x >> 64);

	return hi != 0 ? 128 - __builtin_clzll(hi)
		: 64 - __builtin_clzll((uint64_t)x);
}

/* z = (neg ? -x : x), exactly. */
static void moments_set_u128(mpz_t z, moments_u128 x, bool neg)
{
	uint64_t w[2] = { (uint64_t)x, (uint64_t)(x >> 64) };

	mpz_import(z, 2, -1, sizeof w[0], 0, 0, w);
	if (neg)
		mpz_neg(z, z);
}

/* |x| of a machine s1. */
static moments_u128 moments_abs(moments_i128 x)
{
	return x < 0 ? -(moments_u128)x : (moments_u128)x;
}

/* Moves f's sums from machine integers into GMP, for good. */
static void moments_go_big(struct moments_fig *f)
{
	moments_i128 s1 = f->s1.i;
	moments_u128 s2 = f->s2.u;

	mpz_init(f->s1.z);
	mpz_init(f->s2.z);
	moments_set_u128(f->s1.z, moments_abs(s1), s1 < 0);
	moments_set_u128(f->s2.z, s2, false);
	f->big = true;
}

/* Aligns a 2^*ea and b 2^eb at the smaller exponent (shifting one of them
 * up); false when either then has more than `limit` bits. A zero a takes
 * b's exponent (and b may then have up to limit + 1 bits: the sum is b). */
static bool moments_align(moments_u128 *a, long *ea, moments_u128 *b,
			  long eb, int limit)
{
	long sh = eb - *ea;

	if (*a == 0) {
		*ea = eb;
		return true;
	}
	if (*b == 0)
		return true;
	if (sh < 0) {
		if (-sh >= limit || moments_bits(*a) - sh > limit)
			return false;
		*a <<= -sh;
		*ea = eb;
	} else if (sh > 0) {
		if (sh >= limit || moments_bits(*b) + sh > limit)
			return false;
		*b <<= sh;
	}
	return moments_bits(*a) <= limit && moments_bits(*b) <= limit;
}

/* Adds (neg1 ? -t1 : t1) 2^e1 and t2 2^e2 (non-zero, at most
 * MOMENTS_S1_BITS and MOMENTS_S2_BITS long) to f's machine sums; false
 * when a sum would not fit, nothing changed. */
static bool moments_small_add(struct moments_fig *f, moments_u128 t1,
			      bool neg1, long e1, moments_u128 t2, long e2)
{
	moments_u128 a1 = moments_abs(f->s1.i), a2 = f->s2.u;
	long x1 = f->e1, x2 = f->e2;
	bool neg = f->s1.i < 0;

	if (!moments_align(&a1, &x1, &t1, e1, MOMENTS_S1_BITS)
	    || !moments_align(&a2, &x2, &t2, e2, MOMENTS_S2_BITS))
		return false;
	/* Both terms are below 2^126: the signed sum fits. */
	f->s1.i = (neg ? -(moments_i128)a1 : (moments_i128)a1)
		+ (neg1 ? -(moments_i128)t1 : (moments_i128)t1);
	f->s2.u = a2 + t2;
	f->e1 = x1;
	f->e2 = x2;
	return true;
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

/* Adds one finite, non-zero x to figure f: x = t 2^e with t odd, read
 * from the bits of the double (a subnormal's exponent is that of the
 * smallest normal). */
static void moments_add_one(struct moments *m, struct moments_fig *f, double x)
{
	uint64_t bits, t;
	long e;
	int tz;

	memcpy(&bits, &x, sizeof bits);
	t = bits & (((uint64_t)1 << 52) - 1);
	e = (long)(bits >> 52 & 0x7ff);
	if (e != 0)
		t |= (uint64_t)1 << 52;
	e = (e != 0 ? e : 1) - 1075;
	tz = __builtin_ctzll(t);
	t >>= tz;
	e += tz;
	if (!f->big && moments_small_add(f, t, bits >> 63, e,
					 (moments_u128)t * t, 2 * e))
		return;
	if (!f->big)
		moments_go_big(f);
	moments_set_u128(m->t, t, bits >> 63);
	mpz_mul(m->t2, m->t, m->t);
	moments_acc(f->s2.z, &f->e2, m->t2, 2 * e);
	moments_acc(f->s1.z, &f->e1, m->t, e);
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

/* Copies f's sums into GMP integers s1, s2 (initialised here). */
static void moments_fig_mpz(const struct moments_fig *f, mpz_t s1, mpz_t s2)
{
	if (f->big) {
		mpz_init_set(s1, f->s1.z);
		mpz_init_set(s2, f->s2.z);
		return;
	}
	mpz_init(s1);
	mpz_init(s2);
	moments_set_u128(s1, moments_abs(f->s1.i), f->s1.i < 0);
	moments_set_u128(s2, f->s2.u, false);
}

/* Adds s's sums to d's in GMP (d made big first); t is scratch. */
static void moments_merge_big(struct moments_fig *d,
			      const struct moments_fig *s, mpz_t t)
{
	mpz_t s1, s2;

	if (!d->big)
		moments_go_big(d);
	moments_fig_mpz(s, s1, s2);
	if (mpz_sgn(s1) != 0) {
		mpz_set(t, s1);
		moments_acc(d->s1.z, &d->e1, t, s->e1);
	}
	if (mpz_sgn(s2) != 0) {
		mpz_set(t, s2);
		moments_acc(d->s2.z, &d->e2, t, s->e2);
	}
	mpz_clear(s1);
	mpz_clear(s2);
}

/* Adds figure s's count and sums into d, a figure of dst, exactly. */
static void moments_merge_fig(struct moments *dst, struct moments_fig *d,
			      const struct moments_fig *s)
{
	d->n += s->n;
	/* All zero (s2 is zero only then): nothing to add. */
	if (!s->big && s->s2.u == 0)
		return;
	if (d->big || s->big
	    || !moments_small_add(d, moments_abs(s->s1.i), s->s1.i < 0,
				  s->e1, s->s2.u, s->e2))
		moments_merge_big(d, s, dst->t);
}

void moments_merge(struct moments *dst, const struct moments *src)
{
	assert(dst->n_figures == src->n_figures);
	for (size_t k = 0; k < src->n_figures; k++)
		moments_merge_fig(dst, &dst->fig[k], &src->fig[k]);
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
 * d 2^*e, from f's sums s1, s2 in GMP (below 0 only for sums that no
 * values have: moments_add_exact refuses them). */
static void moments_centred(const struct moments_fig *f, const mpz_t s1,
			    const mpz_t s2, mpz_t d, long *e)
{
	mpz_t b;

	mpz_init(b);
	mpz_mul_ui(d, s2, (unsigned long)f->n);
	*e = f->e2;
	if (mpz_sgn(s1) != 0) {
		mpz_mul(b, s1, s1);
		mpz_neg(b, b);
		moments_acc(d, e, b, 2 * f->e1);
	}
	mpz_clear(b);
}

struct moments_stats moments_stats_gmp(const struct moments *m, size_t k)
{
	const struct moments_fig *f = &m->fig[k];
	struct moments_stats st = { f->n, NAN, NAN };
	mpz_t s1, s2, num, den;
	long e;

	assert(k < m->n_figures);
	if (f->n == 0)
		return st;
	moments_fig_mpz(f, s1, s2);
	mpz_init_set(num, s1);
	mpz_init_set_ui(den, (unsigned long)f->n);
	st.mean = moments_quotient(num, f->e1, den);
	if (f->n >= 2) {
		/* variance = (n S2 - S1^2) / (n (n - 1)) */
		moments_centred(f, s1, s2, num, &e);
		assert(mpz_sgn(num) >= 0);
		mpz_mul_ui(den, den, (unsigned long)(f->n - 1));
		st.sd = sqrt(moments_quotient(num, e, den));
	}
	mpz_clears(s1, s2, num, den, NULL);
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

/* |sum of x| of f into *x, and its sign into *neg; false when it does not
 * fit 128 bits. */
static bool moments_sum1(const struct moments_fig *f, moments_u128 *x,
			 bool *neg)
{
	if (!f->big) {
		*x = moments_abs(f->s1.i);
		*neg = f->s1.i < 0;
		return true;
	}
	*neg = mpz_sgn(f->s1.z) < 0;
	return moments_get_u128(f->s1.z, x);
}

/* The sum of x^2 of f into *x; false when it does not fit 128 bits. */
static bool moments_sum2(const struct moments_fig *f, moments_u128 *x)
{
	if (!f->big) {
		*x = f->s2.u;
		return true;
	}
	return moments_get_u128(f->s2.z, x);
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
	bool neg;
	long sh;

	if (!moments_sum2(f, &s2) || !moments_sum1(f, &s1, &neg))
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
	bool neg;
	long e;

	assert(k < m->n_figures);
	if (f->n == 0)
		return st;
	if (!moments_sum1(f, &s1, &neg))
		return moments_stats_gmp(m, k);
	st.mean = moments_quotient_u128(s1, f->e1, f->n);
	if (neg)
		st.mean = -st.mean;
	if (f->n < 2)
		return st;
	if (f->n > UINT32_MAX || !moments_centred_u128(f, &d, &e))
		return moments_stats_gmp(m, k);
	st.sd = sqrt(moments_quotient_u128(d, e, f->n * (f->n - 1)));
	return st;
}

/* ---- the exact sums as text ------------------------------------------ */

void moments_get_exact(const struct moments *m, size_t k,
		       struct moments_exact *out)
{
	const struct moments_fig *f = &m->fig[k];
	mpz_t s1, s2;

	assert(k < m->n_figures);
	moments_fig_mpz(f, s1, s2);
	/* Sums of doubles never need more digits (moments.h). */
	assert(mpz_sizeinbase(s1, 16) <= MOMENTS_HEX_MAX
	       && mpz_sizeinbase(s2, 16) <= MOMENTS_HEX_MAX);
	out->n = f->n;
	mpz_get_str(out->s1, 16, s1);
	mpz_get_str(out->s2, 16, s2);
	out->e1 = mpz_sgn(s1) != 0 ? f->e1 : 0;
	out->e2 = mpz_sgn(s2) != 0 ? f->e2 : 0;
	mpz_clears(s1, s2, NULL);
}

/* Whether buf (of MOMENTS_HEX_MAX + 2 bytes) holds a sum as
 * moments_get_exact writes it: '-' first only when signed allows it, then
 * lower-case hexadecimal digits without leading zeros. */
static bool moments_hex_ok(const char *buf, bool sign)
{
	const char *end = memchr(buf, 0, MOMENTS_HEX_MAX + 2);
	const char *p = buf + (sign && buf[0] == '-');

	if (end == NULL || end == p || end - p > MOMENTS_HEX_MAX
	    || (p[0] == '0' && (end - p > 1 || p != buf)))
		return false;
	for (; p < end; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* Whether f's sums (in GMP) are what n finite values could sum to: none
 * without values, and n S2 >= S1^2 (Cauchy-Schwarz) with them. */
static bool moments_exact_consistent(const struct moments_fig *f)
{
	mpz_t d;
	long e;
	bool ok;

	if (f->n == 0)
		return mpz_sgn(f->s1.z) == 0 && mpz_sgn(f->s2.z) == 0;
	mpz_init(d);
	moments_centred(f, f->s1.z, f->s2.z, d, &e);
	ok = mpz_sgn(d) >= 0;
	mpz_clear(d);
	return ok;
}

/* f's GMP sums as machine ones into *small when they fit as
 * moments_small_add keeps them; false when they do not. */
static bool moments_exact_small(const struct moments_fig *f,
				struct moments_fig *small)
{
	moments_u128 a, b;

	if (!moments_get_u128(f->s1.z, &a) || !moments_get_u128(f->s2.z, &b)
	    || (a != 0 && moments_bits(a) > MOMENTS_S1_BITS)
	    || (b != 0 && moments_bits(b) > MOMENTS_S2_BITS))
		return false;
	*small = (struct moments_fig){ .n = f->n, .e1 = f->e1, .e2 = f->e2 };
	small->s1.i = mpz_sgn(f->s1.z) < 0 ? -(moments_i128)a : (moments_i128)a;
	small->s2.u = b;
	return true;
}

int moments_add_exact(struct moments *m, size_t k,
		      const struct moments_exact *x)
{
	struct moments_fig f = { .n = x->n, .e1 = x->e1, .e2 = x->e2,
				 .big = true };
	struct moments_fig small;
	bool ok;

	assert(k < m->n_figures);
	if (!moments_hex_ok(x->s1, true) || !moments_hex_ok(x->s2, false)
	    || x->e1 < MOMENTS_E1_MIN || x->e1 > MOMENTS_E1_MAX
	    || x->e2 < MOMENTS_E2_MIN || x->e2 > MOMENTS_E2_MAX)
		return -1;
	mpz_init_set_str(f.s1.z, x->s1, 16);
	mpz_init_set_str(f.s2.z, x->s2, 16);
	ok = moments_exact_consistent(&f);
	if (ok && moments_exact_small(&f, &small))
		moments_merge_fig(m, &m->fig[k], &small);
	else if (ok)
		moments_merge_fig(m, &m->fig[k], &f);
	mpz_clears(f.s1.z, f.s2.z, NULL);
	return ok ? 0 : -1;
}
