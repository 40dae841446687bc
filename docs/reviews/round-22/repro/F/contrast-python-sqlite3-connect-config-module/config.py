DB_PATH = "/var/lib/myapp/app.db"
