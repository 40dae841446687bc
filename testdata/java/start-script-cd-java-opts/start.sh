#!/bin/sh
set -e
cd /app/target
exec java $JAVA_OPTS -jar web-1.0.0.jar
