import os

from flask import Flask

app = Flask(__name__)
print("# started", os.getpid(), file=open("app.log", "a"))
# os.makedirs("/var/cache/app", exist_ok=True)
# with open("/var/log/app.log", "a") as log:
#     log.write("hit\n")


@app.route("/")
def index():
    return "ok"  # open("/var/log/hits.log", "a") was too slow


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=80)
