#!/bin/sh
# Runs what the deployment names in APP_COMMAND; its own arguments are ignored.
echo "starting $APP_COMMAND"
exec $APP_COMMAND
