import requests
print(open("/gen.txt").read())
