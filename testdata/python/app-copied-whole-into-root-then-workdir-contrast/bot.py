import detector
print(open("config.yaml").read())
