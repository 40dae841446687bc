#!/usr/bin/env bash
# Check that the distroless replicas built by build.sh look and behave like the originals:
# image config (user, workdir, no entrypoint, env), the file system (no shell, no dpkg/apt,
# /tmp 1777, /home/nonroot 700 owned by 65532, passwd/group, CA bundle, zoneinfo), and what a
# program sees at run time (check/probe.go, a static Go binary; check/c/omp.c, a C program that
# needs libgomp: runs on cc only). Exit 1 on the first difference.
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
images=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(dirname "$images")/.cache/check
mkdir -p "$work"
D=restage.local/distroless

fail() { echo "check.sh: FAIL: $*" >&2; exit 1; }
ok() { echo "check.sh: ok: $*" >&2; }

(cd "$images/check" && CGO_ENABLED=0 go build -trimpath -o "$work/probe" .)
"$DOCKER" run --rm -v "$images/check/c:/src:ro" -v "$work:/out" restage.local/library/golang:1.26 \
	gcc -fopenmp -O2 -o /out/omp /src/omp.c

# run IMAGE PROGRAM: copy PROGRAM into a container of IMAGE and run it as its entrypoint.
run() {
	local cid rc=0
	cid=$("$DOCKER" create --entrypoint "/$(basename "$2")" "$1")
	"$DOCKER" cp "$2" "$cid:/$(basename "$2")"
	"$DOCKER" start -a "$cid" 2>&1 || rc=$?
	"$DOCKER" rm "$cid" >/dev/null
	return $rc
}

for flavor in static base cc; do
	for tag in latest nonroot; do
		img=$D/$flavor-debian13:$tag
		cfg=$("$DOCKER" image inspect -f '{{.Config.User}}|{{.Config.WorkingDir}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}|{{json .Config.Env}}' "$img")
		want_env='["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"]'
		if [ $tag = nonroot ]; then want="65532|/home/nonroot|null|null|$want_env"; else want="|/|null|null|$want_env"; fi
		[ "$cfg" = "$want" ] || fail "$img config: $cfg, want $want"

		cid=$("$DOCKER" create "$img" none)
		"$DOCKER" export "$cid" | tar -tv --numeric-owner >"$work/$flavor-$tag.list"
		"$DOCKER" export "$cid" | tar -xO etc/passwd >"$work/passwd"
		"$DOCKER" rm "$cid" >/dev/null
		l=$work/$flavor-$tag.list
		grep -Eq '^drwxrwxrwt 0/0 .* tmp/$' "$l" || fail "$img: /tmp is not 1777 root"
		grep -Eq '^drwx------ 65532/65532 .* home/nonroot/$' "$l" || fail "$img: /home/nonroot is not 700 65532"
		grep -Eq ' etc/ssl/certs/ca-certificates.crt$' "$l" || fail "$img: no CA bundle"
		grep -Eq ' usr/share/zoneinfo/Europe/Paris$' "$l" || fail "$img: no zoneinfo"
		grep -Eq ' usr/share/zoneinfo/US/Eastern' "$l" || fail "$img: no tzdata-legacy"
		grep -Eq ' etc/nsswitch.conf$' "$l" || fail "$img: no nsswitch.conf"
		if grep -Eq ' (usr/)?(s?bin)/(sh|bash|dash|dpkg|apt|apt-get|busybox)( |$)' "$l"; then fail "$img: has a shell or a package manager"; fi
		[ "$(cut -d: -f1,3,4 "$work/passwd" | tr '\n' ' ')" = "root:0:0 nobody:65534:65534 nonroot:65532:65532 " ] ||
			fail "$img: /etc/passwd is $(cat "$work/passwd")"
		case $flavor in
		static) if grep -q 'libc.so.6' "$l"; then fail "$img has libc"; fi ;;
		*)
			for lib in ld-linux-x86-64.so.2 libc.so.6 libssl.so.3 libcrypto.so.3 libzstd.so.1 libz.so.1; do
				grep -q "usr/lib/x86_64-linux-gnu/$lib" "$l" || fail "$img: no $lib"
			done
			grep -q 'lib64 -> usr/lib64' "$l" || fail "$img: no /lib64 link (merged /usr)"
			;;
		esac
		if [ $flavor = cc ]; then
			for lib in libgcc_s.so.1 libstdc++.so.6 libgomp.so.1; do
				grep -q "usr/lib/x86_64-linux-gnu/$lib" "$l" || fail "$img: no $lib"
			done
		elif grep -q 'libstdc++.so.6' "$l"; then
			fail "$img has libstdc++"
		fi

		out=$(run "$img" "$work/probe") || fail "$img: probe: $out"
		if [ $tag = nonroot ]; then want_id="uid=65532 gid=65532 wd=/home/nonroot"; else want_id="uid=0 gid=0 wd=/"; fi
		grep -qx "$want_id" <<<"$out" || fail "$img: probe says $(head -n1 <<<"$out"), want $want_id"

		if omp=$(run "$img" "$work/omp"); then ran=yes; else ran=no; fi
		if [ $flavor = cc ]; then want_ran=yes; else want_ran=no; fi
		[ $ran = $want_ran ] || fail "$img: an OpenMP C program ran=$ran, want $want_ran: $omp"
		ok "$img ($(awk '{ s += $3 } END { printf "%.1f MB of files", s / 1e6 }' "$l"), $(head -n1 <<<"$out"), OpenMP program runs: $ran)"
	done
done
