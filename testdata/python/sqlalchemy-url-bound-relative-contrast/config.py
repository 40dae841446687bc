DB_URL: str = "sqlite:///DataBase.db"
