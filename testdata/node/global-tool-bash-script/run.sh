#!/bin/bash

args="$@ -p 8080"

file=/data/db.json
if [ -f $file ]; then
    echo "Found db.json, trying to open"
    args="$args db.json"
fi

mock-api-server $args
