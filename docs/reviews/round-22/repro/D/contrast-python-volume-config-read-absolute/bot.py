import yaml

# config.yaml is only read, by its path in the volume /data
with open("/data/config.yaml", "r") as f:
    config = yaml.safe_load(f)

print(config.get("greeting", "hello"))
