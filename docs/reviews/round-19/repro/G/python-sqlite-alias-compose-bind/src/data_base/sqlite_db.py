import sqlite3 as sq


def sql_start():
    base = sq.connect("data/example.db")
    base.execute("create table if not exists votes (id integer)")
    base.commit()
