from sqlalchemy import create_engine, text

import config

engine = create_engine(config.DB_URL)

with engine.begin() as conn:
    conn.execute(text("CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY)"))
