from sqlalchemy import create_engine, text

engine = create_engine("sqlite:////var/lib/myapp/app.db")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE IF NOT EXISTS t (x INTEGER)"))
