#!/bin/bash
python job.py
exec cron -f
