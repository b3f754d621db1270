#!/usr/bin/env python3
"""Prints the tables of sim/exp_ziggurat_tables.h: Marsaglia and Tsang's
(2000) 256-layer ziggurat for the unit exponential, with the layer's
uniform integer taken as 53 bits instead of 32.

  layer 0     the base strip and the tail beyond R = 7.697117470131487
  layers 1-255 the rectangles, 1 at the top (x_1 near 0), 255 above the base
  k[i]        accept x = j w[i] at once when the 53-bit j < k[i]
  w[i]        x_i / 2^53 (for the base, v / f(R) / 2^53)
  f[i]        exp(-x_i)

The recurrence is the paper's zigset(); tests/sim/test_exp_ziggurat.c
recomputes it and checks the printed tables against it.
"""
import math

M = 2.0 ** 53
R = 7.697117470131487
V = 3.949659822581572e-3  # area of each layer


def tables():
    k, w, f = [0] * 256, [0.0] * 256, [0.0] * 256
    de, te = R, R
    q = V / math.exp(-R)
    k[0], k[1] = int(R / q * M), 0
    w[0], w[255] = q / M, R / M
    f[0], f[255] = 1.0, math.exp(-R)
    for i in range(254, 0, -1):
        de = -math.log(V / de + math.exp(-de))
        k[i + 1] = int(de / te * M)
        te = de
        f[i] = math.exp(-de)
        w[i] = de / M
    return k, w, f


def rows(values, fmt, per_line):
    out = []
    for i in range(0, len(values), per_line):
        out.append("\t" + " ".join(fmt(v) + "," for v in values[i:i + per_line]))
    return "\n".join(out)


def main():
    k, w, f = tables()
    print("/* exp_ziggurat_tables.h: written by bench/tools/exp_ziggurat_tables.py;")
    print(" * do not edit. Included by sim/exp_ziggurat.c only. */")
    print("static const uint64_t exp_ziggurat_k[256] = {")
    print(rows(k, lambda v: "0x%014xULL" % v, 3))
    print("};\n")
    print("static const double exp_ziggurat_w[256] = {")
    print(rows(w, float.hex, 3))
    print("};\n")
    print("static const double exp_ziggurat_f[256] = {")
    print(rows(f, float.hex, 3))
    print("};")


if __name__ == "__main__":
    main()
