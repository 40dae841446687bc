import os

import requests  # noqa: F401
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "This is the %s application.\n" % os.environ.get("APP")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
