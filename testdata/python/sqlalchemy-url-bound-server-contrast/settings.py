import os

DB_URL = "postgresql+psycopg://app@db:5432/app"
REPORTS_URL = os.environ.get("REPORTS_URL", "postgresql://app@db/reports")
