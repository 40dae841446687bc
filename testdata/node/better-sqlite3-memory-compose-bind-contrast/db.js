const Database = require('better-sqlite3');

// An in-memory database: no file, wherever the program runs.
const db = new Database(':memory:');
db.exec('CREATE TABLE pushups (n INTEGER)');
module.exports = db;
