from pathlib import Path

# the same folder platformdirs.user_config_dir("app") gives on Linux
config_dir = Path.home() / ".config" / "app"
config_dir.mkdir(parents=True, exist_ok=True)
(config_dir / "default.yaml").write_text("version: 1\n")
