DB_URL = "sqlite:////persistent/bot.db"
