import os

import dill

current_dir = os.path.dirname(os.path.abspath(__file__))
state_file = current_dir + "/../data/state.dill"


def save(value):
    with open(state_file, "wb") as f:
        dill.dump(value, f)
