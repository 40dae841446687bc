#!/bin/sh
exec java -cp "target/classes:target/dependency/*" com.example.web.Application "$@"
