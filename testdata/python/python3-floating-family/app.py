import time

import requests

while True:
    print(requests.get("https://example.com", timeout=10).status_code, flush=True)
    time.sleep(60)
