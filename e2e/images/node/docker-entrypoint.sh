#!/bin/sh
# The node image's entrypoint (docker-library/node), rewritten for the e2e replica with the same
# behaviour: when the first argument is a flag (`-e ...`), is not a command found on PATH, or is
# a file that is not executable (`server.js`), the arguments are handed to node. Otherwise they
# run as they are (`npm start`, `bash`).
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
	set -- node "$@"
fi
exec "$@"
