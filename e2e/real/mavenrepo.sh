#!/usr/bin/env bash
# Builds the Maven repository that depserver serves under /maven/ (default
# e2e/.cache/real/maven-repo, or $1): Debian trixie's /usr/share/maven-repo with the packages of
# mvnseeds.txt (Debian package names) and their dependencies installed, copied out with its
# links resolved (Debian's repository links its jars to /usr/share/java). Installed in a trixie
# container, since the host may be another Debian release. Rebuilt when mvnseeds.txt changes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
OUT=${1:-$root/e2e/.cache/real/maven-repo}
SEEDS=${SEEDS:-$here/mvnseeds.txt}
IMAGE=${IMAGE:-restage.local/library/debian:trixie-slim}
stamp=$(sha256sum "$SEEDS" | cut -c1-16)
if [[ -f "$OUT/.seeds-$stamp" ]]; then
	exit 0
fi
rm -rf "$OUT" && mkdir -p "$OUT"
# docker run -v takes a relative path for a volume's name: make it absolute.
OUT=$(cd "$OUT" && pwd)
# man1: update-alternatives of the JDK that maven pulls in writes links for its man pages.
"${DOCKER:-/usr/bin/docker}" run --rm -v "$OUT":/out -v "$SEEDS":/seeds.txt:ro "$IMAGE" bash -euo pipefail -c '
  mkdir -p /usr/share/man/man1
  apt-get update -qq
  seeds=$(grep -v "^#" /seeds.txt | tr -s " \n" "\n" | grep . | sort -u)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $seeds >/dev/null
  dpkg-query -W -f "\${Package}\t\${Version}\n" > /out/.packages.tsv
  tar -C /usr/share/maven-repo -chf - . | tar -C /out -xf -
'
touch "$OUT/.seeds-$stamp"
echo "mavenrepo: $(find "$OUT" -name "*.jar" | wc -l) jars in $OUT"
