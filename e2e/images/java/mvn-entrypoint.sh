#!/usr/bin/env bash
# The maven image's /usr/local/bin/mvn-entrypoint.sh, rewritten for the e2e replica with the same
# behaviour: copy the files of /usr/share/maven/ref into $MAVEN_CONFIG (~/.m2) without replacing
# any, unset MAVEN_CONFIG, run the command.
set -eu
ref=/usr/share/maven/ref
if [ -d "$ref" ] && [ -n "${MAVEN_CONFIG:-}" ]; then
	(cd "$ref" && find . -type f) | while read -r f; do
		[ -e "$MAVEN_CONFIG/$f" ] && continue
		mkdir -p "$MAVEN_CONFIG/$(dirname "$f")"
		cp -r "$ref/$f" "$MAVEN_CONFIG/$f"
	done
fi
unset MAVEN_CONFIG
exec "$@"
