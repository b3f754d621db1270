/* currency.h: the currencies a scenario's costs may be given in (its
 * top-level `currency` key, GBP by default), and money written for people:
 * "£4,576,000". Costs are whole currency units a year everywhere inside;
 * the currency changes only how the table writers show them, never a
 * number in CSV or JSON.
 *
 * The list is bounded and fixed: a code (ISO 4217) and the symbol that
 * goes before the amount. The symbols are UTF-8; currency_width counts
 * what a terminal shows, so columns line up. */
#ifndef MODELS_CURRENCY_H
#define MODELS_CURRENCY_H

#include <stddef.h>

/* The first is the default, so a zeroed scenario has it. */
enum currency_code { CURRENCY_GBP, CURRENCY_EUR, CURRENCY_USD, CURRENCIES };

/* "GBP", "EUR", "USD". */
const char *currency_name(enum currency_code c);
/* "£", "€", "$". */
const char *currency_symbol(enum currency_code c);
/* The currency named code (case as listed); CURRENCIES when none is. */
enum currency_code currency_find(const char *code);
/* "GBP, EUR or USD", for messages and docs. */
#define CURRENCY_ALLOWED "GBP, EUR or USD"

/* The longest amount currency_format writes, with its NUL. */
#define CURRENCY_TEXT_MAX 48
/* Writes x rounded to a whole unit, with its symbol and a comma every
 * three digits, into buf: "£4,576,000", "-£1,200", or "-" when x is not
 * finite or too large to show whole (|x| >= 1e18). With sign true a
 * positive amount gets a "+" ("+£1,200"), for a change. */
void currency_format(char buf[CURRENCY_TEXT_MAX], enum currency_code c,
		     double x, int sign);
/* The characters a terminal shows for UTF-8 text s (bytes that continue
 * a character do not count), for padding columns. */
size_t currency_width(const char *s);
/* The printf field width that shows s in `width` terminal columns: width
 * plus the bytes of s that the terminal does not count. */
int currency_field(const char *s, int width);

#endif
