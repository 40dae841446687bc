#!/usr/bin/env bash
# Prove, without restage, that each app under e2e/apps works single-stage and that its
# hand-written multi-stage version (apps/<app>/handwritten-multistage) behaves the same on the
# distroless replicas, runs as 65532, has no /bin/sh and is at most 10% of the original's size.
#
#   e2e/handwritten.sh [app...]        (default: every folder under e2e/apps)
#
# Needs the engine (docker-up.sh) and the replicas (images/build.sh). Images are tagged
# restage.local/e2e/<app>:single and :handwritten; containers are removed on exit.
#
# Build times are cold builds: --no-cache, and each build gets its own copy of the context with
# a .build-nonce file, because --no-cache alone still lets BuildKit reuse the steps that follow
# a step whose result is identical by content (an apt-get that changed nothing). The engine's
# build cache, which others may be using, is left alone. CACHE=1 allows the cache.
# The table is printed and written to e2e/.cache/handwritten.md. Exit 1 if any check failed.
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1
e2e=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=$e2e/.cache
mkdir -p "$cache"

apps=("$@")
if [ ${#apps[@]} = 0 ]; then
	for d in "$e2e"/apps/*/; do apps+=("$(basename "$d")"); done
fi

containers=()
cleanup() { for c in "${containers[@]}"; do "$DOCKER" rm -f "$c" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT

failures=0
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "  ok: $*" >&2; }

# build APP VARIANT DOCKERFILE -> prints seconds
build() {
	local app=$1 variant=$2 file=$3 t0 t1 ctx nocache=--no-cache rc=0
	[ -z "${CACHE:-}" ] || nocache=
	ctx=$(mktemp -d)
	cp -a "$e2e/apps/$app/." "$ctx/"
	[ -n "${CACHE:-}" ] || date +%s%N >"$ctx/.build-nonce"
	t0=$(date +%s.%N)
	"$DOCKER" build --progress=plain $nocache -f "$ctx/$(basename "$file")" -t "restage.local/e2e/$app:$variant" \
		"$ctx" >"$cache/build-$app-$variant.log" 2>&1 || rc=$?
	t1=$(date +%s.%N)
	rm -rf "$ctx"
	if [ $rc != 0 ]; then
		tail -n 20 "$cache/build-$app-$variant.log" >&2
		echo "build of $app ($variant) failed, log: $cache/build-$app-$variant.log" >&2
		return 1
	fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }'
}

# probe APP VARIANT OUTFILE: run the probe, write what was observed to OUTFILE.
# On success for an http probe, leaves the container's id in $probe_cid.
probe() {
	local app=$1 variant=$2 out=$3 kind port paths cid hostport path body
	read -r kind port paths <"$e2e/apps/$app/probe" || true
	local image=restage.local/e2e/$app:$variant
	: >"$out"
	case $kind in
	cmd)
		# the probe line may carry arguments: "cmd ARG..." (none means the image's default CMD)
		local rc=0
		# shellcheck disable=SC2086
		"$DOCKER" run --rm "$image" $port $paths >>"$out" 2>"$out.stderr" || rc=$?
		echo "exit $rc" >>"$out"
		;;
	http)
		cid=$("$DOCKER" run -d -p "127.0.0.1::$port" --name "restage-e2e-$app-$variant" "$image")
		containers+=("$cid")
		probe_cid=$cid
		hostport=$("$DOCKER" port "$cid" "$port/tcp" | head -n1)
		hostport=${hostport##*:}
		local deadline=$((SECONDS + 30))
		for path in $paths; do
			# wait (30 s at most, for all paths) for a status below 400
			until body=$(curl -fsS --max-time 2 "http://127.0.0.1:$hostport$path" 2>/dev/null); do
				body="(no answer)"
				[ $SECONDS -lt $deadline ] || break
				sleep 0.5
			done
			printf '== GET %s\n%s\n' "$path" "$body" >>"$out"
		done
		;;
	*) echo "unknown probe '$kind' for $app" >&2; return 1 ;;
	esac
}

rows=()
for app in "${apps[@]}"; do
	echo "== $app" >&2
	d=$e2e/apps/$app
	t_single=$(build "$app" single "$d/Dockerfile")
	t_multi=$(build "$app" handwritten "$d/handwritten-multistage")

	probe_cid=
	probe "$app" single "$cache/probe-$app-single.txt"
	probe "$app" handwritten "$cache/probe-$app-handwritten.txt"
	multi_cid=$probe_cid
	if grep -q '(no answer)' "$cache/probe-$app-single.txt"; then
		fail "$app single-stage did not answer: $(cat "$cache/probe-$app-single.txt")"
	elif grep -qx 'exit [1-9][0-9]*' "$cache/probe-$app-single.txt"; then
		fail "$app single-stage failed: $(cat "$cache/probe-$app-single.txt" "$cache/probe-$app-single.txt.stderr" 2>/dev/null)"
	else
		ok "single-stage: $(head -c 300 "$cache/probe-$app-single.txt" | tr '\n' '|')"
	fi
	if cmp -s "$cache/probe-$app-single.txt" "$cache/probe-$app-handwritten.txt"; then
		ok "multi-stage behaves the same"
		same=yes
	else
		fail "$app: behaviour differs:"$'\n'"$(diff "$cache/probe-$app-single.txt" "$cache/probe-$app-handwritten.txt" || true)"
		cat "$cache/probe-$app-handwritten.txt.stderr" >&2 2>/dev/null || true
		same=NO
	fi

	# user: the image's configured user, and, for a server, the uid its process really has
	user=$("$DOCKER" image inspect -f '{{.Config.User}}' "restage.local/e2e/$app:handwritten")
	uid=${user%%:*}
	if [ -n "$multi_cid" ]; then
		uid=$("$DOCKER" top "$multi_cid" -o pid,uid | awk 'NR == 2 { print $2 }') || uid="(docker top failed)"
	fi
	if [ "$uid" = 65532 ]; then ok "runs as 65532 (image user '$user')"; else fail "$app runs as '$uid' (image user '$user')"; fi

	# no shell
	if "$DOCKER" run --rm --entrypoint /bin/sh "restage.local/e2e/$app:handwritten" -c true >/dev/null 2>&1; then
		fail "$app: /bin/sh runs in the multi-stage image"
		shell=yes
	else
		ok "no /bin/sh"
		shell=no
	fi

	s1=$("$DOCKER" image inspect -f '{{.Size}}' "restage.local/e2e/$app:single")
	s2=$("$DOCKER" image inspect -f '{{.Size}}' "restage.local/e2e/$app:handwritten")
	ratio=$(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.1f%%", 100 * b / a }')
	if awk -v a="$s1" -v b="$s2" 'BEGIN { exit !(b * 10 <= a) }'; then ok "size $ratio of the original"; else fail "$app: size $ratio of the original (> 10%)"; fi

	mb() { awk -v s="$1" 'BEGIN { printf "%.1f MB", s / 1e6 }'; }
	rows+=("| $app | $(head -n1 "$d/probe") | $(mb "$s1") | $(mb "$s2") | $ratio | ${t_single} s | ${t_multi} s | $same | $uid | $shell |")
	cleanup
	containers=()
done

{
	echo "| app | probe | single-stage | multi-stage | ratio | build single | build multi | same output | uid | /bin/sh |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	printf '%s\n' "${rows[@]}"
} | tee "$cache/handwritten.md"
[ "$failures" = 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
