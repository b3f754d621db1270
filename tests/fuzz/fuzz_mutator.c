/* fuzz_mutator.c: a libFuzzer custom mutator for scenario text.
 *
 * Byte mutation alone rarely turns "mean: 100" into "mean: 1e308": it has
 * to invent the digits, the exponent and keep the YAML valid. This
 * mutator, half the time, edits the text the way a careless or hostile
 * user would instead:
 *   - replaces one number with an extreme value (0, -0, 1e-300, 1e308,
 *     .nan, .inf, 2^53 ...);
 *   - swaps the values of two keys ("mean: 100" and "staff: 10" become
 *     "mean: 10" and "staff: 100"), so a value meets a key it was never
 *     meant for;
 * and otherwise leaves the input to libFuzzer's own mutations. Linked into
 * every harness of the fuzzing build (not into the replay tests, which do
 * not mutate). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed);

/* Values at the edges of what a double, a count or YAML can say. */
static const char *const extremes[] = {
	"0", "-0", "1e-300", "-1e-300", "5e-324", "1e308", "-1e308",
	"1.7976931348623157e308", ".nan", ".NaN", ".inf", "-.inf",
	"9007199254740992", "9007199254740993", "4294967296", "-1",
	"1e20", "0.0001", "2147483648", "18446744073709551616",
};
#define N_EXTREMES (sizeof extremes / sizeof extremes[0])

/* A span of the text: [start, start + len). */
struct span {
	size_t start, len;
};

/* xorshift32: the mutator's only randomness, seeded by libFuzzer so a run
 * can be replayed. */
static uint32_t next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static int is_num_start(const uint8_t *d, size_t i, size_t size)
{
	int prev_word = i > 0 && (d[i - 1] == '_' || d[i - 1] == '.'
				  || (d[i - 1] >= 'a' && d[i - 1] <= 'z')
				  || (d[i - 1] >= 'A' && d[i - 1] <= 'Z')
				  || (d[i - 1] >= '0' && d[i - 1] <= '9'));

	if (prev_word || i >= size)
		return 0;
	if ((d[i] == '-' || d[i] == '+') && i + 1 < size)
		i++;
	return d[i] >= '0' && d[i] <= '9';
}

/* Length of the number starting at i: sign, digits, fraction, exponent. */
static size_t num_len(const uint8_t *d, size_t i, size_t size)
{
	size_t j = i;

	if (j < size && (d[j] == '-' || d[j] == '+'))
		j++;
	while (j < size && ((d[j] >= '0' && d[j] <= '9') || d[j] == '.'))
		j++;
	if (j < size && (d[j] == 'e' || d[j] == 'E')) {
		size_t k = j + 1;

		if (k < size && (d[k] == '-' || d[k] == '+'))
			k++;
		if (k < size && d[k] >= '0' && d[k] <= '9') {
			while (k < size && d[k] >= '0' && d[k] <= '9')
				k++;
			j = k;
		}
	}
	return j - i;
}

/* The pick-th number of the text (counting from 0, wrapping round); 0 when
 * the text has none. */
static int find_number(const uint8_t *d, size_t size, uint32_t pick,
		       struct span *out)
{
	size_t i, n = 0;

	for (i = 0; i < size; i++)
		if (is_num_start(d, i, size))
			n++;
	if (n == 0)
		return 0;
	pick %= (uint32_t)n;
	for (i = 0; i < size; i++) {
		if (is_num_start(d, i, size) && pick-- == 0) {
			out->start = i;
			out->len = num_len(d, i, size);
			return 1;
		}
	}
	return 0;
}

/* Replaces span s with text t (tlen bytes); returns the new size, or 0
 * when it would not fit in max_size. */
static size_t replace(uint8_t *d, size_t size, size_t max_size,
		      struct span s, const char *t, size_t tlen)
{
	size_t new_size = size - s.len + tlen;

	if (new_size > max_size)
		return 0;
	memmove(d + s.start + tlen, d + s.start + s.len,
		size - s.start - s.len);
	memcpy(d + s.start, t, tlen);
	return new_size;
}

static size_t put_extreme(uint8_t *d, size_t size, size_t max_size,
			  uint32_t *rs)
{
	struct span s;
	const char *t = extremes[next_rand(rs) % N_EXTREMES];

	if (!find_number(d, size, next_rand(rs), &s))
		return 0;
	return replace(d, size, max_size, s, t, strlen(t));
}

static int ends_value(uint8_t c)
{
	return c == '\n' || c == '\r' || c == ',' || c == '}' || c == ']'
		|| c == '#';
}

/* Whether a value follows a "key: " or "key=" at i; if so, its span, up
 * to the end of the line or flow item. A value that opens a flow
 * collection is not taken: its end is not found this way. */
static int value_at(const uint8_t *d, size_t size, size_t i, struct span *out)
{
	size_t j = i + 1, k;

	if (j >= size || !((d[i] == ':' && d[j] == ' ') || d[i] == '='))
		return 0;
	while (j < size && d[j] == ' ')
		j++;
	for (k = j; k < size && !ends_value(d[k]); k++)
		;
	if (k == j || d[j] == '{' || d[j] == '[')
		return 0;
	out->start = j;
	out->len = k - j;
	return 1;
}

/* The pick-th value of the text (wrapping round); 0 when it has none. */
static int find_value(const uint8_t *d, size_t size, uint32_t pick,
		      struct span *out)
{
	size_t i, n = 0;

	for (i = 0; i < size; i++)
		n += (size_t)value_at(d, size, i, out);
	if (n == 0)
		return 0;
	pick %= (uint32_t)n;
	for (i = 0; i < size; i++)
		if (value_at(d, size, i, out) && pick-- == 0)
			return 1;
	return 0;
}

/* Swaps the text of two values; the size does not change. Returns the
 * size, or 0 when the text has no two separate values. */
static size_t swap_values(uint8_t *d, size_t size, uint32_t *rs)
{
	struct span a, b, t;
	uint8_t *tmp;
	size_t mid;

	if (!find_value(d, size, next_rand(rs), &a)
	    || !find_value(d, size, next_rand(rs), &b) || a.start == b.start)
		return 0;
	if (a.start > b.start) {
		t = a;
		a = b;
		b = t;
	}
	if (a.start + a.len > b.start)
		return 0;   /* "k: x: y" gives nested values */
	mid = b.start - (a.start + a.len);
	tmp = malloc(b.start + b.len - a.start);
	if (!tmp)
		return 0;
	/* New order: b, the text between, a. */
	memcpy(tmp, d + b.start, b.len);
	memcpy(tmp + b.len, d + a.start + a.len, mid);
	memcpy(tmp + b.len + mid, d + a.start, a.len);
	memcpy(d + a.start, tmp, b.start + b.len - a.start);
	free(tmp);
	return size;
}

/* Half the time one of the edits above (falling back to libFuzzer's own
 * mutation when the text has nothing to edit), otherwise libFuzzer's. */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed)
{
	uint32_t rs = seed ? seed : 0x9e3779b9u;
	uint32_t r = next_rand(&rs) % 4;
	size_t n = 0;

	if (r == 0)
		n = put_extreme(data, size, max_size, &rs);
	else if (r == 1)
		n = swap_values(data, size, &rs);
	return n ? n : LLVMFuzzerMutate(data, size, max_size);
}
