EXPORT_DIR = "/srv/export"
