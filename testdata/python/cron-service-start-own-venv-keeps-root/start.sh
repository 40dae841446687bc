#!/bin/sh
service cron start
exec tail -F /var/log/cron/job.log
