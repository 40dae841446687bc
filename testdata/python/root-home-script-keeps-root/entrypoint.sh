#!/bin/bash
# Waits for another container to write its addresses into a volume mounted at
# root's home, then starts the program.
while [ ! -f /root/.ocean/artifacts/ready ]; do
  sleep 2
done
exec python /app/main.py "$@"
