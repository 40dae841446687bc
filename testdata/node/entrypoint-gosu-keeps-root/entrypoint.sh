#!/bin/sh
set -e
mkdir -p /data
chown -R node /data
exec gosu node "$@"
