import os
import random

from flask import Flask

app = Flask(__name__)

QUOTES = [
    "Simple is better than complex.",
    "Readability counts.",
    "Now is better than never.",
]


@app.get("/")
def quote():
    return {"quote": random.choice(QUOTES)}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
