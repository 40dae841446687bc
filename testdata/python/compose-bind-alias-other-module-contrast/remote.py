def connect(key):
    return {"server": "db.internal", "key": key}
