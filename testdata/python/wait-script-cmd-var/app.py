import os

import psycopg2

conn = psycopg2.connect(host="postgres", user="app", password=os.environ["DB_PASSWORD"])
with conn.cursor() as cur:
    cur.execute("SELECT 1")
    print(cur.fetchone())
