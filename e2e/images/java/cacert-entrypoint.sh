#!/usr/bin/env bash
# The eclipse-temurin image's /__cacert_entrypoint.sh, reduced for the e2e replica: the real one
# adds the certificates of /certificates to the JVM's keystore when USE_SYSTEM_CA_CERTS is set,
# then runs the command. This one only runs the command (the keystore is Debian's
# /etc/ssl/certs/java/cacerts, made from the system's certificates already).
set -e
if [ -n "${USE_SYSTEM_CA_CERTS:-}" ]; then
	echo "__cacert_entrypoint.sh: USE_SYSTEM_CA_CERTS is not supported by this replica" >&2
fi
exec "$@"
