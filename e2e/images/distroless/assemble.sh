#!/usr/bin/env bash
# Runs inside the "rootfs" stage of distroless.Dockerfile (a trixie container with the packages
# installed). Lays out three trees, one per image layer, like distroless does with its tars:
#   /out/static  base-files, netbase, tzdata, tzdata-legacy, media-types + the generated files
#   /out/base    what base-debian13 adds: libc6, libssl3t64, libzstd1, zlib1g
#   /out/cc      what cc-debian13 adds:   libgomp1, libstdc++6, libgcc-s1, gcc-14-base (+ zlib1g)
# Each package is copied whole (every path `dpkg-query -L` lists that the slim image still has),
# with its control data in /var/lib/dpkg/status.d/<package> like distroless (scanners read it;
# there is no dpkg in the image).
set -euo pipefail

STATIC_PKGS=(base-files netbase tzdata tzdata-legacy media-types)
BASE_PKGS=(libc6 libssl3t64 libzstd1 zlib1g)
CC_PKGS=(libgomp1 libstdc++6 libgcc-s1 gcc-14-base zlib1g)
src=${SRC:-/src}

# copy_pkgs DEST SKIPLIST PKG...: copy the packages' files into DEST, leaving out the paths
# listed in SKIPLIST (already in a lower layer).
copy_pkgs() {
	local dest=$1 skip=$2 list
	shift 2
	list=$(mktemp)
	mkdir -p "$dest/var/lib/dpkg/status.d"
	for p in "$@"; do
		dpkg-query -L "$p" | while IFS= read -r f; do
			[ "$f" = /. ] && continue
			[ -e "$f" ] || [ -L "$f" ] || continue # removed by the slim image's dpkg excludes
			printf '%s\n' "${f#/}"
		done
		dpkg-query -s "$p" | grep -v '^Status:' >"$dest/var/lib/dpkg/status.d/$p"
	done | sort -u | grep -vxF -f "$skip" >"$list" || true
	# --no-recursion: directories are listed by dpkg themselves, with their own modes.
	tar -C / --no-recursion -cf - -T "$list" | tar -C "$dest" -xpf -
	cat "$list" >>"$skip"
	rm -f "$list"
}

rm -rf /out
mkdir -p /out/static /out/base /out/cc
seen=$(mktemp)
: >"$seen"

# --- static ---
s=/out/static
copy_pkgs "$s" "$seen" "${STATIC_PKGS[@]}"
install -d -m 0755 "$s/etc" "$s/etc/ssl" "$s/etc/ssl/certs" "$s/home" "$s/usr/share/doc/ca-certificates"
install -m 0644 "$src/passwd" "$s/etc/passwd"
install -m 0644 "$src/group" "$s/etc/group"
install -m 0644 "$src/nsswitch.conf" "$s/etc/nsswitch.conf"
rm -f "$s/etc/os-release" # base-files' symlink to ../usr/lib/os-release; distroless writes a file
install -m 0644 "$src/os-release" "$s/etc/os-release"
# rules_distroless' cacerts: the bundle and the package's copyright only.
install -m 0644 /etc/ssl/certs/ca-certificates.crt "$s/etc/ssl/certs/ca-certificates.crt"
install -m 0644 /usr/share/doc/ca-certificates/copyright "$s/usr/share/doc/ca-certificates/copyright"
install -d -m 1777 "$s/tmp"
install -d -m 0700 "$s/root"
install -d -m 0700 -o 65532 -g 65532 "$s/home/nonroot"

# --- base, cc ---
copy_pkgs /out/base "$seen" "${BASE_PKGS[@]}"
copy_pkgs /out/cc "$seen" "${CC_PKGS[@]}"

# No shell and no package manager may slip in.
for t in /out/static /out/base /out/cc; do
	for bad in bin/sh usr/bin/sh bin/bash usr/bin/bash usr/bin/dpkg usr/bin/apt usr/bin/apt-get; do
		if [ -e "$t/$bad" ] || [ -L "$t/$bad" ]; then
			echo "assemble: $t/$bad must not be in a distroless replica" >&2
			exit 1
		fi
	done
done
du -sh /out/static /out/base /out/cc
