import os

import pytesseract

with open(os.path.join(os.path.dirname(__file__), "blacklist.txt")) as file:
    BLACKLIST = [line.strip() for line in file if line.strip()]


def scan(text):
    return [word for word in BLACKLIST if word in text]
