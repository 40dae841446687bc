DB_URL = "sqlite:////var/lib/myapp/app.db"
