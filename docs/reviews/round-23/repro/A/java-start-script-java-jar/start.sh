#!/bin/sh
exec java -jar target/mem-0.1.0.jar
