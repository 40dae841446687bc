import subprocess

from flask import Flask

app = Flask(__name__)


@app.route("/plugins/<name>", methods=["POST"])
def install(name):
    subprocess.run(["pip3", "install", name], check=True)
    return "installed\n"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
