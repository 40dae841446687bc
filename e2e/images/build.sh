#!/usr/bin/env bash
# Build, with no registry, local replicas of the base images the end-to-end tests need, all
# tagged under restage.local/ (never a real image's name):
#
#   restage.local/library/debian:trixie-slim            debootstrap --variant=minbase + docker import
#   restage.local/library/golang:1.26                   debian replica + gcc/g++ + host's GOROOT
#   restage.local/distroless/{static,base,cc}-debian13:{latest,nonroot}
#                                                       FROM scratch + files from trixie packages
#   then the Node.js, Python and Java replicas: build-langs.sh
#
# Not possible here (no alpine mirror): restage.local/library/golang:1.26-alpine and
# restage.local/library/alpine. See ../README.md.
#
# Idempotent: an image already present is reused (REBUILD=1 rebuilds them all); the debootstrap
# rootfs and its .debs are cached in e2e/.cache/. Needs root (debootstrap) and a running engine
# (../docker-up.sh).
#
# Environment: DOCKER (client, default /usr/bin/docker, which has BuildKit), DEBIAN_MIRROR
# (default http://deb.debian.org/debian), REBUILD=1, NO_CACHE=1 (docker build --no-cache, to time
# a cold build).
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
REBUILD=${REBUILD:-0}

images=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=$(dirname "$images")/.cache
rootfs=$cache/rootfs-trixie

DEBIAN=restage.local/library/debian:trixie-slim
GOLANG=restage.local/library/golang:1.26
DISTROLESS=restage.local/distroless
SANE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

