module.exports = '/usr/bin/true';
