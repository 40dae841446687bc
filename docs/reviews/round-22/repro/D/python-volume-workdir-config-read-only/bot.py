import yaml

# config.yaml is only read, from the working folder /data (the volume)
with open("config.yaml", "r") as f:
    config = yaml.safe_load(f)

print(config.get("greeting", "hello"))
