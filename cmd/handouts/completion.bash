# Bash completion for handouts. Load it in the current shell with
#   source <(handouts completion bash)
# or install it for every shell:
#   handouts completion bash > ~/.local/share/bash-completion/completions/handouts
# Command names and flags come from handouts itself, so the completion
# follows the binary; the values of --kind, --format and --paper and the
# arguments of template and completion come from the lists below, and
# other arguments complete as file names.

_handouts() {
	local cur prev words
	cur="${COMP_WORDS[COMP_CWORD]}"
	prev="${COMP_WORDS[COMP_CWORD-1]}"
	COMPREPLY=()

	# The command is the first word after the program that is not a
	# global flag (or the value of --config).
	local i cmd=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case "${COMP_WORDS[i]}" in
		--config) ((i++)) ;;
		-*) ;;
		*) cmd="${COMP_WORDS[i]}"; break ;;
		esac
	done

	case "$prev" in
	--kind)
		COMPREPLY=($(compgen -W "policy-briefing hot-topic" -- "$cur"))
		return 0
		;;
	--format)
		if [[ "$cmd" == status ]]; then
			COMPREPLY=($(compgen -W "table csv json" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "docx pdf html docx,pdf docx,pdf,html" -- "$cur"))
		fi
		return 0
		;;
	--paper)
		COMPREPLY=($(compgen -W "a4 letter" -- "$cur"))
		return 0
		;;
	--config|--dir|--out)
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0
		;;
	esac

	if [[ -z "$cmd" || "$cur" == -* ]]; then
		local -a ask=("${COMP_WORDS[0]}")
		[[ -n "$cmd" ]] && ask+=("$cmd")
		[[ "$cur" == -* ]] && ask+=("$cur")
		words=$("${ask[@]}" --generate-bash-completion 2>/dev/null)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return 0
	fi
	# Commands whose argument is one word from a fixed list.
	case "$cmd" in
	template)
		COMPREPLY=($(compgen -W "docx" -- "$cur"))
		return 0
		;;
	completion)
		COMPREPLY=($(compgen -W "bash" -- "$cur"))
		return 0
		;;
	help|h)
		words=$("${COMP_WORDS[0]}" --generate-bash-completion 2>/dev/null)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return 0
		;;
	esac
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -o bashdefault -F _handouts handouts
