const { hello } = require('../shared/util.js');
console.log(hello());
