const dgram = require('node:dgram');

const socket = dgram.createSocket({ type: 'udp6' });
socket.on('message', (msg) => console.log(msg.toString()));
const log = console.log.bind(console);

socket.bind({ port: 514, exclusive: true }, () => log('listening'));
