from sqlalchemy import create_engine, text

DB_URL = "sqlite:////var/lib/myapp/app.db"
engine = create_engine(DB_URL)
