#!/bin/sh
set -e
gcloud config set project "$GOOGLE_CLOUD_PROJECT"
exec python main.py
