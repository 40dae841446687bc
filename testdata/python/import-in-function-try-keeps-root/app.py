import json
import sys

try:
    from settings import CACHE_FILE
except ImportError:
    sys.exit("settings.py is missing")

from writer import save


def cache(data):
    with open(CACHE_FILE, "w") as f:
        json.dump(data, f)


cache({"ok": True})
save({"day": "2026-12-03"})
