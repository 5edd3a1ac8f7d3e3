#!/bin/bash
# complete.bash FILE...: for each command line read from standard input, the
# words bash-completion offers at its end (TAB), one a line, then a line "--".
# FILEs are the completion files to load after bash-completion itself.  The
# line is cut into COMP_WORDS as readline cuts it: at blanks, and around each
# run of the characters of COMP_WORDBREAKS (so --key=t is --key, =, t), and
# the function `complete -p` names for the command is called as bash calls it.
. /usr/share/bash-completion/bash_completion || exit 2
for file; do
	. "$file" || exit 2
done

# outside a completion that bash started, compopt has nothing to set
compopt() { builtin compopt "$@" 2>/dev/null || true; }

# words LINE: set COMP_WORDS and COMP_CWORD for the cursor at the end of LINE
words() {
	local line=$1 word= c i breaks=$COMP_WORDBREAKS
	COMP_WORDS=()
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if [[ $c == [[:blank:]] ]]; then
			[ -z "$word" ] || COMP_WORDS+=("$word")
			word=
		elif [[ $breaks == *"$c"* ]]; then
			if [ -n "$word" ] && [[ $breaks != *"${word: -1}"* ]]; then
				COMP_WORDS+=("$word")
				word=
			fi
			word+=$c
		else
			if [ -n "$word" ] && [[ $breaks == *"${word: -1}"* ]]; then
				COMP_WORDS+=("$word")
				word=
			fi
			word+=$c
		fi
	done
	COMP_WORDS+=("$word") # empty when the line ends in a blank
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
}

while IFS= read -r COMP_LINE; do
	COMP_POINT=${#COMP_LINE}
	words "$COMP_LINE"
	cmd=${COMP_WORDS[0]}
	spec=$(complete -p "$cmd" 2>/dev/null) || { echo "no completion for $cmd" >&2; exit 2; }
	[[ $spec =~ -F\ ([^ ]+) ]] || { echo "$cmd: $spec: no function" >&2; exit 2; }
	COMPREPLY=()
	"${BASH_REMATCH[1]}" "$cmd" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	[ "${#COMPREPLY[@]}" = 0 ] || printf '%s\n' "${COMPREPLY[@]}"
	echo --
done
