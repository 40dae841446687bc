import json
from sqlalchemy import create_engine
with open("defconfig.json") as f:
    cfg = json.load(f)
engine = create_engine(cfg["db"])
engine.connect()
