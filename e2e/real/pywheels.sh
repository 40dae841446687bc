#!/bin/bash
# Builds a local, flat, pip-usable folder of wheels (default e2e/.cache/real/pyindex, or $1) from Debian
# trixie's python3-* packages: the seeds in pyseeds.txt (Debian package names, one a line) and
# everything python3-* they depend on. The .debs are downloaded with apt-get in a trixie
# container (the host may be another Debian release), then repacked on the host by
# debs2wheels.py. Use the result with:
#   PIP_NO_INDEX=1 PIP_FIND_LINKS=/path/to/pyindex pip install ...      (bind mount / COPY)
#   PIP_NO_INDEX=1 PIP_FIND_LINKS=http://HOST:PORT/ pip install ...     (python3 -m http.server in it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
OUT=${1:-$root/e2e/.cache/real/pyindex}
DEBS=${DEBS:-$root/e2e/.cache/real/pydebs}
SEEDS=${SEEDS:-$here/pyseeds.txt}
IMAGE=${IMAGE:-restage.local/library/debian:trixie-slim}
mkdir -p "$DEBS" "$OUT"
"${DOCKER:-/usr/bin/docker}" run --rm -v "$DEBS":/debs -v "$SEEDS":/seeds.txt:ro "$IMAGE" bash -euo pipefail -c '
  apt-get update -qq
  seeds=$(grep -v "^#" /seeds.txt | tr -s " \n" "\n" | grep . | sort -u)
  pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
           --no-replaces --no-enhances $seeds | grep -E "^python3-[a-z0-9.+-]+$" | sort -u)
  cd /debs
  apt-get download $pkgs
  echo "$pkgs" > /debs/packages.txt
'
rm -f "$OUT"/*.whl
python3 "$here/debs2wheels.py" "$DEBS" "$OUT" > "$OUT/.manifest.tsv"
ls "$OUT"/*.whl | wc -l
