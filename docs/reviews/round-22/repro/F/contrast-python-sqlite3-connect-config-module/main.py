import sqlite3

import config

conn = sqlite3.connect(config.DB_PATH)
conn.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
