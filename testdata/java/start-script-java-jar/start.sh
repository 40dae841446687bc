#!/bin/sh
exec java -jar target/web-1.0.0.jar
