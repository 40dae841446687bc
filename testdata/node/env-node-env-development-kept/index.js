const log = require('pino')();
log.info({ env: process.env.NODE_ENV }, 'worker started');
