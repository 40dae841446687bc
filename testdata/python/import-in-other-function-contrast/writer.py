import os

REPORTS_DIR = os.environ["REPORTS_DIR"]


def load(day):
    from settings import REPORTS_DIR

    return os.listdir(os.path.join(REPORTS_DIR, day))


def save(report):
    os.makedirs(os.path.join(REPORTS_DIR, f"{report['day']}"), exist_ok=True)
