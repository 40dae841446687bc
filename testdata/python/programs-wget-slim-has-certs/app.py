import subprocess

subprocess.run(["wget", "-q", "-O", "/tmp/feed.xml", "https://example.com/feed.xml"], check=True)
