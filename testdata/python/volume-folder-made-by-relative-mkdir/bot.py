import os

os.makedirs("/app/data", exist_ok=True)
with open("data/state.json", "w") as f:
    f.write("{}")