t_all=$SECONDS
log() { echo "build.sh: $*" >&2; }
have() { [ "$REBUILD" != 1 ] && "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
# dbuild LOG ARGS...: docker build, its progress in e2e/.cache/LOG, shown when it fails.
dbuild() {
	local out=$cache/$1
	shift
	"$DOCKER" build --progress=plain "$@" >"$out" 2>&1 || {
		tail -n 30 "$out" >&2
		log "docker build $* failed (log: $out)"
		exit 1
	}
}
timed() { # timed LABEL CMD...
	local t=$SECONDS label=$1
	shift
	"$@"
	log "$label: done in $((SECONDS - t)) s"
}

"$DOCKER" info >/dev/null 2>&1 || { log "no docker engine: run e2e/docker-up.sh first"; exit 1; }
mkdir -p "$cache"

# ---------------------------------------------------------------------------------------------
# debian:trixie-slim
# ---------------------------------------------------------------------------------------------
make_rootfs() {
	if [ -f "$rootfs.ok" ] && [ -d "$rootfs" ]; then
		log "rootfs: reusing $rootfs"
		return
	fi
	command -v debootstrap >/dev/null || { log "debootstrap missing: run e2e/docker-up.sh"; exit 1; }
	rm -rf "$rootfs" "$rootfs.tmp"
	mkdir -p "$cache/debs"
	log "rootfs: debootstrap --variant=minbase trixie from $MIRROR (a few minutes the first time)"
	debootstrap --variant=minbase --cache-dir="$cache/debs" trixie "$rootfs.tmp" "$MIRROR" \
		>"$cache/debootstrap.log" 2>&1 || {
		tail -n 20 "$cache/debootstrap.log" >&2
		log "debootstrap failed (log: $cache/debootstrap.log)"
		exit 1
	}
	slimify "$rootfs.tmp"
	mv "$rootfs.tmp" "$rootfs"
	touch "$rootfs.ok"
}

# What debuerreotype does to make the official debian:*-slim images: dpkg path excludes for docs,
# man pages and translations (and deleting what is already there), apt configured for containers,
# no package lists, no policy to start services.
slimify() {
	local r=$1
	cat >"$r/etc/dpkg/dpkg.cfg.d/docker" <<-'EOF'
		# This is the "slim" variant of the Debian base image.
		# Many files which are normally unnecessary in containers are excluded,
		# and this configuration file keeps them that way.
		path-exclude /usr/share/doc/*
		path-include /usr/share/doc/*/copyright
		path-exclude /usr/share/groff/*
		path-exclude /usr/share/info/*
		path-exclude /usr/share/linda/*
		path-exclude /usr/share/lintian/overrides/*
		path-include /usr/share/locale/locale.alias
		path-exclude /usr/share/locale/*
		path-exclude /usr/share/man/*
	EOF
	find "$r/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
	find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete
	rm -rf "$r"/usr/share/groff/* "$r"/usr/share/info/* "$r"/usr/share/linda/* \
		"$r"/usr/share/lintian/overrides/* "$r"/usr/share/man/*
	find "$r/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
	cat >"$r/etc/apt/apt.conf.d/docker-clean" <<-'EOF'
		DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
		APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
		Dir::Cache::pkgcache "";
		Dir::Cache::srcpkgcache "";
	EOF
	# debuerreotype's docker-apt-speedup: no fsync per file (a build layer is thrown away on failure).
	echo 'force-unsafe-io' >"$r/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
	echo 'Acquire::Languages "none";' >"$r/etc/apt/apt.conf.d/docker-no-languages"
	echo 'APT::AutoRemove::SuggestsImportant "false";' >"$r/etc/apt/apt.conf.d/docker-autoremove-suggests"
	printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
	chmod 0755 "$r/usr/sbin/policy-rc.d"
	rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/*.bin "$r"/var/cache/apt/archives/*.deb \
		"$r"/var/log/*.log "$r"/var/log/apt/* "$r/etc/hostname" "$r/etc/resolv.conf"
	: >"$r/etc/machine-id"
}

build_debian() {
	make_rootfs
	log "$DEBIAN: docker import"
	tar --numeric-owner -C "$rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . |
		"$DOCKER" import \
			--change 'CMD ["bash"]' \
			--change "ENV PATH=$SANE_PATH" \
			--message "restage e2e replica: debootstrap --variant=minbase trixie $MIRROR" \
			- "$DEBIAN" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# golang:1.26
# ---------------------------------------------------------------------------------------------
build_golang() {
	local goroot gover
	goroot=$(go env GOROOT)
	gover=$(go env GOVERSION)
	case $gover in
	go1.26*) ;;
	*) log "the host's Go is $gover, not 1.26: cannot make $GOLANG"; exit 1 ;;
	esac
	log "$GOLANG: debian replica + compilers + $goroot ($gover)"
	dbuild build-golang.log ${NO_CACHE:+--no-cache} -t "$GOLANG" --build-arg "GOLANG_VERSION=${gover#go}" \
		-f "$images/golang/Dockerfile" "$goroot"
}

# ---------------------------------------------------------------------------------------------
# distroless static/base/cc -debian13 :latest/:nonroot
# ---------------------------------------------------------------------------------------------
build_distroless() {
	local flavor user nocache=${NO_CACHE:+--no-cache}
	for flavor in static base cc; do
		for user in latest nonroot; do
			if have "$DISTROLESS/$flavor-debian13:$user"; then continue; fi
			log "$DISTROLESS/$flavor-debian13:$user"
			# Only the first build skips the cache: the others share its stages.
			dbuild "build-distroless-$flavor-$user.log" $nocache --target "$flavor-$user" \
				-t "$DISTROLESS/$flavor-debian13:$user" "$images/distroless"
			nocache=
		done
	done
}

if have "$DEBIAN"; then log "$DEBIAN: present, reused"; else timed "$DEBIAN" build_debian; fi
# The Go image and the distroless images only need the Debian one: build them side by side (both
# spend most of their time in apt-get and dpkg).
pids=()
if have "$GOLANG"; then
	log "$GOLANG: present, reused"
else
	timed "$GOLANG" build_golang &
	pids+=($!)
fi
need=0
for f in static base cc; do for u in latest nonroot; do
	have "$DISTROLESS/$f-debian13:$u" || need=1
done; done
if [ $need = 0 ]; then
	log "$DISTROLESS/*-debian13: present, reused"
else
	timed "$DISTROLESS/*-debian13" build_distroless &
	pids+=($!)
fi
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
[ $failed = 0 ] || { log "FAILED"; exit 1; }

DOCKER=$DOCKER REBUILD=$REBUILD bash "$images/build-langs.sh"

log "not built (no alpine mirror reachable): restage.local/library/golang:1.26-alpine, restage.local/library/alpine"
"$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep '^restage.local/\(library\|distroless\)/' | sort >&2
log "total $((SECONDS - t_all)) s"
