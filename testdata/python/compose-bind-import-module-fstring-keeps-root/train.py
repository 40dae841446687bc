import joblib

import app.config as cfg
from app.model import build

for name in ("small", "large"):
    model = build(name)
    joblib.dump(model, cfg.MODELS_DIR / f"{name}.joblib")
