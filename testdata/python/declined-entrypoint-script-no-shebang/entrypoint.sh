set -e
exec python app.py "$@"
