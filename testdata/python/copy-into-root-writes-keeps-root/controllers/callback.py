def handle():
    with open("hits.log", "a") as f:
        f.write("hit\n")
    return "ok"
