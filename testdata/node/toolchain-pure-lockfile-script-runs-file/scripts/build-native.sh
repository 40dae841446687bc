#!/bin/sh
set -e
gcc -O2 -o bin/resize native/resize.c
