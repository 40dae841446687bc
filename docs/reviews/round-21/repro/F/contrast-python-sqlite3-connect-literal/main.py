import sqlite3
conn = sqlite3.connect("/persistent/bot.db")
