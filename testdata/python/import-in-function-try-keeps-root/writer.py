import os


def save(report):
    from settings import REPORTS_DIR

    os.makedirs(os.path.join(REPORTS_DIR, f"{report['day']}"), exist_ok=True)
