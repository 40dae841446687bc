from writer import load, save

save({"day": "2026-12-03"})
print(load("2026-12-03"))
