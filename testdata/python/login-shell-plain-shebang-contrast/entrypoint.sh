#!/bin/sh
export TARGET=$1
python /app/action.py
