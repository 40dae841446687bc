import json
import os

from support.properties import TOKEN_FILE


def load_token():
    if os.path.exists(TOKEN_FILE):
        with open(TOKEN_FILE) as f:
            return json.load(f)
    return None


def save_token(token):
    with open(TOKEN_FILE, "w+") as f:
        json.dump(token, f)
