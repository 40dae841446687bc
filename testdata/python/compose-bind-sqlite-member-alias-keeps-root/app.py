from sqlite3 import connect as open_db


def votes():
    db = open_db("data/example.db")
    return db.execute("SELECT talk FROM votes").fetchall()
