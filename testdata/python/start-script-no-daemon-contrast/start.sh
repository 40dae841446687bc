#!/bin/sh
exec python job.py
