import docker

# Follows the host's container events.
client = docker.from_env()
for event in client.events(decode=True):
    print(event.get("Action"), event.get("id"))
