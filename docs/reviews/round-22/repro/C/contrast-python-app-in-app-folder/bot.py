import yaml

from scamdetect import scan

# config.yaml is read from the working folder, /data, a compose bind mount
with open("config.yaml", "r") as f:
    config = yaml.safe_load(f)

print(scan(config.get("text", "")))
