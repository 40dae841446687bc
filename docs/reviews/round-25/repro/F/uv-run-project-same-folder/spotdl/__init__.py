import os


def console_entry_point():
    with open(os.path.join(os.getcwd(), "song.mp3"), "wb") as f:
        f.write(b"")
