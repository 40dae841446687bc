import sqlite3
import remote as sq

# remote.connect opens a connection to a server, named by a path-like key.
client = sq.connect("data/example.db")
print(sqlite3.sqlite_version, client)
