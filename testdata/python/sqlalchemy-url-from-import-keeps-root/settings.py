import os

DEBUG = os.environ.get("DEBUG") == "1"
DB_URL: str = "sqlite+pysqlite:////persistent/bot.db?timeout=10"
