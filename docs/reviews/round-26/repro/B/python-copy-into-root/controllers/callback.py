def handle():
    return "OK"
