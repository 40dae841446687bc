module.exports = (destination) => ({ info: (msg) => console.log(destination, msg) });
