from sqlalchemy import create_engine, text

DB_URL = "sqlite:////persistent/bot.db"

engine = create_engine(DB_URL)

with engine.begin() as conn:
    conn.execute(text("CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY)"))
