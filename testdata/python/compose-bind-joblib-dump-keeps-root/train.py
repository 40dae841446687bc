import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier

frame = pd.DataFrame({"x": [0, 1, 2, 3], "y": [0, 1, 0, 1]})
model = DummyClassifier().fit(frame[["x"]], frame["y"])
joblib.dump(model, "models/model.joblib")
frame.describe().to_csv("reports/summary.csv")
