#!/bin/sh
# Round 27's repros: run-restage.sh LETTER... through the shared runner,
# docs/reviews/run-restage.sh (RESTAGE names the binary).
exec "$(dirname "$0")/../../run-restage.sh" "$(dirname "$0")" "$@"
