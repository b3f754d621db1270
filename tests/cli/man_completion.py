"""The manual page and the bash completion.

callsim.1, written by the build from the help texts, has a section for
every command `callsim --help` lists and holds every option of every
command's usage, and groff reads it without a warning; the generator
gives a command added to the list (a stand-in program with one more
command) its section with no change. The completion, driven in bash as
bash drives it (COMP_WORDS, COMP_CWORD), completes commands, an option
of `run`, --format's values, and a --set key prefix, a new command too.
`meson install --destdir` puts both in place."""
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

from clitest import Ctx

OPTION = re.compile(r"--[a-z][a-z0-9-]*")


def commands(t):
    out, _ = t.expect_rc(["--help"], 0)
    block = out.split("commands:\n", 1)[1].split("\n\n", 1)[0]
    return [l.split()[0] for l in block.splitlines() if re.match(r"^  \S", l)]


def man_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def check_man(t, page, callsim):
    text = man_text(page).replace("\\-", "-")
    names = commands(t)
    t.check(len(names) >= 8, "commands: %s" % names)
    for cmd in names:
        t.check(".SS callsim %s\n" % cmd in text, "no section for " + cmd)
        usage, _ = t.expect_rc(["help", cmd], 0)
        for opt in sorted(set(OPTION.findall(usage))):
            t.check(opt in text, "the man page lacks %s of %s" % (opt, cmd))
    t.check("run.warmup_hours" in text and "lines.NAME.answer.goal" in text,
            "the man page lacks the scenario keys")
    # groff-base is in .ci/packages: without it this check would pass
    # unseen, so its absence fails the test.
    t.check(shutil.which("groff") is not None,
            "groff is not installed (Debian groff-base)")
    if shutil.which("groff"):
        p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page],
                           capture_output=True, text=True)
        t.check(p.returncode == 0 and p.stderr == "",
                "groff warns: %s" % p.stderr[:500])


def fake_callsim(t, d):
    """A stand-in program: callsim's answers, plus a command `xyzzy`."""
    path = os.path.join(d, "callsim")
    with open(path, "w", encoding="utf-8") as f:
        f.write("""#!/bin/sh
case "$1 $2" in
"--help "*) "%(real)s" --help | sed 's/^  help /  xyzzy    a command of tomorrow\\n  help /' ;;
"help xyzzy") printf 'usage: callsim xyzzy SCENARIO [--weeks W]\\n\\n  --weeks W   how many weeks\\n' ;;
*) exec "%(real)s" "$@" ;;
esac
""" % {"real": t.callsim})
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


def check_new_command(t, script):
    with tempfile.TemporaryDirectory() as d:
        fake = fake_callsim(t, d)
        page = os.path.join(d, "callsim.1")
        subprocess.run([sys.executable, script, fake, page], check=True)
        text = man_text(page).replace("\\-", "-")
        t.check(".SS callsim xyzzy\n" in text and "--weeks" in text,
                "a new command gets no section of the man page")
        got = complete(t, d, ["callsim", "xy"])
        t.check(got == ["xyzzy"], "a new command does not complete: %s" % got)


def complete(t, path_dir, words):
    """COMPREPLY of the completion for words (the last being completed),
    with path_dir first on PATH."""
    script = t.path("cli", "callsim.bash")
    line = ("source %s; COMP_WORDS=(%s); COMP_CWORD=%d; _callsim; "
            "printf '%%s\\n' \"${COMPREPLY[@]}\"" %
            (script, " ".join("'%s'" % w for w in words), len(words) - 1))
    env = dict(os.environ, PATH=path_dir + os.pathsep + os.environ["PATH"])
    p = subprocess.run(["bash", "-c", line], capture_output=True, text=True,
                       env=env)
    t.check(p.returncode == 0, "bash: %s" % p.stderr)
    return [w for w in p.stdout.splitlines() if w]


def check_completion(t):
    d = os.path.dirname(t.callsim)
    got = complete(t, d, ["callsim", ""])
    for cmd in commands(t):
        t.check(cmd in got, "%s is not completed: %s" % (cmd, got))
    t.check(complete(t, d, ["callsim", "ru"]) == ["run"], "ru")
    t.check(complete(t, d, ["callsim", "run", "--rep"])
            == ["--replications", "--replications-range", "--report"],
            "run --rep: %s"
            % complete(t, d, ["callsim", "run", "--rep"]))
    t.check(complete(t, d, ["callsim", "run", "--format", ""])
            == ["table", "csv", "json"], "--format")
    t.check(complete(t, d, ["callsim", "run", "--set", "run.wa"])
            == ["run.warmup_hours="], "--set run.wa")
    # A mapping may be set whole, or a key in it.
    t.check(complete(t, d, ["callsim", "run", "--set", "ru"])
            == ["run=", "run."],
            "--set ru: %s" % complete(t, d, ["callsim", "run", "--set", "ru"]))
    got = complete(t, d, ["callsim", "sweep", "x.yaml", "--vary",
                          "lines.999.answer.g"])
    t.check(got == ["lines.999.answer.goal="], "--vary a line's key: %s" % got)
    t.check(complete(t, d, ["callsim", "run", "--set", "lines."]) == [],
            "a list's item is left to the user")
    t.check("keys" in complete(t, d, ["callsim", "help", "k"]), "help keys")


def check_install(t):
    build = os.path.dirname(os.path.dirname(os.path.abspath(t.callsim)))
    meson = shutil.which("meson")
    if not t.check(meson is not None, "no meson on PATH"):
        return
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run([meson, "install", "-C", build, "--destdir", d,
                            "--no-rebuild", "--quiet"],
                           capture_output=True, text=True)
        t.check(p.returncode == 0, "meson install: %s" % p.stderr[-500:])
        found = {}
        for root, _, files in os.walk(d):
            for f in files:
                found.setdefault(f, []).append(os.path.join(root, f))
        man = [p for p in found.get("callsim.1", []) if "/man/man1/" in p]
        comp = [p for p in found.get("callsim", [])
                if "/bash-completion/completions/" in p]
        t.check(len(man) == 1, "callsim.1 not installed under man/man1: %s"
                % found.get("callsim.1"))
        t.check(len(comp) == 1, "no completion installed: %s"
                % found.get("callsim"))
        if man:
            t.check(man_text(man[0]) == man_text(os.path.join(
                os.path.dirname(t.callsim), "callsim.1")), "installed page differs")


def main():
    t = Ctx()
    check_man(t, os.path.join(os.path.dirname(t.callsim), "callsim.1"),
              t.callsim)
    check_new_command(t, t.path("cli", "callsim_man.py"))
    check_completion(t)
    check_install(t)
    t.finish()


main()
