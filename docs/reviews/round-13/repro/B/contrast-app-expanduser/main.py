import os

with open(os.path.expanduser("~/panns_data/class_labels_indices.csv")) as f:
    print(f.readline())
