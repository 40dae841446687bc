import os

import requests

token = os.environ["INPUT_TOKEN"]
r = requests.get("https://api.github.com/", headers={"Authorization": "Bearer " + token})
with open(os.environ["GITHUB_OUTPUT"], "a") as out:
    out.write("status=%d\n" % r.status_code)
