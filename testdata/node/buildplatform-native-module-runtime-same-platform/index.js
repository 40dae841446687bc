const Database = require('better-sqlite3');
const express = require('express');

const db = new Database(':memory:');
const app = express();
app.get('/', (req, res) => res.json(db.prepare('select sqlite_version() as v').get()));
app.listen(3000);
