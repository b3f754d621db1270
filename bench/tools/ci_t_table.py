#!/usr/bin/env python3
"""Prints sim/ci_t_table.h: GSL's Student-t quantile t(df, 0.975), the
factor of every 95% interval a summary reports, for df = 1 .. 255, read from
libgsl itself (gsl_cdf_tdist_Pinv(0.975, df)) and printed with 17
significant digits, which a C compiler reads back to the same double.

gsl_cdf_tdist_Pinv costs about 9,000 instructions a call, and a summary
asks for it once or twice a figure (10,000 figures for the bundled
baseline), always with the same few df. tests/sim/test_ci.c checks every
entry against GSL bit for bit, so a GSL that computes it differently fails
the test instead of changing an interval.
"""
import ctypes
import ctypes.util

N = 255


def main():
    ctypes.CDLL(ctypes.util.find_library("gslcblas"), mode=ctypes.RTLD_GLOBAL)
    gsl = ctypes.CDLL(ctypes.util.find_library("gsl"))
    pinv = gsl.gsl_cdf_tdist_Pinv
    pinv.restype = ctypes.c_double
    pinv.argtypes = [ctypes.c_double, ctypes.c_double]
    p = (1.0 + 0.95) / 2.0
    print("/* ci_t_table.h: written by bench/tools/ci_t_table.py; do not edit.")
    print(" * gsl_cdf_tdist_Pinv((1.0 + 0.95) / 2.0, df) for df = 1 .. %d," % N)
    print(" * entry df - 1. Included by sim/ci.c only. */")
    print("#define CI_T_TABLE_N %d" % N)
    print("static const double ci_t_table_95[CI_T_TABLE_N] = {")
    for df in range(1, N + 1):
        print("\t%.17g," % pinv(p, float(df)))
    print("};")


if __name__ == "__main__":
    main()
