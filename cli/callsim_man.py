"""Writes the manual page callsim.1 from the program's own help, so the
page cannot drift from it: the commands from `callsim --help` (a command
added to its list gets a section with no change here), each command's
usage from `callsim help COMMAND`, the scenario keys from `callsim help
keys`. Run by the build (cli/meson.build):

    python3 callsim_man.py CALLSIM OUTPUT

Each usage becomes a section: its synopsis, its paragraphs, and a tagged
paragraph an option ("  --name VALUE   what it does", continued on lines
indented further). Nothing depends on the date or the machine, so the
page is the same bytes for the same program."""
import re
import subprocess
import sys


def run(callsim, *args):
    return subprocess.run([callsim] + list(args), check=True,
                          capture_output=True, text=True).stdout


def esc(text):
    """Text for roff: backslashes and hyphens escaped, a leading dot or
    quote made harmless."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def commands(main_help):
    """(name, summary) of each command in the list of `callsim --help`,
    a summary's continuation lines joined."""
    out, on = [], False
    for line in main_help.splitlines():
        if line.strip() == "commands:":
            on = True
        elif on and not line.strip():
            break
        elif on and re.match(r"^  \S", line):
            name, _, what = line.strip().partition(" ")
            out.append([name, what.strip()])
        elif on and out:
            out[-1][1] += " " + line.strip()
    return out


def blocks(text):
    """The paragraphs of a usage text (split at blank lines)."""
    return [b for b in re.split(r"\n\s*\n", text.strip("\n")) if b.strip()]


def options(block):
    """[(option, description)] of a block of option lines."""
    out = []
    for line in block.splitlines():
        m = re.match(r"^  (-\S.*?)(?:\s{2,}(.*))?$", line)
        if m and not line.startswith("   "):
            out.append([m.group(1), m.group(2) or ""])
        elif out:
            out[-1][1] = (out[-1][1] + " " + line.strip()).strip()
        else:
            out.append(["", line.strip()])
    return out


def section(name, usage):
    """The roff of one command's section."""
    parts = blocks(usage)
    # "usage: " goes, and the continuation lines move left as far.
    synopsis = re.sub(r"^usage: ", "", parts[0]).replace("\n       ", "\n")
    roff = [".SS %s" % esc("callsim " + name), ".nf", esc(synopsis), ".fi"]
    for b in parts[1:]:
        if re.match(r"^  -", b):
            for opt, what in options(b):
                roff += [".TP", "\\fB%s\\fR" % esc(opt), esc(what)]
        else:
            roff += [".PP", esc(" ".join(l.strip() for l in b.splitlines()))]
    return roff


def page(callsim):
    main_help = run(callsim, "--help")
    version = run(callsim, "--version").split()[-1]
    cmds = commands(main_help)
    roff = [
        '.TH CALLSIM 1 "" "callsim %s" "User Commands"' % esc(version),
        ".SH NAME",
        "callsim \\- simulate a police contact centre and the incident "
        "response behind it",
        ".SH SYNOPSIS", ".nf",
        esc(re.sub(r"^usage: ", "", blocks(main_help)[0]).replace(
            "\n       ", "\n")), ".fi",
        ".SH DESCRIPTION",
        ".B callsim",
        "simulates the calls a police force's contact centre answers and "
        "the incidents its response units attend, with confidence "
        "intervals, and reports whether each agreement is met. It has one "
        "command a job, as git does:",
    ]
    for name, what in cmds:
        roff += [".TP", "\\fB%s\\fR" % esc(name), esc(what)]
    roff += [".SH COMMANDS"]
    for name, _ in cmds:
        roff += section(name, run(callsim, "help", name))
    roff += [".SH SCENARIO KEYS",
             "Every key path \\fB\\-\\-set\\fR (and \\fBsweep\\fR's "
             "\\fB\\-\\-vary\\fR) takes, as \\fBcallsim help keys\\fR lists "
             "them: NAME is an item of a list by its name or index, N by "
             "its index.", ".PP", ".nf"]
    roff += [esc(l.rstrip()) for l in run(callsim, "help", "keys").splitlines()]
    roff += [".fi"]
    exit_block = [b for b in blocks(main_help) if b.startswith("exit status")]
    if exit_block:
        roff += [".SH EXIT STATUS",
                 esc(" ".join(l.strip() for l in exit_block[0].splitlines()))]
    roff += [".SH FILES",
             ".TP", "\\fIPREFIX/share/callsim/scenarios/west\\-midlands\\-2024.yaml\\fR",
             "the bundled scenario \\fBcallsim run\\fR uses when none is named",
             ".SH SEE ALSO",
             "The documentation of the source tree: README.md, docs/cli.md, "
             "docs/scenario.md, docs/output.md, docs/experiments.md, "
             "docs/report.md."]
    return "\n".join(roff) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: callsim_man.py CALLSIM OUTPUT")
    text = page(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(text)


main()
