#!/bin/sh
TEMP_DIR=$(mktemp -d)
git clone -b $REPO_BRANCH $REPO_URL $TEMP_DIR
cp -r $TEMP_DIR/app.py /code/
rm -rf $TEMP_DIR
export FLASK_APP=/code/app.py
exec flask run --host=0.0.0.0 --port=5000
