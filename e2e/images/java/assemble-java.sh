#!/usr/bin/env bash
# Runs in the jre-debs stage of Dockerfile, with the .deb files in /debs. Lays out the three
# layers of the distroless Java replica, each package's .deb unpacked whole (dpkg-deb -x, no
# maintainer scripts) with its control fields in /var/lib/dpkg/status.d/<package>:
#   /out/base-nossl  libc6 (base-nossl-debian13 is static + libc6)
#   /out/java-base   the debian13 JAVA_BASE_PACKAGES of distroless' java/config.bzl, plus
#                    libharfbuzz0b and what it needs (Temurin bundles harfbuzz; Debian's JRE links
#                    the system one for font rendering), the C.utf8 locale from libc-bin, and
#                    /etc/ssl/certs/java/cacerts made from the static replica's CA bundle
#   /out/jre         openjdk-21-jre-headless and /usr/bin/java -> its bin/java
set -euo pipefail

JAVA_BASE_PKGS=(zlib1g libjpeg62-turbo liblcms2-2 libfreetype6 fonts-dejavu-core fontconfig-config
	libexpat1 libfontconfig1 libuuid1 libbrotli1 libcrypt1 libstdc++6 libgcc-s1 gcc-14-base
	libpng16-16t64 libbz2-1.0
	libharfbuzz0b libgraphite2-3 libglib2.0-0t64 libpcre2-8-0 libffi8 libmount1 libblkid1 libselinux1)
JRE=openjdk-21-jre-headless
JVM=/usr/lib/jvm/java-21-openjdk-amd64
debs=${DEBS:-/debs}
src=${SRC:-/src}

deb_of() {
	local f
	for f in "$debs/$1"_*.deb; do
		[ -e "$f" ] || { echo "assemble-java: no .deb for $1 in $debs" >&2; exit 1; }
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
unpack /out/base-nossl libc6
unpack /out/java-base "${JAVA_BASE_PKGS[@]}"
loc=$(mktemp -d)
dpkg-deb -x "$(deb_of libc-bin)" "$loc"
[ -d "$loc/usr/lib/locale/C.utf8" ] || { echo "assemble-java: libc-bin has no C.utf8 locale" >&2; exit 1; }
mkdir -p /out/java-base/usr/lib/locale
cp -a "$loc/usr/lib/locale/C.utf8" /out/java-base/usr/lib/locale/
rm -rf "$loc"

unpack /out/jre "$JRE"
mkdir -p /out/jre/usr/bin
ln -s "$JVM/bin/java" /out/jre/usr/bin/java

# The keystore: the JRE, unpacked into this stage too (its config links point into /etc), runs a
# one-file program (the JRE's module image holds the compiler, so the source launcher works).
dpkg-deb -x "$(deb_of "$JRE")" /
mkdir -p /out/java-base/etc/ssl/certs/java
"$JVM/bin/java" "$src/GenCacerts.java" "$src/ca-certificates.crt" /out/java-base/etc/ssl/certs/java/cacerts
chmod 0644 /out/java-base/etc/ssl/certs/java/cacerts

# No shell and no package manager may slip in.
for t in /out/base-nossl /out/java-base /out/jre; do
	for bad in bin/sh usr/bin/sh bin/bash usr/bin/bash usr/bin/dash usr/bin/dpkg usr/bin/apt usr/bin/apt-get; do
		if [ -e "$t/$bad" ] || [ -L "$t/$bad" ]; then
			echo "assemble-java: $t/$bad must not be in a distroless replica" >&2
			exit 1
		fi
	done
done
du -sh /out/base-nossl /out/java-base /out/jre
