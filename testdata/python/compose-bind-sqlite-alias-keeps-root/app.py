import sqlite3 as sq

base = sq.connect("data/example.db")
base.execute("CREATE TABLE IF NOT EXISTS votes (user TEXT, talk TEXT)")
