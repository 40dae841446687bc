import requests

rows = [requests.__version__]
with open("predictions.csv", "w") as out:
    out.write("\n".join(rows))
