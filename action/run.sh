#!/usr/bin/env bash
# The step of the GitHub Action (action.yml at the repository's root): turns the action's inputs,
# passed as INPUT_* environment variables (a composite action gets none of them by itself, and
# ${{ inputs.* }} pasted into a script would let an input's text run as shell), into one restage
# command line, and sets the outputs `changed` and `sarif-file`.
#
# Every mode runs restage with --check so that the exit status says whether a Dockerfile would
# change; fail-on-change then decides whether that fails the step. Exit status: 0, 1 (a change and
# fail-on-change), 2 (an error, restage's own or a bad input).
set -uo pipefail

mode=${INPUT_MODE:-review}
fail=${INPUT_FAIL_ON_CHANGE:-}
case $mode in
review | sarif) fail=${fail:-false} ;;
check) fail=${fail:-true} ;;
*)
	echo "::error title=restage::unknown mode '$mode': review, check or sarif"
	exit 2
	;;
esac
case $fail in
true | false) ;;
*)
	echo "::error title=restage::fail-on-change is '$fail': true or false"
	exit 2
	;;
esac

# Paths are separated by spaces or newlines; no globbing, so a '*' reaches restage as written.
set -f
read -r -d '' -a paths <<<"${INPUT_PATHS:-}"
set +f
set -f
read -r -d '' -a flags <<<"${INPUT_FLAGS:-}"
set +f
if [ -n "${INPUT_RUNTIME:-}" ]; then flags+=(--runtime "$INPUT_RUNTIME"); fi

out=${RUNNER_TEMP:-/tmp}/restage-output.txt
case $mode in
review)
	# restage review reads the pull request from GITHUB_EVENT_PATH; a workflow_run job
	# names a pull_request event it saved instead (see the README's fork-safe example).
	if [ -n "${INPUT_EVENT_PATH:-}" ]; then export GITHUB_EVENT_PATH=$INPUT_EVENT_PATH; fi
	# No paths: the Dockerfiles among the pull request's changed files.
	restage review --check --token-env INPUT_TOKEN "${flags[@]}" "${paths[@]}"
	rc=$?
	;;
check)
	if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi
	restage --check -d "${flags[@]}" "${paths[@]}" | tee "$out"
	rc=${PIPESTATUS[0]}
	if [ "$rc" = 1 ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		{
			echo '### restage: these Dockerfiles would change'
			echo
			echo '````diff'
			grep -v '^[^-+@ ]' "$out"
			echo '````'
			echo
			echo "Apply locally: \`restage -w ${paths[*]}\`"
		} >>"$GITHUB_STEP_SUMMARY"
	fi
	;;
sarif)
	if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi
	sarif=${INPUT_SARIF_FILE:-restage.sarif}
	restage --format sarif --check "${flags[@]}" "${paths[@]}" >"$sarif"
	rc=$?
	if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"; fi
	;;
esac

case $rc in
0 | 1)
	changed=false
	if [ "$rc" = 1 ]; then changed=true; fi
	if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "changed=$changed" >>"$GITHUB_OUTPUT"; fi
	if [ "$changed" = true ] && [ "$fail" = true ]; then
		echo "::error title=restage::a Dockerfile would change (fail-on-change is true)"
		exit 1
	fi
	exit 0
	;;
*) exit "$rc" ;;
esac
