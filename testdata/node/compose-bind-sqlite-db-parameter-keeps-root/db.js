const Database = require('better-sqlite3');
const path = require('path');

function createDb(dbPath) {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  return db;
}

module.exports = createDb(path.join(__dirname, 'data', 'pushups.db'));
