#!/bin/sh
exec /usr/local/bin/python job.py
