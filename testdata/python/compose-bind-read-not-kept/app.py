import json

with open("config/settings.json") as f:
    print(json.load(f)["greeting"])
