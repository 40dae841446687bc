import json
import os

# The address file lives in the home folder of the user that runs the program.
with open(os.path.expanduser("~/.ocean/artifacts/address.json")) as f:
    print(json.load(f))
