# panns_inference reads (and on a miss, downloads into) ~/panns_data when it
# is imported: the compose file gives it that folder at /root/panns_data.
from panns_inference import AudioTagging

tagger = AudioTagging(checkpoint_path=None, device="cpu")
print(tagger)
