from pathlib import Path

REPORTS = Path("reports")


def save(text):
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "last.txt").write_text(text)


if __name__ == "__main__":
    save("ok\n")
