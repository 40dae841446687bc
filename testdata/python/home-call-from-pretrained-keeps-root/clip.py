from transformers import CLIPModel, CLIPProcessor

MODEL_ID = "openai/clip-vit-base-patch32"


class Clip:
    def __init__(self, model_id: str = MODEL_ID):
        # A hub id: fetched into the Hugging Face cache at the first start.
        self.model = CLIPModel.from_pretrained(model_id)
        self.processor = CLIPProcessor.from_pretrained(model_id)
