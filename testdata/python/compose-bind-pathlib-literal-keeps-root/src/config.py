from pathlib import Path

RAW_DATA_DIR = Path("data/raw")
MODELS_DIR = Path("models")

# Made at import, so the app stops at start when the folder cannot be made.
for d in [RAW_DATA_DIR, MODELS_DIR]:
    d.mkdir(parents=True, exist_ok=True)
