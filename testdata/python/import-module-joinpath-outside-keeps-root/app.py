import os

import config
import storage.paths


def prepare():
    config.DATA_DIR.joinpath("raw").mkdir(parents=True, exist_ok=True)
    os.makedirs(storage.paths.EXPORT_DIR, exist_ok=True)


prepare()
