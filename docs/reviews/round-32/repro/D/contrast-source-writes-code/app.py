from flask import Flask
app = Flask(__name__)
with open("/code/latest.txt", "w") as f:
    f.write("started")
