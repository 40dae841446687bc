import random

from flask import Flask

app = Flask(__name__)
QUOTES = ["Simplicity is prerequisite for reliability.", "Premature optimization is the root of all evil."]


@app.get("/")
def quote():
    return {"quote": random.choice(QUOTES)}
