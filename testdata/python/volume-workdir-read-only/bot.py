import yaml

with open("config.yaml", "r") as f:
    config = yaml.safe_load(f)
print(config.get("greeting", "hello"))
