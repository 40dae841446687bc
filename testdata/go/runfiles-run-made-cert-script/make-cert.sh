#!/bin/sh
# A self-signed pair in the working folder, as the reviewed repository's
# script does with openssl req -keyout server.key -out server.pem.
openssl req -newkey rsa:2048 -x509 -nodes -keyout server.key -out server.pem -subj /CN=localhost -days 3650
