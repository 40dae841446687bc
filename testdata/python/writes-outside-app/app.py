import os

from flask import Flask

app = Flask(__name__)
os.makedirs("uploads", exist_ok=True)


@app.route("/")
def index():
    with open("/var/log/app.log", "a") as log:
        log.write("hit\n")
    return "ok"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=80)
