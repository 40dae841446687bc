#!/bin/sh
exec ./server --port "${PORT:-8080}"
