#!/usr/bin/env bash
# Waits for host:port to accept connections (at most -t seconds), then runs
# the command given after --.
hostport=$1
shift
limit=15
while [[ $# -gt 0 ]]; do
    case "$1" in
        -t) limit=$2; shift 2 ;;
        --) shift; CMD_ARGS=("$@"); break ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
host=${hostport%%:*}
port=${hostport##*:}
if ! timeout "$limit" bash -c "until (echo > /dev/tcp/$host/$port) 2>/dev/null; do sleep 1; done"; then
    echo "$hostport did not answer in $limit seconds" >&2
    exit 1
fi
exec "${CMD_ARGS[@]}"
