from data_base import sqlite_db

sqlite_db.sql_start()
