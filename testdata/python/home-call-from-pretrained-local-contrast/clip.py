from transformers import CLIPModel, CLIPProcessor

# Saved with save_pretrained() and copied into the image with the app.
MODEL_DIR = "./models/clip"


class Clip:
    def __init__(self):
        self.model = CLIPModel.from_pretrained("./models/clip")
        self.processor = CLIPProcessor.from_pretrained("./models/clip")
