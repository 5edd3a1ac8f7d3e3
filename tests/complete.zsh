#!/bin/zsh -f
# complete.zsh FPATH_DIR: for each command line read from standard input,
# the words zsh's completion system offers at its end (TAB), one a line,
# then a line "--".  An interactive zsh in a pseudo-terminal (zsh/zpty)
# sources this file with --inner: compinit with FPATH_DIR first in fpath,
# and compadd wrapped to print what the completion functions add.  After
# the way of zsh-capture-completion.
if [[ $1 == --inner ]]; then
	PS1= PS2= RPS1= PROMPT_EOL_MARK=
	fpath=($2 $fpath)
	autoload -Uz compinit && compinit -u -D
	bindkey '^M' undefined
	bindkey '^J' undefined
	bindkey '^I' complete-word
	zstyle ':completion:*' list-grouped false
	zstyle ':completion:*' insert-tab false
	# a NUL line before the words and after them: TAB's output lies between
	# (the completion system empties both arrays each time it uses them)
	nul-before() { echo -E - $'\0' }
	nul-after() {
		echo -E - $'\0'
		compprefuncs=(nul-before)
		comppostfuncs=(nul-after)
	}
	compprefuncs=(nul-before)
	comppostfuncs=(nul-after)
	compadd() {
		# asked only to fill an array, not to add: nothing to print
		if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
			builtin compadd "$@"
			return
		fi
		local -a hits apre hpre hsuf asuf
		builtin compadd -A hits "$@"
		zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
		local h
		for h in $hits; do
			[[ -z $hsuf$asuf && -d $h && ${@[(I)-f]} -gt 0 ]] && h+=/
			echo -E - "W:$IPREFIX$apre[2]$hpre[2]$h$hsuf[2]$asuf[2]"
		done
		builtin compadd "$@"
	}
	echo ready
	return
fi

zmodload zsh/zpty || exit 2
zpty z zsh -f -i || exit 2
zpty -w z "source ${(q)0} --inner ${(q)1}"
zpty -r z line '*ready*' || exit 2

while IFS= read -r cmdline; do
	zpty -w -n z "$cmdline"$'\t'
	nuls=0
	while ((nuls < 2)); do
		zpty -r z line || exit 2
		line=${line//$'\r'/}
		if [[ $line == *$'\0'* ]]; then
			((nuls++))
		elif [[ $line == W:* ]]; then
			print -r -- ${${line#W:}%$'\n'}
		fi
	done
	print -- --
	zpty -w -n z $'\C-u' # a new line for the next one
done
zpty -d z
