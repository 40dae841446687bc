import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    # Not app.run(port=80): a non-root user cannot bind it everywhere.
    return "app.run(port=80) is not used\n"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
