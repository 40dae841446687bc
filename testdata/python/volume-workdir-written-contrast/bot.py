import yaml

with open("config.yaml", "r") as f:
    config = yaml.safe_load(f)
with open("seen.log", "a") as log:
    log.write("started\n")
