import sqlite3


def sql_start():
    base = sqlite3.connect("data/example.db")
    base.execute("create table if not exists votes (id integer)")
    base.commit()
