#!/bin/sh
# Waits a little for the database, then runs the command it is given.
cmd="$@"
sleep 2
exec $cmd
