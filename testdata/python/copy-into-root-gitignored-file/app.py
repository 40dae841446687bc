from flask import Flask

from controllers.callback import handle

app = Flask(__name__)


@app.route("/callback", methods=["POST"])
def callback():
    return handle()
