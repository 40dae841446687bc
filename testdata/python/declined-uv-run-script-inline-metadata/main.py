# /// script
# requires-python = ">=3.12"
# dependencies = ["rich"]
# ///
import requests
from rich import print

print(requests.__version__)
