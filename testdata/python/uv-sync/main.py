from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()

LINKS = {"docs": "https://docs.python.org/3/"}


@app.get("/{code}")
def follow(code: str):
    return RedirectResponse(LINKS.get(code, "/"))
