#!/bin/sh
find /tmp -name "*.log" -mtime +7 -delete
