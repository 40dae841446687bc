#!/bin/sh
exec go run main.go --broker "$BROKER"
