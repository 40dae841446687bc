const dgram = require('dgram');

const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  server.send(msg, rinfo.port, rinfo.address);
});
server.bind(5353);
