from sqlalchemy import create_engine, text

engine = create_engine("sqlite:///bot.db")

with engine.begin() as conn:
    conn.execute(text("CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY)"))
