# bash completion for callsim: commands, each command's options, the
# values of --format, and the scenario keys --set (and --set-a, --set-b,
# --vary) take. Everything is read from the program itself at completion
# time (`callsim --help`, `callsim help COMMAND`, `callsim help keys`), so
# a command, option or key added later completes with no change here.

# The commands: the first word of each line of the list in --help.
_callsim_commands()
{
	"$1" --help 2>/dev/null | awk '
		/^commands:/ { on = 1; next }
		on && /^$/ { exit }
		on && /^  [a-z]/ { print $1 }'
}

# The options of command $2: every --name its usage mentions.
_callsim_options()
{
	"$1" help "$2" 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}

# The values of option $3 of command $2, as its synopsis spells them:
# "--format table|csv|json".
_callsim_values()
{
	"$1" help "$2" 2>/dev/null |
		grep -oE -- "$3 [a-z]+(\|[a-z]+)+" | head -n 1 |
		cut -d' ' -f2 | tr '|' '\n'
}

# Key paths for a --set word $2 ("run.wa"): the next segment of every key
# of `callsim help keys` whose segments so far match what was typed (NAME
# and N stand for any item of a list), ending in "." when the key goes on
# and "=" when it is whole; a list's item is left for the user to type.
_callsim_keys()
{
	"$1" help keys 2>/dev/null | awk -v cur="$2" '
	{
		nk = split($1, k, ".")
		nt = split(cur, t, ".")
		if (nk < nt)
			next
		for (i = 1; i < nt; i++)
			if (k[i] != t[i] && k[i] != "NAME" && k[i] != "N")
				next
		if (k[nt] == "NAME" || k[nt] == "N")
			next
		if (index(k[nt], t[nt]) != 1)
			next
		p = ""
		for (i = 1; i < nt; i++)
			p = p t[i] "."
		out = p k[nt] (nk > nt ? "." : "=")
		if (!(out in seen)) {
			seen[out] = 1
			print out
		}
	}'
}

_callsim()
{
	local cur prev cmd prog i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	prog=${COMP_WORDS[0]}
	COMPREPLY=()
	if [[ $COMP_CWORD -eq 1 ]]; then
		COMPREPLY=($(compgen -W "$(_callsim_commands "$prog") --help --version" -- "$cur"))
		return 0
	fi
	cmd=${COMP_WORDS[1]}
	if [[ $cmd == help ]]; then
		COMPREPLY=($(compgen -W "$(_callsim_commands "$prog") keys" -- "$cur"))
		return 0
	fi
	case $prev in
	--set|--set-a|--set-b|--vary)
		COMPREPLY=($(_callsim_keys "$prog" "$cur"))
		compopt -o nospace 2>/dev/null
		return 0 ;;
	--format)
		COMPREPLY=($(compgen -W "$(_callsim_values "$prog" "$cmd" --format)" -- "$cur"))
		return 0 ;;
	--out|-o|--report)
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0 ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_callsim_options "$prog" "$cmd")" -- "$cur"))
		return 0
	fi
	# A scenario or a saved result.
	COMPREPLY=($(compgen -f -- "$cur"))
	return 0
}
complete -F _callsim callsim
