from .detect import scan
