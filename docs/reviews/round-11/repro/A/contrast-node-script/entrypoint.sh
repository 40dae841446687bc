#!/bin/sh
set -ex
exec node server.js
