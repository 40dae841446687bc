import json

with open("/data/artifacts/address.json") as f:
    print(json.load(f))
