#!/usr/bin/env python3
"""Prints models/dist_gauss_table.h: the part of GSL's normal ziggurat
(gsl_ran_gaussian_ziggurat) that accepts a draw at once, read from libgsl
itself.

GSL takes one output of a generator with 32 or more bits, k; the layer is
i = k & 0x7f, the sign bit k & 0x80 and the uniform j = (k >> 8) & 0xffffff.
When j < ktab[i] it returns sign * sigma * (j * wtab[i]) with no further
draw; otherwise it draws again (the wedge, the tail, or a new layer). The
tables are static inside libgsl, so they are found by driving GSL with a
scripted generator and watching what it returns and how many numbers it
asks for:

  ktab[i]  the least j for which GSL asks for a second number (2^24 when
           none does), by bisection;
  wtab[i]  the draw returned for j = the largest power of 2 below ktab[i],
           divided by that j (exact: a power of 2).

models/dist.c repeats the accepted-at-once step inline and leaves the rest
to GSL; tests/models/test_dist.c holds it to GSL draw for draw and checks
every entry against libgsl, so a GSL that changes its tables fails the test
instead of changing a figure.
"""
import ctypes
import ctypes.util

LAYERS = 128
J_END = 1 << 24
GET = ctypes.CFUNCTYPE(ctypes.c_ulong, ctypes.c_void_p)
GET_DOUBLE = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p)
SET = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_ulong)


class RngType(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("max", ctypes.c_ulong),
                ("min", ctypes.c_ulong), ("size", ctypes.c_size_t),
                ("set", SET), ("get", GET), ("get_double", GET_DOUBLE)]


class Rng(ctypes.Structure):
    _fields_ = [("type", ctypes.POINTER(RngType)), ("state", ctypes.c_void_p)]


class Script:
    """A generator that returns k first, then outputs that end GSL's loop
    (layer 0, j = 0, which every ziggurat accepts), and counts the numbers
    asked for."""

    def __init__(self, gsl):
        self.k, self.calls = 0, 0
        self.gsl = gsl
        self.type = RngType(b"script", 0xFFFFFFFFFFFFFFFF, 0, 0,
                            SET(lambda s, seed: None), GET(self.get),
                            GET_DOUBLE(self.get_double))
        self.rng = Rng(ctypes.pointer(self.type), None)

    def get(self, _state):
        self.calls += 1
        return self.k if self.calls == 1 else 0

    def get_double(self, _state):
        self.calls += 1
        return 0.5

    def draw(self, i, j):
        """GSL's normal draw (sigma 1) when the first output has layer i,
        positive sign and uniform j; and the numbers it asked for."""
        self.k, self.calls = (j << 8) | 0x80 | i, 0
        x = self.gsl.gsl_ran_gaussian_ziggurat(ctypes.byref(self.rng), 1.0)
        return x, self.calls


def ktab(script, i):
    lo, hi = 0, J_END   # j < lo is accepted at once; j >= hi is not
    if script.draw(i, J_END - 1)[1] == 1:
        return J_END
    hi = J_END - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if script.draw(i, mid)[1] == 1:
            lo = mid + 1
        else:
            hi = mid
    return lo


def wtab(script, i, k):
    if k == 0:
        return 0.0   # never accepted at once: not read
    j = 1 << (k - 1).bit_length() - 1
    x, calls = script.draw(i, j)
    assert calls == 1
    return x / j


def main():
    ctypes.CDLL(ctypes.util.find_library("gslcblas"), mode=ctypes.RTLD_GLOBAL)
    gsl = ctypes.CDLL(ctypes.util.find_library("gsl"))
    gsl.gsl_ran_gaussian_ziggurat.restype = ctypes.c_double
    gsl.gsl_ran_gaussian_ziggurat.argtypes = [ctypes.c_void_p, ctypes.c_double]
    script = Script(gsl)
    k = [ktab(script, i) for i in range(LAYERS)]
    w = [wtab(script, i, k[i]) for i in range(LAYERS)]
    print("/* dist_gauss_table.h: written by bench/tools/gauss_ziggurat_table.py;")
    print(" * do not edit. GSL's normal ziggurat, the draws it accepts at once:")
    print(" * layer i returns j * dist_gauss_w[i] when j < dist_gauss_k[i].")
    print(" * Included by models/dist.c and its test only. */")
    print("static const uint32_t dist_gauss_k[%d] = {" % LAYERS)
    for i in range(0, LAYERS, 6):
        print("\t" + " ".join("0x%06x," % v for v in k[i:i + 6]))
    print("};\n")
    print("static const double dist_gauss_w[%d] = {" % LAYERS)
    for i in range(0, LAYERS, 3):
        print("\t" + " ".join(float.hex(v) + "," for v in w[i:i + 3]))
    print("};")


if __name__ == "__main__":
    main()
