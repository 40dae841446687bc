from sqlalchemy import create_engine, text

from settings import DB_URL

engine = create_engine(DB_URL, echo=False)

with engine.begin() as conn:
    conn.execute(text("CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY)"))
