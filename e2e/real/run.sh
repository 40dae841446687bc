#!/usr/bin/env bash
# `make e2e-real`: the real-application corpus end to end. Starts the engine and the replicas
# (as `make e2e` does), the corpus's builder replicas, restores the apps, makes the Maven
# repository (Debian's, mavenrepo.sh), starts depserver (which serves the dependencies the host
# fetches; DEPS_OFFLINE=1 serves only its cache), then
# runs TestRealApps, which writes e2e/real/RESULTS.md. Takes about an hour on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
GO=${GO:-go}
export DOCKER=${DOCKER:-/usr/bin/docker}
cache=e2e/.cache/real
mkdir -p "$cache"
bash e2e/docker-up.sh
bash e2e/images/build.sh
bash e2e/real/images/build.sh
bash e2e/real/restore.sh || echo "run: some apps were not restored; they are reported as such" >&2
bash e2e/real/mavenrepo.sh "$cache/maven-repo" || echo "run: no Maven repository; Maven apps will not build" >&2
# Made again when pyseeds.txt changes (a stamp of its hash, as mavenrepo.sh does for Maven's), so
# an app whose packages a new seed brings builds on a machine that made the index before.
pystamp=".seeds-$(sha256sum e2e/real/pyseeds.txt | cut -c1-16)"
if [[ ! -f "$cache/pyindex/$pystamp" ]]; then
	if bash e2e/real/pywheels.sh "$cache/pyindex"; then
		rm -f "$cache/pyindex"/.seeds-* && touch "$cache/pyindex/$pystamp"
	else
		echo "run: no Python wheel index; Python apps will not build" >&2
	fi
fi
"$GO" build -o "$cache/depserver" ./e2e/real/depserver
offline=()
[[ "${DEPS_OFFLINE:-}" == 1 ]] && offline=(-offline)
"$cache/depserver" -addr 0.0.0.0:7070 -cache "$cache/deps" -pyindex "$cache/pyindex" \
	-mavenrepo "$cache/maven-repo" "${offline[@]}" \
	>>"$cache/depserver.log" 2>&1 &
dep=$!
trap 'kill $dep 2>/dev/null' EXIT
for _ in $(seq 50); do
	curl -fsS http://127.0.0.1:7070/healthz >/dev/null 2>&1 && break
	sleep 0.2
done
"$GO" test -tags e2e_real -count=1 -timeout 4h -v -run TestRealApps ./e2e/ 2>&1 | tee "$cache/test.log"
