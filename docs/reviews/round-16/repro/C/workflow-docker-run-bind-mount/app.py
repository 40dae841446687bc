import sqlite3

conn = sqlite3.connect("data/app.db")
conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
conn.commit()
