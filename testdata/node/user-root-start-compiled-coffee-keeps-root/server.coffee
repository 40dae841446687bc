dgram = require 'dgram'

server = dgram.createSocket 'udp4'
server.on 'message', (msg, rinfo) ->
  server.send msg, rinfo.port, rinfo.address
port = parseInt process.env.DNS_PORT
port = 53 if isNaN port
server.bind port
