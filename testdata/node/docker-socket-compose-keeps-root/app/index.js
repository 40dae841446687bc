import Docker from 'dockerode';

// The program follows the host's container events through the socket.
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const events = await docker.getEvents();
events.on('data', (chunk) => console.log(chunk.toString()));
