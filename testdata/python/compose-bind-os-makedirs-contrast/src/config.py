import os
from pathlib import Path

os.makedirs("data/raw", exist_ok=True)
os.makedirs("models", exist_ok=True)

RAW_DATA_DIR = Path("data/raw")
MODELS_DIR = Path("models")
