import os

import config

if os.environ.get("APP_SETTINGS"):
    import importlib

    config = importlib.import_module(os.environ["APP_SETTINGS"])


def prepare():
    config.DATA_DIR.joinpath("raw").mkdir(parents=True, exist_ok=True)


prepare()
