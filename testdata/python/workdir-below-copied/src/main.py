with open("counter.txt", "w") as f:
    f.write("1")
