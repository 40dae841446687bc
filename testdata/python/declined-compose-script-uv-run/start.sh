#!/bin/sh
set -e
echo "starting"
exec uv run uvicorn endpoint:app --host 0.0.0.0 --port 8000
