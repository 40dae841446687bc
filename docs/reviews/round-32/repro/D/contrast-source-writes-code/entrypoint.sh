#!/bin/sh
export FLASK_APP=/code/app.py
exec flask run --host=0.0.0.0 --port=5000
