from pathlib import Path

DATA_DIR = Path("/srv/data")
