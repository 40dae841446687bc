from contextlib import asynccontextmanager

from fastapi import FastAPI
from transformers import CLIPModel, CLIPProcessor


@asynccontextmanager
async def lifespan(app: FastAPI):
    # Downloads the model into ~/.cache/huggingface on the first start.
    app.state.model = CLIPModel.from_pretrained("openai/clip-vit-base-patch32")
    app.state.processor = CLIPProcessor.from_pretrained("openai/clip-vit-base-patch32")
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/health")
def health():
    return {"ok": True}
