#!/bin/sh
set -e
exec ./mvnw spring-boot:run -Dspring-boot.run.profiles=prod
