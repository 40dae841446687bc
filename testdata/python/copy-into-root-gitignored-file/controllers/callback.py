import json


def handle():
    # Read relative to the working folder, /, as LineBot's database_connect.py does.
    with open("firebase-admin.json") as f:
        return json.load(f)["project_id"]
