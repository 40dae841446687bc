#!/bin/sh
set -e
python manage.py collectstatic --no-input
exec gunicorn mysite.wsgi:application --bind 0.0.0.0:8000
