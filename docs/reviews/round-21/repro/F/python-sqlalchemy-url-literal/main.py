from sqlalchemy import create_engine
engine = create_engine("sqlite:////persistent/bot.db")
engine.connect()
