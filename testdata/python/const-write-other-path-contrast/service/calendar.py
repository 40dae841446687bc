import json
import os

TOKEN_FILE = 'data/token.json'


def load_token():
    if os.path.exists(TOKEN_FILE):
        with open(TOKEN_FILE) as f:
            return json.load(f)
    return None


def save_token(token):
    os.makedirs('data', exist_ok=True)
    with open(TOKEN_FILE, "w+") as f:
        json.dump(token, f)
