import Docker from 'dockerode';

// Not '/var/run/docker.sock' itself: a proxy in front of it
// (new Docker() would connect to the socket) answers on the network.
const docker = new Docker({ host: 'docker-proxy', port: 2375 });
const events = await docker.getEvents();
events.on('data', (chunk) => console.log(chunk.toString()));
