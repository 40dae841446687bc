import os

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)

DATA_FILE = "data/timers.yaml"


@app.post("/timers")
def save():
    os.makedirs(os.path.dirname(DATA_FILE), exist_ok=True)
    with open(DATA_FILE, "w") as f:
        yaml.safe_dump(request.json, f)
    return jsonify(ok=True)
