#!/bin/bash
while [ ! -f /data/artifacts/ready ]; do
  sleep 2
done
exec python /app/main.py "$@"
