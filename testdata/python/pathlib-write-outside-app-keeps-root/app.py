from pathlib import Path

STATE = Path("/var/lib/app")

if __name__ == "__main__":
    STATE.mkdir(parents=True, exist_ok=True)
    (STATE / "state.json").write_text("{}")
