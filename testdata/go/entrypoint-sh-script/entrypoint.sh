#!/bin/sh
echo "starting server"
exec /app/server "$@"
