"""Golden outputs: runs every command of manifest.txt and compares its stdout
and exit status, byte for byte, with reference/NAME.

    python3 golden.py CALLSIM SOURCE_ROOT [--fast] [--update]

--fast skips the entries marked slow (the sanitizer build uses it);
--update rewrites the reference files from what the binary prints now, for
a change of output that was meant and reviewed.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def entries(fast):
    """Yields (name, args) for each manifest line."""
    with open(os.path.join(HERE, "manifest.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            head, args = line.split("|", 1)
            words = head.split()
            if fast and "slow" in words[1:]:
                continue
            yield words[0], args.split()


def render(callsim, root, args):
    """Runs callsim from the source root; returns stdout plus the exit line."""
    p = subprocess.run([callsim] + args, cwd=root, capture_output=True,
                       timeout=300)
    return p.stdout + b"exit %d\n" % p.returncode


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--help" in sys.argv or len(args) != 2:
        print(__doc__.strip())
        sys.exit(0 if "--help" in sys.argv else 2)
    callsim, root = os.path.abspath(args[0]), args[1]
    fast, update = "--fast" in sys.argv, "--update" in sys.argv
    failed = 0
    for name, args in entries(fast):
        got = render(callsim, root, args)
        ref = os.path.join(HERE, "reference", name)
        if update:
            with open(ref, "wb") as f:
                f.write(got)
            continue
        try:
            with open(ref, "rb") as f:
                want = f.read()
        except FileNotFoundError:
            want = None
        if got != want:
            failed += 1
            print("FAIL: %s (callsim %s) differs from %s"
                  % (name, " ".join(args), ref))
            with open(ref + ".got", "wb") as f:
                f.write(got)
        else:
            print("ok: " + name)
    if failed:
        print("%d golden output(s) differ; diff reference/NAME NAME.got" % failed)
        sys.exit(1)
    print("all golden outputs match")


main()
