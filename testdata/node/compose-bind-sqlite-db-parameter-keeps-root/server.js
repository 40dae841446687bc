const express = require('express');
const db = require('./db');
const app = express();
app.get('/', (req, res) => res.json(db.prepare('SELECT 1 AS ok').get()));
app.listen(3000);
