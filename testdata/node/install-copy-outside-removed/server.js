const c = require('/etc/myapp/config.json'); console.log(c.port);
