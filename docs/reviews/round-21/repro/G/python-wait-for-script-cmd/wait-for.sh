#!/usr/bin/env bash
# Waits for host:port, then runs the command given after --.
HOSTPORT=$1
shift
HOST=${HOSTPORT%%:*}
PORT=${HOSTPORT##*:}
while [ $# -gt 0 ]; do
    case "$1" in
        --) shift; CLI=("$@"); break ;;
        *) shift ;;
    esac
done
until (echo -n > /dev/tcp/$HOST/$PORT) >/dev/null 2>&1; do sleep 1; done
exec "${CLI[@]}"
