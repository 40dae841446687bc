with open("data/visits.log", "a") as log:
    log.write("hit\n")
