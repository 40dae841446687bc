import io

from flask import Flask, request
from lxml import etree
from PIL import Image

app = Flask(__name__)


@app.post("/feed")
def feed():
    root = etree.fromstring(request.data)
    return {"items": len(root.findall("item"))}


@app.post("/thumbnail")
def thumbnail():
    image = Image.open(io.BytesIO(request.data))
    image.thumbnail((128, 128))
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue(), 200, {"Content-Type": "image/jpeg"}
