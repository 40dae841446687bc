def log(msg):
    with open("/var/log/tool.log", "a") as f:
        f.write(msg)
