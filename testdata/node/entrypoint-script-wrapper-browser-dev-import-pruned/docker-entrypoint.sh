#!/bin/sh
set -e
if [ -d /usr/src/app/external-public ]; then
	cp -r /usr/src/app/client/public/. /usr/src/app/external-public/
fi
exec "$@"
