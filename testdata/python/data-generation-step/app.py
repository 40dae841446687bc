import json

from flask import Flask, abort

app = Flask(__name__)

with open("data/airports.json") as f:
    AIRPORTS = json.load(f)


@app.get("/airports/<code>")
def airport(code):
    if code.upper() not in AIRPORTS:
        abort(404)
    return AIRPORTS[code.upper()]


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
