#!/bin/bash
exec python /app/main.py "$@"
