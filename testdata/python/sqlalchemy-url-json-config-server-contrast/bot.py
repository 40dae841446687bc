import json
import os

from sqlalchemy import create_engine, text

CONFIG = 'config.json' if os.path.exists('config.json') else 'defconfig.json'
with open(CONFIG) as f:
    cfg = json.load(f)

engine = create_engine(cfg['db'])
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY)"))
