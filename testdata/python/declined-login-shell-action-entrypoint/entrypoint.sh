#!/bin/sh -l
export TARGET=$1
python /app/action.py
