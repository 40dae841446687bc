const isOdd = require("is-odd");

console.log(isOdd(Number(process.argv[2] || 1)));
