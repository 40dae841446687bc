import subprocess

import psycopg2

subprocess.run(["ffmpeg", "-version"], check=True)
