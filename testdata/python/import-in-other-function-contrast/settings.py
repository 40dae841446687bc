CACHE_FILE = "/var/cache/app/cache.json"
REPORTS_DIR = "/var/lib/reports"
