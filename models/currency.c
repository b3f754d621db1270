/* currency.c: the currencies of costs and money written for people (see
 * currency.h). Digits are grouped by hand rather than through the
 * locale's "'" flag of printf: the output must not depend on the locale
 * of the machine it runs on. */
#include "models/currency.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct {
	const char *name, *symbol;
} currency_table[CURRENCIES] = {
	[CURRENCY_GBP] = { "GBP", "\xc2\xa3" },
	[CURRENCY_EUR] = { "EUR", "\xe2\x82\xac" },
	[CURRENCY_USD] = { "USD", "$" },
};

const char *currency_name(enum currency_code c)
{
	assert((size_t)c < CURRENCIES);
	return currency_table[c].name;
}

const char *currency_symbol(enum currency_code c)
{
	assert((size_t)c < CURRENCIES);
	return currency_table[c].symbol;
}

enum currency_code currency_find(const char *code)
{
	for (size_t c = 0; c < CURRENCIES; c++)
		if (strcmp(currency_table[c].name, code) == 0)
			return (enum currency_code)c;
	return CURRENCIES;
}

/* The digits of whole number v >= 0 with a comma every three. */
static void currency_group(char *out, size_t size, unsigned long long v)
{
	char digits[24];
	size_t n = (size_t)snprintf(digits, sizeof digits, "%llu", v), o = 0;

	for (size_t i = 0; i < n && o + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void currency_format(char buf[CURRENCY_TEXT_MAX], enum currency_code c,
		     double x, int sign)
{
	char grouped[32];
	double r = round(x);

	if (!isfinite(r) || fabs(r) >= 1e18) {
		snprintf(buf, CURRENCY_TEXT_MAX, "-");
		return;
	}
	currency_group(grouped, sizeof grouped, (unsigned long long)fabs(r));
	snprintf(buf, CURRENCY_TEXT_MAX, "%s%s%s",
		 r < 0 ? "-" : sign && r > 0 ? "+" : "",
		 currency_symbol(c), grouped);
}

size_t currency_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

int currency_field(const char *s, int width)
{
	return width + (int)(strlen(s) - currency_width(s));
}
