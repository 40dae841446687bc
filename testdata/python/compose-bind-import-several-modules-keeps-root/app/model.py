def build(name):
    return {"name": name, "weights": [0.0] * 8}
