from fastapi import FastAPI

from src.config import MODELS_DIR, RAW_DATA_DIR

app = FastAPI()


@app.post("/cache")
def cache():
    (RAW_DATA_DIR / "last.json").write_text("{}")
    (MODELS_DIR / "stamp.txt").write_text("ok")
    return {"ok": True}
