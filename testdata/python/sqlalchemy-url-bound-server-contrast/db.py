import os

from sqlalchemy import create_engine, text

import settings

engine = create_engine(settings.DB_URL)
reports = create_engine(settings.REPORTS_URL)
audit = create_engine(os.environ["AUDIT_DATABASE_URL"])
ANALYTICS_URL = os.getenv("ANALYTICS_URL")
analytics = create_engine(ANALYTICS_URL)

with engine.begin() as conn:
    conn.execute(text("SELECT 1"))
