import json
import os

LOG_DIR: str = "/var/log/bot"  # made at start


def load_token():
    return None


def save_token(token):
    os.makedirs(LOG_DIR, exist_ok=True)
    with open(os.path.join(LOG_DIR, "token.log"), "a") as f:
        f.write(json.dumps(token))
