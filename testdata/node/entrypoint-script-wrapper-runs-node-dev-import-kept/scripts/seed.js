const { SHA256 } = require('crypto-js');

console.log('seed', SHA256(String(Date.now())).toString());
