import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("0.0.0.0", 5353))
while True:
    data, addr = sock.recvfrom(512)
    sock.sendto(data, addr)
