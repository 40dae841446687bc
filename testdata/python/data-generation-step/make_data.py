"""Builds data/airports.json from airports.csv at image build time."""
import csv
import json
from pathlib import Path

rows = {}
with open("airports.csv", newline="") as f:
    for row in csv.DictReader(f):
        rows[row["iata"]] = {"name": row["name"], "country": row["country"]}

Path("data").mkdir(exist_ok=True)
Path("data/airports.json").write_text(json.dumps(rows, sort_keys=True))
