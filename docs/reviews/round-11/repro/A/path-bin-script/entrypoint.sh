#!/bin/sh
set -ex
serve build --single -p 8080
