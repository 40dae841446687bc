from contextlib import asynccontextmanager

from fastapi import FastAPI

from clip import Clip


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.clip = Clip()
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/health")
def health():
    return {"ok": True}
