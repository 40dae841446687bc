#!/bin/bash
python job.py
service cron start
