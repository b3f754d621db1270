/* test_currency.c: money written for people (models/currency.c) and the
 * scenario's `currency` key (models/scenario_currency.c). */
#include "tests/models/scenario_cases.h"

#include "models/currency.h"

static void expect_money(enum currency_code c, double x, int sign,
			 const char *want)
{
	char buf[CURRENCY_TEXT_MAX];

	currency_format(buf, c, x, sign);
	assert_string_equal(buf, want);
}

/* Thousands grouped from the right, rounded to whole units, the sign
 * before the symbol. */
static void test_currency_format(void **state)
{
	(void)state;
	expect_money(CURRENCY_GBP, 4576000, 0, "\xc2\xa3" "4,576,000");
	expect_money(CURRENCY_GBP, 0, 0, "\xc2\xa3" "0");
	expect_money(CURRENCY_GBP, 999.4, 0, "\xc2\xa3" "999");
	expect_money(CURRENCY_GBP, 999.5, 0, "\xc2\xa3" "1,000");
	expect_money(CURRENCY_EUR, 12345678.9, 0, "\xe2\x82\xac" "12,345,679");
	expect_money(CURRENCY_USD, -1200, 0, "-$1,200");
	expect_money(CURRENCY_USD, 1200, 1, "+$1,200");
	expect_money(CURRENCY_USD, 0, 1, "$0");
	expect_money(CURRENCY_USD, 100000, 0, "$100,000");
	expect_money(CURRENCY_USD, NAN, 0, "-");
	expect_money(CURRENCY_USD, 1e18, 0, "-");
	expect_money(CURRENCY_USD, 999999999999999872.0 / 10, 0,
		     "$99,999,999,999,999,984");
}

/* A column of money lines up on a terminal though the pound sign is two
 * bytes and the euro sign three. */
static void test_currency_field(void **state)
{
	char buf[CURRENCY_TEXT_MAX], line[64];

	(void)state;
	currency_format(buf, CURRENCY_EUR, 1000, 0);
	assert_int_equal(currency_width(buf), 6);
	snprintf(line, sizeof line, "%*s|", currency_field(buf, 10), buf);
	assert_int_equal(currency_width(line), 11);
	assert_int_equal(currency_find("EUR"), CURRENCY_EUR);
	assert_int_equal(currency_find("eur"), CURRENCIES);
	assert_string_equal(currency_name(CURRENCY_GBP), "GBP");
}

/* GBP when absent; the others by name, in the file or by --set. */
static void test_currency_key(void **state)
{
	const char *eur[] = {"currency=EUR"};
	struct scenario *sc;

	(void)state;
	sc = expect_good("t.yaml", GOOD, NULL, 0);
	assert_int_equal(sc->currency, CURRENCY_GBP);
	scenario_free(sc);
	sc = expect_good("t.yaml", "currency: USD\n" GOOD, NULL, 0);
	assert_int_equal(sc->currency, CURRENCY_USD);
	scenario_free(sc);
	sc = expect_good("t.yaml", GOOD, eur, 1);
	assert_int_equal(sc->currency, CURRENCY_EUR);
	scenario_free(sc);
}

/* Anything else is refused with the list allowed. */
static void test_currency_bad(void **state)
{
	(void)state;
	expect_bad("currency: gbp\n" GOOD, "t.yaml:1:11: currency",
		   "unknown currency 'gbp'; allowed: GBP, EUR, USD");
	expect_bad("currency: [GBP]\n" GOOD, "t.yaml:1:11: currency",
		   "must be GBP, EUR or USD");
	expect_bad_set(GOOD, "currency=YEN", "--set currency=YEN: currency",
		       "allowed: GBP, EUR, USD");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_currency_format),
		cmocka_unit_test(test_currency_field),
		cmocka_unit_test(test_currency_key),
		cmocka_unit_test(test_currency_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
