import subprocess

import psycopg2

# the bot transcodes with the ffmpeg the image installs
subprocess.run(["ffmpeg", "-version"], check=True)
print(psycopg2.__libpq_version__)
