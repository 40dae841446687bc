import sys

from panns_inference import AudioTagging

tagger = AudioTagging(checkpoint_path=None, device="cpu")
print(tagger, file=sys.stderr)
