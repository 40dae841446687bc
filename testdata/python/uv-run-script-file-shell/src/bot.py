import sys

import requests

print(requests.__version__, sys.argv[1:])
