import joblib

import os, app.config as cfg, json
from app.model import build

for name in ("small", "large"):
    model = build(name)
    joblib.dump(model, cfg.MODELS_DIR / f"{name}.joblib")
print(json.dumps(os.listdir(cfg.MODELS_DIR)))
