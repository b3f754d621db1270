"""What the rota tests of pools (rota.py) and of units (unit_rota.py)
share: the 6-on-4-off on-duty tables worked out by hand, and their runs'
JSON with the lines that name the input left out."""


# 6on4off: E 07-17, L 14-24, N 22-08 (next morning). Teams on duty by hour
# of the day when one team works each shift every day:
FIVE = [1] * 7 + [2] + [1] * 6 + [2] * 3 + [1] * 5 + [2] * 2
# Four teams at offsets 0, 2, 5, 7: on cycle day c they stand at c, c+2,
# c+5, c+7 of E,E,L,L,N,N,R,R,R,R. Listed by hand, the cycle days with a
# team on each shift:
E = [1, 1, 0, 1, 1, 1, 1, 0, 1, 1]
L = [1, 1, 1, 1, 0, 1, 1, 1, 1, 0]
N = [1, 0, 1, 1, 1, 1, 0, 1, 1, 1]


def four_teams(h):
    """Mean teams on duty in hour h of the day over the ten cycle days
    (each weekday meets every cycle day once in ten weeks)."""
    total = 0
    for c in range(10):
        total += (E[c] if 7 <= h < 17 else 0) + (L[c] if h >= 14 else 0) \
            + (N[c] if h >= 22 else 0) + (N[c - 1] if h < 8 else 0)
    return total / 10


def without_input(text):
    """The JSON run without the lines that name the input file."""
    return "\n".join(l for l in text.split("\n")
                     if '"content_fnv1a"' not in l and '"command"' not in l)
