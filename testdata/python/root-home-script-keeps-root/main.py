import json

with open("/root/.ocean/artifacts/address.json") as f:
    print(json.load(f))
