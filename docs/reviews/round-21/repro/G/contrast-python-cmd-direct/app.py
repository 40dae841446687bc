import os
print("connecting to", os.getenv("POSTGRES_HOST"))
