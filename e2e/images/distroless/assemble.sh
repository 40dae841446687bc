#!/usr/bin/env bash
# Runs inside the "rootfs" stage of Dockerfile, with the packages' .deb files in /debs. Lays out
# three trees, one per image layer, the way distroless builds its images from tars:
#   /out/static  base-files, netbase, tzdata, tzdata-legacy, media-types, the CA bundle, and the
#                generated files (passwd, group, nsswitch.conf, os-release, /tmp, /home/nonroot)
#   /out/base    what base-debian13 adds: libc6, libssl3t64, libzstd1, zlib1g
#   /out/cc      what cc-debian13 adds:   libgomp1, libstdc++6, libgcc-s1, gcc-14-base, zlib1g
# Each package is its .deb's data unpacked whole (dpkg-deb -x, no maintainer scripts), and its
# control fields go to /var/lib/dpkg/status.d/<package>, like distroless (scanners read them;
# there is no dpkg in the images).
set -euo pipefail

STATIC_PKGS=(base-files netbase tzdata tzdata-legacy media-types)
BASE_PKGS=(libc6 libssl3t64 libzstd1 zlib1g)
CC_PKGS=(libgomp1 libstdc++6 libgcc-s1 gcc-14-base zlib1g)
src=${SRC:-/src}
debs=${DEBS:-/debs}

deb_of() {
	local f
	for f in "$debs/$1"_*.deb; do
		[ -e "$f" ] || { echo "assemble: no .deb for $1 in $debs" >&2; exit 1; }
		echo "$f"
		return
	done
}

unpack() { # unpack DEST PKG...
	local dest=$1 p deb
	shift
	mkdir -p "$dest/var/lib/dpkg/status.d"
	for p in "$@"; do
		deb=$(deb_of "$p")
		dpkg-deb -x "$deb" "$dest"
		dpkg-deb -f "$deb" >"$dest/var/lib/dpkg/status.d/$p"
	done
}

rm -rf /out
s=/out/static
unpack "$s" "${STATIC_PKGS[@]}"
install -d -m 0755 "$s/etc" "$s/etc/ssl" "$s/etc/ssl/certs" "$s/home" "$s/usr/share/doc/ca-certificates"
install -m 0644 "$src/passwd" "$s/etc/passwd"
install -m 0644 "$src/group" "$s/etc/group"
install -m 0644 "$src/nsswitch.conf" "$s/etc/nsswitch.conf"
rm -f "$s/etc/os-release" # base-files' link to ../usr/lib/os-release; distroless writes a file
install -m 0644 "$src/os-release" "$s/etc/os-release"
# rules_distroless' cacerts: the Mozilla certificates of the ca-certificates package, concatenated
# into the bundle, and the package's copyright; nothing else of that package.
ca=$(mktemp -d)
dpkg-deb -x "$(deb_of ca-certificates)" "$ca"
find "$ca/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat >"$s/etc/ssl/certs/ca-certificates.crt"
chmod 0644 "$s/etc/ssl/certs/ca-certificates.crt"
install -m 0644 "$ca/usr/share/doc/ca-certificates/copyright" "$s/usr/share/doc/ca-certificates/copyright"
rm -rf "$ca"
install -d -m 1777 "$s/tmp"
install -d -m 0700 "$s/root"
install -d -m 0700 -o 65532 -g 65532 "$s/home/nonroot"

unpack /out/base "${BASE_PKGS[@]}"
unpack /out/cc "${CC_PKGS[@]}"

# No shell and no package manager may slip in.
for t in /out/static /out/base /out/cc; do
	for bad in bin/sh usr/bin/sh bin/bash usr/bin/bash usr/bin/dash usr/bin/dpkg usr/bin/apt usr/bin/apt-get; do
		if [ -e "$t/$bad" ] || [ -L "$t/$bad" ]; then
			echo "assemble: $t/$bad must not be in a distroless replica" >&2
			exit 1
		fi
	done
done
du -sh /out/static /out/base /out/cc
