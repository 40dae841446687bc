#!/bin/sh
exec java -jar target/*.jar
