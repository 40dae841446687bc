import os

import psycopg2
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    with psycopg2.connect(os.environ.get("DATABASE_URL", "")) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
            return {"db": cur.fetchone()[0]}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
