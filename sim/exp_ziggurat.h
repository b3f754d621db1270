/* exp_ziggurat.h: exact unit-exponential draws without a logarithm per
 * draw, on any GSL generator.
 *
 * Marsaglia and Tsang's (2000) ziggurat of 256 layers: one 64-bit output
 * gives the layer (low 8 bits) and a 53-bit uniform (top 53 bits); 98.9% of
 * draws are accepted at once with one multiplication, the rest go through
 * the exact wedge or tail test. GSL has a ziggurat for the normal, none for
 * the exponential. Generators with fewer than 64 bits an output (MT19937)
 * get the exact inversion -ln(1 - U) instead: the same distribution,
 * other numbers. */
#ifndef SIM_EXP_ZIGGURAT_H
#define SIM_EXP_ZIGGURAT_H

#include <gsl/gsl_rng.h>

/* 1 when r's outputs are 64 uniform bits, so the ziggurat is used. */
int exp_ziggurat_applies(const gsl_rng *r);
/* An exponential draw of mean 1. */
double exp_ziggurat_draw(gsl_rng *r);

#endif
