#!/usr/bin/env bash
# Builds the corpus's builder replicas (restage.local/real/*) on top of the e2e replicas,
# which e2e/images/build.sh makes. Seconds: each target only adds environment.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
DOCKER=${DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1
for t in golang:1.26:golang node:22:node node:22-slim:node-slim python:3.13:python \
	python:3.13-slim:python-slim maven:3.9-eclipse-temurin-21:maven \
	gradle:jdk21:gradle eclipse-temurin:21-jdk:temurin \
	eclipse-temurin:21-jre:temurin-jre; do
	tag=${t%:*} target=${t##*:}
	"$DOCKER" build -q --target "$target" -t "restage.local/real/$tag" "$here" >/dev/null
	echo "restage.local/real/$tag"
done
